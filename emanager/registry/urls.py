from django.urls import path

from emanager.registry import views

app_name = "registry"

urlpatterns = [
    path("", views.journal, name="journal"),
    path("journal.csv", views.journal_export, {"fmt": "csv"}, name="journal_csv"),
    path("journal.xlsx", views.journal_export, {"fmt": "xlsx"}, name="journal_xlsx"),
    path("journal.pdf", views.journal_export, {"fmt": "pdf"}, name="journal_pdf"),
    path("answers/<int:pk>.pdf", views.answer_print, name="answer_pdf"),
]

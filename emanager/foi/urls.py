from django.urls import path

from emanager.foi import public_views, staff_views, views

app_name = "foi"

urlpatterns = [
    # Public pages: no login.
    path("", public_views.index, name="index"),
    path("register/", public_views.register_page, name="register"),
    path("register/columns/", public_views.register_columns, name="register_columns"),
    path("register.csv", public_views.register_export, {"fmt": "csv"}, name="register_csv"),
    path("register.xlsx", public_views.register_export, {"fmt": "xlsx"}, name="register_xlsx"),
    path("register.json", public_views.register_export, {"fmt": "json"}, name="register_json"),
    path("report/", public_views.report_page, name="report"),
    path("report.pdf", public_views.report_export, {"fmt": "pdf"}, name="report_pdf"),
    path("report.csv", public_views.report_export, {"fmt": "csv"}, name="report_csv"),
    # Requests handled by the law (staff) and complaints (the requester's private link).
    path("track/<str:token>/complaint/", views.complaint, name="complaint"),
    path("staff/settings/", staff_views.foi_settings_edit, name="settings"),
    path("staff/<uuid:uuid>/refusal.pdf", staff_views.refusal_pdf, name="refusal_pdf"),
    path("staff/<uuid:uuid>/<slug:action>/", staff_views.request_action, name="staff_action"),
    # Add other routes above this line: a body's page takes any single path segment.
    path("<slug:slug>/", public_views.body_page, name="body"),
]

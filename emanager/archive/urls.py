from django.urls import path

from emanager.archive import views

app_name = "archive"

urlpatterns = [
    path("", views.index, name="index"),
]

from django.urls import path

from emanager.fulltext import views

app_name = "fulltext"

urlpatterns = [
    path("", views.search, name="search"),
]

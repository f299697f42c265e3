from django.urls import path

from emanager.accountability import views

app_name = "accountability"

urlpatterns = [
    path("", views.ranking, name="ranking"),
    path("bodies/<slug:slug>/", views.body, name="body"),
    path("officials/<slug:slug>/", views.official, name="official"),
    path("units/<slug:slug>/", views.unit, name="unit"),
]

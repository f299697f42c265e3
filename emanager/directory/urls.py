from django.urls import path

from emanager.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("structure/", views.structure, name="structure"),
    path("bodies/<slug:slug>/", views.body, name="body"),
    path("officials/", views.official_list, name="officials"),
    path("officials/<slug:slug>/", views.official, name="official"),
    path("units/", views.unit_list, name="units"),
    path("units/<slug:slug>/", views.unit, name="unit"),
    path("search/", views.search, name="search"),
]

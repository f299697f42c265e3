from django.urls import path, register_converter

from emanager.opendata import views

app_name = "opendata"


class FormatConverter:
    regex = "csv|xlsx|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "opendata_format")

urlpatterns = [
    path("", views.index, name="index"),
    path("feeds/", views.feed_list, name="feeds"),
    path("feeds/letters.atom", views.letters_feed, name="feed"),
    path("feeds/bodies/<slug:slug>.atom", views.body_feed, name="body_feed"),
    path("feeds/officials/<slug:slug>.atom", views.official_feed, name="official_feed"),
    path("<slug:slug>.<opendata_format:fmt>", views.export, name="export"),
    path("<slug:slug>/", views.dataset_page, name="dataset"),
]

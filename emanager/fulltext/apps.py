from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FulltextConfig(AppConfig):
    name = "emanager.fulltext"
    verbose_name = _("Full-text search")

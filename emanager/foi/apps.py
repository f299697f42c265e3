from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoiConfig(AppConfig):
    name = "emanager.foi"
    verbose_name = _("Public information")

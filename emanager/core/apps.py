from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "emanager.core"
    verbose_name = _("Site")

    def ready(self) -> None:
        from emanager.core import checks  # noqa: F401  (registers system checks)

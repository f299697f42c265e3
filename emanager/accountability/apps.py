from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountabilityConfig(AppConfig):
    name = "emanager.accountability"
    verbose_name = _("Accountability")

    def ready(self) -> None:
        from emanager.accountability import signals  # noqa: F401  (connects the receivers)

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "emanager.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from emanager.notifications import checks  # noqa: F401  (registers system checks)

        # Each app declares its e-mails in its own emails.py.
        autodiscover_modules("emails")

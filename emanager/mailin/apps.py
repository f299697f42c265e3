from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailinConfig(AppConfig):
    name = "emanager.mailin"
    verbose_name = _("Answers by e-mail")

    def ready(self) -> None:
        from emanager.mailin import checks  # noqa: F401  (registers system checks)

from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "emanager.core"
    verbose_name = _("Site")

    def ready(self) -> None:
        from emanager.core import checks  # noqa: F401  (registers system checks)
        from emanager.core.freshness import WATCHED, row_changed

        for label in WATCHED:
            model = apps.get_model(label)
            post_save.connect(row_changed, sender=model, dispatch_uid=f"freshness:save:{label}")
            post_delete.connect(row_changed, sender=model, dispatch_uid=f"freshness:delete:{label}")

"""System checks for configuration mistakes that Django's own checks miss."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def mail_is_delivered(app_configs, **kwargs):
    if getattr(settings, "MAIL_BACKEND", "smtp") in {"console", "memory"}:
        return [
            Warning(
                "MAIL_BACKEND is not smtp or file: e-mail to citizens is printed or kept in "
                "memory and never delivered.",
                hint="Set MAIL_BACKEND=smtp and MAIL_HOST for production.",
                id="emanager.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def tasks_are_durable(app_configs, **kwargs):
    if getattr(settings, "TASKS_BACKEND", "database") == "immediate":
        return [
            Warning(
                "TASKS_BACKEND=immediate runs background work inside web requests.",
                hint="Use TASKS_BACKEND=database and run the worker (manage.py db_worker).",
                id="emanager.W002",
            )
        ]
    return []

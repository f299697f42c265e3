"""Fixtures of the outbox tests: a real SMTP server and a test e-mail."""

from __future__ import annotations

import pytest

from emanager.notifications import emails
from emanager.notifications.models import OutboxMessage
from emanager.notifications.services import notification_enqueue
from tests.notifications.support import GREETING_CONTEXT, TEMPLATES, SMTPServer


@pytest.fixture
def smtp(settings):
    server = SMTPServer()
    server.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "127.0.0.1",
                "port": server.port,
                "use_tls": False,
                "use_ssl": False,
                "timeout": 5,
            },
        }
    }
    settings.DEFAULT_FROM_EMAIL = "ლანჩხუთი e-Manager <noreply@lanchkhuti.example.ge>"
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def greeting_email(settings, monkeypatch):
    """``tests/greeting``: an e-mail with Georgian text in its subject and both parts."""
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], TEMPLATES]}]
    monkeypatch.setattr(emails, "_declared", dict(emails._declared))
    return emails.declare_email("tests/greeting", context=GREETING_CONTEXT)


@pytest.fixture
def enqueue(db, django_capture_on_commit_callbacks):
    """Queue an e-mail in a transaction that commits (so its task runs at once)."""

    def enqueue(*, execute: bool = True, **kwargs) -> OutboxMessage:
        values = {
            "template": "tests/greeting",
            "to": "nino@example.ge",
            "language": "ka",
            "context": GREETING_CONTEXT,
            **kwargs,
        }
        with django_capture_on_commit_callbacks(execute=execute):
            message = notification_enqueue(**values)
        message.refresh_from_db()
        return message

    return enqueue

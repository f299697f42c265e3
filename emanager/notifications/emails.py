"""Named e-mails: their declarations and how they are rendered.

An e-mail named ``letters/acknowledgement`` is three templates in any app's
``templates/emails/`` folder::

    emails/letters/acknowledgement.subject.txt   one line (whitespace is collapsed)
    emails/letters/acknowledgement.txt           the plain-text part
    emails/letters/acknowledgement.html          the HTML part, usually
                                                 {% extends "emails/base.html" %}

and a declaration of the context its caller gives, in that app's
``emails.py`` (imported at start-up by ``NotificationsConfig.ready``)::

    from emanager.notifications.emails import declare_email

    ACKNOWLEDGEMENT = declare_email(
        "letters/acknowledgement", context=["letter_number", "letter_url", "deadline"]
    )

``notification_enqueue`` refuses a context whose keys differ from the
declaration. Besides those keys, every template gets ``recipient`` (the
address it is sent to), and the text and HTML parts get ``subject``. The
templates are rendered in the recipient's language, so ``{% translate %}`` and
``{% blocktranslate trimmed %}`` work as in a page; the subject and text
parts are rendered without HTML escaping. Dates travel as ISO strings:
``{% load email_tags %}{{ deadline|from_iso|date:"j F Y" }}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation


@dataclass(frozen=True, slots=True)
class Email:
    """A declared e-mail: its name and the context keys its caller must give."""

    name: str
    context: frozenset[str]

    @property
    def template_names(self) -> tuple[str, str, str]:
        """The subject, text and HTML templates."""
        return template_names(self.name)

    def check_context(self, context: Mapping[str, Any]) -> None:
        missing = self.context - context.keys()
        unexpected = context.keys() - self.context
        if missing or unexpected:
            raise ValueError(
                f"The context of the e-mail {self.name!r} does not match its declaration: "
                f"missing {sorted(missing)}, unexpected {sorted(unexpected)}."
            )


_declared: dict[str, Email] = {}


def template_names(name: str) -> tuple[str, str, str]:
    """The subject, text and HTML templates of the e-mail ``name``."""
    base = f"emails/{name}"
    return f"{base}.subject.txt", f"{base}.txt", f"{base}.html"


def declare_email(name: str, *, context: Iterable[str] = ()) -> Email:
    """Declare the e-mail ``name`` and the context keys its templates use."""
    email = Email(name=name, context=frozenset(context))
    if _declared.get(name, email) != email:
        raise ImproperlyConfigured(f"The e-mail {name!r} is declared twice, differently.")
    _declared[name] = email
    return email


def declared_emails() -> list[Email]:
    return sorted(_declared.values(), key=lambda email: email.name)


def get_email(name: str) -> Email:
    try:
        return _declared[name]
    except KeyError:
        raise LookupError(
            f"No e-mail named {name!r} is declared; declare it with declare_email() "
            "in the emails.py of its app."
        ) from None


def _render_text(template_name: str, context: dict[str, Any]) -> str:
    # The Django template behind the backend's wrapper, rendered without
    # autoescaping: "&" in a subject or a text part stays "&".
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def render_email(
    *,
    template: str,
    language: str,
    context: Mapping[str, Any],
    to: str,
    headers: Mapping[str, str] | None = None,
    reply_to: str = "",
    envelope_sender: str = "",
) -> EmailMultiAlternatives:
    """Render the named e-mail in ``language`` as a text message with an HTML alternative.

    With ``envelope_sender`` the message is sent from that address (the SMTP
    MAIL FROM, which the receiving server records as Return-Path and where
    bounces go) while its From header stays ``DEFAULT_FROM_EMAIL``.
    """
    subject_name, text_name, html_name = template_names(template)
    with translation.override(language):
        values = {**context, "recipient": to}
        subject = " ".join(_render_text(subject_name, values).split())
        values["subject"] = subject
        text = _render_text(text_name, values)
        html = render_to_string(html_name, values)
    all_headers = {"Content-Language": language, **(headers or {})}
    if envelope_sender:
        all_headers["From"] = settings.DEFAULT_FROM_EMAIL
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=envelope_sender or None,
        to=[to],
        reply_to=[reply_to] if reply_to else None,
        headers=all_headers,
    )
    message.attach_alternative(html, "text/html")
    return message


# The e-mail of `manage.py send_test_email`.
TEST_EMAIL = declare_email("notifications/test", context=["requested_at", "hostname"])

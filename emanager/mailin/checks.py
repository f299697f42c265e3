"""System checks of the mail settings (README, "Mail set-up")."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ValidationError
from django.core.validators import validate_domain_name


@register()
def mail_settings(app_configs, **kwargs):
    problems = []
    domain = settings.MAIL_REPLY_DOMAIN
    if domain:
        try:
            validate_domain_name(domain)
        except ValidationError:
            problems.append(
                Error(
                    f"MAIL_REPLY_DOMAIN={domain!r} is not a domain name.",
                    hint="Give the domain alone, such as mail.emanager.example.ge.",
                    id="mailin.E001",
                )
            )
    if settings.MAIL_IMAP_HOST and not (settings.MAIL_IMAP_USER and settings.MAIL_IMAP_PASSWORD):
        problems.append(
            Error(
                "MAIL_IMAP_HOST is set without MAIL_IMAP_USER and MAIL_IMAP_PASSWORD.",
                id="mailin.E002",
            )
        )
    if settings.MAIL_IMAP_HOST and not domain:
        problems.append(
            Warning(
                "MAIL_IMAP_HOST is set but MAIL_REPLY_DOMAIN is empty: no letter is sent with "
                "a reply address, so no reply can be matched to its letter.",
                id="mailin.W001",
            )
        )
    if settings.MAIL_IMAP_HOST and settings.MAIL_IMAP_SECURITY == "none" and not settings.DEBUG:
        problems.append(
            Warning(
                "MAIL_IMAP_SECURITY=none sends the mailbox password unencrypted.",
                hint="Use ssl or starttls.",
                id="mailin.W002",
            )
        )
    return problems

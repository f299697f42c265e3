"""``manage.py fetch_mail``: receive the unread e-mails of the IMAP mailbox (MAIL_IMAP_*).

Run it every few minutes from cron or a systemd timer (README, "Mail
set-up"). Exit status 1 when the mailbox cannot be read or a message fails.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from emanager.mailin.imap import MailboxError, mailbox_fetch


class Command(BaseCommand):
    help = "Receive the unread e-mails of the IMAP mailbox set in MAIL_IMAP_HOST and the rest."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=None, help="Receive at most this many messages."
        )

    def handle(self, *args, limit: int | None = None, **options):
        if not settings.MAIL_IMAP_HOST:
            raise CommandError("MAIL_IMAP_HOST is not set: there is no mailbox to read.")
        try:
            result = mailbox_fetch(limit=limit)
        except MailboxError as error:
            raise CommandError(str(error)) from error
        outcomes = ", ".join(f"{name}: {count}" for name, count in sorted(result.outcomes.items()))
        if options["verbosity"] >= 1:
            self.stdout.write(f"{result.received} e-mails received ({outcomes or 'none'}).")
        if result.failed:
            raise CommandError(f"{result.failed} e-mails could not be received; they stay unread.")

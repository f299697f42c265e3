"""Send a test e-mail through the outbox, to check the mail settings."""

import socket

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from emanager.notifications.emails import TEST_EMAIL
from emanager.notifications.models import OutboxStatus
from emanager.notifications.services import notification_enqueue


class Command(BaseCommand):
    help = (
        "Queue a test e-mail to ADDRESS through the outbox. The task worker sends it; "
        "its status (and any error from the mail server) is shown under Notifications in "
        "the administration."
    )

    def add_arguments(self, parser):
        parser.add_argument("address", help="The address to send the test e-mail to.")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="The language of the e-mail (default: %(default)s).",
        )

    def handle(self, *args, address: str, language: str, **options):
        try:
            with transaction.atomic():
                message = notification_enqueue(
                    template=TEST_EMAIL.name,
                    to=address,
                    language=language,
                    context={
                        "requested_at": timezone.now().isoformat(),
                        "hostname": socket.gethostname(),
                    },
                )
        except ValidationError as error:
            raise CommandError(f"{address!r} is not an e-mail address.") from error
        message.refresh_from_db()
        self.stdout.write(f"Test e-mail {message.pk} to {address} is {message.status}.")
        if message.last_error:
            self.stderr.write(f"Last error: {message.last_error}")
        if message.status == OutboxStatus.PENDING:
            self.stdout.write(
                "The task worker (manage.py db_worker) sends it; see Notifications › "
                "Outgoing e-mails in the administration."
            )

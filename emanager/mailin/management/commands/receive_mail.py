"""``manage.py receive_mail``: one e-mail on standard input, as a mail server pipes it.

For Postfix, a pipe transport for the reply+ and bounce+ addresses (README,
"Mail set-up"). Exit status: 0 once the message is stored (whatever it
was); 75 (EX_TEMPFAIL) when the database is unavailable, so that the mail
server keeps the message and tries again; 65 (EX_DATAERR) for empty input.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from emanager.mailin.services import mail_receive

EX_DATAERR = 65
EX_TEMPFAIL = 75


class Command(BaseCommand):
    help = "Receive one e-mail (RFC 822) from standard input: an answer, a bounce, or for a clerk."
    # call_command(..., stdin=...) in tests; standard input otherwise.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "--recipient",
            default="",
            help=(
                "The envelope recipient, such as Postfix's ${recipient} (reply+…@… or bounce+…@…)."
            ),
        )

    def handle(self, *args, recipient: str = "", **options):
        stream = options.get("stdin") or sys.stdin.buffer
        raw = stream.read()
        if isinstance(raw, str):
            raw = raw.encode()
        if not raw.strip():
            raise CommandError("No message on standard input.", returncode=EX_DATAERR)
        try:
            inbound = mail_receive(raw, recipient=recipient)
        except DatabaseError as error:
            raise CommandError(
                f"The message could not be stored, try again later: {error}",
                returncode=EX_TEMPFAIL,
            ) from error
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"{inbound.message_id}: {inbound.status} {inbound.hold_reason}".strip()
            )

"""A real SMTP server (aiosmtpd on 127.0.0.1) for the outbox tests."""

from __future__ import annotations

import email
import email.policy
import socket
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller

TEMPLATES = Path(__file__).resolve().parent / "templates"

GREETING_CONTEXT = {
    "citizen": "ნინო ბერიძე",
    "municipality": "ლანჩხუთის მუნიციპალიტეტი",
    "date": "2026-03-12",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """An aiosmtpd handler that keeps what it accepts.

    With ``refuse`` set (such as "451 4.3.0 Try again later") it answers the
    DATA command with that reply and keeps nothing.
    """

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self.refuse: str | None = None

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.refuse:
            return self.refuse
        self.recipients.append(list(envelope.rcpt_tos))
        self.messages.append(
            email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        )
        return "250 2.0.0 Message accepted"


class SMTPServer:
    """An SMTP server on 127.0.0.1 that can be stopped (an outage) and started again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.inbox = Inbox()
        self.controller: Controller | None = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.inbox.messages

    def start(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def body(message: EmailMessage, subtype: str) -> str:
    return message.get_body(preferencelist=(subtype,)).get_content()

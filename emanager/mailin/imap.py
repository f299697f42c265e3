"""Reading a mailbox over IMAP (``manage.py fetch_mail``), for sites without a mail pipe.

Each unread message of MAIL_IMAP_FOLDER is fetched without marking it read,
handed to :func:`emanager.mailin.services.mail_receive`, and only then marked
read (and moved to MAIL_IMAP_DONE_FOLDER, when set). A message whose handling
fails stays unread and is tried again on the next run; one handled but not
marked (the connection dropped) comes again and is recorded as a duplicate,
by its Message-ID, so nothing is acted on twice.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import ssl
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings

from emanager.mailin.models import InboundMail

logger = logging.getLogger(__name__)

TIMEOUT = 60


class MailboxError(Exception):
    """The mailbox could not be opened or read."""


@dataclass
class FetchResult:
    # How many messages ended in each outcome (InboundStatus values).
    outcomes: Counter[str] = field(default_factory=Counter)
    failed: int = 0

    @property
    def received(self) -> int:
        return sum(self.outcomes.values())


def _quote(name: str) -> str:
    """A mailbox name as an IMAP quoted string."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _connect() -> imaplib.IMAP4:
    host, port = settings.MAIL_IMAP_HOST, settings.MAIL_IMAP_PORT
    security = settings.MAIL_IMAP_SECURITY
    if security == "ssl":
        connection = imaplib.IMAP4_SSL(
            host, port, ssl_context=ssl.create_default_context(), timeout=TIMEOUT
        )
    else:
        connection = imaplib.IMAP4(host, port, timeout=TIMEOUT)
        if security == "starttls":
            connection.starttls(ssl_context=ssl.create_default_context())
    connection.login(settings.MAIL_IMAP_USER, settings.MAIL_IMAP_PASSWORD)
    return connection


def _check(response: tuple, what: str) -> list:
    status, data = response
    if status != "OK":
        raise MailboxError(f"{what}: {status} {data!r}")
    return data


def _message_bytes(data: list) -> bytes:
    for item in data:
        if isinstance(item, tuple) and len(item) == 2:
            return item[1]
    raise MailboxError(f"No message in the FETCH response {data!r}")


def mailbox_fetch(
    *, limit: int | None = None, receive: Callable[[bytes], InboundMail] | None = None
) -> FetchResult:
    """Receive the unread messages of the mailbox; how many ended how, and how many failed."""
    if receive is None:
        from emanager.mailin.services import mail_receive as receive
    folder, done_folder = settings.MAIL_IMAP_FOLDER, settings.MAIL_IMAP_DONE_FOLDER
    result = FetchResult()
    try:
        connection = _connect()
    except (OSError, imaplib.IMAP4.error) as error:
        raise MailboxError(f"Cannot open the mailbox: {error}") from error
    try:
        _check(connection.select(_quote(folder)), f"SELECT {folder}")
        found = _check(connection.uid("SEARCH", None, "UNSEEN"), "SEARCH UNSEEN")
        uids = found[0].split() if found and found[0] else []
        movable = "MOVE" in connection.capabilities
        moved = False
        for uid in uids[:limit]:
            uid = uid.decode()
            raw = _message_bytes(_check(connection.uid("FETCH", uid, "(BODY.PEEK[])"), "FETCH"))
            try:
                inbound = receive(raw)
            except Exception:
                logger.exception("The message %s of the mailbox could not be received.", uid)
                result.failed += 1
                continue
            result.outcomes[inbound.status] += 1
            _check(connection.uid("STORE", uid, "+FLAGS", r"(\Seen)"), "STORE \\Seen")
            if done_folder:
                if movable:
                    _check(connection.uid("MOVE", uid, _quote(done_folder)), "MOVE")
                else:
                    _check(connection.uid("COPY", uid, _quote(done_folder)), "COPY")
                    _check(connection.uid("STORE", uid, "+FLAGS", r"(\Deleted)"), "STORE")
                    moved = True
        if moved:
            _check(connection.expunge(), "EXPUNGE")
    except (OSError, imaplib.IMAP4.error) as error:
        raise MailboxError(f"The mailbox could not be read: {error}") from error
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            connection.close()
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            connection.logout()
    return result


__all__ = ["FetchResult", "MailboxError", "mailbox_fetch"]

"""Queueing and delivering e-mail through the outbox.

``notification_enqueue`` writes a row in the caller's transaction; after the
commit a task delivers it. ``outbox_deliver`` claims the row with a
conditional UPDATE, so that a duplicate task or a second worker sends
nothing; on an error it puts the row back with a later ``next_attempt_at``
and, when the task backend can defer, queues the next attempt. ``outbox_sweep``
(``manage.py send_outbox``, from cron) re-queues what a lost task or a crashed
worker left behind.
"""

from __future__ import annotations

import datetime
import json
import logging
import smtplib
import traceback
from dataclasses import asdict, dataclass
from email.utils import make_msgid, parseaddr
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.storage import storages
from django.core.mail import DNS_NAME
from django.core.mail.handler import DEFAULT_MAILER_ALIAS
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from emanager.notifications import tasks
from emanager.notifications.emails import get_email, render_email
from emanager.notifications.models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

# Attempts before a message is marked failed (about 28 hours with BACKOFF).
MAX_ATTEMPTS = 10
# The wait after the 1st, 2nd, ... failed attempt; the last one repeats.
BACKOFF = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=15),
    datetime.timedelta(hours=1),
    datetime.timedelta(hours=3),
    datetime.timedelta(hours=6),
)
# A message 'sending' for longer than this belongs to a worker that died.
STUCK_AFTER = datetime.timedelta(minutes=15)
# The mailer (settings.MAILERS) that sends the outbox.
MAILER = DEFAULT_MAILER_ALIAS


def retry_delay(attempts: int) -> datetime.timedelta:
    """The wait before the next attempt after ``attempts`` failed ones."""
    return BACKOFF[min(max(attempts, 1), len(BACKOFF)) - 1]


# Headers the outbox writes itself; a caller cannot replace them.
RESERVED_HEADERS = frozenset(
    {
        "from",
        "to",
        "cc",
        "bcc",
        "subject",
        "date",
        "message-id",
        "reply-to",
        "return-path",
        "sender",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "content-language",
    }
)


@dataclass(frozen=True, slots=True)
class OutboxFile:
    """A stored file attached to an e-mail; it is read when the e-mail is sent."""

    # An alias of settings.STORAGES, such as "private".
    storage: str
    # The file's name in that storage.
    name: str
    # The name the recipient sees.
    filename: str
    content_type: str = "application/octet-stream"


def _check_address(value: str) -> None:
    """A bare address or one with a display name ("Name <a@b.ge>"); ValidationError otherwise."""
    _name, address = parseaddr(value)
    validate_email(address)


def _check_headers(headers: dict[str, str]) -> None:
    for name, value in headers.items():
        if name.lower() in RESERVED_HEADERS:
            raise ValueError(f"The header {name} is written by the outbox; it cannot be set.")
        if not isinstance(value, str) or "\n" in value or "\r" in value:
            raise ValueError(f"The header {name} needs a one-line text value.")


def _attach_files(email, files: list[dict]) -> None:
    """Read the stored files into the e-mail; a missing file is left out and logged."""
    for item in files:
        try:
            with storages[item["storage"]].open(item["name"], "rb") as handle:
                content = handle.read()
        except FileNotFoundError:
            logger.warning("The file %s is missing; the e-mail is sent without it.", item["name"])
            continue
        email.attach(item["filename"], content, item["content_type"])


def _new_message_id() -> str:
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    domain = address.rpartition("@")[2] or str(DNS_NAME)
    return make_msgid(domain=domain)


def _create_once(key: str, values: dict) -> tuple[OutboxMessage, bool]:
    """Insert the message under ``key``, or return the one already queued under it.

    The insert comes first, in its own savepoint: one statement for a new key,
    the usual case. A key already taken (committed, or being committed by
    another transaction, which the insert then waits for) fails the unique
    constraint, and the first message is returned instead.
    """
    try:
        with transaction.atomic():
            return OutboxMessage.objects.create(key=key, **values), True
    except IntegrityError:
        first = OutboxMessage.objects.filter(key=key).first()
        if first is None:
            raise
        return first, False


def _enqueue_delivery(message_id: int, run_after: datetime.datetime | None = None) -> bool:
    """Queue the delivery task; False when the backend cannot defer to ``run_after``."""
    task = tasks.deliver_outbox_message
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return False
        task = task.using(run_after=run_after)
    task.enqueue(message_id)
    return True


def notification_enqueue(
    *,
    template: str,
    to: str,
    language: str,
    context: dict[str, Any],
    key: str | None = None,
    reply_to: str = "",
    envelope_sender: str = "",
    headers: dict[str, str] | None = None,
    attachments: list[OutboxFile] | None = None,
) -> OutboxMessage:
    """Queue the e-mail ``template`` to ``to``; it is sent after the caller's commit.

    ``context`` holds the keys declared for the e-mail, with JSON values only
    (ids, strings, numbers; dates as ISO strings). With a ``key`` (such as
    ``"ack:letter:42"``) the e-mail is queued once: a second call returns the
    first message and queues nothing.

    For an e-mail that expects an answer: ``reply_to`` (the Reply-To header),
    ``envelope_sender`` (where bounces return, such as a VERP address; the
    From header stays ``DEFAULT_FROM_EMAIL``), extra ``headers`` and stored
    files to attach (``attachments``, read when the e-mail is sent).
    """
    email = get_email(template)
    email.check_context(context)
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language {language!r}.")
    validate_email(to)
    # Fails here, in the caller, rather than in the worker.
    json.dumps(context)
    if reply_to:
        _check_address(reply_to)
    if envelope_sender:
        validate_email(envelope_sender)
    headers = dict(headers or {})
    _check_headers(headers)
    files = [asdict(item) for item in attachments or []]
    for item in files:
        if item["storage"] not in settings.STORAGES:
            raise ValueError(f"Unknown storage {item['storage']!r}.")

    values = {
        "template": template,
        "to": to,
        "language": language,
        "context": context,
        "message_id": _new_message_id(),
        "reply_to": reply_to,
        "envelope_sender": envelope_sender,
        "headers": headers,
        "attachments": files,
    }
    if key is None:
        message, created = OutboxMessage.objects.create(**values), True
    else:
        message, created = _create_once(key, values)
    if created:
        # robust: the row is committed whatever happens here, and the sweep
        # finds it if the task could not be queued.
        transaction.on_commit(partial(_enqueue_delivery, message.pk), robust=True)
    else:
        logger.info("E-mail %s is already queued as message %s.", key, message.pk)
    return message


def outbox_deliver(*, message_id: int) -> OutboxStatus | None:
    """Send the message if it is due and nobody else is sending it; return its status.

    Returns None when the message no longer exists.
    """
    claimed_at = timezone.now()
    won = OutboxMessage.objects.filter(
        pk=message_id, status=OutboxStatus.PENDING, next_attempt_at__lte=claimed_at
    ).update(status=OutboxStatus.SENDING, attempts=F("attempts") + 1, claimed_at=claimed_at)
    if not won:
        status = (
            OutboxMessage.objects.filter(pk=message_id).values_list("status", flat=True).first()
        )
        logger.debug("Message %s not claimed: it is %s.", message_id, status)
        return None if status is None else OutboxStatus(status)

    message = OutboxMessage.objects.get(pk=message_id)
    try:
        email = render_email(
            template=message.template,
            language=message.language,
            context=message.context,
            to=message.to,
            headers={
                **message.headers,
                "Message-ID": message.message_id,
                "Auto-Submitted": "auto-generated",
            },
            reply_to=message.reply_to,
            envelope_sender=message.envelope_sender,
        )
        _attach_files(email, message.attachments)
        if email.send(using=MAILER) != 1:
            raise RuntimeError("The mailer did not accept the message.")
    except Exception as error:
        return _record_failure(message, claimed_at, error)

    updated = OutboxMessage.objects.filter(
        pk=message.pk, status=OutboxStatus.SENDING, claimed_at=claimed_at
    ).update(status=OutboxStatus.SENT, sent_at=timezone.now())
    if not updated:
        logger.warning("Message %s was sent but had been taken from this worker.", message.pk)
    return OutboxStatus.SENT


def _record_failure(
    message: OutboxMessage, claimed_at: datetime.datetime, error: Exception
) -> OutboxStatus:
    now = timezone.now()
    error_text = "".join(traceback.format_exception_only(error)).strip()
    # A mail server that is down or refuses needs no traceback; anything else does.
    exc_info = None if isinstance(error, smtplib.SMTPException | OSError) else error
    if message.attempts >= MAX_ATTEMPTS:
        status, next_attempt_at = OutboxStatus.FAILED, message.next_attempt_at
        logger.error(
            "Giving up on message %s after %s attempts: %s",
            message.pk,
            message.attempts,
            error_text,
            exc_info=exc_info,
        )
    else:
        status, next_attempt_at = OutboxStatus.PENDING, now + retry_delay(message.attempts)
        logger.warning(
            "Attempt %s of message %s failed, next at %s: %s",
            message.attempts,
            message.pk,
            next_attempt_at.isoformat(),
            error_text,
            exc_info=exc_info,
        )
    with transaction.atomic():
        updated = OutboxMessage.objects.filter(
            pk=message.pk, status=OutboxStatus.SENDING, claimed_at=claimed_at
        ).update(
            status=status,
            next_attempt_at=next_attempt_at,
            last_error=error_text,
            claimed_at=None,
        )
        if updated and status == OutboxStatus.PENDING:
            # Committed together with the row (django-tasks-db); without
            # deferral the sweep queues the next attempt once it is due.
            try:
                with transaction.atomic():
                    _enqueue_delivery(message.pk, run_after=next_attempt_at)
            except Exception:
                logger.exception("Could not queue the next attempt of message %s.", message.pk)
    return status


@dataclass(frozen=True, slots=True)
class SweepResult:
    unstuck: int
    queued: int


def outbox_sweep() -> SweepResult:
    """Put messages stuck in 'sending' back, and queue every due pending message.

    Covers a task that was lost (a crash between commit and queueing, a
    backend that cannot defer) and a worker that died while sending. A message
    taken back from a dead worker may have been sent already: it is sent
    again with the same Message-ID, and a warning is logged.
    """
    now = timezone.now()
    stuck = OutboxMessage.objects.filter(
        Q(claimed_at__lt=now - STUCK_AFTER) | Q(claimed_at__isnull=True),
        status=OutboxStatus.SENDING,
    )
    unstuck = 0
    for pk, message_id, claimed_at in stuck.values_list("pk", "message_id", "claimed_at"):
        unstuck += OutboxMessage.objects.filter(
            pk=pk, status=OutboxStatus.SENDING, claimed_at=claimed_at
        ).update(status=OutboxStatus.PENDING, next_attempt_at=now, claimed_at=None)
        logger.warning(
            "Message %s (%s) was left 'sending' since %s; it is sent again and may arrive twice.",
            pk,
            message_id,
            claimed_at,
        )

    due = OutboxMessage.objects.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now)
    queued = 0
    for pk in due.order_by("next_attempt_at").values_list("pk", flat=True):
        _enqueue_delivery(pk)
        queued += 1
    return SweepResult(unstuck=unstuck, queued=queued)


@transaction.atomic
def outbox_retry(*, message_ids: list[int]) -> int:
    """Queue pending or failed messages now; a failed one gets a fresh series of attempts.

    Returns how many messages were queued.
    """
    now = timezone.now()
    retried = 0
    for status in (OutboxStatus.PENDING, OutboxStatus.FAILED):
        messages = OutboxMessage.objects.filter(pk__in=message_ids, status=status)
        pks = list(messages.values_list("pk", flat=True))
        changes: dict[str, Any] = {"status": OutboxStatus.PENDING, "next_attempt_at": now}
        if status == OutboxStatus.FAILED:
            changes["attempts"] = 0
        retried += OutboxMessage.objects.filter(pk__in=pks, status=status).update(**changes)
        for pk in pks:
            transaction.on_commit(partial(_enqueue_delivery, pk), robust=True)
    return retried

"""In: every e-mail received, kept whole, and what it becomes."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation

from emanager.directory.links import absolute_url
from emanager.directory.models import Municipality, Official
from emanager.letters.choices import Channel, LetterStatus
from emanager.letters.models import Letter, Message
from emanager.letters.staff_services import ActionRefused, letter_answer
from emanager.mailin import selectors, tokens
from emanager.mailin.choices import HoldReason, InboundStatus
from emanager.mailin.models import InboundMail
from emanager.mailin.reading import ReadMail, mail_read
from emanager.mailin.services.common import STAFF_LANGUAGE, checked_files
from emanager.notifications.services import notification_enqueue

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Target:
    purpose: tokens.Purpose
    token: str
    address: str


def _target(read: ReadMail, recipient: str) -> _Target | None:
    """The reply or bounce address the message came to: the envelope's, else the headers'."""
    for address in [recipient, *read.recipients]:
        parsed = tokens.address_parse(address) if address else None
        if parsed is not None:
            return _Target(purpose=parsed[0], token=parsed[1], address=address.lower())
    return None


def mail_receive(
    raw: bytes, *, recipient: str = "", now: datetime.datetime | None = None
) -> InboundMail:
    """Keep one e-mail as received and act on it; the record of what it was.

    ``recipient`` is the envelope recipient when the mail server gives it
    (the reply+… or bounce+… address); otherwise the headers are read. The
    same message (by Message-ID) is acted on once: a repeat is recorded as a
    duplicate. Raises only when the database fails, so that the mail server
    keeps the message and tries again.
    """
    now = now or timezone.now()
    read = mail_read(raw)
    try:
        with transaction.atomic():
            return _receive(raw, read, recipient=recipient, now=now)
    except IntegrityError:
        # The same message was received at this moment by another process.
        first = InboundMail.objects.originals().filter(message_id=read.message_id).first()
        if first is None:
            raise
        return _duplicate(raw, read, first, recipient=recipient, now=now)


def _receive(raw: bytes, read: ReadMail, *, recipient: str, now: datetime.datetime):
    first = InboundMail.objects.originals().filter(message_id=read.message_id).first()
    if first is not None:
        return _duplicate(raw, read, first, recipient=recipient, now=now)
    target = _target(read, recipient)
    if read.report_type == "delivery-status":
        return _bounce(raw, read, target, now=now)
    if read.report_type or read.auto_reply:
        detail = read.auto_reply or f"multipart/report; report-type={read.report_type}"
        return _record(raw, read, target, now=now, status=InboundStatus.AUTO_REPLY, detail=detail)
    if target is not None and target.purpose == tokens.Purpose.BOUNCE:
        return _bounce(raw, read, target, now=now)
    return _reply(raw, read, target, now=now)


def _record(
    raw: bytes,
    read: ReadMail,
    target: _Target | None,
    *,
    now: datetime.datetime,
    status: InboundStatus,
    reason: HoldReason | str = "",
    detail: str = "",
    municipality: Municipality | None = None,
    letter: Letter | None = None,
    official: Official | None = None,
    answer: Message | None = None,
    duplicate_of: InboundMail | None = None,
) -> InboundMail:
    if municipality is None:
        municipality = (
            (letter.municipality if letter is not None else None)
            or (official.municipality if official is not None else None)
            or selectors.only_municipality()
        )
    to_address = target.address if target is not None else ", ".join(read.recipients[:3])
    inbound = InboundMail.objects.create(
        municipality=municipality,
        status=status,
        hold_reason=reason,
        detail=detail[:5000],
        message_id=read.message_id,
        duplicate_of=duplicate_of,
        received_at=now,
        sent_at=read.date,
        from_address=read.from_address[:254],
        from_name=read.from_name[:200],
        to_address=to_address[:320],
        subject=read.subject[:500],
        text=read.own_text,
        full_text=read.text,
        files=[
            {"name": item.name, "size": len(item.data), "content_type": item.content_type}
            for item in read.files
        ],
        letter=letter,
        official=official,
        answer=answer,
        size=len(raw),
        raw=raw,
    )
    logger.info(
        "E-mail %s from %s: %s %s", read.message_id, read.from_address, status, reason or ""
    )
    return inbound


def _duplicate(raw, read, first: InboundMail, *, recipient: str, now) -> InboundMail:
    return _record(
        raw,
        read,
        _target(read, recipient),
        now=now,
        status=InboundStatus.DUPLICATE,
        municipality=first.municipality,
        letter=first.letter,
        official=first.official,
        duplicate_of=first,
    )


def _claim(target: _Target | None, purpose: tokens.Purpose, now) -> tuple:
    """(letter, official, reason) from the address's token; reason empty when valid."""
    if target is None:
        return None, None, HoldReason.NO_REPLY_ADDRESS
    reason = ""
    try:
        claim = tokens.token_read(target.token, purpose=purpose, today=timezone.localdate(now))
    except tokens.ExpiredToken as expired:
        claim, reason = expired.claim, HoldReason.EXPIRED_ADDRESS
    except tokens.InvalidToken:
        return None, None, HoldReason.INVALID_ADDRESS
    letter = (
        Letter.objects.select_related("municipality", "addressee_body")
        .filter(pk=claim.letter_id)
        .first()
    )
    official = Official.objects.filter(pk=claim.official_id).first()
    if letter is None or official is None or official.municipality_id != letter.municipality_id:
        return None, None, HoldReason.INVALID_ADDRESS
    return letter, official, reason


# --- Replies ------------------------------------------------------------------


def _hold_reason(read: ReadMail, letter: Letter, official: Official) -> HoldReason | None:
    sender = read.from_address.casefold()
    if read.error:
        return HoldReason.UNREADABLE
    if read.not_authentic:
        return HoldReason.NOT_AUTHENTIC
    if sender != official.email.casefold():
        known = selectors.officials_with_address(sender, letter.municipality).exists()
        return HoldReason.OFFICIAL_MISMATCH if known else HoldReason.UNKNOWN_SENDER
    if letter.addressee_official_id != official.pk:
        return HoldReason.OFFICIAL_MISMATCH
    if letter.status in (LetterStatus.CLOSED, LetterStatus.UNCONFIRMED):
        return HoldReason.LETTER_CLOSED
    if letter.status == LetterStatus.ANSWERED:
        return HoldReason.ALREADY_ANSWERED
    return None


def _reply(raw: bytes, read: ReadMail, target: _Target | None, *, now) -> InboundMail:
    letter, official, reason = _claim(target, tokens.Purpose.REPLY, now)
    if letter is None:
        # No letter to go by: show the clerk who the sender is, if the directory knows.
        sender = selectors.officials_with_address(read.from_address).first()
        return _record(
            raw, read, target, now=now, status=InboundStatus.HELD, reason=reason, official=sender
        )

    def held(reason: HoldReason, detail: str = "") -> InboundMail:
        return _record(
            raw,
            read,
            target,
            now=now,
            status=InboundStatus.HELD,
            reason=reason,
            detail=detail,
            letter=letter,
            official=official,
        )

    reason = reason or _hold_reason(read, letter, official)
    if reason:
        return held(reason, read.error)
    checked, problems = checked_files(read.files)
    if problems:
        return held(HoldReason.FILE_REFUSED, "\n".join(problems))
    if not read.own_text.strip() and not checked:
        return held(HoldReason.NO_TEXT)
    try:
        answer = letter_answer(
            letter=letter,
            actor=None,
            body=read.own_text,
            files=checked,
            now=now,
            source=Channel.EMAIL,
            author_label=official.full_name,
        )
    except ActionRefused as refusal:
        return held(HoldReason.ANSWER_REFUSED, str(refusal))
    return _record(
        raw,
        read,
        target,
        now=now,
        status=InboundStatus.ACCEPTED,
        letter=letter,
        official=official,
        answer=answer,
    )


# --- Bounces ------------------------------------------------------------------


def _bounce(raw: bytes, read: ReadMail, target: _Target | None, *, now) -> InboundMail:
    letter, official, _reason = (None, None, "")
    if target is not None and target.purpose == tokens.Purpose.BOUNCE:
        letter, official, _reason = _claim(target, tokens.Purpose.BOUNCE, now)
    failed = [item for item in read.deliveries if item.permanent]
    if official is None:
        for item in failed:
            official = selectors.officials_with_address(item.recipient).first()
            if official is not None:
                break
    if failed:
        reason = failed[0].diagnostic or failed[0].status
    elif read.deliveries:
        first = read.deliveries[0]
        reason = f"{first.action} {first.status} {first.diagnostic}".strip()
    else:
        reason = read.subject
    # A bounce without a report is taken as permanent; with one, only a failure is.
    permanent = bool(failed) or not read.deliveries
    if (
        official is not None
        and failed
        and official.email.lower() not in {item.recipient for item in failed}
    ):
        permanent = False  # the address has changed since
    inbound = _record(
        raw,
        read,
        target,
        now=now,
        status=InboundStatus.BOUNCE,
        detail=reason,
        letter=letter,
        official=official,
    )
    if official is not None and permanent:
        official_mark_bouncing(official=official, reason=reason, now=now)
        _alert_clerks(inbound)
    return inbound


def official_mark_bouncing(*, official: Official, reason: str, now: datetime.datetime) -> None:
    """Mark the official's address as bouncing (since the first bounce), with the reason."""
    Official.objects.filter(pk=official.pk).update(
        email_bounced_at=Coalesce(F("email_bounced_at"), Value(now)),
        email_bounce_reason=reason[:500],
    )


def _alert_clerks(inbound: InboundMail) -> None:
    official, letter = inbound.official, inbound.letter
    municipality = inbound.municipality
    if municipality is None:
        return
    with translation.override(STAFF_LANGUAGE):
        name = official.full_name
    context = {
        "official": name,
        "address": official.email,
        "reason": inbound.detail,
        "number": letter.number if letter is not None else "",
        "letter_subject": letter.subject if letter is not None else "",
        "letter_url": absolute_url(
            municipality,
            "letters:staff_letter",
            language=STAFF_LANGUAGE,
            kwargs={"uuid": str(letter.uuid)},
        )
        if letter is not None
        else "",
        "queue_url": absolute_url(municipality, "mailin:queue", language=STAFF_LANGUAGE),
    }
    for address in selectors.alert_recipients(
        municipality=municipality, letter=letter, official=official
    ):
        notification_enqueue(
            template="mailin/bounce",
            to=address,
            language=STAFF_LANGUAGE,
            context=context,
            key=f"mailin:bounce:{inbound.pk}:{address}",
        )

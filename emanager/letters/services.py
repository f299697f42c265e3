"""Writes on letters. Views call these; each is atomic and keyword-only."""

from __future__ import annotations

import datetime
import logging
import uuid
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from emanager.directory.links import absolute_url
from emanager.directory.models import Body, Municipality, Official, TerritorialUnit
from emanager.letters import numbering, tokens
from emanager.letters.attachments import CheckedFile
from emanager.letters.choices import (
    Direction,
    EventKind,
    LetterStatus,
    Outcome,
    Publication,
)
from emanager.letters.models import Attachment, Letter, Message
from emanager.letters.timeline import NewEvent, event_append, events_append

logger = logging.getLogger(__name__)

UNCONFIRMED_LIFETIME = datetime.timedelta(days=7)
CONSENT_VERSION = "2026-11"


@dataclass(frozen=True)
class LetterDraft:
    """A citizen's letter as the form checked it."""

    kind: str
    subject: str
    body: str
    addressee_body: Body
    author_name: str
    author_email: str
    author_address: str
    publication: str
    language: str
    addressee_official: Official | None = None
    addressee_unit: TerritorialUnit | None = None
    author_phone: str = ""
    author_unit: TerritorialUnit | None = None
    consent_text: str = ""
    files: list[CheckedFile] = field(default_factory=list)


def _notify(*, template: str, to: str, language: str, context: dict, key: str) -> None:
    if not to:
        return
    from emanager.notifications.services import notification_enqueue

    notification_enqueue(template=template, to=to, language=language, context=context, key=key)


def _letter_links(letter: Letter) -> dict[str, str]:
    return {
        "tracking_url": absolute_url(
            letter.municipality,
            "letters:track",
            language=letter.language,
            kwargs={"token": tokens.tracking_token(letter)},
        ),
    }


def _stamp_created(instance: Letter | Message, now: datetime.datetime | None) -> None:
    """Date a just-created row whose ``created_at`` is ``auto_now_add`` (demo, replays).

    ``auto_now_add`` always writes the real time at insert; with ``now`` given
    the row is dated ``now`` instead, by an UPDATE after the insert.
    """
    if now is None:
        return
    type(instance).objects.filter(pk=instance.pk).update(created_at=now)
    instance.created_at = now


def _attach(*, letter: Letter, files: list[CheckedFile], message: Message | None = None) -> None:
    for checked in files:
        attachment = Attachment(
            letter=letter,
            message=message,
            original_name=checked.upload.name[:255],
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
        )
        attachment.file.save(checked.upload.name, checked.upload, save=False)
        attachment.save()


def letter_submit(
    *,
    municipality: Municipality,
    draft: LetterDraft,
    submission_key: uuid.UUID,
    user=None,
    now: datetime.datetime | None = None,
) -> tuple[Letter, bool]:
    """Store a letter that waits for its author to confirm the e-mail address.

    With ``user``, a citizen's account whose e-mail is verified, the letter
    belongs to the account and is registered at once: no confirmation e-mail.

    The submission key comes from the form: a repeated submission (double
    click, back and resubmit, retry after a time-out) returns the first letter
    and ``created=False`` instead of creating a second one. ``now`` (default:
    the present) dates the submission.
    """
    if user is not None:
        from emanager.accounts.selectors import verified_profile

        if verified_profile(user) is None:
            raise ValueError("Only an account with a verified e-mail registers letters at once.")
    existing = Letter.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing, False
    stamp = now
    now = now or timezone.now()
    public = draft.publication != Publication.PRIVATE
    letter = Letter(
        municipality=municipality,
        kind=draft.kind,
        status=LetterStatus.UNCONFIRMED,
        addressee_body=draft.addressee_body,
        addressee_official=draft.addressee_official,
        addressee_unit=draft.addressee_unit,
        subject=draft.subject,
        body=draft.body,
        author_name=draft.author_name,
        author_email=draft.author_email,
        author_phone=draft.author_phone,
        author_address=draft.author_address,
        author_unit=draft.author_unit,
        language=draft.language,
        publication=draft.publication,
        consent_text=draft.consent_text if public else "",
        consent_version=CONSENT_VERSION if public else "",
        consent_at=now if public else None,
        submission_key=submission_key,
        user=user,
    )
    try:
        with transaction.atomic():
            letter.save()
            _stamp_created(letter, stamp)
            _attach(letter=letter, files=draft.files)
            if user is not None:
                # The account proved its address once: register now. The letter
                # was inserted by this transaction, which holds its row: no need
                # to read and lock it again as letter_confirm() does.
                letter.confirmed_at = stamp or timezone.now()
                return _register(letter=letter, actor_label="citizen", now=stamp), True
            _notify(
                template="letters/confirm",
                to=letter.author_email,
                language=letter.language,
                key=f"letter:{letter.pk}:confirm",
                context={
                    "letter_subject": letter.subject,
                    "name": letter.author_name,
                    "municipality": municipality.name,
                    "confirm_url": absolute_url(
                        municipality,
                        "letters:confirm",
                        language=letter.language,
                        kwargs={"token": tokens.confirmation_token(letter)},
                    ),
                    "expires_days": UNCONFIRMED_LIFETIME.days,
                },
            )
    except IntegrityError:
        # The same submission arrived twice at the same moment: keep the first.
        existing = Letter.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing, False
    return letter, True


@transaction.atomic
def letter_confirm(*, letter: Letter, now: datetime.datetime | None = None) -> Letter:
    """The author followed the link in the e-mail: register the letter (once).

    ``now`` (default: the present) is the time of confirmation and registration:
    the number's year and the deadline are counted from it.
    """
    # The municipality comes with the letter (registering reads it); only the
    # letter's row is locked.
    letter = (
        Letter.objects.select_related("municipality")
        .select_for_update(of=("self",))
        .get(pk=letter.pk)
    )
    if letter.status != LetterStatus.UNCONFIRMED:
        return letter
    letter.confirmed_at = now or timezone.now()
    return _register(letter=letter, actor_label="citizen", now=now)


def _register(
    *, letter: Letter, actor=None, actor_label: str = "", now: datetime.datetime | None = None
) -> Letter:
    from emanager.deadlines.selectors import deadline_for

    registered_at = now or timezone.now()
    year = timezone.localdate(registered_at).year
    # Everything that needs no number is read first: taking the number locks
    # the register's counter until the commit, and every registration of the
    # register waits for that lock.
    deadline = deadline_for(
        municipality=letter.municipality, kind=letter.kind, registered_at=registered_at
    )
    register = numbering.register_for(municipality=letter.municipality, kind=letter.kind)
    sequence = numbering.number_take(register=register, year=year)
    letter.register = register
    letter.year = year
    letter.sequence = sequence
    letter.number = register.format_number(year=year, number=sequence)
    letter.registered_at = registered_at
    letter.deadline = deadline
    letter.status = LetterStatus.OPEN
    letter.save()
    events_append(
        letter=letter,
        events=[
            NewEvent(
                kind=EventKind.SUBMITTED,
                actor_label=actor_label,
                data={"submitted_at": letter.created_at.isoformat()},
            ),
            NewEvent(
                kind=EventKind.REGISTERED,
                actor=actor,
                actor_label=actor_label,
                data={"number": letter.number, "deadline": letter.deadline.isoformat()},
            ),
        ],
        now=now,
    )
    context = {
        "number": letter.number,
        "letter_subject": letter.subject,
        "name": letter.author_name,
        "municipality": letter.municipality.name,
        "registered_at": registered_at.isoformat(),
        "deadline": letter.deadline.isoformat(),
        "addressee": str(
            letter.addressee_official or letter.addressee_unit or letter.addressee_body
        ),
        **_letter_links(letter),
    }
    _notify(
        template="letters/acknowledgement",
        to=letter.author_email,
        language=letter.language,
        key=f"letter:{letter.pk}:ack",
        context=context,
    )
    from emanager.mailin import selectors as mailin_selectors
    from emanager.mailin.services import letter_email_official

    if mailin_selectors.answers_by_email(letter.addressee_official):
        # An official who does not log in gets the whole letter, to answer by replying.
        letter_email_official(letter=letter, now=now)
        return letter
    staff_address = (
        letter.addressee_official.email if letter.addressee_official else ""
    ) or letter.addressee_body.email
    _notify(
        template="letters/new_letter",
        to=staff_address,
        language="ka",
        key=f"letter:{letter.pk}:new",
        context={**context, "kind": _kind_label(letter, "ka")},
    )
    return letter


def _kind_label(letter: Letter, language: str) -> str:
    with translation.override(language):
        return str(letter.get_kind_display())


@transaction.atomic
def letter_withdraw(*, letter: Letter, now: datetime.datetime | None = None) -> Letter:
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.status in (LetterStatus.CLOSED, LetterStatus.UNCONFIRMED):
        return letter
    letter.status = LetterStatus.CLOSED
    letter.outcome = Outcome.WITHDRAWN
    letter.closed_at = now or timezone.now()
    letter.save(update_fields=["status", "outcome", "closed_at"])
    event_append(letter=letter, kind=EventKind.WITHDRAWN, actor_label="citizen", now=now)
    return letter


@transaction.atomic
def letter_reply(
    *,
    letter: Letter,
    body: str,
    files: list[CheckedFile],
    now: datetime.datetime | None = None,
) -> Message:
    """The citizen adds a follow-up or the clarification asked for."""
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.status in (LetterStatus.CLOSED, LetterStatus.UNCONFIRMED):
        raise ValueError("A closed letter takes no reply.")
    message = Message.objects.create(letter=letter, direction=Direction.INCOMING, body=body)
    _stamp_created(message, now)
    _attach(letter=letter, files=files, message=message)
    if letter.status == LetterStatus.CLARIFICATION:
        letter.status = LetterStatus.OPEN
        letter.save(update_fields=["status"])
    event_append(
        letter=letter,
        kind=EventKind.CITIZEN_REPLIED,
        actor_label="citizen",
        data={"message": message.pk},
        now=now,
    )
    return message


def letters_expire_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Delete letters never confirmed within 7 days, with their files."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_LIFETIME
    count = 0
    for letter in Letter.objects.filter(status=LetterStatus.UNCONFIRMED, created_at__lt=cutoff):
        with transaction.atomic():
            files = [a.file for a in letter.attachments.all()]
            letter.delete()
            transaction.on_commit(lambda files=files: [f.delete(save=False) for f in files])
        count += 1
    return count


def letters_recompute_deadlines(*, municipality: Municipality) -> int:
    """After a change of the calendar: new deadlines for open letters, noted in their timelines."""
    from emanager.deadlines.selectors import calendar_for, deadline_for

    calendar = calendar_for(municipality)
    changed = 0
    open_letters = Letter.objects.filter(
        municipality=municipality,
        status__in=[LetterStatus.OPEN, LetterStatus.CLARIFICATION],
        registered_at__isnull=False,
    )
    extended = set(
        open_letters.filter(events__kind=EventKind.DEADLINE_EXTENDED).values_list("pk", flat=True)
    )
    for letter in open_letters.exclude(pk__in=extended):
        new = deadline_for(
            municipality=municipality,
            kind=letter.kind,
            registered_at=letter.registered_at,
            calendar=calendar,
        )
        if new == letter.deadline:
            continue
        with transaction.atomic():
            old = letter.deadline
            Letter.objects.filter(pk=letter.pk).update(deadline=new)
            event_append(
                letter=letter,
                kind=EventKind.DEADLINE_RECOMPUTED,
                actor_label="calendar",
                data={"from": old.isoformat() if old else None, "to": new.isoformat()},
            )
        changed += 1
    if changed:
        # The deadlines were written by update(), which no signal follows.
        from emanager.accountability.services import figures_rebuild

        transaction.on_commit(lambda: figures_rebuild(municipality=municipality))
    return changed

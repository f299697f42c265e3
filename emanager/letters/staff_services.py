"""Writes the municipality's staff make on a letter.

Each action is atomic, goes into the timeline with who and when, and tells
the citizen (or the new assignee) by e-mail through the outbox. Each takes
an optional ``now`` (default: the present) that dates the action, its
timeline event and the timestamps it sets; see
:func:`emanager.letters.timeline.event_append` for the order it must keep.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from emanager.directory.links import absolute_url
from emanager.directory.models import Body
from emanager.letters.attachments import CheckedFile
from emanager.letters.choices import (
    Channel,
    Direction,
    EventKind,
    LetterStatus,
    MessageStatus,
    Outcome,
)
from emanager.letters.models import InternalNote, Letter, Message
from emanager.letters.numbering import number_take, outgoing_register_for
from emanager.letters.services import _attach, _letter_links, _notify, _stamp_created
from emanager.letters.timeline import event_append

# The staff's e-mails are in Georgian, as the daily jobs' (letters.jobs).
STAFF_LANGUAGE = "ka"
OPEN_STATES = (LetterStatus.OPEN, LetterStatus.CLARIFICATION, LetterStatus.ANSWERED)


class ActionRefused(ValueError):
    """The action does not apply to the letter in its present state."""


def _locked(letter: Letter) -> Letter:
    return Letter.objects.select_for_update().get(pk=letter.pk)


def _actor_label(actor) -> str:
    return (actor.get_full_name() or actor.get_username()) if actor is not None else ""


def _citizen_context(letter: Letter, **extra) -> dict:
    return {
        "number": letter.number,
        "letter_subject": letter.subject,
        "name": letter.author_name,
        "municipality": letter.municipality.name,
        **_letter_links(letter),
        **extra,
    }


def _tell_citizen(letter: Letter, template: str, key: str, **extra) -> None:
    _notify(
        template=template,
        to=letter.author_email,
        language=letter.language,
        key=f"letter:{letter.pk}:{key}",
        context=_citizen_context(letter, **extra),
    )


@transaction.atomic
def letter_answer(
    *,
    letter: Letter,
    actor,
    body: str,
    files: list[CheckedFile],
    now: datetime.datetime | None = None,
    source: str = Channel.WEB,
    author_label: str = "",
) -> Message:
    """Answer the letter.

    Sent to the citizen at once, with its outgoing number; or, where the
    letter's body wants its head to approve answers and the actor is not a
    head of it, kept waiting for the head's approval (the citizen sees
    nothing of it until then). An answer the head returned is revised by this
    call: its text replaced, the files added, and submitted again.

    ``actor`` is None for an answer that came by e-mail from an official who
    does not log in; ``author_label`` then names them and ``source`` says how
    it came.
    """
    from emanager.staff.permissions import answer_needs_approval

    letter = _locked(letter)
    if letter.status not in OPEN_STATES:
        raise ActionRefused(_("Only an open letter can be answered."))
    draft = answer_draft(letter)
    if draft is not None and draft.status == MessageStatus.PENDING_APPROVAL:
        raise ActionRefused(
            _("An answer to this letter is already waiting for the head's approval.")
        )
    label = author_label if actor is None else ""
    if draft is None:
        message = Message.objects.create(
            letter=letter,
            direction=Direction.OUTGOING,
            author=actor,
            author_label=label,
            source=source,
            body=body,
            is_answer=True,
        )
        _stamp_created(message, now)
    else:
        message = draft
        message.author, message.author_label, message.source = actor, label, source
        message.body = body
        message.review_note = ""
        message.save(update_fields=["author", "author_label", "source", "body", "review_note"])
    _attach(letter=letter, files=files, message=message)
    if answer_needs_approval(actor, letter):
        _answer_submit(letter=letter, message=message, actor=actor, now=now)
    else:
        _answer_send(letter=letter, message=message, actor=actor, now=now)
    return message


def answer_draft(letter: Letter) -> Message | None:
    """The letter's answer not sent yet: waiting for approval, or returned for changes."""
    return (
        letter.messages.filter(
            is_answer=True,
            status__in=(MessageStatus.PENDING_APPROVAL, MessageStatus.RETURNED),
        )
        .order_by("-pk")
        .first()
    )


def _author_label(message: Message) -> str:
    return _actor_label(message.author) or message.author_label


def _staff_url(letter: Letter) -> str:
    return absolute_url(
        letter.municipality,
        "letters:staff_letter",
        language=STAFF_LANGUAGE,
        kwargs={"uuid": str(letter.uuid)},
    )


def _answer_submit(
    *, letter: Letter, message: Message, actor, now: datetime.datetime | None
) -> None:
    """Keep the answer waiting for the head's approval and tell the heads."""
    from emanager.staff.permissions import approvers_of

    message.status = MessageStatus.PENDING_APPROVAL
    message.save(update_fields=["status"])
    event = event_append(
        letter=letter,
        kind=EventKind.ANSWER_PENDING,
        actor=actor,
        actor_label=_author_label(message),
        data={"message": message.pk},
        now=now,
    )
    for head in approvers_of(letter):
        _notify(
            template="letters/approval_requested",
            to=head.email,
            language=STAFF_LANGUAGE,
            key=f"letter:{letter.pk}:approval:{event.seq}:{head.pk}",
            context={
                "number": letter.number,
                "letter_subject": letter.subject,
                "author": _author_label(message),
                "url": _staff_url(letter),
            },
        )


def _pending(letter: Letter, message: Message) -> Message:
    """The answer, locked and checked to be waiting for approval (the letter is locked)."""
    message = Message.objects.select_for_update().get(pk=message.pk, letter=letter)
    if message.status != MessageStatus.PENDING_APPROVAL:
        raise ActionRefused(_("This answer is not waiting for approval."))
    return message


@transaction.atomic
def answer_approve(*, message: Message, actor, now: datetime.datetime | None = None) -> Message:
    """The head approves an answer: it is sent to the citizen with its outgoing number."""
    letter = _locked(message.letter)
    message = _pending(letter, message)
    if letter.status not in OPEN_STATES:
        raise ActionRefused(_("The letter is closed: its answer can no longer be sent."))
    message.approved_by = actor
    message.approved_at = now or timezone.now()
    message.save(update_fields=["approved_by", "approved_at"])
    event_append(
        letter=letter,
        kind=EventKind.ANSWER_APPROVED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"message": message.pk},
        now=now,
    )
    _answer_send(letter=letter, message=message, actor=message.author, now=now)
    return message


@transaction.atomic
def answer_return(
    *, message: Message, actor, remark: str, now: datetime.datetime | None = None
) -> Message:
    """The head returns an answer to its author with a remark; nothing reaches the citizen."""
    if not remark.strip():
        raise ActionRefused(_("Say what should change in the answer."))
    letter = _locked(message.letter)
    message = _pending(letter, message)
    message.status = MessageStatus.RETURNED
    message.review_note = remark
    message.save(update_fields=["status", "review_note"])
    event = event_append(
        letter=letter,
        kind=EventKind.ANSWER_RETURNED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"message": message.pk, "reason": remark},
        now=now,
    )
    if message.author is not None:
        _notify(
            template="letters/answer_returned",
            to=message.author.email,
            language=STAFF_LANGUAGE,
            key=f"letter:{letter.pk}:returned:{event.seq}",
            context={
                "number": letter.number,
                "letter_subject": letter.subject,
                "by": _actor_label(actor),
                "remark": remark,
                "url": _staff_url(letter),
            },
        )
    return message


def _answer_send(*, letter: Letter, message: Message, actor, now: datetime.datetime | None) -> None:
    """Send an answer: outgoing number, letter answered, timeline, the citizen told.

    Runs inside the caller's transaction with the letter locked, so a rollback
    gives the outgoing number back.
    """
    when = now or timezone.now()
    register = outgoing_register_for(municipality=letter.municipality)
    year = timezone.localtime(when).year
    sequence = number_take(register=register, year=year)
    message.status = MessageStatus.SENT
    message.sent_at = when
    message.out_register = register
    message.out_year = year
    message.out_sequence = sequence
    message.out_number = register.format_number(year=year, number=sequence)
    message.save(
        update_fields=[
            "status",
            "sent_at",
            "out_register",
            "out_year",
            "out_sequence",
            "out_number",
        ]
    )
    letter.status = LetterStatus.ANSWERED
    letter.answered_at = letter.answered_at or when
    letter.save(update_fields=["status", "answered_at"])
    event_append(
        letter=letter,
        kind=EventKind.ANSWERED,
        actor=actor,
        actor_label=_author_label(message),
        data={"message": message.pk, "out_number": message.out_number},
        now=now,
    )
    _tell_citizen(
        letter,
        "letters/answered",
        f"answer:{message.pk}",
        answer=message.body,
        out_number=message.out_number,
        files=[attachment.original_name for attachment in message.attachments.all()],
    )


@transaction.atomic
def letter_request_clarification(
    *, letter: Letter, actor, body: str, now: datetime.datetime | None = None
) -> Message:
    letter = _locked(letter)
    if letter.status not in (LetterStatus.OPEN, LetterStatus.CLARIFICATION):
        raise ActionRefused(_("Clarification can be asked only while the letter is open."))
    message = Message.objects.create(
        letter=letter, direction=Direction.OUTGOING, author=actor, body=body
    )
    _stamp_created(message, now)
    letter.status = LetterStatus.CLARIFICATION
    letter.save(update_fields=["status"])
    event_append(
        letter=letter,
        kind=EventKind.CLARIFICATION_REQUESTED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"message": message.pk},
        now=now,
    )
    _tell_citizen(letter, "letters/clarification", f"clarification:{message.pk}", question=body)
    return message


@transaction.atomic
def letter_assign(
    *, letter: Letter, actor, assignee, now: datetime.datetime | None = None
) -> Letter:
    letter = _locked(letter)
    if letter.status not in OPEN_STATES:
        raise ActionRefused(_("A closed letter cannot be assigned."))
    if letter.assignee_id == assignee.pk:
        return letter
    letter.assignee = assignee
    letter.save(update_fields=["assignee"])
    event = event_append(
        letter=letter,
        kind=EventKind.ASSIGNED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"to": _actor_label(assignee)},
        now=now,
    )
    _notify(
        template="letters/assigned",
        to=assignee.email,
        language="ka",
        key=f"letter:{letter.pk}:assigned:{event.seq}",
        context={
            "number": letter.number,
            "letter_subject": letter.subject,
            "deadline": letter.deadline.isoformat(),
            "by": _actor_label(actor),
        },
    )
    return letter


@transaction.atomic
def letter_forward(
    *, letter: Letter, actor, to_body: Body, reason: str, now: datetime.datetime | None = None
) -> Letter:
    """To another body of the municipality: its deadline rule applies from now."""
    from emanager.deadlines.selectors import deadline_for

    letter = _locked(letter)
    if letter.status not in (LetterStatus.OPEN, LetterStatus.CLARIFICATION):
        raise ActionRefused(_("Only an open letter can be forwarded."))
    if to_body.municipality_id != letter.municipality_id or to_body.pk == letter.addressee_body_id:
        raise ActionRefused(_("Forward to another body of the same municipality."))
    old_body = letter.addressee_body
    old_deadline = letter.deadline
    stamp = now
    now = now or timezone.now()
    letter.addressee_body = to_body
    letter.addressee_official = None
    letter.assignee = None
    letter.deadline = deadline_for(
        municipality=letter.municipality, kind=letter.kind, registered_at=now
    )
    letter.save(update_fields=["addressee_body", "addressee_official", "assignee", "deadline"])
    event = event_append(
        letter=letter,
        kind=EventKind.FORWARDED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={
            "from": str(old_body),
            "to": str(to_body),
            "reason": reason,
            "deadline_from": old_deadline.isoformat() if old_deadline else None,
            "deadline_to": letter.deadline.isoformat(),
        },
        now=stamp,
    )
    _tell_citizen(
        letter,
        "letters/forwarded",
        f"forwarded:{event.seq}",
        to=str(to_body),
        reason=reason,
        deadline=letter.deadline.isoformat(),
    )
    return letter


@transaction.atomic
def letter_forward_outside(
    *, letter: Letter, actor, recipient: str, reason: str, now: datetime.datetime | None = None
) -> Letter:
    """Recorded as sent to a body outside the municipality; the letter closes here."""
    letter = _locked(letter)
    if letter.status not in (LetterStatus.OPEN, LetterStatus.CLARIFICATION):
        raise ActionRefused(_("Only an open letter can be forwarded."))
    letter.status = LetterStatus.CLOSED
    letter.outcome = Outcome.FORWARDED_OUTSIDE
    letter.closed_at = now or timezone.now()
    letter.save(update_fields=["status", "outcome", "closed_at"])
    event = event_append(
        letter=letter,
        kind=EventKind.FORWARDED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"to": recipient, "reason": reason, "outside": True},
        now=now,
    )
    _tell_citizen(
        letter,
        "letters/forwarded",
        f"forwarded:{event.seq}",
        to=recipient,
        reason=reason,
        deadline="",
    )
    return letter


@transaction.atomic
def letter_extend_deadline(
    *,
    letter: Letter,
    actor,
    new_deadline: datetime.date,
    reason: str,
    now: datetime.datetime | None = None,
) -> Letter:
    from emanager.deadlines.selectors import extension_limit

    letter = _locked(letter)
    if letter.status not in (LetterStatus.OPEN, LetterStatus.CLARIFICATION):
        raise ActionRefused(_("Only an open letter's deadline can be extended."))
    if new_deadline <= letter.deadline:
        raise ActionRefused(_("The new deadline must be later than the present one."))
    limit = extension_limit(
        municipality=letter.municipality, kind=letter.kind, registered_at=letter.registered_at
    )
    if new_deadline > limit:
        raise ActionRefused(
            _("The law allows extending this letter until %(date)s at the latest.")
            % {"date": date_format(limit, "SHORT_DATE_FORMAT")}
        )
    old = letter.deadline
    letter.deadline = new_deadline
    letter.save(update_fields=["deadline"])
    event = event_append(
        letter=letter,
        kind=EventKind.DEADLINE_EXTENDED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"from": old.isoformat(), "to": new_deadline.isoformat(), "reason": reason},
        now=now,
    )
    _tell_citizen(
        letter,
        "letters/deadline_extended",
        f"extended:{event.seq}",
        deadline=new_deadline.isoformat(),
        reason=reason,
    )
    return letter


@transaction.atomic
def letter_close(
    *,
    letter: Letter,
    actor,
    outcome: Outcome,
    ground: str = "",
    now: datetime.datetime | None = None,
) -> Letter:
    letter = _locked(letter)
    if letter.status in (LetterStatus.CLOSED, LetterStatus.UNCONFIRMED):
        raise ActionRefused(_("The letter is not open."))
    if outcome == Outcome.REFUSED and not ground.strip():
        raise ActionRefused(_("A refusal needs its ground."))
    letter.status = LetterStatus.CLOSED
    letter.outcome = outcome
    letter.closed_at = now or timezone.now()
    letter.save(update_fields=["status", "outcome", "closed_at"])
    event_append(
        letter=letter,
        kind=EventKind.CLOSED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"outcome": str(outcome), "reason": ground},
        now=now,
    )
    return letter


@transaction.atomic
def letter_reopen(
    *, letter: Letter, actor, reason: str, now: datetime.datetime | None = None
) -> Letter:
    letter = _locked(letter)
    if letter.status != LetterStatus.CLOSED:
        raise ActionRefused(_("Only a closed letter can be reopened."))
    letter.status = LetterStatus.OPEN
    letter.outcome = ""
    letter.closed_at = None
    letter.save(update_fields=["status", "outcome", "closed_at"])
    event_append(
        letter=letter,
        kind=EventKind.REOPENED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"reason": reason},
        now=now,
    )
    return letter


@transaction.atomic
def note_add(
    *, letter: Letter, actor, body: str, now: datetime.datetime | None = None
) -> InternalNote:
    """A note for the staff on the letter. Not in the timeline: the citizen never sees it."""
    note = InternalNote.objects.create(letter=letter, author=actor, body=body)
    if now is not None:
        InternalNote.objects.filter(pk=note.pk).update(created_at=now)
        note.created_at = now
    return note


@transaction.atomic
def body_approval_set(*, body: Body, required: bool) -> Body:
    """Whether the answers of the body wait for its head's approval before they are sent."""
    body = Body.objects.select_for_update().get(pk=body.pk)
    if body.answers_need_approval != required:
        body.answers_need_approval = required
        body.save(update_fields=["answers_need_approval"])
    return body

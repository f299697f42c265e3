"""Reads of letters.

What the citizen sees of a letter is read here only, through
:func:`letter_thread` (without ``staff``) and :func:`citizen_attachments`: the
messages sent to them or written by them, and the events of the letter's
handling that concern them. Answers not sent yet (waiting for the head's
approval, returned for changes), the events of their approval and the staff's
internal notes stay inside.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from emanager.letters.choices import EventKind, MessageStatus
from emanager.letters.models import AnswerTemplate, Attachment, Event, InternalNote, Letter, Message

# Events of the staff's own work, never shown to the citizen.
INTERNAL_EVENTS = frozenset(
    {EventKind.ANSWER_PENDING, EventKind.ANSWER_APPROVED, EventKind.ANSWER_RETURNED}
)


def _messages(letter: Letter, *, staff: bool) -> QuerySet[Message]:
    messages = Message.objects.filter(letter=letter)
    if not staff:
        messages = messages.filter(status=MessageStatus.SENT)
    return messages.select_related("author", "approved_by").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("pk"))
    )


def letter_thread(letter: Letter, *, staff: bool = False) -> dict:
    """Everything the letter's page shows: events, messages and their files.

    For the citizen unless ``staff``: only sent messages and the events that
    are not internal. For the staff: all of them, with the internal notes and
    the answer not sent yet (``draft``).
    """
    messages = list(_messages(letter, staff=staff))
    events = Event.objects.filter(letter=letter).select_related("actor").order_by("seq")
    if not staff:
        events = events.exclude(kind__in=INTERNAL_EVENTS)
    context = {
        "events": list(events),
        "thread": messages,
        "letter_files": list(letter.attachments.filter(message__isnull=True)),
        "answers": [m for m in messages if m.is_answer and m.status == MessageStatus.SENT],
    }
    if staff:
        unsent = [m for m in messages if m.is_answer and m.status != MessageStatus.SENT]
        context["draft"] = unsent[-1] if unsent else None
        context["notes"] = letter_notes(letter)
    return context


def citizen_attachments(letter: Letter) -> QuerySet[Attachment]:
    """The files of the letter the citizen may download: theirs, and those of sent messages."""
    return Attachment.objects.filter(letter=letter).filter(
        Q(message__isnull=True) | Q(message__status=MessageStatus.SENT)
    )


def letter_notes(letter: Letter) -> list[InternalNote]:
    """The staff's internal notes on the letter, the newest last."""
    return list(
        InternalNote.objects.filter(letter=letter)
        .select_related("author")
        .order_by("created_at", "pk")
    )


def answer_templates_for(letter: Letter) -> QuerySet[AnswerTemplate]:
    """The templates offered to answer the letter: its body's and those of the bodies above."""
    body_ids: list[int] = []
    body = letter.addressee_body
    while body is not None and body.pk not in body_ids:
        body_ids.append(body.pk)
        body = body.parent
    return (
        AnswerTemplate.objects.filter(body_id__in=body_ids)
        .select_related("body")
        .order_by("body__order", "body_id", "title", "pk")
    )

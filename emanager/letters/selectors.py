"""Reads of letters."""

from __future__ import annotations

from django.db.models import Prefetch

from emanager.letters.models import Attachment, Event, Letter, Message


def letter_thread(letter: Letter) -> dict:
    """Everything the tracking page shows: events, messages and their files."""
    messages = list(
        Message.objects.filter(letter=letter).prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("pk"))
        )
    )
    return {
        "events": list(Event.objects.filter(letter=letter).select_related("actor").order_by("seq")),
        "thread": messages,
        "letter_files": list(letter.attachments.filter(message__isnull=True)),
        "answers": [m for m in messages if m.is_answer],
    }

"""Letters of Lanchkhuti's Finance service, answered or not, and the day helpers of the survey."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from emanager.letters.staff_services import letter_answer
from tests.letters.conftest import finance, registered, submit  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def english():
    """Messages from services are in the active language; these tests read English."""
    with translation.override("en"):
        yield


@pytest.fixture
def answered(registered):  # noqa: F811
    """A registered letter, answered now (``answered_at`` is the present)."""

    def answered_(**overrides):
        letter = registered(**overrides)
        letter_answer(letter=letter, actor=None, body="The street lights are repaired.", files=[])
        letter.refresh_from_db()
        return letter

    return answered_


def days_after(start: datetime.date | datetime.datetime, days: int) -> datetime.date:
    if isinstance(start, datetime.datetime):
        start = timezone.localdate(start)
    return start + datetime.timedelta(days=days)


def backdate(letter, *, days: int):
    """Move the letter's answer ``days`` days into the past."""
    from emanager.letters.models import Letter, Message

    shift = datetime.timedelta(days=days)
    Letter.objects.filter(pk=letter.pk).update(answered_at=letter.answered_at - shift)
    for message in Message.objects.filter(letter=letter, sent_at__isnull=False):
        Message.objects.filter(pk=message.pk).update(sent_at=message.sent_at - shift)
    letter.refresh_from_db()
    return letter

"""A published letter's public page: its timeline in words, its answers, and no private data."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import formats, timezone

from emanager.letters.choices import Direction, LetterStatus, Outcome, Publication
from emanager.letters.models import Message
from emanager.publication import services
from emanager.publication.selectors import Standing, published_letters
from tests.archive.conftest import PRIVATE_DATA, PRIVATE_NAME, PRIVATE_TEXT, moment

pytestmark = pytest.mark.django_db


def page(client, letter, lang="en") -> str:
    response = client.get(f"/{lang}/letters/public/{letter.uuid}/")
    assert response.status_code == 200
    return response.content.decode()


def timeline(html: str) -> str:
    """The timeline's text, tags and extra spaces removed."""
    start = html.index('<ol class="timeline')
    part = html[start : html.index("</ol>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part)).replace(" ,", ",").strip()


def archive_row(client, letter) -> str:
    html = client.get("/en/archive/").content.decode()
    start = html.index(letter.number)
    part = html[start : html.index("</tr>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part)).replace(" ,", ",")


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def test_answered_on_time(client, publish):
    received = datetime.date(2025, 3, 3)
    letter = publish(
        received=received,
        deadline=received + datetime.timedelta(days=30),
        answered_at=moment(received + datetime.timedelta(days=12)),
        status=LetterStatus.CLOSED,
        outcome=Outcome.ANSWERED,
        closed_at=moment(received + datetime.timedelta(days=14)),
    )
    assert published_letters().get(letter.uuid).standing == Standing.ANSWERED_ON_TIME
    text = timeline(page(client, letter))
    assert re.search(
        r"March 3, 2025 — Registered under number .*"
        r"March 15, 2025 — Answered on day 12 after registration, within the deadline .*"
        r"March 17, 2025 — Closed — Answered .*"
        r"April 2, 2025 — Deadline for the answer",
        text,
    ), text
    assert "Answered on day 12" in archive_row(client, letter)
    assert "late" not in archive_row(client, letter)


def test_answered_on_the_day_of_registration(client, publish):
    received = datetime.date(2025, 3, 3)
    letter = publish(received=received, answered_at=moment(received, hour=16))
    assert "Answered on the day of registration, within the deadline" in timeline(
        page(client, letter)
    )
    assert "Answered on the day of registration" in archive_row(client, letter)


def test_answered_late(client, publish):
    received = datetime.date(2025, 3, 3)
    letter = publish(
        received=received,
        deadline=received + datetime.timedelta(days=10),
        answered_at=moment(received + datetime.timedelta(days=13)),
    )
    assert published_letters().get(letter.uuid).standing == Standing.ANSWERED_LATE
    text = timeline(page(client, letter))
    assert re.search(
        r"March 13, 2025 — Deadline for the answer .*"
        r"March 16, 2025 — Answered on day 13 after registration, 3 days after the deadline",
        text,
    ), text
    assert "Answered on day 13, late by 3 days" in archive_row(client, letter)


def test_open_within_the_deadline(client, publish):
    letter = publish(
        received=days_ago(4),
        deadline=days_ago(-6),
        answered_at=None,
        status=LetterStatus.OPEN,
    )
    assert published_letters().get(letter.uuid).standing == Standing.OPEN
    text = timeline(page(client, letter))
    assert "Today: still open; 6 days left to answer" in text
    assert text.index("Today") < text.index("Deadline for the answer")
    due = formats.date_format(days_ago(-6), "SHORT_DATE_FORMAT")
    assert f"Open, due {due}" in archive_row(client, letter)


def test_open_and_overdue(client, publish):
    letter = publish(
        received=days_ago(40),
        deadline=days_ago(9),
        answered_at=None,
        status=LetterStatus.CLARIFICATION,
    )
    assert published_letters().get(letter.uuid).overdue_by == 9
    text = timeline(page(client, letter))
    assert "Deadline for the answer: passed without an answer" in text
    assert "Today: still open and overdue by 9 days" in text
    assert text.index("Deadline") < text.index("Today")
    assert "Open, overdue by 9 days" in archive_row(client, letter)


def test_open_with_one_day_overdue_is_singular(client, publish):
    letter = publish(
        received=days_ago(31), deadline=days_ago(1), answered_at=None, status=LetterStatus.OPEN
    )
    assert "still open and overdue by 1 day" in timeline(page(client, letter))


def test_closed_without_an_answer(client, publish):
    received = datetime.date(2025, 5, 5)
    letter = publish(
        received=received,
        answered_at=None,
        status=LetterStatus.CLOSED,
        outcome=Outcome.LEFT_WITHOUT_CONSIDERATION,
        closed_at=moment(received + datetime.timedelta(days=3)),
    )
    assert published_letters().get(letter.uuid).standing == Standing.CLOSED
    text = timeline(page(client, letter))
    assert "May 8, 2025 — Closed — Left without consideration" in text
    assert "Today" not in text and "Answered" not in text
    assert "Closed without an answer" in archive_row(client, letter)


def test_the_answers_show_their_outgoing_numbers_and_dates(client, publish, reviewer):
    letter = publish(received=datetime.date(2025, 3, 3))
    for number, day in (("OUT-17/25", 15), ("OUT-29/25", 20)):
        message = Message.objects.create(
            letter=letter,
            direction=Direction.OUTGOING,
            body=f"ორიგინალი პასუხი {PRIVATE_NAME}",
            is_answer=True,
            out_number=number,
            sent_at=moment(datetime.date(2025, 3, day)),
        )
        services.answer_publish(message=message, actor=reviewer, text=f"პასუხი {number}")
    html = page(client, letter)
    assert re.search(r"March 15, 2025</time> · Outgoing number: OUT-17/25", html)
    assert re.search(r"March 20, 2025</time> · Outgoing number: OUT-29/25", html)
    assert html.index("OUT-17/25") < html.index("OUT-29/25")
    assert "პასუხი OUT-29/25" in html
    assert "ორიგინალი პასუხი" not in html


# --- Privacy -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ka", "en", "ru"])
def test_no_private_data_of_an_anonymous_author_appears(client, publish, lang):
    letter = publish(received=datetime.date(2025, 3, 3))
    pages = {
        "letter": page(client, letter, lang),
        "archive": client.get(f"/{lang}/archive/").content.decode(),
    }
    assert letter.number in pages["archive"]
    for name, html in pages.items():
        for secret in PRIVATE_DATA:
            assert secret not in html, (name, secret)
    assert PRIVATE_TEXT not in pages["letter"]


def test_a_named_author_shows_the_name_and_nothing_else(client, publish):
    letter = publish(publication=Publication.PUBLIC_NAMED)
    html = page(client, letter)
    assert PRIVATE_NAME in html
    for secret in PRIVATE_DATA:
        if PRIVATE_NAME not in secret and "ქავთარაძე" not in secret:
            assert secret not in html, secret

"""Letters follow the municipality's calendar."""

import pytest

from emanager.deadlines.models import CalendarDay
from emanager.deadlines.services import calendar_changed
from emanager.letters.choices import EventKind

pytestmark = pytest.mark.django_db


def test_a_day_off_on_the_deadline_moves_open_letters_and_notes_it(registered, municipality):
    letter = registered()
    old = letter.deadline
    CalendarDay.objects.create(municipality=municipality, date=old, is_working_day=False)
    assert calendar_changed(municipality=municipality)
    letter.refresh_from_db()
    assert letter.deadline > old
    event = letter.events.get(kind=EventKind.DEADLINE_RECOMPUTED)
    assert event.data == {"from": old.isoformat(), "to": letter.deadline.isoformat()}


def test_closed_letters_keep_their_deadline(registered, municipality):
    from emanager.letters.services import letter_withdraw

    letter = letter_withdraw(letter=registered())
    CalendarDay.objects.create(
        municipality=municipality, date=letter.deadline, is_working_day=False
    )
    calendar_changed(municipality=municipality)
    assert not letter.events.filter(kind=EventKind.DEADLINE_RECOMPUTED).exists()


def test_public_information_is_due_in_ten_days_at_most(registered):
    letter = registered(kind="public_information")
    days = (letter.deadline - letter.registered_at.date()).days
    assert 10 <= days <= 14  # 10 calendar days, moved past a weekend or holiday at most

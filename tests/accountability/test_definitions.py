"""The definitions, pinned on hand-made values."""

import datetime

import pytest

from emanager.accountability import definitions
from emanager.letters.choices import LetterStatus, Outcome
from tests.accountability.conftest import moment

DAY = datetime.date(2026, 2, 10)


@pytest.mark.parametrize(
    ("values", "median", "p90"),
    [
        ([7], 7, 7),
        ([1, 2], 1, 2),  # even count: the lower middle value
        ([1, 2, 3, 4], 2, 4),
        ([3, 1, 2], 2, 3),
        ([0, 0, 0, 10], 0, 10),
        (list(range(1, 11)), 5, 9),  # rank ceil(0.9 × 10) = 9
        (list(range(1, 21)), 10, 18),
        ([5] * 9 + [40], 5, 5),  # 90 % of the values are 5
        ([5] * 8 + [40, 41], 5, 40),
    ],
)
def test_median_and_90th_percentile_are_by_nearest_rank(values, median, p90):
    histogram = {}
    for value in values:
        histogram[value] = histogram.get(value, 0) + 1
    assert definitions.median(histogram) == median
    assert definitions.percentile(histogram, 90) == p90


def test_percentile_of_nothing_is_none():
    assert definitions.median({}) is None
    assert definitions.percentile({3: 0}, 90) is None


def test_percentile_100_is_the_largest_and_0_the_smallest():
    assert definitions.percentile({1: 2, 9: 1}, 100) == 9
    assert definitions.percentile({1: 2, 9: 1}, 0) == 1


def test_days_to_answer_are_calendar_days_in_tbilisi():
    # 23:30 and 00:10 local are an hour apart but on two days: 1 day.
    assert (
        definitions.days_to_answer(moment(DAY, 23, 30), moment(DAY + datetime.timedelta(1), 0, 10))
        == 1
    )
    assert definitions.days_to_answer(moment(DAY, 9), moment(DAY, 17)) == 0
    assert definitions.days_to_answer(moment(DAY, 9), moment(DAY + datetime.timedelta(14), 9)) == 14


def test_on_time_is_the_local_date_of_the_first_answer_on_or_before_the_deadline():
    # 23:30 on the deadline day in Tbilisi (19:30 UTC): on time.
    assert definitions.answered_on_time(moment(DAY, 23, 30), DAY)
    # 01:00 the next day in Tbilisi (21:00 UTC on the deadline day): late.
    assert not definitions.answered_on_time(moment(DAY + datetime.timedelta(1), 1), DAY)
    assert definitions.answered_on_time(moment(DAY - datetime.timedelta(3)), DAY)
    # No deadline recorded: an answer is on time.
    assert definitions.answered_on_time(moment(DAY), None)


def test_a_deadline_passes_the_day_after_it():
    assert not definitions.deadline_passed(DAY, today=DAY)
    assert definitions.deadline_passed(DAY, today=DAY + datetime.timedelta(1))
    assert not definitions.deadline_passed(None, today=DAY)


@pytest.mark.parametrize(
    ("status", "outcome", "registered", "counted"),
    [
        (LetterStatus.OPEN, "", True, True),
        (LetterStatus.CLOSED, Outcome.REFUSED, True, True),
        (LetterStatus.CLOSED, Outcome.DUPLICATE, True, True),
        (LetterStatus.CLOSED, Outcome.WITHDRAWN, True, False),
        (LetterStatus.UNCONFIRMED, "", False, False),
        (LetterStatus.OPEN, "", False, False),
    ],
)
def test_which_letters_count(status, outcome, registered, counted):
    registered_at = moment(DAY) if registered else None
    assert (
        definitions.is_counted(registered_at=registered_at, status=status, outcome=outcome)
        is counted
    )


def test_open_means_being_handled_or_waiting_for_clarification():
    assert definitions.is_open(LetterStatus.OPEN)
    assert definitions.is_open(LetterStatus.CLARIFICATION)
    assert not definitions.is_open(LetterStatus.ANSWERED)
    assert not definitions.is_open(LetterStatus.CLOSED)


def test_a_rate_needs_the_minimum_number_of_letters():
    assert definitions.MIN_LETTERS == 5
    assert definitions.MIN_SURVEYS == 5
    assert definitions.rate(4, 4, definitions.MIN_LETTERS) is None
    assert definitions.rate(4, 5, definitions.MIN_LETTERS) == 0.8
    assert definitions.rate(0, 0, 1) is None


def test_the_month_is_the_local_month_of_registration():
    # 00:30 on 1 March in Tbilisi is still 28 February in UTC.
    assert definitions.month_of(moment(datetime.date(2026, 3, 1), 0, 30)) == datetime.date(
        2026, 3, 1
    )

"""Properties of the deadline calendar, on generated calendars and periods (no database)."""

import calendar as stdlib_calendar
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emanager.deadlines.calendar import (
    DeadlineSpec,
    ExtensionTooLong,
    Period,
    WorkCalendar,
    add_months,
)
from emanager.deadlines.choices import DeadlineUnit, NonWorkingDayRule

FAST = settings(max_examples=200, deadline=None, database=None)

starts = st.dates(min_value=datetime.date(2010, 1, 1), max_value=datetime.date(2045, 12, 31))
units = st.sampled_from(DeadlineUnit)
amounts = st.integers(min_value=0, max_value=40)
rules = st.sampled_from(NonWorkingDayRule)
periods = st.builds(Period, units, amounts)


@st.composite
def calendars(draw, *, near: datetime.date | None = None) -> WorkCalendar:
    """A calendar with a random weekend and overrides in the 200 days after ``near``."""
    near = near or datetime.date(2026, 1, 1)
    offsets = st.integers(min_value=0, max_value=200)
    days_off = draw(st.frozensets(offsets, max_size=15))
    working = draw(st.frozensets(offsets, max_size=15)) - days_off
    return WorkCalendar(
        weekend=draw(st.frozensets(st.integers(min_value=1, max_value=7), max_size=3)),
        extra_days_off={near + datetime.timedelta(days=n) for n in days_off},
        extra_working_days={near + datetime.timedelta(days=n) for n in working},
        non_working_day_rule=draw(rules),
    )


@st.composite
def cases(draw) -> tuple[WorkCalendar, datetime.date]:
    start = draw(starts)
    return draw(calendars(near=start - datetime.timedelta(days=20))), start


@FAST
@given(cases(), units, amounts, rules)
def test_deadline_is_never_before_the_start(case, unit, amount, rule):
    calendar, start = case
    assert calendar.deadline(start, unit, amount, rule) >= start


@FAST
@given(cases(), units, amounts)
def test_next_working_day_rule_lands_on_a_working_day(case, unit, amount):
    calendar, start = case
    due = calendar.deadline(start, unit, amount, NonWorkingDayRule.NEXT_WORKING_DAY)
    assert calendar.is_working_day(due)


@FAST
@given(cases(), st.integers(min_value=0, max_value=60), units, amounts)
def test_a_later_start_never_gives_an_earlier_deadline(case, delay, unit, amount):
    calendar, start = case
    later = start + datetime.timedelta(days=delay)
    assert calendar.deadline(later, unit, amount) >= calendar.deadline(start, unit, amount)


@FAST
@given(cases(), amounts)
def test_n_working_days_span_exactly_n_working_days(case, amount):
    calendar, start = case
    end = calendar.add(start, DeadlineUnit.WORKING_DAYS, amount)
    assert calendar.working_days_between(start, end) == amount
    if amount:
        assert calendar.is_working_day(end)  # so no earlier day would do


@FAST
@given(starts, st.integers(min_value=0, max_value=500))
def test_months_never_overflow_the_month(start, months):
    end = add_months(start, months)
    month_length = stdlib_calendar.monthrange(end.year, end.month)[1]
    assert (end.year - start.year) * 12 + end.month - start.month == months
    assert end.day == min(start.day, month_length)


@FAST
@given(cases(), units, amounts, st.integers(min_value=0, max_value=200))
def test_a_day_off_never_makes_a_deadline_earlier(case, unit, amount, offset):
    calendar, start = case
    day_off = start + datetime.timedelta(days=offset)
    with_day_off = WorkCalendar(
        weekend=calendar.weekend,
        extra_days_off=calendar.extra_days_off | {day_off},
        extra_working_days=calendar.extra_working_days - {day_off},
        non_working_day_rule=calendar.non_working_day_rule,
    )
    without_day_off = WorkCalendar(
        weekend=calendar.weekend,
        extra_days_off=calendar.extra_days_off - {day_off},
        extra_working_days=calendar.extra_working_days - {day_off},
        non_working_day_rule=calendar.non_working_day_rule,
    )
    assert with_day_off.deadline(start, unit, amount) >= without_day_off.deadline(
        start, unit, amount
    )


@FAST
@given(cases(), periods, periods, periods)
def test_an_extended_deadline_lies_between_the_due_date_and_the_limit(
    case, period, max_extension, extension
):
    calendar, start = case
    spec = DeadlineSpec(period, max_extension)
    due = calendar.due_date(start, spec)
    limit = calendar.extension_limit(start, spec)
    assert due <= limit
    try:
        extended = calendar.due_date(start, spec, extension)
    except ExtensionTooLong:
        assert extension.amount > 0
        return
    assert due <= extended <= limit


@pytest.mark.parametrize("rule", list(NonWorkingDayRule))
def test_generated_calendars_have_working_days(rule):
    # A sanity check of the strategy: the weekend never covers the whole week.
    assert WorkCalendar(weekend={1, 2, 3}, non_working_day_rule=rule).is_working_day(
        datetime.date(2026, 2, 5)
    )

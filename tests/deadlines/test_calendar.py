"""Examples of the counting rules, on the Georgian calendar of 2026-2028 (no database)."""

import datetime

import pytest

from emanager.deadlines.calendar import (
    DeadlineSpec,
    ExtensionTooLong,
    OutsideLoadedYears,
    Period,
    WorkCalendar,
    add_months,
    georgian_holidays,
)
from emanager.deadlines.choices import DeadlineUnit, NonWorkingDayRule
from emanager.deadlines.models import DEFAULT_DEADLINE_RULES
from emanager.letters.choices import LetterKind

D = datetime.date
CAL = WorkCalendar()
APPLICATION = DEFAULT_DEADLINE_RULES[LetterKind.APPLICATION]
FOI = DEFAULT_DEADLINE_RULES[LetterKind.PUBLIC_INFORMATION]


def test_georgian_holidays_of_2026():
    assert {
        D(2026, 1, 1),
        D(2026, 1, 2),
        D(2026, 1, 7),
        D(2026, 1, 19),
        D(2026, 3, 3),
        D(2026, 3, 8),
        D(2026, 4, 9),
        D(2026, 5, 9),
        D(2026, 5, 12),
        D(2026, 5, 17),
        D(2026, 5, 26),
        D(2026, 8, 28),
        D(2026, 10, 14),
        D(2026, 11, 23),
    } <= georgian_holidays(2026)


@pytest.mark.parametrize(
    ("year", "easter_sunday"),
    [(2025, D(2025, 4, 20)), (2026, D(2026, 4, 12)), (2027, D(2027, 5, 2))],
)
def test_orthodox_easter_friday_to_monday_are_holidays(year, easter_sunday):
    easter = {easter_sunday + datetime.timedelta(days=offset) for offset in (-2, -1, 0, 1)}
    assert easter <= georgian_holidays(year)


def test_foi_request_registered_the_friday_before_easter_week_ends_after_easter_monday():
    # 3 April 2026 + 10 days = Easter Monday, 13 April: due on Tuesday 14 April.
    assert CAL.add(D(2026, 4, 3), DeadlineUnit.CALENDAR_DAYS, 10) == D(2026, 4, 13)
    assert CAL.due_date(D(2026, 4, 3), FOI) == D(2026, 4, 14)


def test_foi_request_in_working_days_skips_unity_day_and_easter():
    # 6-8 April, then 9 April and Good Friday to Easter Monday are off.
    assert CAL.deadline(D(2026, 4, 3), DeadlineUnit.WORKING_DAYS, 10) == D(2026, 4, 22)


def test_one_month_from_31_january_is_the_end_of_february():
    assert CAL.add(D(2026, 1, 31), DeadlineUnit.MONTHS, 1) == D(2026, 2, 28)
    assert CAL.add(D(2028, 1, 31), DeadlineUnit.MONTHS, 1) == D(2028, 2, 29)


def test_one_month_from_31_january_2026_moves_from_saturday_to_monday():
    assert CAL.due_date(D(2026, 1, 31), APPLICATION) == D(2026, 3, 2)


def test_deadline_on_independence_day_moves_to_27_may():
    assert CAL.deadline(D(2026, 5, 16), DeadlineUnit.CALENDAR_DAYS, 10) == D(2026, 5, 27)


def test_keep_rule_leaves_a_deadline_on_a_holiday():
    keep = WorkCalendar(non_working_day_rule=NonWorkingDayRule.KEEP)
    assert keep.deadline(D(2026, 5, 16), DeadlineUnit.CALENDAR_DAYS, 10) == D(2026, 5, 26)
    assert CAL.deadline(
        D(2026, 5, 16), DeadlineUnit.CALENDAR_DAYS, 10, NonWorkingDayRule.KEEP
    ) == D(2026, 5, 26)


def test_a_day_off_added_by_the_municipality_moves_a_deadline():
    calendar = WorkCalendar(extra_days_off={D(2026, 5, 27)})
    assert not calendar.is_working_day(D(2026, 5, 27))
    assert calendar.deadline(D(2026, 5, 16), DeadlineUnit.CALENDAR_DAYS, 10) == D(2026, 5, 28)


def test_a_forced_working_saturday_keeps_a_deadline_on_it():
    calendar = WorkCalendar(extra_working_days={D(2026, 2, 28)})
    assert calendar.is_working_day(D(2026, 2, 28))
    assert calendar.due_date(D(2026, 1, 31), APPLICATION) == D(2026, 2, 28)


def test_a_holiday_forced_to_be_a_working_day_counts_as_one():
    calendar = WorkCalendar(extra_working_days={D(2026, 5, 26)})
    assert calendar.deadline(D(2026, 5, 16), DeadlineUnit.CALENDAR_DAYS, 10) == D(2026, 5, 26)


def test_working_days_skip_the_weekend():
    # Thursday 5 February 2026 + 3 working days: Friday, Monday, Tuesday.
    assert CAL.add(D(2026, 2, 5), DeadlineUnit.WORKING_DAYS, 3) == D(2026, 2, 10)


def test_working_days_follow_the_municipalitys_weekend():
    # Thursday 5 February 2026 + 1 working day: Sunday when Friday and Saturday are off.
    friday_and_saturday = WorkCalendar(weekend={5, 6})
    assert friday_and_saturday.add(D(2026, 2, 5), DeadlineUnit.WORKING_DAYS, 1) == D(2026, 2, 8)
    assert friday_and_saturday.add(D(2026, 2, 5), DeadlineUnit.WORKING_DAYS, 3) == D(2026, 2, 10)


def test_next_working_day_is_strictly_after():
    assert CAL.next_working_day(D(2026, 2, 5)) == D(2026, 2, 6)
    assert CAL.next_working_day(D(2026, 2, 6)) == D(2026, 2, 9)
    assert CAL.working_day_on_or_after(D(2026, 2, 6)) == D(2026, 2, 6)


def test_zero_days_is_the_day_of_registration_moved_off_a_holiday():
    assert CAL.add(D(2026, 5, 26), DeadlineUnit.CALENDAR_DAYS, 0) == D(2026, 5, 26)
    assert CAL.deadline(D(2026, 5, 26), DeadlineUnit.CALENDAR_DAYS, 0) == D(2026, 5, 27)


def test_months_clamp_and_cross_the_year():
    assert add_months(D(2026, 12, 31), 2) == D(2027, 2, 28)
    assert add_months(D(2026, 3, 31), 1) == D(2026, 4, 30)
    assert add_months(D(2026, 5, 15), 12) == D(2027, 5, 15)


def test_extension_counts_from_the_ordinary_end():
    # 15 January + 1 month = Sunday 15 February; + 1 more month = Sunday 15 March.
    registered = D(2026, 1, 15)
    assert CAL.due_date(registered, APPLICATION) == D(2026, 2, 16)
    extended = CAL.due_date(registered, APPLICATION, Period(DeadlineUnit.MONTHS, 1))
    assert extended == D(2026, 3, 16)
    assert CAL.extension_limit(registered, APPLICATION) == D(2026, 3, 16)


def test_extension_beyond_the_limit_is_refused():
    with pytest.raises(ExtensionTooLong):
        CAL.due_date(D(2026, 1, 15), APPLICATION, Period(DeadlineUnit.CALENDAR_DAYS, 40))


def test_foi_deadline_cannot_be_extended():
    registered = D(2026, 4, 3)
    assert CAL.extension_limit(registered, FOI) == CAL.due_date(registered, FOI)
    with pytest.raises(ExtensionTooLong):
        CAL.due_date(registered, FOI, Period(DeadlineUnit.CALENDAR_DAYS, 1))


def test_extension_in_working_days_within_a_month_is_allowed():
    spec = DeadlineSpec(Period(DeadlineUnit.MONTHS, 1), Period(DeadlineUnit.MONTHS, 1))
    due = CAL.due_date(D(2026, 1, 15), spec, Period(DeadlineUnit.WORKING_DAYS, 5))
    assert due == D(2026, 2, 20)


def test_calendar_loaded_for_some_years_refuses_other_years():
    calendar = WorkCalendar(years={2026})
    assert calendar.is_working_day(D(2026, 12, 30))
    with pytest.raises(OutsideLoadedYears):
        calendar.deadline(D(2026, 12, 28), DeadlineUnit.CALENDAR_DAYS, 10)


@pytest.mark.parametrize("weekend", [{0}, {8}, set(range(1, 8))])
def test_bad_weekend_is_refused(weekend):
    with pytest.raises(ValueError):
        WorkCalendar(weekend=weekend)


def test_a_date_cannot_be_both_off_and_working():
    with pytest.raises(ValueError):
        WorkCalendar(extra_days_off={D(2026, 1, 5)}, extra_working_days={D(2026, 1, 5)})


def test_negative_amount_is_refused():
    with pytest.raises(ValueError):
        CAL.add(D(2026, 1, 5), DeadlineUnit.CALENDAR_DAYS, -1)

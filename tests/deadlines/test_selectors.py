"""Deadlines of a municipality, read from the database (SQLite or PostgreSQL)."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from emanager.deadlines.calendar import ExtensionTooLong, OutsideLoadedYears, Period
from emanager.deadlines.models import (
    CalendarDay,
    CalendarSettings,
    DeadlineRule,
    DeadlineUnit,
    NonWorkingDayRule,
)
from emanager.deadlines.selectors import (
    calendar_for,
    deadline_for,
    deadline_specs_for,
    extension_limit,
    registration_date,
)
from emanager.letters.choices import LetterKind
from tests.factories import MunicipalityFactory

D = datetime.date
TBILISI = zoneinfo.ZoneInfo("Asia/Tbilisi")

pytestmark = pytest.mark.django_db


def at(year, month, day, hour=10):
    return datetime.datetime(year, month, day, hour, tzinfo=TBILISI)


def test_defaults_apply_without_a_rule(municipality):
    assert deadline_for(
        municipality=municipality, kind=LetterKind.APPLICATION, registered_at=at(2026, 1, 31)
    ) == D(2026, 3, 2)
    assert deadline_for(
        municipality=municipality,
        kind=LetterKind.PUBLIC_INFORMATION,
        registered_at=at(2026, 5, 16),
    ) == D(2026, 5, 27)


def test_a_rule_row_overrides_the_default(municipality):
    DeadlineRule.objects.create(
        municipality=municipality,
        kind=LetterKind.APPLICATION,
        unit=DeadlineUnit.CALENDAR_DAYS,
        amount=15,
    )
    assert deadline_for(
        municipality=municipality, kind="application", registered_at=at(2026, 2, 2)
    ) == D(2026, 2, 17)
    # The other kinds keep their defaults.
    assert deadline_specs_for(municipality)[LetterKind.COMPLAINT].period == Period("months", 1)


def test_a_rule_of_another_municipality_does_not_apply(municipality):
    other = MunicipalityFactory()
    DeadlineRule.objects.create(
        municipality=other, kind=LetterKind.APPLICATION, unit="calendar_days", amount=15
    )
    assert deadline_for(
        municipality=municipality, kind=LetterKind.APPLICATION, registered_at=at(2026, 2, 2)
    ) == D(2026, 3, 2)


def test_day_0_is_the_date_in_tbilisi():
    # 21:30 UTC on 15 May is 01:30 on 16 May in Tbilisi.
    registered_at = datetime.datetime(2026, 5, 15, 21, 30, tzinfo=datetime.UTC)
    assert registration_date(registered_at) == D(2026, 5, 16)


def test_naive_datetime_and_plain_date_are_refused():
    with pytest.raises(ValueError):
        registration_date(datetime.datetime(2026, 5, 15, 10, 0))
    with pytest.raises(TypeError):
        registration_date(D(2026, 5, 15))


def test_calendar_for_loads_settings_and_overrides_in_two_queries(
    municipality, django_assert_num_queries
):
    CalendarSettings.objects.create(
        municipality=municipality,
        weekend_days="7",
        non_working_day_rule=NonWorkingDayRule.KEEP,
    )
    CalendarDay.objects.create(municipality=municipality, date=D(2026, 5, 27), note="Decree")
    CalendarDay.objects.create(municipality=municipality, date=D(2026, 5, 26), is_working_day=True)
    CalendarDay.objects.create(municipality=MunicipalityFactory(), date=D(2026, 5, 28))
    with django_assert_num_queries(2):
        calendar = calendar_for(municipality)
    assert calendar.weekend == {7}
    assert calendar.non_working_day_rule == NonWorkingDayRule.KEEP
    assert calendar.extra_days_off == {D(2026, 5, 27)}
    assert calendar.extra_working_days == {D(2026, 5, 26)}
    assert calendar.is_working_day(D(2026, 5, 30))  # a Saturday


def test_a_day_off_in_the_database_moves_a_deadline(municipality):
    CalendarDay.objects.create(municipality=municipality, date=D(2026, 5, 27))
    assert deadline_for(
        municipality=municipality,
        kind=LetterKind.PUBLIC_INFORMATION,
        registered_at=at(2026, 5, 16),
    ) == D(2026, 5, 28)


def test_calendar_for_some_years_loads_only_those(municipality):
    CalendarDay.objects.create(municipality=municipality, date=D(2026, 5, 27))
    CalendarDay.objects.create(municipality=municipality, date=D(2027, 5, 27))
    calendar = calendar_for(municipality, years=[2026])
    assert calendar.extra_days_off == {D(2026, 5, 27)}
    with pytest.raises(OutsideLoadedYears):
        calendar.is_working_day(D(2027, 5, 27))


def test_extension_limit_and_extended_deadline(municipality):
    registered_at = at(2026, 1, 15)
    assert extension_limit(
        municipality=municipality, kind=LetterKind.APPLICATION, registered_at=registered_at
    ) == D(2026, 3, 16)
    assert deadline_for(
        municipality=municipality,
        kind=LetterKind.APPLICATION,
        registered_at=registered_at,
        extension=Period(DeadlineUnit.CALENDAR_DAYS, 14),
    ) == D(2026, 3, 2)
    with pytest.raises(ExtensionTooLong):
        deadline_for(
            municipality=municipality,
            kind=LetterKind.APPLICATION,
            registered_at=registered_at,
            extension=Period(DeadlineUnit.MONTHS, 2),
        )


def test_foi_extension_limit_is_the_due_date(municipality):
    registered_at = at(2026, 4, 3)
    calendar = calendar_for(municipality)
    due = deadline_for(
        municipality=municipality,
        kind=LetterKind.PUBLIC_INFORMATION,
        registered_at=registered_at,
        calendar=calendar,
    )
    assert due == D(2026, 4, 14)
    assert (
        extension_limit(
            municipality=municipality,
            kind=LetterKind.PUBLIC_INFORMATION,
            registered_at=registered_at,
            calendar=calendar,
        )
        == due
    )


def test_a_rule_needs_a_positive_period(municipality):
    rule = DeadlineRule(
        municipality=municipality, kind=LetterKind.APPLICATION, unit="months", amount=0
    )
    with pytest.raises(ValidationError):
        rule.full_clean()


@pytest.mark.parametrize("weekend_days", ["1234567", "66", "8"])
def test_calendar_settings_refuse_a_bad_weekend(municipality, weekend_days):
    settings = CalendarSettings(municipality=municipality, weekend_days=weekend_days)
    with pytest.raises(ValidationError):
        settings.full_clean()

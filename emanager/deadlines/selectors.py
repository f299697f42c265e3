"""Reads of the deadline calendar: the calendar of a municipality and the due dates of letters.

Other apps call :func:`deadline_for` and :func:`extension_limit`; to compute
many deadlines of one municipality, load :func:`calendar_for` and
:func:`deadline_specs_for` once and call :meth:`WorkCalendar.due_date`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone

from emanager.deadlines.calendar import DeadlineSpec, Period, WorkCalendar
from emanager.deadlines.models import (
    DEFAULT_DEADLINE_RULES,
    CalendarDay,
    CalendarSettings,
    DeadlineRule,
)
from emanager.directory.models import Municipality
from emanager.letters.choices import LetterKind

__all__ = [
    "calendar_for",
    "deadline_for",
    "deadline_spec_for",
    "deadline_specs_for",
    "extension_limit",
    "registration_date",
]


def calendar_for(municipality: Municipality, *, years: Iterable[int] | None = None) -> WorkCalendar:
    """The municipality's working calendar, with its overrides.

    Two queries: the settings and the overrides. With ``years``, only those
    years' overrides are loaded, and the calendar refuses dates outside them;
    without, all of them (a few a year).
    """
    calendar_settings = CalendarSettings.objects.filter(municipality=municipality).first()
    days = CalendarDay.objects.filter(municipality=municipality)
    if years is not None:
        years = frozenset(years)
        days = days.filter(date__year__in=years)
    days_off: set[datetime.date] = set()
    working_days: set[datetime.date] = set()
    for day, is_working_day in days.values_list("date", "is_working_day"):
        (working_days if is_working_day else days_off).add(day)
    options = {}
    if calendar_settings is not None:
        options = {
            "weekend": calendar_settings.weekend,
            "non_working_day_rule": calendar_settings.non_working_day_rule,
        }
    return WorkCalendar(
        extra_days_off=frozenset(days_off),
        extra_working_days=frozenset(working_days),
        years=years,
        **options,
    )


def deadline_specs_for(municipality: Municipality) -> dict[str, DeadlineSpec]:
    """Every kind of letter's period in the municipality: its rules, else the defaults."""
    specs = dict(DEFAULT_DEADLINE_RULES)
    for rule in DeadlineRule.objects.filter(municipality=municipality):
        specs[rule.kind] = rule.spec
    return specs


def deadline_spec_for(*, municipality: Municipality, kind: LetterKind | str) -> DeadlineSpec:
    rule = DeadlineRule.objects.filter(municipality=municipality, kind=kind).first()
    if rule is not None:
        return rule.spec
    return DEFAULT_DEADLINE_RULES[LetterKind(kind)]


def registration_date(registered_at: datetime.datetime) -> datetime.date:
    """Day 0 of a letter: the date of its registration in the installation's time zone."""
    if not isinstance(registered_at, datetime.datetime):
        raise TypeError("registered_at must be an aware datetime, not a date.")
    return timezone.localtime(registered_at, timezone.get_default_timezone()).date()


def deadline_for(
    *,
    municipality: Municipality,
    kind: LetterKind | str,
    registered_at: datetime.datetime,
    extension: Period | None = None,
    calendar: WorkCalendar | None = None,
) -> datetime.date:
    """The due date of a letter, in the time zone of the installation (``TIME_ZONE``).

    ``extension`` counts from the end of the ordinary period; raises
    :class:`~emanager.deadlines.calendar.ExtensionTooLong` beyond
    :func:`extension_limit`. Pass ``calendar`` to reuse a loaded calendar.
    """
    spec = deadline_spec_for(municipality=municipality, kind=kind)
    if calendar is None:
        calendar = calendar_for(municipality)
    return calendar.due_date(registration_date(registered_at), spec, extension)


def extension_limit(
    *,
    municipality: Municipality,
    kind: LetterKind | str,
    registered_at: datetime.datetime,
    calendar: WorkCalendar | None = None,
) -> datetime.date:
    """The latest date a letter's deadline may be extended to (its due date if none is allowed)."""
    spec = deadline_spec_for(municipality=municipality, kind=kind)
    if calendar is None:
        calendar = calendar_for(municipality)
    return calendar.extension_limit(registration_date(registered_at), spec)

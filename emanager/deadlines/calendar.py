"""The deadline calendar: which days are working days, and how periods are counted.

Pure logic, without the ORM, so that it can be tested with generated data;
:func:`emanager.deadlines.selectors.calendar_for` builds a :class:`WorkCalendar`
from a municipality's settings and overrides.

A day is a working day unless it is a weekend day (Saturday and Sunday by
default) or a public holiday of Georgia (the ``holidays`` package, country
``GE``: it includes the Orthodox Good Friday, Holy Saturday, Easter Sunday and
Easter Monday, and the days off the government declared in the past). A
municipality overrides single dates both ways: an extra day off declared by the
government or the municipality, or a working day on a date that would otherwise
be off (a Saturday worked in exchange for a bridge day). An override always
wins.

Counting rule, as the General Administrative Code counts periods: the day of
registration is day 0 and the period starts on the next day.

* ``calendar_days``: ``n`` days after the day of registration
  (registered on 3 March, 10 days: 13 March).
* ``working_days``: the ``n``-th working day after the day of registration.
* ``months``: the same day number ``n`` months later; when that month is
  shorter, its last day (31 January + 1 month: 28 or 29 February).

A period that ends on a non-working day moves to the next working day
(:attr:`NonWorkingDayRule.NEXT_WORKING_DAY`, the Georgian rule), unless the
municipality chose :attr:`NonWorkingDayRule.KEEP`.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache

import holidays

from emanager.deadlines.choices import DeadlineUnit, NonWorkingDayRule

__all__ = [
    "DEFAULT_WEEKEND",
    "CalendarError",
    "DeadlineSpec",
    "ExtensionTooLong",
    "OutsideLoadedYears",
    "Period",
    "WorkCalendar",
    "add_months",
    "georgian_holidays",
]

# ISO weekday numbers: Monday is 1, Sunday is 7.
SATURDAY = 6
SUNDAY = 7
DEFAULT_WEEKEND = frozenset({SATURDAY, SUNDAY})

# A search for a working day that runs longer than this means a calendar
# without working days (every day declared off): stop instead of looping.
SEARCH_LIMIT_DAYS = 3660


class CalendarError(ValueError):
    """The calendar cannot answer: a bad argument or a calendar without working days."""


class OutsideLoadedYears(CalendarError):
    """The date falls in a year whose municipal overrides were not loaded."""


class ExtensionTooLong(CalendarError):
    """An extension would move a deadline beyond the legal maximum."""


@lru_cache(maxsize=512)
def georgian_holidays(year: int) -> frozenset[datetime.date]:
    """The public holidays of Georgia in ``year``, from the ``holidays`` package."""
    return frozenset(holidays.country_holidays("GE", years=year).keys())


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day number ``months`` later, clamped to the last day of that month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, _month_length(year, month)))


def _month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@dataclass(frozen=True, slots=True)
class Period:
    """An amount of a unit: 10 calendar days, 1 month..."""

    unit: DeadlineUnit
    amount: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", DeadlineUnit(self.unit))
        if self.amount < 0:
            raise CalendarError("A period cannot be negative.")

    def __str__(self) -> str:
        return f"{self.amount} {self.unit.label}"


@dataclass(frozen=True, slots=True)
class DeadlineSpec:
    """How long a kind of letter may take, and how far its deadline may be extended in total.

    An extension of 0 means the period is the legal maximum.
    """

    period: Period
    max_extension: Period


@dataclass(frozen=True)
class WorkCalendar:
    """The working days of one municipality.

    ``weekend`` holds ISO weekday numbers (Monday 1 ... Sunday 7).
    ``extra_days_off`` and ``extra_working_days`` are the municipality's
    overrides. ``years`` names the years whose overrides were loaded; asking
    about a date outside them raises :class:`OutsideLoadedYears` rather than
    silently ignoring an override (``None``: all years were loaded).
    ``public_holidays`` maps a year to its holidays; tests may replace it.
    """

    weekend: frozenset[int] = DEFAULT_WEEKEND
    extra_days_off: frozenset[datetime.date] = frozenset()
    extra_working_days: frozenset[datetime.date] = frozenset()
    non_working_day_rule: NonWorkingDayRule = NonWorkingDayRule.NEXT_WORKING_DAY
    years: frozenset[int] | None = None
    public_holidays: Callable[[int], Collection[datetime.date]] = field(
        default=georgian_holidays, repr=False
    )

    def __post_init__(self) -> None:
        weekend = frozenset(self.weekend)
        if not weekend <= set(range(1, 8)):
            raise CalendarError("Weekend days are ISO weekday numbers from 1 to 7.")
        if len(weekend) == 7:
            raise CalendarError("A week needs at least one working day.")
        object.__setattr__(self, "weekend", weekend)
        object.__setattr__(self, "extra_days_off", frozenset(self.extra_days_off))
        object.__setattr__(self, "extra_working_days", frozenset(self.extra_working_days))
        if self.extra_days_off & self.extra_working_days:
            raise CalendarError("A date cannot be both a day off and a working day.")
        object.__setattr__(
            self, "non_working_day_rule", NonWorkingDayRule(self.non_working_day_rule)
        )
        if self.years is not None:
            object.__setattr__(self, "years", frozenset(self.years))

    # --- Days ---------------------------------------------------------------

    def is_holiday(self, day: datetime.date) -> bool:
        """Whether ``day`` is a public holiday (whatever the municipality's overrides say)."""
        return day in self.public_holidays(day.year)

    def is_working_day(self, day: datetime.date) -> bool:
        if self.years is not None and day.year not in self.years:
            raise OutsideLoadedYears(
                f"{day.isoformat()} is outside the years loaded ({sorted(self.years)})."
            )
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off:
            return False
        return day.isoweekday() not in self.weekend and not self.is_holiday(day)

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """The first working day strictly after ``day``."""
        return self.working_day_on_or_after(day + datetime.timedelta(days=1))

    def working_day_on_or_after(self, day: datetime.date) -> datetime.date:
        """``day`` itself when it is a working day, otherwise the next one."""
        for offset in range(SEARCH_LIMIT_DAYS):
            candidate = day + datetime.timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise CalendarError(f"No working day within {SEARCH_LIMIT_DAYS} days of {day}.")

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """How many working days fall after ``start`` up to and including ``end``."""
        days = (end - start).days
        return sum(
            self.is_working_day(start + datetime.timedelta(days=offset))
            for offset in range(1, days + 1)
        )

    # --- Periods ------------------------------------------------------------

    def add(self, start: datetime.date, unit: DeadlineUnit | str, amount: int) -> datetime.date:
        """The last day of a period of ``amount`` ``unit`` starting after ``start`` (day 0).

        No non-working-day rule is applied: see :meth:`deadline`.
        """
        period = Period(unit, amount)
        match period.unit:
            case DeadlineUnit.CALENDAR_DAYS:
                return start + datetime.timedelta(days=period.amount)
            case DeadlineUnit.MONTHS:
                return add_months(start, period.amount)
            case DeadlineUnit.WORKING_DAYS:
                day = start
                for _ in range(period.amount):
                    day = self.next_working_day(day)
                return day
        raise CalendarError(f"Unknown unit {unit!r}.")  # pragma: no cover

    def deadline(
        self,
        start: datetime.date,
        unit: DeadlineUnit | str,
        amount: int,
        non_working_rule: NonWorkingDayRule | str | None = None,
    ) -> datetime.date:
        """The due date of a period registered on ``start``.

        ``non_working_rule`` defaults to the calendar's own rule.
        """
        return self.apply_non_working_rule(self.add(start, unit, amount), non_working_rule)

    def apply_non_working_rule(
        self, day: datetime.date, non_working_rule: NonWorkingDayRule | str | None = None
    ) -> datetime.date:
        rule = NonWorkingDayRule(non_working_rule or self.non_working_day_rule)
        if rule == NonWorkingDayRule.KEEP:
            return day
        return self.working_day_on_or_after(day)

    # --- Deadlines of letters -----------------------------------------------

    def due_date(
        self, start: datetime.date, spec: DeadlineSpec, extension: Period | None = None
    ) -> datetime.date:
        """The due date of a letter registered on ``start``, optionally extended.

        An extension counts from the end of the ordinary period (before that end
        is moved off a non-working day). Raises :class:`ExtensionTooLong` when
        the result would be later than :meth:`extension_limit`, or when the
        kind of letter allows no extension at all.
        """
        end = self.add(start, spec.period.unit, spec.period.amount)
        if extension is None or extension.amount == 0:
            return self.apply_non_working_rule(end)
        if spec.max_extension.amount == 0:
            raise ExtensionTooLong("This kind of letter allows no extension.")
        due = self.apply_non_working_rule(self.add(end, extension.unit, extension.amount))
        limit = self.extension_limit(start, spec)
        if due > limit:
            raise ExtensionTooLong(
                f"An extension of {extension} moves the deadline to {due}, "
                f"beyond the limit {limit} ({spec.max_extension} at most)."
            )
        return due

    def extension_limit(self, start: datetime.date, spec: DeadlineSpec) -> datetime.date:
        """The latest date the deadline of a letter registered on ``start`` may be extended to.

        The ordinary due date when the kind of letter allows no extension.
        """
        end = self.add(start, spec.period.unit, spec.period.amount)
        return self.apply_non_working_rule(
            self.add(end, spec.max_extension.unit, spec.max_extension.amount)
        )

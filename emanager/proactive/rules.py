"""The update rules of proactive publication: when an item falls due, and where it stands.

Pure logic, without the ORM: the views, the reminders and the tests call
:func:`item_status` with plain values.

Counting. Periods are counted in calendar days and calendar months, the way
the General Administrative Code counts them (see
:func:`emanager.deadlines.calendar.add_months`): the last day of a reporting
period, the day an act enters into force, or the day of the last publication
is day 0.

* Quarterly: due one month after the quarter ends. Q1 (ends 31 March) by
  30 April; Q2 (30 June) by 30 July; Q3 (30 September) by 30 October; Q4
  (31 December) by 31 January.
* Yearly: due three months after the year ends: by 31 March.
* Legal acts: each act is due 10 calendar days after its entry into force (in
  force on 5 May: published by 15 May at the latest).
* On change: the item changes when the municipality changes it, so it has no
  calendar; it must be published, or confirmed still up to date, at least
  once every 12 months (last published on 29 February 2024: due by 28
  February 2025).

Calendar days, not working days: Ordinance No. 219 counts these periods in
days and months. Only where a municipality's :class:`WorkCalendar` is given, a
due date that falls on a non-working day moves as the calendar's rule says
(in Georgia, to the next working day), as the deadlines of letters do. An item
is late from the day after its due date; on the due date itself it is on time.

State of an item on a day (only documents published on or before that day
count, withdrawn ones never):

* not applicable: the municipality marked it so, with a reason;
* missing: it has no document at all;
* late:
  - quarterly and yearly: a period checked is not covered by any document.
    The periods checked are the last four quarters whose due date has passed
    (for a yearly item, the last year whose due date has passed). It is late
    since the day after the due date of the oldest period not covered;
  - on change: nothing published or confirmed for longer than 12 months;
  - legal acts: an act whose due date fell within the last 12 months was
    published after its due date. Publishing cannot repair this: the late act
    leaves the 12 months' window;
* current: otherwise.

A document covers a period when the period it covers (its start and end)
includes that period: a report on Q3 covers Q3; the nine months' budget report
(1 January to 30 September) covers Q1, Q2 and Q3; a yearly report covers its
year and its four quarters.
"""

from __future__ import annotations

import calendar as _calendar
import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from emanager.deadlines.calendar import WorkCalendar, add_months
from emanager.proactive.choices import ItemState, UpdateRule

__all__ = [
    "LEGAL_ACT_DAYS",
    "QUARTERS_CHECKED",
    "REMINDER_DAYS_BEFORE",
    "REVIEW_MONTHS",
    "Compliance",
    "LateAct",
    "PublishedDocument",
    "ReportingPeriod",
    "Status",
    "Upcoming",
    "compliance",
    "due_date",
    "item_status",
    "legal_act_due",
    "next_due",
    "period_containing",
    "period_to_publish",
    "publication_delay",
]

QUARTER_GRACE_MONTHS = 1
YEAR_GRACE_MONTHS = 3
LEGAL_ACT_DAYS = 10
REVIEW_MONTHS = 12
# How far back a quarterly or yearly item is checked: its last due periods.
QUARTERS_CHECKED = 4
YEARS_CHECKED = 1
# A legal act published late keeps its item late for this long.
LEGAL_ACTS_WINDOW_MONTHS = 12
# The responsible unit is reminded this many days before a due date, and on it.
REMINDER_DAYS_BEFORE = 7

SCHEDULED = frozenset({UpdateRule.QUARTERLY, UpdateRule.YEARLY})
ONE_DAY = datetime.timedelta(days=1)


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, _calendar.monthrange(year, month)[1])


@dataclass(frozen=True, order=True)
class ReportingPeriod:
    """A quarter or a year that documents report on."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> ReportingPeriod:
        if quarter not in (1, 2, 3, 4):
            raise ValueError(f"A quarter is 1 to 4, not {quarter!r}.")
        first_month = 3 * quarter - 2
        return cls(datetime.date(year, first_month, 1), _month_end(year, first_month + 2))

    @classmethod
    def of_year(cls, year: int) -> ReportingPeriod:
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @property
    def is_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31)

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def quarter(self) -> int | None:
        """1 to 4 for a quarter, None for a year."""
        return None if self.is_year else (self.start.month + 2) // 3

    @property
    def key(self) -> str:
        """ "2025" or "2025-Q3"."""
        return str(self.year) if self.is_year else f"{self.year}-Q{self.quarter}"

    def previous(self) -> ReportingPeriod:
        if self.is_year:
            return ReportingPeriod.of_year(self.year - 1)
        if self.quarter == 1:
            return ReportingPeriod.of_quarter(self.year - 1, 4)
        return ReportingPeriod.of_quarter(self.year, self.quarter - 1)

    def next(self) -> ReportingPeriod:
        if self.is_year:
            return ReportingPeriod.of_year(self.year + 1)
        if self.quarter == 4:
            return ReportingPeriod.of_quarter(self.year + 1, 1)
        return ReportingPeriod.of_quarter(self.year, self.quarter + 1)

    def covered_by(self, start: datetime.date | None, end: datetime.date | None) -> bool:
        return start is not None and end is not None and start <= self.start and end >= self.end


def period_containing(day: datetime.date, rule: UpdateRule | str) -> ReportingPeriod:
    """The quarter (quarterly rule) or the year (yearly rule) that ``day`` falls in."""
    if UpdateRule(rule) == UpdateRule.QUARTERLY:
        return ReportingPeriod.of_quarter(day.year, (day.month + 2) // 3)
    if UpdateRule(rule) == UpdateRule.YEARLY:
        return ReportingPeriod.of_year(day.year)
    raise ValueError(f"The rule {rule!r} has no reporting periods.")


def _shift(day: datetime.date, calendar: WorkCalendar | None) -> datetime.date:
    return day if calendar is None else calendar.apply_non_working_rule(day)


def due_date(period: ReportingPeriod, calendar: WorkCalendar | None = None) -> datetime.date:
    """The last day on which the documents of ``period`` are published on time."""
    months = YEAR_GRACE_MONTHS if period.is_year else QUARTER_GRACE_MONTHS
    return _shift(add_months(period.end, months), calendar)


def legal_act_due(
    entry_into_force: datetime.date, calendar: WorkCalendar | None = None
) -> datetime.date:
    """The last day on which an act in force since ``entry_into_force`` is published on time."""
    return _shift(entry_into_force + datetime.timedelta(days=LEGAL_ACT_DAYS), calendar)


def review_due(last: datetime.date, calendar: WorkCalendar | None = None) -> datetime.date:
    """The last day of the year an on-change item stays current after ``last``."""
    return _shift(add_months(last, REVIEW_MONTHS), calendar)


@dataclass(frozen=True)
class PublishedDocument:
    """What the rules need to know of a published document."""

    published_on: datetime.date
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    entry_into_force: datetime.date | None = None
    title: str = ""


@dataclass(frozen=True)
class LateAct:
    title: str
    entry_into_force: datetime.date
    due: datetime.date
    published_on: datetime.date

    @property
    def days_late(self) -> int:
        return (self.published_on - self.due).days


@dataclass(frozen=True)
class Status:
    """Where an item stands on a day.

    ``due`` is, for a late item, the due date it missed (of its oldest period
    not covered, or of its earliest late act); for a current or missing item,
    its next due date (None when it has none).
    """

    state: ItemState
    due: datetime.date | None = None
    missing_periods: tuple[ReportingPeriod, ...] = ()
    late_acts: tuple[LateAct, ...] = ()
    last_published: datetime.date | None = None

    @property
    def late_since(self) -> datetime.date | None:
        """The first day the item was late."""
        if self.state != ItemState.LATE or self.due is None:
            return None
        return self.due + ONE_DAY

    @property
    def is_current(self) -> bool:
        return self.state == ItemState.CURRENT


@dataclass(frozen=True)
class Upcoming:
    """The next due date of an item, and the period due then (None for an on-change item)."""

    due: datetime.date
    period: ReportingPeriod | None
    covered: bool


def _visible(documents: Iterable[PublishedDocument], on: datetime.date) -> list[PublishedDocument]:
    return [document for document in documents if document.published_on <= on]


def _covered(period: ReportingPeriod, documents: list[PublishedDocument]) -> bool:
    return any(period.covered_by(d.period_start, d.period_end) for d in documents)


def _periods_from(
    rule: UpdateRule, on: datetime.date, calendar: WorkCalendar | None
) -> Iterator[tuple[ReportingPeriod, datetime.date]]:
    """Periods with their due dates, from the one containing ``on`` backwards."""
    period = period_containing(on, rule)
    while True:
        yield period, due_date(period, calendar)
        period = period.previous()


def _overdue_periods(
    rule: UpdateRule, on: datetime.date, calendar: WorkCalendar | None
) -> list[tuple[ReportingPeriod, datetime.date]]:
    """The periods checked on ``on``: the last ones whose due date has passed, oldest first."""
    count = QUARTERS_CHECKED if rule == UpdateRule.QUARTERLY else YEARS_CHECKED
    found = []
    for period, due in _periods_from(rule, on, calendar):
        if due < on:
            found.append((period, due))
            if len(found) == count:
                break
    return list(reversed(found))


def _first_upcoming(
    rule: UpdateRule, on: datetime.date, calendar: WorkCalendar | None
) -> tuple[ReportingPeriod, datetime.date]:
    """The earliest period whose due date is ``on`` or later."""
    candidate = None
    for period, due in _periods_from(rule, on, calendar):
        if due < on:
            break
        candidate = (period, due)
    if candidate is None:  # pragma: no cover (the period containing `on` is always due later)
        raise AssertionError("No period is due on or after this day.")
    return candidate


def _last_update(
    documents: list[PublishedDocument], on: datetime.date, reviewed_on: datetime.date | None
) -> datetime.date:
    last = max(document.published_on for document in documents)
    if reviewed_on is not None and last < reviewed_on <= on:
        last = reviewed_on
    return last


def item_status(
    *,
    rule: UpdateRule | str,
    documents: Iterable[PublishedDocument],
    on: datetime.date,
    applicable: bool = True,
    reviewed_on: datetime.date | None = None,
    calendar: WorkCalendar | None = None,
) -> Status:
    """The state of an item on the day ``on`` (see the module's documentation).

    ``reviewed_on``: the day the municipality last confirmed that an on-change
    item is still up to date. ``calendar``: the municipality's working days, to
    move due dates off non-working days; without it, none move.
    """
    rule = UpdateRule(rule)
    if not applicable:
        return Status(ItemState.NOT_APPLICABLE)
    visible = _visible(documents, on)
    if not visible:
        upcoming = next_due(rule=rule, documents=(), on=on, calendar=calendar)
        return Status(ItemState.MISSING, due=upcoming.due if upcoming else None)
    last_published = max(document.published_on for document in visible)

    if rule == UpdateRule.ON_CHANGE:
        due = review_due(_last_update(visible, on, reviewed_on), calendar)
        state = ItemState.LATE if on > due else ItemState.CURRENT
        return Status(state, due=due, last_published=last_published)

    if rule == UpdateRule.LEGAL_ACTS:
        window_start = add_months(on, -LEGAL_ACTS_WINDOW_MONTHS)
        late = []
        for document in visible:
            if document.entry_into_force is None:
                continue
            due = legal_act_due(document.entry_into_force, calendar)
            if window_start <= due < on and document.published_on > due:
                late.append(
                    LateAct(document.title, document.entry_into_force, due, document.published_on)
                )
        late.sort(key=lambda act: (act.due, act.title))
        if late:
            return Status(
                ItemState.LATE,
                due=late[0].due,
                late_acts=tuple(late),
                last_published=last_published,
            )
        return Status(ItemState.CURRENT, last_published=last_published)

    missing = [
        (period, due)
        for period, due in _overdue_periods(rule, on, calendar)
        if not _covered(period, visible)
    ]
    if missing:
        return Status(
            ItemState.LATE,
            due=missing[0][1],
            missing_periods=tuple(period for period, _due in missing),
            last_published=last_published,
        )
    _period, due = _first_upcoming(rule, on, calendar)
    return Status(ItemState.CURRENT, due=due, last_published=last_published)


def next_due(
    *,
    rule: UpdateRule | str,
    documents: Iterable[PublishedDocument],
    on: datetime.date,
    reviewed_on: datetime.date | None = None,
    calendar: WorkCalendar | None = None,
) -> Upcoming | None:
    """The item's next due date on or after ``on``; None when it has no calendar.

    A quarterly or yearly item: the earliest period whose due date is ``on``
    or later, and whether a document covers it already. An on-change item
    that has a document: the end of its 12 months. A legal-acts item, or an
    on-change item without any document: None.
    """
    rule = UpdateRule(rule)
    visible = _visible(documents, on)
    if rule in SCHEDULED:
        period, due = _first_upcoming(rule, on, calendar)
        return Upcoming(due=due, period=period, covered=_covered(period, visible))
    if rule == UpdateRule.ON_CHANGE and visible:
        due = review_due(_last_update(visible, on, reviewed_on), calendar)
        return Upcoming(due=due, period=None, covered=False) if due >= on else None
    return None


def period_to_publish(
    *,
    rule: UpdateRule | str,
    documents: Iterable[PublishedDocument],
    on: datetime.date,
    calendar: WorkCalendar | None = None,
) -> ReportingPeriod | None:
    """The period the next document of a quarterly or yearly item most likely covers.

    The oldest period checked that no document covers; else the first period
    due on or after ``on`` that none covers. None for the other rules.
    """
    rule = UpdateRule(rule)
    if rule not in SCHEDULED:
        return None
    visible = _visible(documents, on)
    for period, _due in _overdue_periods(rule, on, calendar):
        if not _covered(period, visible):
            return period
    period, _due = _first_upcoming(rule, on, calendar)
    for _step in range(8):
        if not _covered(period, visible):
            break
        period = period.next()
    return period


def publication_delay(
    document: PublishedDocument, rule: UpdateRule | str, calendar: WorkCalendar | None = None
) -> int | None:
    """How many days after its due date the document was published (0: on time).

    A legal act: from its entry into force. A quarterly or yearly document:
    from the due date of the quarter or year its period ends in. None when the
    rule gives the document no due date (an on-change item, a document without
    its dates).
    """
    rule = UpdateRule(rule)
    if rule == UpdateRule.LEGAL_ACTS and document.entry_into_force is not None:
        due = legal_act_due(document.entry_into_force, calendar)
    elif rule in SCHEDULED and document.period_end is not None:
        due = due_date(period_containing(document.period_end, rule), calendar)
    else:
        return None
    return max(0, (document.published_on - due).days)


@dataclass(frozen=True)
class Compliance:
    """The counts of a catalogue's states, and its compliance score.

    The score is the share of the applicable items (all but those marked not
    applicable) that are current, in whole per cent, rounded down: one late
    item among 200 leaves the score at 99, never 100. None when no item applies.
    """

    current: int = 0
    late: int = 0
    missing: int = 0
    not_applicable: int = 0

    @property
    def total(self) -> int:
        return self.current + self.late + self.missing + self.not_applicable

    @property
    def applicable(self) -> int:
        return self.total - self.not_applicable

    @property
    def score(self) -> int | None:
        if not self.applicable:
            return None
        return self.current * 100 // self.applicable


def compliance(states: Iterable[ItemState | str]) -> Compliance:
    counts = dict.fromkeys(ItemState, 0)
    for state in states:
        counts[ItemState(state)] += 1
    return Compliance(
        current=counts[ItemState.CURRENT],
        late=counts[ItemState.LATE],
        missing=counts[ItemState.MISSING],
        not_applicable=counts[ItemState.NOT_APPLICABLE],
    )

"""Reading the accountability figures: for one body, official or unit, the ranking, open data.

Everything here reads :class:`MonthlyFigures` rows (a handful of queries per
page, however many letters there are) and applies the definitions of
:mod:`emanager.accountability.definitions` as of ``today``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emanager.accountability import definitions
from emanager.accountability.models import MonthlyFigures, Scope
from emanager.accountability.services import Tally
from emanager.directory.models import Body, Mandate, Municipality, Official, TerritorialUnit

CHART_MONTHS = 24


@dataclass(frozen=True)
class Figures:
    """The figures of a body, official, unit or municipality as of a day."""

    received: int
    answered: int
    answered_on_time: int
    due: int
    open_now: int
    overdue_now: int
    median_days: int | None
    p90_days: int | None
    surveys_answered: int
    satisfied: int

    @classmethod
    def from_tally(cls, tally: Tally, today: datetime.date) -> Figures:
        def passed(deadline: str) -> bool:  # a key of the row's deadline histograms
            day = datetime.date.fromisoformat(deadline) if deadline else None
            return definitions.deadline_passed(day, today)

        unanswered_due = sum(n for d, n in tally.unanswered_deadlines.items() if passed(d))
        return cls(
            received=tally.received,
            answered=tally.answered,
            answered_on_time=tally.answered_on_time,
            due=tally.answered + unanswered_due,
            open_now=sum(tally.open_deadlines.values()),
            overdue_now=sum(n for d, n in tally.open_deadlines.items() if passed(d)),
            median_days=definitions.median(tally.days),
            p90_days=definitions.percentile(tally.days, 90),
            surveys_answered=tally.surveys_answered,
            satisfied=tally.satisfied,
        )

    @property
    def not_on_time(self) -> int:
        return self.due - self.answered_on_time

    @property
    def on_time_rate(self) -> float | None:
        return definitions.rate(self.answered_on_time, self.due, definitions.MIN_LETTERS)

    @property
    def on_time_percent(self) -> int | None:
        return _percent(self.on_time_rate)

    @property
    def satisfied_share(self) -> float | None:
        return definitions.rate(self.satisfied, self.surveys_answered, definitions.MIN_SURVEYS)

    @property
    def satisfied_percent(self) -> int | None:
        return _percent(self.satisfied_share)


def _percent(value: float | None) -> int | None:
    return None if value is None else round(value * 100)


@dataclass(frozen=True)
class Month:
    """One month of the chart: letters registered that month, and how they were answered."""

    month: datetime.date
    received: int
    due: int
    answered_on_time: int

    @property
    def on_time_percent(self) -> int | None:
        # A single month of a single body is not compared with anything: the
        # rate is shown whenever a letter is due, with its counts beside it.
        rate = definitions.rate(self.answered_on_time, self.due, 1)
        return _percent(rate)


@dataclass(frozen=True)
class Accountability:
    figures: Figures
    months: list[Month]
    today: datetime.date


def _last_months(today: datetime.date, count: int = CHART_MONTHS) -> list[datetime.date]:
    months = []
    year, month = today.year, today.month
    for _step in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _tally(rows) -> Tally:
    tally = Tally()
    for row in rows:
        tally.add_row(row)
    return tally


def accountability(
    scope: str, object_id: int, *, today: datetime.date | None = None
) -> Accountability:
    """The figures of one body, official, unit (or municipality), with its last 24 months."""
    today = today or timezone.localdate()
    rows = list(MonthlyFigures.objects.filter(scope=scope, object_id=object_id))
    by_month = {row.month: row for row in rows}
    months = []
    for first_day in _last_months(today):
        row = by_month.get(first_day)
        figures = Figures.from_tally(_tally([row] if row else []), today)
        months.append(
            Month(
                month=first_day,
                received=figures.received,
                due=figures.due,
                answered_on_time=figures.answered_on_time,
            )
        )
    return Accountability(
        figures=Figures.from_tally(_tally(rows), today), months=months, today=today
    )


def _figures_by_object(
    municipality: Municipality, scope: str, today: datetime.date
) -> dict[int, Figures]:
    grouped: dict[int, list[MonthlyFigures]] = defaultdict(list)
    for row in MonthlyFigures.objects.filter(municipality=municipality, scope=scope):
        grouped[row.object_id].append(row)
    return {
        object_id: Figures.from_tally(_tally(rows), today) for object_id, rows in grouped.items()
    }


EMPTY = Figures.from_tally(Tally(), datetime.date.min)


@dataclass(frozen=True)
class Entry:
    """A line of the ranking."""

    subject: Body | Official
    figures: Figures
    rank: int | None
    role: str = ""


SORTS = {
    "rate": _("on-time rate"),
    "letters": _("letters received"),
    "median": _("median days to answer"),
    "overdue": _("overdue now"),
    "name": _("name"),
}
DEFAULT_SORT = "rate"


def _rate_key(entry: Entry):
    rate = entry.figures.on_time_rate
    # Rated first, best rate first; more letters due first on a tie.
    return (rate is None, -(rate or 0), -entry.figures.due, str(entry.subject))


SORT_KEYS = {
    "rate": _rate_key,
    "letters": lambda e: (-e.figures.received, str(e.subject)),
    "median": lambda e: (e.figures.median_days is None, e.figures.median_days or 0, str(e.subject)),
    "overdue": lambda e: (-e.figures.overdue_now, str(e.subject)),
    "name": lambda e: str(e.subject),
}


def _ranked(entries: list[Entry], sort: str) -> list[Entry]:
    """Number the entries by on-time rate (equal rates share a rank), then sort them."""
    rated = sorted((e for e in entries if e.figures.on_time_rate is not None), key=_rate_key)
    ranks: dict[int, int] = {}
    previous, rank = None, 0
    for position, entry in enumerate(rated, start=1):
        if entry.figures.on_time_rate != previous:
            rank, previous = position, entry.figures.on_time_rate
        ranks[id(entry)] = rank
    numbered = [
        Entry(subject=e.subject, figures=e.figures, rank=ranks.get(id(e)), role=e.role)
        for e in entries
    ]
    return sorted(numbered, key=SORT_KEYS.get(sort, _rate_key))


@dataclass(frozen=True)
class Ranking:
    municipality: Figures
    bodies: list[Entry]  # with at least one letter, ranked
    officials: list[Entry]
    bodies_without_letters: list[Body]
    officials_without_letters: list[Official]
    sort: str
    today: datetime.date


def _current_mandates(today: datetime.date) -> Prefetch:
    return Prefetch(
        "mandates",
        queryset=Mandate.objects.current(today).select_related("position"),
        to_attr="current_mandates",
    )


def _officials(municipality: Municipality, with_letters, today: datetime.date):
    """Every official with a current mandate (council members included) or with letters."""
    current = Mandate.objects.current(today).values("official_id")
    return (
        Official.objects.filter(municipality=municipality)
        .filter(Q(pk__in=current) | Q(pk__in=list(with_letters)))
        .prefetch_related(_current_mandates(today))
    )


def ranking(
    municipality: Municipality, *, sort: str = DEFAULT_SORT, today: datetime.date | None = None
) -> Ranking:
    today = today or timezone.localdate()
    sort = sort if sort in SORTS else DEFAULT_SORT
    body_figures = _figures_by_object(municipality, Scope.BODY, today)
    official_figures = _figures_by_object(municipality, Scope.OFFICIAL, today)
    bodies = [
        Entry(subject=body, figures=body_figures.get(body.pk, EMPTY), rank=None)
        for body in Body.objects.filter(municipality=municipality)
    ]
    officials = [
        Entry(
            subject=official,
            figures=official_figures.get(official.pk, EMPTY),
            rank=None,
            role=", ".join(str(m.position) for m in official.current_mandates),
        )
        for official in _officials(municipality, official_figures, today)
    ]
    return Ranking(
        municipality=accountability(Scope.MUNICIPALITY, municipality.pk, today=today).figures,
        bodies=_ranked([e for e in bodies if e.figures.received], sort),
        officials=_ranked([e for e in officials if e.figures.received], sort),
        bodies_without_letters=[e.subject for e in bodies if not e.figures.received],
        officials_without_letters=[e.subject for e in officials if not e.figures.received],
        sort=sort,
        today=today,
    )


def official_roles(official: Official, today: datetime.date | None = None) -> list[Mandate]:
    return list(
        Mandate.objects.current(today)
        .filter(official=official)
        .select_related("position__body", "position__territorial_unit")
    )


# ---- Open data -----------------------------------------------------------------------------

# The columns of :func:`statistics_rows`, with what each means.
STATISTICS_COLUMNS: tuple[tuple[str, str], ...] = (
    ("scope", "body, official or unit"),
    ("id", "the body's, official's or unit's id in e-Manager"),
    ("slug", "its address on the site"),
    ("name", "its name in the active language"),
    ("letters_received", "letters counted (registered, not withdrawn), all time"),
    ("answered", "letters with a first answer sent"),
    ("answered_on_time", "first answer's local date on or before the deadline"),
    ("due", "answered letters plus unanswered letters past their deadline"),
    ("on_time_rate", "answered_on_time / due (0 to 1), empty below 5 letters due"),
    ("median_days", "median calendar days from registration to first answer (nearest rank)"),
    ("p90_days", "90th percentile of those days (nearest rank)"),
    ("open_now", "letters registered and still open (or waiting for clarification)"),
    ("overdue_now", "open letters whose deadline is before today"),
    ("surveys_answered", "citizens who answered the satisfaction question"),
    ("satisfied", "of them, answered 'yes, a satisfactory answer'"),
    ("satisfied_share", "satisfied / surveys_answered (0 to 1), empty below 5 answers"),
    ("as_of", "the day the figures were computed for (YYYY-MM-DD)"),
)
STATISTICS_MODELS = {Scope.BODY: Body, Scope.OFFICIAL: Official, Scope.UNIT: TerritorialUnit}


def statistics_rows(
    municipality: Municipality, scope: str, *, today: datetime.date | None = None
) -> list[dict]:
    """The figures of every body, official or unit of the municipality, one dict per line.

    The keys are :data:`STATISTICS_COLUMNS` (in that order). Counts only: no letter
    content and no personal data of citizens. Reads the pre-computed rows.
    """
    if scope not in STATISTICS_MODELS:
        raise ValueError(f"Unknown scope {scope!r}: one of {', '.join(STATISTICS_MODELS)}.")
    today = today or timezone.localdate()
    figures = _figures_by_object(municipality, scope, today)
    model = STATISTICS_MODELS[scope]
    subjects = model.objects.filter(municipality=municipality)
    if scope == Scope.OFFICIAL:
        current = Mandate.objects.current(today).values("official_id")
        subjects = subjects.filter(Q(pk__in=current) | Q(pk__in=list(figures)))
    lines = []
    for subject in subjects:
        f = figures.get(subject.pk, EMPTY)
        lines.append(
            {
                "scope": str(scope),
                "id": subject.pk,
                "slug": subject.slug,
                "name": str(subject),
                "letters_received": f.received,
                "answered": f.answered,
                "answered_on_time": f.answered_on_time,
                "due": f.due,
                "on_time_rate": None if f.on_time_rate is None else round(f.on_time_rate, 4),
                "median_days": f.median_days,
                "p90_days": f.p90_days,
                "open_now": f.open_now,
                "overdue_now": f.overdue_now,
                "surveys_answered": f.surveys_answered,
                "satisfied": f.satisfied,
                "satisfied_share": None
                if f.satisfied_share is None
                else round(f.satisfied_share, 4),
                "as_of": today.isoformat(),
            }
        )
    return lines

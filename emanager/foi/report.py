"""The annual report on public information (General Administrative Code, Article 49).

Every public institution reports each year, by 10 December: the requests
received, granted, partly granted and refused (with the legal ground of each
refusal), forwarded, not held, answered late, the deemed refusals, the
complaints and their results, the fees collected, and the officials who
refused.

The report counts the rows of the public register (:mod:`emanager.foi.register`)
for the same year and body, and nothing else: each figure is the number of
register rows with that property (the fees: their sum), so that anyone can
check it against the register's downloads. The period is the year the
requests were received (registered); their outcome is the one recorded today.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emanager.core.freshness import cached
from emanager.directory.models import Body, Municipality
from emanager.foi import register
from emanager.foi.choices import ComplaintOutcome, FoiOutcome, RefusalGround
from emanager.foi.register import ANSWER_OUTCOMES, PENDING, RegisterRow

__all__ = [
    "AnnualReport",
    "Figures",
    "Line",
    "RefusingOfficial",
    "annual_report",
    "cached_annual_report",
    "default_year",
    "next_due_date",
    "report_table",
]

#: Article 49: the report is due every year by this day (month, day).
DUE_DAY = (12, 10)
UNRECORDED = ""
NAME_NOT_RECORDED = gettext_lazy("Name not recorded")


YEAR_IN_PROGRESS = gettext_lazy(
    "The year is not over: the figures count the requests received up to today."
)

# From this day the report most wanted is the current year's, which is being
# prepared for 10 December; before it, the last full year's.
REPORTING_SEASON = (11, 1)


def default_year(today: datetime.date | None = None) -> int:
    """The year whose report a visitor most likely wants: the current year from
    1 November (its report is due on 10 December), else the last full year."""
    today = today or timezone.localdate()
    if (today.month, today.day) >= REPORTING_SEASON:
        return today.year
    return today.year - 1


def year_in_progress(year: int, today: datetime.date | None = None) -> bool:
    """Whether the year is not over yet: its figures are up to today."""
    return year >= (today or timezone.localdate()).year


def next_due_date(today: datetime.date | None = None) -> datetime.date:
    """The next 10 December (today, if today is the day)."""
    today = today or timezone.localdate()
    due = datetime.date(today.year, *DUE_DAY)
    return due if due >= today else datetime.date(today.year + 1, *DUE_DAY)


@dataclass(frozen=True)
class Line:
    """One figure of the report, as a page, the PDF and the CSV show it."""

    key: str
    label: str
    value: int | Decimal | None
    # 1: a detail of the line above it (a ground of refusal, a complaint outcome).
    level: int = 0


@dataclass
class Figures:
    """The figures of a set of register rows."""

    received: int = 0
    outcomes: Counter = field(default_factory=Counter)
    refused_by_ground: Counter = field(default_factory=Counter)
    partly_by_ground: Counter = field(default_factory=Counter)
    answered: int = 0
    late: int = 0
    days_total: int = 0
    complaints: Counter = field(default_factory=Counter)
    fees_collected: Decimal = Decimal("0")

    @classmethod
    def of(cls, rows: Iterable[RegisterRow]) -> Figures:
        figures = cls()
        for row in rows:
            figures.add(row)
        return figures

    def add(self, row: RegisterRow) -> None:
        self.received += 1
        self.outcomes[row.outcome] += 1
        if row.outcome == FoiOutcome.REFUSED:
            self.refused_by_ground[row.refusal_ground or UNRECORDED] += 1
        elif row.outcome == FoiOutcome.PARTLY_GRANTED:
            self.partly_by_ground[row.refusal_ground or UNRECORDED] += 1
        if row.outcome in ANSWER_OUTCOMES and row.days_taken is not None:
            self.answered += 1
            self.days_total += row.days_taken
            if row.late:
                self.late += 1
        for outcome in row.complaints:
            self.complaints[outcome or PENDING] += 1
        self.fees_collected += row.fee_collected

    def outcome(self, outcome: str) -> int:
        return self.outcomes[outcome]

    # For templates, which cannot pass arguments.
    granted = property(lambda self: self.outcomes[FoiOutcome.GRANTED])
    partly_granted = property(lambda self: self.outcomes[FoiOutcome.PARTLY_GRANTED])
    refused = property(lambda self: self.outcomes[FoiOutcome.REFUSED])
    not_held = property(lambda self: self.outcomes[FoiOutcome.NOT_HELD])
    forwarded = property(lambda self: self.outcomes[FoiOutcome.FORWARDED])
    clarification_requested = property(
        lambda self: self.outcomes[FoiOutcome.CLARIFICATION_REQUESTED]
    )
    withdrawn = property(lambda self: self.outcomes[FoiOutcome.WITHDRAWN])
    deemed_refused = property(lambda self: self.outcomes[FoiOutcome.DEEMED_REFUSED])
    pending = property(lambda self: self.outcomes[PENDING])

    @property
    def answered_in_time(self) -> int:
        return self.answered - self.late

    @property
    def average_days(self) -> Decimal | None:
        """The mean days taken by the answered requests, to one decimal."""
        if not self.answered:
            return None
        return (Decimal(self.days_total) / self.answered).quantize(Decimal("0.1"))

    @property
    def complaints_total(self) -> int:
        return sum(self.complaints.values())

    def lines(self, *, unrecorded_grounds: bool | None = None) -> list[Line]:
        """Every figure in the order of the report.

        A line for refusals whose ground was not recorded appears when there are
        any (``unrecorded_grounds`` forces it either way, for tables whose rows
        must line up).
        """
        if unrecorded_grounds is None:
            unrecorded_grounds = bool(
                self.refused_by_ground[UNRECORDED] or self.partly_by_ground[UNRECORDED]
            )
        grounds = [(value, str(label)) for value, label in RefusalGround.choices]
        if unrecorded_grounds:
            grounds.append((UNRECORDED, _("Ground not recorded")))
        lines = [
            Line("received", _("Requests received"), self.received),
            Line("granted", _("Granted"), self.outcome(FoiOutcome.GRANTED)),
            Line("partly_granted", _("Partly granted"), self.outcome(FoiOutcome.PARTLY_GRANTED)),
            *(
                Line(
                    f"partly_granted:{value or 'unrecorded'}",
                    _("refused in part: %(ground)s") % {"ground": label},
                    self.partly_by_ground[value],
                    level=1,
                )
                for value, label in grounds
            ),
            Line("refused", _("Refused"), self.outcome(FoiOutcome.REFUSED)),
            *(
                Line(
                    f"refused:{value or 'unrecorded'}",
                    _("on the ground: %(ground)s") % {"ground": label},
                    self.refused_by_ground[value],
                    level=1,
                )
                for value, label in grounds
            ),
            Line("not_held", _("Information not held"), self.outcome(FoiOutcome.NOT_HELD)),
            Line(
                "forwarded",
                _("Forwarded to the competent body"),
                self.outcome(FoiOutcome.FORWARDED),
            ),
            Line(
                "clarification_requested",
                _("Clarification requested"),
                self.outcome(FoiOutcome.CLARIFICATION_REQUESTED),
            ),
            Line("withdrawn", _("Withdrawn by the requester"), self.outcome(FoiOutcome.WITHDRAWN)),
            Line(
                "deemed_refused",
                _("Deemed refusals (no answer by the deadline)"),
                self.outcome(FoiOutcome.DEEMED_REFUSED),
            ),
            Line("pending", _("Not decided yet"), self.outcome(PENDING)),
            Line("answered_in_time", _("Answered within the deadline"), self.answered_in_time),
            Line("answered_late", _("Answered late"), self.late),
            Line("average_days", _("Average days to answer"), self.average_days),
            Line("complaints", _("Administrative complaints"), self.complaints_total),
            *(
                Line(f"complaints:{value}", str(label), self.complaints[value], level=1)
                for value, label in ComplaintOutcome.choices
            ),
            Line("complaints:pending", _("Not decided yet"), self.complaints[PENDING], level=1),
            Line(
                "fees_collected",
                _("Copying fees collected (GEL)"),
                self.fees_collected.quantize(Decimal("0.01")),
            ),
        ]
        return lines


@dataclass(frozen=True)
class RefusingOfficial:
    """An official who refused requests, wholly or in part."""

    name: str
    refused: int
    partly_granted: int

    @property
    def total(self) -> int:
        return self.refused + self.partly_granted


def refusing_officials(rows: Iterable[RegisterRow]) -> list[RefusingOfficial]:
    """Who decided the refusals and partial grants, most first."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        if row.outcome == FoiOutcome.REFUSED:
            counts[row.decided_by][0] += 1
        elif row.outcome == FoiOutcome.PARTLY_GRANTED:
            counts[row.decided_by][1] += 1
    officials = [
        RefusingOfficial(name=name or str(NAME_NOT_RECORDED), refused=refused, partly_granted=part)
        for name, (refused, part) in counts.items()
    ]
    officials.sort(key=lambda official: (-official.total, official.name))
    return officials


@dataclass(frozen=True)
class AnnualReport:
    municipality: Municipality
    year: int
    # The body reported on (with its units), or None for the whole municipality.
    body: Body | None
    total: Figures
    # Without a body: the figures of each public institution that had requests.
    by_institution: list[tuple[Body, Figures]]
    officials: list[RefusingOfficial]
    generated_at: datetime.datetime

    @property
    def due_date(self) -> datetime.date:
        return next_due_date(timezone.localdate(self.generated_at))

    @property
    def subject(self) -> str:
        return self.body.name if self.body is not None else self.municipality.name

    @property
    def in_progress(self) -> bool:
        return year_in_progress(self.year, timezone.localdate(self.generated_at))

    def lines(self) -> list[Line]:
        return self.total.lines()


def annual_report(
    municipality: Municipality,
    *,
    year: int,
    body: Body | None = None,
    tree: list[tuple[Body, int]] | None = None,
) -> AnnualReport:
    """The report for the requests received in ``year``, of one body (with the units
    under it) or of the whole municipality."""
    tree = tree if tree is not None else register.body_tree(municipality)
    requests = register.filter_year(register.register_requests(municipality), year)
    if body is not None:
        requests = register.filter_bodies(requests, register.subtree_ids(tree, body))
    rows = register.register_rows(requests, municipality=municipality, texts=False, tree=tree)
    by_institution: list[tuple[Body, Figures]] = []
    if body is None:
        roots = register.institutions(tree)
        grouped: dict[int, Figures] = defaultdict(Figures)
        for row in rows:
            grouped[roots.get(row.body.pk, row.body).pk].add(row)
        by_institution = [
            (candidate, grouped[candidate.pk])
            for candidate, depth in tree
            if depth == 0 and candidate.pk in grouped
        ]
    return AnnualReport(
        municipality=municipality,
        year=year,
        body=body,
        total=Figures.of(rows),
        by_institution=by_institution,
        officials=refusing_officials(rows),
        generated_at=timezone.now(),
    )


def cached_annual_report(
    municipality: Municipality,
    *,
    year: int,
    body: Body | None = None,
    tree: list[tuple[Body, int]] | None = None,
) -> AnnualReport:
    """:func:`annual_report`, for the public pages: counting a year reads all its
    requests, so the report is computed once and kept until the municipality's
    data changes, and for the day only (the year in progress, the due date)."""
    return cached(
        municipality.pk,
        f"foi:report:{year}:{body.pk if body is not None else ''}",
        lambda: annual_report(municipality, year=year, body=body, tree=tree),
        daily=True,
    )


def report_table(report: AnnualReport) -> tuple[list[str], list[list]]:
    """The report as one table (for CSV): a row per figure, a column for the total
    and one for each institution; then a row per official who refused."""
    unrecorded = any(
        figures.refused_by_ground[UNRECORDED] or figures.partly_by_ground[UNRECORDED]
        for figures in [report.total, *(f for _b, f in report.by_institution)]
    )
    columns = [_("Figure"), report.subject]
    columns += [str(body.name) for body, _figures in report.by_institution]
    per_body = [
        figures.lines(unrecorded_grounds=unrecorded) for _body, figures in report.by_institution
    ]
    rows: list[list] = []
    for index, line in enumerate(report.total.lines(unrecorded_grounds=unrecorded)):
        label = f"— {line.label}" if line.level else line.label
        rows.append([label, line.value, *(lines[index].value for lines in per_body)])
    for official in report.officials:
        rows.append(
            [
                _("Refusals decided by %(name)s (refused / partly granted)")
                % {"name": official.name},
                f"{official.refused} / {official.partly_granted}",
            ]
        )
    return columns, rows

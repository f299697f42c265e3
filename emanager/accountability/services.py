"""Keeping the monthly figures current: incremental recomputation and the full rebuild.

A letter counts in four rows (its municipality, its body, and its official and
territorial unit when addressed) for the month it was registered in. When a
letter or its survey changes, :func:`figures_schedule` collects the rows it
touched (before and after the change) and, once the transaction commits,
:func:`figures_recompute` recomputes exactly those rows from the letters of
that body, official or unit in that month. The municipality's row of a month
is the sum of its bodies' rows (every letter has exactly one body).
:func:`figures_rebuild` recomputes everything in one pass over the letters;
both go through :class:`Tally`, so they agree by construction (and a test
checks it).
"""

from __future__ import annotations

import datetime
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from emanager.accountability import definitions
from emanager.accountability.models import MonthlyFigures, Scope
from emanager.core.freshness import changed
from emanager.directory.models import Municipality
from emanager.letters.models import Letter
from emanager.surveys.models import SurveyResponse

# The letter's columns the figures depend on.
FACT_FIELDS = (
    "municipality_id",
    "addressee_body_id",
    "addressee_official_id",
    "addressee_unit_id",
    "registered_at",
    "deadline",
    "answered_at",
    "status",
    "outcome",
)
# A save whose ``update_fields`` name none of these (by name or column) leaves the figures.
RELEVANT_FIELDS = frozenset(FACT_FIELDS) | {name.removesuffix("_id") for name in FACT_FIELDS}
SCOPE_COLUMNS = {
    Scope.BODY: "addressee_body_id",
    Scope.OFFICIAL: "addressee_official_id",
    Scope.UNIT: "addressee_unit_id",
}


class Key(NamedTuple):
    municipality_id: int
    scope: str
    object_id: int
    month: datetime.date


def _fact_values(letters) -> Iterator[dict]:
    """The facts of the counted letters among ``letters`` (:func:`definitions.is_counted`)."""
    for facts in letters.order_by().values(*FACT_FIELDS, "survey__response").iterator():
        if definitions.is_counted(
            registered_at=facts["registered_at"], status=facts["status"], outcome=facts["outcome"]
        ):
            yield facts


def letter_keys(facts: dict) -> list[Key]:
    """The rows a letter (as a dict of ``FACT_FIELDS``) counts in, whether counted or not."""
    if facts.get("registered_at") is None:
        return []
    month = definitions.month_of(facts["registered_at"])
    municipality_id = facts["municipality_id"]
    keys = [Key(municipality_id, Scope.MUNICIPALITY, municipality_id, month)]
    for scope, column in SCOPE_COLUMNS.items():
        if facts.get(column) is not None:
            keys.append(Key(municipality_id, scope, facts[column], month))
    return keys


@dataclass
class Tally:
    """The figures of one row, built letter by letter or by adding rows."""

    received: int = 0
    answered: int = 0
    answered_on_time: int = 0
    surveys_answered: int = 0
    satisfied: int = 0
    days: Counter = field(default_factory=Counter)
    unanswered_deadlines: Counter = field(default_factory=Counter)
    open_deadlines: Counter = field(default_factory=Counter)

    def add_letter(self, facts: dict) -> None:
        self.received += 1
        deadline = facts["deadline"]
        deadline_key = deadline.isoformat() if deadline else ""
        if facts["answered_at"] is not None:
            self.answered += 1
            if definitions.answered_on_time(facts["answered_at"], deadline):
                self.answered_on_time += 1
            self.days[definitions.days_to_answer(facts["registered_at"], facts["answered_at"])] += 1
        else:
            self.unanswered_deadlines[deadline_key] += 1
        if definitions.is_open(facts["status"]):
            self.open_deadlines[deadline_key] += 1
        response = facts.get("survey__response") or ""
        if response:
            self.surveys_answered += 1
            if response == SurveyResponse.SATISFIED:
                self.satisfied += 1

    def add_row(self, row: MonthlyFigures) -> None:
        self.received += row.received
        self.answered += row.answered
        self.answered_on_time += row.answered_on_time
        self.surveys_answered += row.surveys_answered
        self.satisfied += row.satisfied
        self.days.update({int(days): n for days, n in row.days_histogram.items()})
        self.unanswered_deadlines.update(row.unanswered_deadlines)
        self.open_deadlines.update(row.open_deadlines)

    def row(self, key: Key) -> MonthlyFigures:
        return MonthlyFigures(
            municipality_id=key.municipality_id,
            scope=key.scope,
            object_id=key.object_id,
            month=key.month,
            received=self.received,
            answered=self.answered,
            answered_on_time=self.answered_on_time,
            surveys_answered=self.surveys_answered,
            satisfied=self.satisfied,
            days_histogram={str(days): n for days, n in sorted(self.days.items())},
            unanswered_deadlines=dict(sorted(self.unanswered_deadlines.items())),
            open_deadlines=dict(sorted(self.open_deadlines.items())),
        )


def _month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    start = timezone.make_aware(datetime.datetime.combine(month, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(following, datetime.time.min))
    return start, end


def _store(key: Key, tally: Tally) -> None:
    rows = MonthlyFigures.objects.filter(scope=key.scope, object_id=key.object_id, month=key.month)
    if tally.received == 0:
        rows.delete()
        return
    row = tally.row(key)
    MonthlyFigures.objects.update_or_create(
        scope=key.scope,
        object_id=key.object_id,
        month=key.month,
        defaults={
            name: getattr(row, name)
            for name in (
                "municipality_id",
                "received",
                "answered",
                "answered_on_time",
                "surveys_answered",
                "satisfied",
                "days_histogram",
                "unanswered_deadlines",
                "open_deadlines",
            )
        },
    )


@transaction.atomic
def figures_recompute(*, keys: Iterable[Key]) -> None:
    """Recompute exactly these rows from the letters (municipality rows from body rows)."""
    keys = set(keys)
    for key in sorted(keys - {k for k in keys if k.scope == Scope.MUNICIPALITY}):
        start, end = _month_bounds(key.month)
        letters = Letter.objects.filter(
            **{SCOPE_COLUMNS[key.scope]: key.object_id},
            registered_at__gte=start,
            registered_at__lt=end,
        )
        tally = Tally()
        for facts in _fact_values(letters):
            tally.add_letter(facts)
        _store(key, tally)
    for key in sorted(k for k in keys if k.scope == Scope.MUNICIPALITY):
        tally = Tally()
        for row in MonthlyFigures.objects.filter(
            municipality_id=key.municipality_id, scope=Scope.BODY, month=key.month
        ):
            tally.add_row(row)
        _store(key, tally)


@transaction.atomic
def figures_rebuild(*, municipality: Municipality | None = None) -> int:
    """Recompute every row (of one municipality, or of all) from the letters; return how many."""
    letters = Letter.objects.all()
    rows = MonthlyFigures.objects.all()
    if municipality is not None:
        letters = letters.filter(municipality=municipality)
        rows = rows.filter(municipality=municipality)
    tallies: dict[Key, Tally] = defaultdict(Tally)
    for facts in _fact_values(letters):
        for key in letter_keys(facts):
            tallies[key].add_letter(facts)
    rows.delete()
    MonthlyFigures.objects.bulk_create(
        [tally.row(key) for key, tally in sorted(tallies.items())], batch_size=500
    )
    # bulk_create sends no signal: the cached pages that show figures must hear of it.
    changed(
        [municipality.pk]
        if municipality is not None
        else Municipality.objects.values_list("pk", flat=True)
    )
    return len(tallies)


# ---- Scheduling after commit ---------------------------------------------------------------

_pending = threading.local()


def _pending_keys() -> set[Key]:
    if not hasattr(_pending, "keys"):
        _pending.keys = set()
    return _pending.keys


def _flush() -> None:
    """Hand the keys gathered by the committed transaction to a background task.

    The request that changed the letters (a citizen submitting one, above all)
    does not wait for the recomputation; the task recomputes from the
    committed letters, so it finds them whenever it runs.
    """
    from emanager.accountability.tasks import recompute_figures

    keys = _pending_keys()
    if not keys:
        return
    batch = sorted(keys)
    keys.clear()
    recompute_figures.enqueue(
        keys=[
            [key.municipality_id, key.scope, key.object_id, key.month.isoformat()] for key in batch
        ]
    )


def _scheduled() -> bool:
    """Is a flush already waiting for the current transaction to commit?

    Django drops the callbacks of a transaction (or savepoint) that is rolled
    back, so this looks at the waiting callbacks themselves rather than at a
    flag that a rollback would leave set.
    """
    return connection.in_atomic_block and any(
        entry[1] is _flush for entry in connection.run_on_commit
    )


def figures_schedule(*, keys: Iterable[Key]) -> None:
    """Have these rows recomputed once the current transaction commits (at once outside one).

    The recomputation runs as a background task (:mod:`emanager.accountability.tasks`).

    Keys gathered during one transaction are recomputed together, once each.
    """
    keys = list(keys)
    if not keys:
        return
    pending = _pending_keys()
    waiting = bool(pending)
    pending.update(keys)
    if not waiting or not _scheduled():
        # Robust: a failure here (two writers racing on one row) is logged, never
        # turned into an error for the citizen or clerk whose change has committed;
        # ``manage.py rebuild_statistics`` repairs any row left behind.
        transaction.on_commit(_flush, robust=True)


def letter_facts(letter: Letter) -> dict:
    return {name: letter.__dict__.get(name) for name in FACT_FIELDS}

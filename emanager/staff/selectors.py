"""Reads for the staff pages. Nothing here writes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.utils import timezone

from emanager.directory.models import Municipality
from emanager.letters.choices import LetterStatus
from emanager.letters.models import Letter
from emanager.staff.permissions import letters_visible_to

# A letter still waits for the municipality in these states; its deadline runs.
OPEN_STATUSES = (LetterStatus.OPEN, LetterStatus.CLARIFICATION)
DUE_SOON_DAYS = 2


def local_today() -> datetime.date:
    """Today in the installation's time zone (settings.TIME_ZONE), whatever is active."""
    return timezone.localdate(timezone.now(), timezone.get_default_timezone())


def overdue_q(today: datetime.date) -> Q:
    """Overdue is derived, never stored: an open letter whose deadline has passed."""
    return Q(status__in=OPEN_STATUSES, deadline__lt=today)


def due_within_q(today: datetime.date, days: int) -> Q:
    """Open letters due from today to ``days`` days from now (overdue ones excluded)."""
    return Q(
        status__in=OPEN_STATUSES,
        deadline__gte=today,
        deadline__lte=today + datetime.timedelta(days=days),
    )


SEARCH_MAX = 200
# Search at most this many words: each must occur in the letter.
SEARCH_WORDS = 8
SEARCH_FIELDS = ("number", "author_name", "author_email", "subject", "body")


def _spellings(word: str) -> set[str]:
    """The word as typed, in small letters, in capitals and capitalised.

    ``icontains`` ignores case only for ASCII letters on SQLite (PostgreSQL
    ignores it for every alphabet): "иванов" then still finds "Иванов".
    Georgian has no case to ignore.
    """
    return {word, word.lower(), word.upper(), word.capitalize()}


def search_q(text: str) -> Q:
    """Letters whose registration number, sender, subject or text hold every word of ``text``."""
    condition = Q()
    for word in text.split()[:SEARCH_WORDS]:
        matches = Q()
        for spelling in _spellings(word):
            for field in SEARCH_FIELDS:
                matches |= Q(**{f"{field}__icontains": spelling})
        condition &= matches
    return condition


def inbox_letters(user, municipality: Municipality) -> QuerySet[Letter]:
    """The letters of the user's inbox, with what a row shows.

    Letters still waiting for the municipality come first, the most urgent
    (earliest deadline, overdue ones first of all) at the top; answered and
    closed letters follow, the most recent first.
    """
    waiting = Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1))
    return (
        letters_visible_to(user, municipality)
        .select_related("addressee_body", "addressee_official", "addressee_unit")
        .annotate(waiting=waiting)
        .order_by(
            "waiting",
            Case(When(waiting=0, then=F("deadline"))).asc(nulls_last=True),
            "-registered_at",
            "-pk",
        )
    )


@dataclass(frozen=True)
class InboxCounts:
    overdue: int
    due_soon: int


def inbox_counts(letters: QuerySet[Letter], *, today: datetime.date) -> InboxCounts:
    """Overdue letters and letters due within DUE_SOON_DAYS days, in one query."""
    counts = letters.order_by().aggregate(
        overdue=Count("pk", filter=overdue_q(today)),
        due_soon=Count("pk", filter=due_within_q(today, DUE_SOON_DAYS)),
    )
    return InboxCounts(overdue=counts["overdue"], due_soon=counts["due_soon"])


@dataclass(frozen=True)
class DeadlineState:
    """How a letter stands against its deadline, for a text like "overdue by 3 days"."""

    overdue_days: int = 0
    days_left: int = 0
    is_overdue: bool = False
    is_due_today: bool = False


def deadline_state(letter: Letter, *, today: datetime.date) -> DeadlineState | None:
    """``None`` when the deadline no longer runs (answered, closed) or is not set."""
    if letter.deadline is None or letter.status not in OPEN_STATUSES:
        return None
    days = (letter.deadline - today).days
    if days < 0:
        return DeadlineState(overdue_days=-days, is_overdue=True)
    return DeadlineState(days_left=days, is_due_today=days == 0)

"""Reads for the staff pages. Nothing here writes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.utils import timezone
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from emanager.directory.models import Municipality
from emanager.letters.choices import LetterStatus
from emanager.letters.models import Letter
from emanager.staff.permissions import letters_visible_to, staff_access

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


# The inbox's order, section by section: waiting letters (each waiting
# status read on its own, so that an index gives them in deadline order), then
# the answered and closed ones, newest first. Each reading is one ordered index
# scan cut at the page's end, whatever the number of the user's letters.
_WAITING_ORDER = (F("deadline").asc(nulls_last=True), "-registered_at", "-pk")
_DONE_ORDER = ("-registered_at", "-pk")
_DONE_Q = ~Q(status__in=(*OPEN_STATUSES, LetterStatus.UNCONFIRMED))
_EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)


def _inbox_routes(user, municipality: Municipality) -> list[Q]:
    """The ways a letter reaches the user's inbox, one condition an index serves each."""
    access = staff_access(user, municipality.pk)
    if access.user_id is None:
        return []
    if access.sees_everything:
        return [Q()]
    routes = [Q(assignee_id=access.user_id)]
    if access.official_ids:
        routes.append(Q(addressee_official_id__in=sorted(access.official_ids)))
    if access.body_ids:
        routes.append(Q(addressee_body_id__in=sorted(access.body_ids)))
    return routes


def _inbox_key(row: tuple) -> tuple:
    """The inbox order of a row (pk, status, deadline, registered_at), as the queries sort."""
    pk, status, deadline, registered_at = row
    registered = registered_at or _EARLIEST
    if status in OPEN_STATUSES:
        return (0, deadline is None, deadline or datetime.date.min, -registered.timestamp(), -pk)
    return (1, False, datetime.date.min, -registered.timestamp(), -pk)


def _in_every_language(*names: str) -> list[str]:
    """The fields and their translations (``name``, ``name_ka``, ...), as a name is shown."""
    return [
        *names,
        *(build_localized_fieldname(name, code) for name in names for code in AVAILABLE_LANGUAGES),
    ]


# What a row of the inbox shows: only these columns are read (the directory's
# rows carry long texts, functions and biographies, in three languages).
_ROW_FIELDS = (
    "uuid",
    "municipality_id",
    "number",
    "subject",
    "author_name",
    "kind",
    "status",
    "deadline",
    "registered_at",
    *(f"addressee_body__{name}" for name in _in_every_language("name")),
    *(f"addressee_official__{name}" for name in _in_every_language("first_name", "last_name")),
    *(f"addressee_unit__{name}" for name in _in_every_language("name")),
)


@dataclass(frozen=True)
class InboxPage:
    """A page of the unfiltered inbox, found without counting the whole inbox.

    It answers what the pagination template asks of a Django ``Page``, but
    knows only whether a next page exists, not how many pages there are.
    """

    object_list: list[Letter]
    number: int
    has_next: bool

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def inbox_page(user, municipality: Municipality, *, number: int, per_page: int) -> InboxPage:
    """The ``number``-th page of the user's inbox in the order of :func:`inbox_letters`.

    Each way a letter reaches the user and each section of the order is read
    apart, at most up to the end of the page (plus one row, to know whether a
    next page exists); the rows are merged here, a letter reaching the user in
    two ways counted once. The full letters of the page are then read by id.
    """
    start = (number - 1) * per_page
    wanted = start + per_page + 1
    visible = Letter.objects.filter(municipality=municipality)
    sections = [
        (Q(status=LetterStatus.OPEN), _WAITING_ORDER),
        (Q(status=LetterStatus.CLARIFICATION), _WAITING_ORDER),
        (_DONE_Q, _DONE_ORDER),
    ]
    rows: dict[int, tuple] = {}
    for condition, order in sections:
        for route in _inbox_routes(user, municipality):
            found = (
                visible.filter(condition, route)
                .order_by(*order)
                .values_list("pk", "status", "deadline", "registered_at")[:wanted]
            )
            rows.update((row[0], row) for row in found)
    ordered = sorted(rows.values(), key=_inbox_key)
    ids = [row[0] for row in ordered[start : start + per_page]]
    letters = (
        Letter.objects.filter(pk__in=ids)
        .select_related("addressee_body", "addressee_official", "addressee_unit")
        .only(*_ROW_FIELDS)
        .in_bulk()
    )
    return InboxPage(
        object_list=[letters[pk] for pk in ids],
        number=number,
        has_next=len(ordered) > start + per_page,
    )


@dataclass(frozen=True)
class InboxCounts:
    overdue: int
    due_soon: int


def inbox_counts(letters: QuerySet[Letter], *, today: datetime.date) -> InboxCounts:
    """Overdue letters and letters due within DUE_SOON_DAYS days, in one query.

    Only the waiting letters due by then are read (the indexes on status and
    deadline find them), never the answered and closed ones of the archive.
    """
    counts = (
        letters.order_by()
        .filter(
            status__in=OPEN_STATUSES,
            deadline__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
        )
        .aggregate(
            overdue=Count("pk", filter=overdue_q(today)),
            due_soon=Count("pk", filter=due_within_q(today, DUE_SOON_DAYS)),
        )
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

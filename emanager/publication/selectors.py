"""The one path by which anything of a letter reaches the public.

Every public page, export, feed and API that shows letters reads them through
:func:`published_letters`, and through nothing else. It yields only letters
whose reviewed public version is published and whose author's consent still
holds, and only their public fields: the reviewed subject and text, the name
the author allowed to be shown, the addressee, the kind, the status and the
dates, and the reviewed texts of the published answers. The original text
and the author's e-mail, phone and address are never read here: the rows are
fetched with ``values()`` over a fixed list of fields, so a template cannot
reach the letter behind them.
"""

from __future__ import annotations

import datetime
import enum
import re
import uuid as uuid_module
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from emanager.directory.models import Body, Municipality, Official, TerritorialUnit
from emanager.letters.choices import (
    LetterKind,
    LetterStatus,
    MessageStatus,
    Outcome,
    Publication,
)
from emanager.publication.models import PublicAnswer, PublicLetter, ReviewState

__all__ = [
    "Cursor",
    "CursorPage",
    "PublishedAnswer",
    "PublishedLetter",
    "PublishedLetters",
    "Standing",
    "StepKind",
    "TimelineStep",
    "published_letters",
]

PUBLIC_CHOICES = (Publication.PUBLIC_NAMED, Publication.PUBLIC_ANONYMOUS)

# The only fields read: of the public version, and the public facts of the letter.
_LETTER_FIELDS = {
    "id": "letter_id",
    "uuid": "letter__uuid",
    "number": "letter__number",
    "kind": "letter__kind",
    "status": "letter__status",
    "outcome": "letter__outcome",
    "language": "letter__language",
    "municipality_id": "letter__municipality_id",
    "body_id": "letter__addressee_body_id",
    "official_id": "letter__addressee_official_id",
    "unit_id": "letter__addressee_unit_id",
    "registered_at": "letter__registered_at",
    "deadline": "letter__deadline",
    "answered_at": "letter__answered_at",
    "closed_at": "letter__closed_at",
    "subject": "public_subject",
    "text": "public_text",
    "name": "public_name",
    "published_at": "published_at",
}
_ANSWER_FIELDS = {
    "letter_id": "message__letter_id",
    "text": "public_text",
    "out_number": "message__out_number",
    "sent_at": "message__sent_at",
    "published_at": "published_at",
}
# What a caller may narrow the published letters by.
_FILTERS = {
    "kind": "letter__kind",
    "status": "letter__status",
    "outcome": "letter__outcome",
    "body": "letter__addressee_body",
    # Bodies by primary key (a body and the bodies under it, say).
    "bodies": "letter__addressee_body__in",
    "official": "letter__addressee_official",
    "unit": "letter__addressee_unit",
    "registered_year": "letter__registered_at__year",
    "registered_from": "letter__registered_at__gte",
    "registered_to": "letter__registered_at__lt",
    # Letters by primary key: a list, or a queryset of ids (a subquery).
    "letters": "letter__in",
}


@dataclass(frozen=True)
class PublishedAnswer:
    text: str
    out_number: str
    sent_at: datetime.datetime | None
    published_at: datetime.datetime | None


class Standing(enum.StrEnum):
    """Where a letter stands against its deadline, as the public pages word it."""

    ANSWERED_ON_TIME = "answered_on_time"
    ANSWERED_LATE = "answered_late"
    OPEN = "open"
    OVERDUE = "overdue"
    CLOSED = "closed"  # closed (or decided) without an answer


class StepKind(enum.StrEnum):
    """The steps of a letter's public timeline, in the order of a day's events."""

    REGISTERED = "registered"
    ANSWERED = "answered"
    DEADLINE = "deadline"
    CLOSED = "closed"
    TODAY = "today"  # only for a letter still open


_STEP_ORDER = {kind: position for position, kind in enumerate(StepKind)}


@dataclass(frozen=True)
class TimelineStep:
    """One dated step of a letter's public timeline.

    ``days``: for "answered", the day after registration; for "today", the
    days left before the deadline, or (negative) past it.
    """

    kind: StepKind
    on: datetime.date
    days: int | None = None


@dataclass(frozen=True)
class PublishedLetter:
    """What the public may know of one letter."""

    uuid: uuid_module.UUID
    number: str
    subject: str
    text: str
    # The author's name when they chose to be named; "" for an anonymous letter.
    name: str
    language: str
    kind: str
    status: str
    outcome: str
    body: Body
    official: Official | None
    unit: TerritorialUnit | None
    registered_at: datetime.datetime | None
    deadline: datetime.date | None
    answered_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    published_at: datetime.datetime | None
    answers: tuple[PublishedAnswer, ...] = ()

    @property
    def kind_label(self) -> str:
        return str(LetterKind(self.kind).label)

    @property
    def status_label(self) -> str:
        return str(LetterStatus(self.status).label)

    @property
    def outcome_label(self) -> str:
        return str(Outcome(self.outcome).label) if self.outcome else ""

    @property
    def registered_on(self) -> datetime.date | None:
        return timezone.localdate(self.registered_at) if self.registered_at else None

    @property
    def answered_on(self) -> datetime.date | None:
        return timezone.localdate(self.answered_at) if self.answered_at else None

    @property
    def answered_on_day(self) -> int | None:
        """How many days after registration the first answer was sent (0: the same day)."""
        if self.answered_on is None or self.registered_on is None:
            return None
        return (self.answered_on - self.registered_on).days

    @property
    def answered_late_by(self) -> int:
        """Days the first answer came after the deadline; 0 when it came in time."""
        if self.answered_on is None or self.deadline is None:
            return 0
        return max(0, (self.answered_on - self.deadline).days)

    @property
    def closed_on(self) -> datetime.date | None:
        return timezone.localdate(self.closed_at) if self.closed_at else None

    @property
    def is_open(self) -> bool:
        """Still being handled: registered, or waiting for the citizen's clarification."""
        return self.status in (LetterStatus.OPEN, LetterStatus.CLARIFICATION)

    @property
    def overdue_by(self) -> int:
        """Days since the deadline passed of a letter still open and unanswered
        (counted to today, local time); 0 otherwise."""
        if self.answered_at is not None or not self.is_open or self.deadline is None:
            return 0
        return max(0, (timezone.localdate() - self.deadline).days)

    @property
    def timeline(self) -> list[TimelineStep]:
        """Registered, answered, the deadline, closed (and today, while open), in date order."""
        steps = []
        if self.registered_on is not None:
            steps.append(TimelineStep(StepKind.REGISTERED, self.registered_on))
        if self.answered_on is not None:
            steps.append(TimelineStep(StepKind.ANSWERED, self.answered_on, self.answered_on_day))
        if self.deadline is not None:
            steps.append(TimelineStep(StepKind.DEADLINE, self.deadline))
        if self.closed_on is not None:
            steps.append(TimelineStep(StepKind.CLOSED, self.closed_on))
        if self.is_open and self.answered_at is None:
            today = timezone.localdate()
            left = (self.deadline - today).days if self.deadline is not None else None
            steps.append(TimelineStep(StepKind.TODAY, today, left))
        return sorted(steps, key=lambda step: (step.on, _STEP_ORDER[step.kind]))

    @property
    def standing(self) -> Standing:
        if self.answered_at is not None:
            return Standing.ANSWERED_LATE if self.answered_late_by else Standing.ANSWERED_ON_TIME
        if not self.is_open:
            return Standing.CLOSED
        return Standing.OVERDUE if self.overdue_by else Standing.OPEN


def _base(municipality: Municipality | None) -> QuerySet[PublicLetter]:
    rows = (
        PublicLetter.objects.filter(
            state=ReviewState.PUBLISHED, letter__publication__in=PUBLIC_CHOICES
        )
        .exclude(letter__status=LetterStatus.UNCONFIRMED)
        .exclude(letter__outcome=Outcome.WITHDRAWN)
    )
    if municipality is not None:
        rows = rows.filter(letter__municipality=municipality)
    return rows


_CURSOR = re.compile(r"^(-?\d{1,17})_(\d{1,19})$")
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_MICROSECOND = datetime.timedelta(microseconds=1)


@dataclass(frozen=True)
class Cursor:
    """A place in the archive's order: the (registration time, id) of one row.

    Written in a URL as ``<microseconds since 1970>_<id>``; :meth:`parse`
    gives None for anything else.
    """

    registered_at: datetime.datetime
    pk: int

    def __str__(self) -> str:
        return f"{(self.registered_at - _EPOCH) // _MICROSECOND}_{self.pk}"

    @classmethod
    def parse(cls, value: str | None) -> Cursor | None:
        match = _CURSOR.match(value or "")
        if match is None:
            return None
        try:
            moment = _EPOCH + int(match[1]) * _MICROSECOND
        except OverflowError:
            return None
        return cls(registered_at=moment, pk=int(match[2]))


@dataclass(frozen=True)
class CursorPage:
    """One page of letters read by a cursor, newest first, and where the next pages start.

    ``newer`` and ``older`` are the cursors of the pages on either side
    (None at either end of the archive).
    """

    letters: list[PublishedLetter]
    newer: Cursor | None
    older: Cursor | None

    @property
    def has_other_pages(self) -> bool:
        return self.newer is not None or self.older is not None


class PublishedLetters:
    """The published letters, newest registration first: count, slice, iterate, get.

    Works with Django's Paginator. Items are :class:`PublishedLetter`.
    For pages deep in the archive, :meth:`page` reads by a cursor instead of
    an offset, on the index of (state, registered_at, id).
    """

    def __init__(self, rows: QuerySet[PublicLetter]):
        self._rows = rows

    def filter(self, **lookups) -> PublishedLetters:
        """Narrow by ``kind``, ``status``, ``outcome``, ``body``, ``bodies`` (ids),
        ``official``, ``unit``, ``registered_year``, ``registered_from``,
        ``registered_to``, ``letters`` (ids); nothing else."""
        unknown = set(lookups) - set(_FILTERS)
        if unknown:
            raise TypeError(f"Published letters cannot be filtered by {sorted(unknown)}.")
        return PublishedLetters(
            self._rows.filter(**{_FILTERS[name]: value for name, value in lookups.items()})
        )

    def _ordered(self) -> QuerySet[PublicLetter]:
        # The copy of the registration time on the public version (see the model).
        return self._rows.order_by("-registered_at", "-pk")

    def years(self) -> list[int]:
        """The years (local time) in which these letters were registered, newest first.

        One short read per year, each the newest letter registered before the
        start of the year last found, on the archive's (registered_at, id)
        order: a handful of index probes instead of a DISTINCT over every
        published letter.
        """
        zone = timezone.get_current_timezone()
        newest = (
            self._ordered()
            .filter(registered_at__isnull=False)
            .values_list("registered_at", flat=True)
        )
        years = []
        moment = newest.first()
        while moment is not None:
            year = timezone.localtime(moment, zone).year
            years.append(year)
            start = datetime.datetime(year, 1, 1, tzinfo=zone)
            moment = newest.filter(registered_at__lt=start).first()
        return years

    def page(
        self,
        size: int,
        *,
        before: Cursor | None = None,
        after: Cursor | None = None,
        oldest: bool = False,
    ) -> CursorPage:
        """``size`` letters: the newest; those just older than ``before``; those just
        newer than ``after``; or the oldest ones. A fixed number of queries,
        however deep in the archive."""
        # Every published letter is registered (and its copy of the time set at
        # publication); a row without one could not be placed by a cursor.
        rows = self._rows.filter(registered_at__isnull=False)
        if before is not None:
            rows = rows.filter(_older_than(before))
        elif after is not None:
            rows = rows.filter(_newer_than(after))
        if after is not None or oldest:
            found = list(_values(rows.order_by("registered_at", "pk")[: size + 1], _KEYED))
            more = len(found) > size
            if after is not None and not more:
                # Back at the top: the newest page, as the archive opens.
                return self.page(size)
            found = found[:size][::-1]
            newer_exists, older_exists = more, oldest is False and self._exists_beyond(found)
        else:
            found = list(_values(rows.order_by("-registered_at", "-pk")[: size + 1], _KEYED))
            more = len(found) > size
            found = found[:size]
            newer_exists = before is not None and self._exists_before(found, before)
            older_exists = more
        keys = [Cursor(row.pop("sort_at"), row.pop("sort_pk")) for row in found]
        return CursorPage(
            letters=_build(found),
            newer=keys[0] if keys and newer_exists else None,
            older=keys[-1] if keys and older_exists else None,
        )

    def _exists_beyond(self, found: list[dict]) -> bool:
        """Are there letters older than the last one of this page?"""
        if not found:
            return False
        last = Cursor(found[-1]["sort_at"], found[-1]["sort_pk"])
        return self._rows.filter(_older_than(last)).exists()

    def _exists_before(self, found: list[dict], before: Cursor) -> bool:
        """Are there letters newer than the first one of this page (or than the cursor)?"""
        first = Cursor(found[0]["sort_at"], found[0]["sort_pk"]) if found else before
        return self._rows.filter(_newer_than(first)).exists()

    def count(self) -> int:
        return self._rows.count()

    def __len__(self) -> int:
        return self.count()

    def exists(self) -> bool:
        return self._rows.exists()

    def __iter__(self) -> Iterator[PublishedLetter]:
        return iter(_build(list(_values(self._ordered(), _LETTER_FIELDS))))

    def __getitem__(self, index: int | slice):
        if isinstance(index, slice):
            return _build(list(_values(self._ordered()[index], _LETTER_FIELDS)))
        found = _build(list(_values(self._ordered()[index : index + 1], _LETTER_FIELDS)))
        if not found:
            raise IndexError(index)
        return found[0]

    def get(self, uuid) -> PublishedLetter | None:
        """The published letter with this uuid, or None."""
        try:
            uuid = uuid_module.UUID(str(uuid))
        except ValueError:
            return None
        rows = list(_values(self._rows.filter(letter__uuid=uuid), _LETTER_FIELDS))
        return _build(rows)[0] if rows else None


# The letter's fields and its place in the archive's order.
_KEYED = {**_LETTER_FIELDS, "sort_at": "registered_at", "sort_pk": "pk"}


def _older_than(cursor: Cursor) -> Q:
    # The first condition bounds the index scan; the second breaks the ties.
    return Q(registered_at__lte=cursor.registered_at) & (
        Q(registered_at__lt=cursor.registered_at) | Q(pk__lt=cursor.pk)
    )


def _newer_than(cursor: Cursor) -> Q:
    return Q(registered_at__gte=cursor.registered_at) & (
        Q(registered_at__gt=cursor.registered_at) | Q(pk__gt=cursor.pk)
    )


def _values(rows: QuerySet, fields: dict[str, str]) -> Iterator[dict]:
    """The rows as dicts of exactly these fields, under their public names."""
    paths = list(fields.values())
    names = list(fields.keys())
    for values in rows.values_list(*paths):
        yield dict(zip(names, values, strict=True))


def _build(rows: list[dict]) -> list[PublishedLetter]:
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    bodies = Body.objects.in_bulk({row["body_id"] for row in rows})
    officials = Official.objects.in_bulk({row["official_id"] for row in rows} - {None})
    units = TerritorialUnit.objects.in_bulk({row["unit_id"] for row in rows} - {None})
    answers: dict[int, list[PublishedAnswer]] = defaultdict(list)
    published_answers = PublicAnswer.objects.filter(
        state=ReviewState.PUBLISHED,
        message__letter_id__in=ids,
        message__is_answer=True,
        message__status=MessageStatus.SENT,
    ).order_by("message__sent_at", "message__pk")
    for row in _values(published_answers, _ANSWER_FIELDS):
        letter_id = row.pop("letter_id")
        answers[letter_id].append(PublishedAnswer(**row))
    letters = []
    for row in rows:
        row = dict(row)
        letter_id = row.pop("id")
        row.pop("municipality_id")
        letters.append(
            PublishedLetter(
                **{key: value for key, value in row.items() if not key.endswith("_id")},
                body=bodies[row["body_id"]],
                official=officials.get(row["official_id"]),
                unit=units.get(row["unit_id"]),
                answers=tuple(answers[letter_id]),
            )
        )
    return letters


def published_letters(municipality: Municipality | None = None) -> PublishedLetters:
    """The published letters (of one municipality, or of all): the only public path."""
    return PublishedLetters(_base(municipality))

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
import uuid as uuid_module
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import QuerySet
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

__all__ = ["PublishedAnswer", "PublishedLetter", "PublishedLetters", "published_letters"]

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


class PublishedLetters:
    """The published letters, newest registration first: count, slice, iterate, get.

    Works with Django's Paginator. Items are :class:`PublishedLetter`.
    """

    def __init__(self, rows: QuerySet[PublicLetter]):
        self._rows = rows

    def filter(self, **lookups) -> PublishedLetters:
        """Narrow by ``kind``, ``status``, ``outcome``, ``body``, ``official``, ``unit``,
        ``registered_year``, ``registered_from``, ``registered_to``, ``letters`` (ids);
        nothing else."""
        unknown = set(lookups) - set(_FILTERS)
        if unknown:
            raise TypeError(f"Published letters cannot be filtered by {sorted(unknown)}.")
        return PublishedLetters(
            self._rows.filter(**{_FILTERS[name]: value for name, value in lookups.items()})
        )

    def _ordered(self) -> QuerySet[PublicLetter]:
        return self._rows.order_by("-letter__registered_at", "-pk")

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

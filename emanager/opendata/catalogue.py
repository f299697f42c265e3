"""The open-data catalogue: every dataset and feed, its columns and where its rows come from.

This module is the single source of truth for the open data. Each
:class:`Dataset` names its columns (key, type, title and meaning) and the
function that produces its rows; the downloads (:mod:`emanager.opendata.exports`)
and the documentation pages are both made from it, so a column cannot be in a
file without being documented, nor documented without being in the file.

Every row of letters comes from
:func:`emanager.publication.selectors.published_letters`, the one path by which
anything of a letter reaches the public: the redacted texts, the name only of
an author who chose to be named, never an e-mail, a phone or an address.

A dataset published by another part of the site (the register of public
information) is listed here with its own download and documentation addresses,
so that the catalogue, and the privacy test that walks it, cover it too.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from emanager.accountability.selectors import statistics_rows
from emanager.directory.models import Body, Municipality, Official
from emanager.letters.choices import LetterKind, LetterStatus, Outcome
from emanager.publication.selectors import (
    PublishedAnswer,
    PublishedLetter,
    PublishedLetters,
    published_letters,
)

__all__ = [
    "DATASETS",
    "FEED_FIELDS",
    "FORMATS",
    "Column",
    "ColumnType",
    "Dataset",
    "ExportFilters",
    "FeedLink",
    "dataset_by_slug",
    "export_urls",
    "feed_links",
]

#: The formats of a download, in the order they are offered.
FORMATS = ("csv", "xlsx", "json")
#: How many letters are read at a time: an export of any size holds one slice in memory.
SLICE = 1000


class ColumnType(models.TextChoices):
    TEXT = "text", _("text")
    CODE = "code", _("code (one of the values listed)")
    INTEGER = "integer", _("whole number")
    DECIMAL = "decimal", _("number with decimals")
    DATE = "date", _("date (year-month-day)")
    DATETIME = "datetime", _("date and time (ISO 8601, with the time zone)")
    URL = "url", _("web address")
    UUID = "uuid", _("identifier (UUID)")


@dataclass(frozen=True)
class ExportFilters:
    """What a download is narrowed to: a year of registration, a body. Both optional."""

    year: int | None = None
    body: Body | None = None


@dataclass(frozen=True)
class Column:
    """One column of a dataset: documented on its page, written in every format.

    ``value`` takes a row and a function that makes a path absolute (for web
    addresses) and returns the value: a code, a number, a date, a text.
    """

    key: str
    type: ColumnType
    title: Promise
    description: Promise
    value: Callable[[Any, Callable[[str], str]], Any]
    choices: tuple[tuple[str, Any], ...] = ()


RowProducer = Callable[[Municipality, ExportFilters], Iterable[Any]]


@dataclass(frozen=True)
class Dataset:
    """A dataset of the catalogue.

    ``rows`` produces its rows for a municipality and filters; None for a
    dataset another part of the site publishes, whose downloads are at
    ``external_urls`` (format -> URL name) and its columns documented at
    ``external_documentation`` (a URL name).
    """

    slug: str
    title: Promise
    description: Promise
    columns: tuple[Column, ...] = ()
    rows: RowProducer | None = None
    filters: tuple[str, ...] = ()
    external_urls: dict[str, str] = field(default_factory=dict)
    external_documentation: str = ""

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(self.external_urls) if self.external_urls else FORMATS

    @property
    def is_external(self) -> bool:
        return bool(self.external_urls)

    def export_url(self, fmt: str) -> str:
        if self.is_external:
            return reverse(self.external_urls[fmt])
        return reverse("opendata:export", kwargs={"slug": self.slug, "fmt": fmt})

    def downloads(self) -> list[tuple[str, str]]:
        """(format, path) of each download."""
        return [(fmt, self.export_url(fmt)) for fmt in self.formats]

    def documentation_url(self) -> str:
        if self.external_documentation:
            return reverse(self.external_documentation)
        return reverse("opendata:dataset", kwargs={"slug": self.slug})


# --- Published letters and answers ----------------------------------------------


def _letters(municipality: Municipality, filters: ExportFilters) -> PublishedLetters:
    letters = published_letters(municipality)
    if filters.year is not None:
        letters = letters.filter(registered_year=filters.year)
    if filters.body is not None:
        letters = letters.filter(body=filters.body)
    return letters


def _in_slices(letters: PublishedLetters) -> Iterator[PublishedLetter]:
    """Every letter, read :data:`SLICE` at a time (a few queries per slice)."""
    size = SLICE
    start = 0
    while True:
        batch = letters[start : start + size]
        yield from batch
        if len(batch) < size:
            return
        start += size


def letter_rows(municipality: Municipality, filters: ExportFilters) -> Iterator[PublishedLetter]:
    return _in_slices(_letters(municipality, filters))


@dataclass(frozen=True)
class AnswerRow:
    letter: PublishedLetter
    answer: PublishedAnswer
    position: int  # 1 for the first answer to the letter


def answer_rows(municipality: Municipality, filters: ExportFilters) -> Iterator[AnswerRow]:
    for letter in _in_slices(_letters(municipality, filters)):
        for position, answer in enumerate(letter.answers, start=1):
            yield AnswerRow(letter=letter, answer=answer, position=position)


def _local(moment: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(moment) if moment is not None else None


def _page(letter: PublishedLetter, absolute: Callable[[str], str]) -> str:
    return absolute(reverse("letters:public_letter", kwargs={"uuid": letter.uuid}))


_KIND = tuple(LetterKind.choices)
_STATUS = tuple(LetterStatus.choices)
_OUTCOME = tuple(Outcome.choices)


def _letter_identity(get: Callable[[Any], PublishedLetter]) -> tuple[Column, ...]:
    """The columns that name a letter, in the letters and in the answers."""
    return (
        Column(
            "letter_uuid",
            ColumnType.UUID,
            _("Letter identifier"),
            _("A permanent identifier of the letter; it never changes."),
            lambda row, absolute: str(get(row).uuid),
        ),
        Column(
            "letter_number",
            ColumnType.TEXT,
            _("Registration number"),
            _("The number the letter was registered under."),
            lambda row, absolute: get(row).number,
        ),
        Column(
            "letter_url",
            ColumnType.URL,
            _("Public page"),
            _("The address of the letter's public page on this site."),
            lambda row, absolute: _page(get(row), absolute),
        ),
    )


LETTER_COLUMNS: tuple[Column, ...] = (
    *_letter_identity(lambda letter: letter),
    Column(
        "kind",
        ColumnType.CODE,
        _("Kind"),
        _("What kind of letter it is; the kind decides the legal time limit."),
        lambda letter, absolute: letter.kind,
        choices=_KIND,
    ),
    Column(
        "status",
        ColumnType.CODE,
        _("Status"),
        _("Where the letter stands now."),
        lambda letter, absolute: letter.status,
        choices=_STATUS,
    ),
    Column(
        "outcome",
        ColumnType.CODE,
        _("Outcome"),
        _("How the letter was decided; empty while it is not decided."),
        lambda letter, absolute: letter.outcome,
        choices=_OUTCOME,
    ),
    Column(
        "language",
        ColumnType.CODE,
        _("Language"),
        _("The language the letter was written in: ka (Georgian), en (English), ru (Russian)."),
        lambda letter, absolute: letter.language,
    ),
    Column(
        "body_slug",
        ColumnType.TEXT,
        _("Body (address)"),
        _("The body the letter was addressed to, as in the address of its page on this site."),
        lambda letter, absolute: letter.body.slug,
    ),
    Column(
        "body_name",
        ColumnType.TEXT,
        _("Body"),
        _("The name of the body the letter was addressed to, in the language of the download."),
        lambda letter, absolute: letter.body.name,
    ),
    Column(
        "official_slug",
        ColumnType.TEXT,
        _("Official (address)"),
        _("The official the letter was addressed to, if any, as in their page's address."),
        lambda letter, absolute: letter.official.slug if letter.official else "",
    ),
    Column(
        "official_name",
        ColumnType.TEXT,
        _("Official"),
        _("The name of the official the letter was addressed to, if any."),
        lambda letter, absolute: letter.official.full_name if letter.official else "",
    ),
    Column(
        "unit_slug",
        ColumnType.TEXT,
        _("Territorial unit (address)"),
        _("The territorial unit the letter was addressed to, if any."),
        lambda letter, absolute: letter.unit.slug if letter.unit else "",
    ),
    Column(
        "registered_on",
        ColumnType.DATE,
        _("Registered on"),
        _("The date the letter was registered; the time limit runs from it."),
        lambda letter, absolute: letter.registered_on,
    ),
    Column(
        "deadline",
        ColumnType.DATE,
        _("Deadline"),
        _("The last day of the legal time limit for the answer."),
        lambda letter, absolute: letter.deadline,
    ),
    Column(
        "answered_on",
        ColumnType.DATE,
        _("Answered on"),
        _("The date the first answer was sent; empty if none was sent."),
        lambda letter, absolute: letter.answered_on,
    ),
    Column(
        "answered_on_day",
        ColumnType.INTEGER,
        _("Answered on day"),
        _("How many days after registration the first answer was sent (0: the same day)."),
        lambda letter, absolute: letter.answered_on_day,
    ),
    Column(
        "answered_late_by",
        ColumnType.INTEGER,
        _("Days late"),
        _("How many days after the deadline the first answer came; 0 when it came in time."),
        lambda letter, absolute: letter.answered_late_by if letter.answered_on else None,
    ),
    Column(
        "published_at",
        ColumnType.DATETIME,
        _("Published at"),
        _("When the public version of the letter was published."),
        lambda letter, absolute: _local(letter.published_at),
    ),
    Column(
        "author_name",
        ColumnType.TEXT,
        _("Author"),
        _(
            "The author's name, only if they chose to be named in public; empty for "
            "every other letter. No e-mail, phone or address is ever published."
        ),
        lambda letter, absolute: letter.name,
    ),
    Column(
        "subject",
        ColumnType.TEXT,
        _("Subject"),
        _("The subject as published, after review, with personal data removed."),
        lambda letter, absolute: letter.subject,
    ),
    Column(
        "text",
        ColumnType.TEXT,
        _("Text"),
        _("The text of the letter as published, after review, with personal data removed."),
        lambda letter, absolute: letter.text,
    ),
    Column(
        "answers",
        ColumnType.INTEGER,
        _("Published answers"),
        _("How many answers to the letter are published (their texts are in the answers data)."),
        lambda letter, absolute: len(letter.answers),
    ),
)

ANSWER_COLUMNS: tuple[Column, ...] = (
    *_letter_identity(lambda row: row.letter),
    Column(
        "position",
        ColumnType.INTEGER,
        _("Answer number"),
        _("1 for the first answer to the letter, 2 for the second, and so on."),
        lambda row, absolute: row.position,
    ),
    Column(
        "out_number",
        ColumnType.TEXT,
        _("Outgoing number"),
        _("The number the answer was sent under."),
        lambda row, absolute: row.answer.out_number,
    ),
    Column(
        "sent_at",
        ColumnType.DATETIME,
        _("Sent at"),
        _("When the answer was sent to the author."),
        lambda row, absolute: _local(row.answer.sent_at),
    ),
    Column(
        "published_at",
        ColumnType.DATETIME,
        _("Published at"),
        _("When the public version of the answer was published."),
        lambda row, absolute: _local(row.answer.published_at),
    ),
    Column(
        "text",
        ColumnType.TEXT,
        _("Text"),
        _("The text of the answer as published, after review, with personal data removed."),
        lambda row, absolute: row.answer.text,
    ),
)


# --- Statistics per body and per official -----------------------------------------


def _figure(key: str) -> Callable[[dict, Callable[[str], str]], Any]:
    return lambda row, absolute: row.get(key)


def _statistics_columns(identifier: Promise) -> tuple[Column, ...]:
    """The columns of :func:`emanager.accountability.selectors.statistics_rows` (its
    keys), with their meaning; the method is explained on the accountability pages."""
    return (
        Column("id", ColumnType.INTEGER, _("Identifier"), identifier, _figure("id")),
        Column(
            "slug",
            ColumnType.TEXT,
            _("Address"),
            _("As in the address of the page on this site."),
            _figure("slug"),
        ),
        Column(
            "name",
            ColumnType.TEXT,
            _("Name"),
            _("The name, in the language of the download."),
            _figure("name"),
        ),
        Column(
            "letters_received",
            ColumnType.INTEGER,
            _("Letters received"),
            _("Letters registered and addressed here, not withdrawn, since the beginning."),
            _figure("letters_received"),
        ),
        Column(
            "answered",
            ColumnType.INTEGER,
            _("Answered"),
            _("Of those, the letters a first answer was sent to."),
            _figure("answered"),
        ),
        Column(
            "answered_on_time",
            ColumnType.INTEGER,
            _("Answered on time"),
            _("Of those, the letters whose first answer was sent on or before the deadline."),
            _figure("answered_on_time"),
        ),
        Column(
            "due",
            ColumnType.INTEGER,
            _("Letters due"),
            _("The answered letters plus the unanswered letters whose deadline has passed."),
            _figure("due"),
        ),
        Column(
            "on_time_rate",
            ColumnType.DECIMAL,
            _("On-time rate"),
            _(
                "Letters answered on time divided by letters due, from 0 to 1; empty when "
                "too few letters are due for a fair rate."
            ),
            _figure("on_time_rate"),
        ),
        Column(
            "median_days",
            ColumnType.INTEGER,
            _("Median days to answer"),
            _("Half of the answered letters were answered within this many days."),
            _figure("median_days"),
        ),
        Column(
            "p90_days",
            ColumnType.INTEGER,
            _("90th percentile of days"),
            _("Nine in ten answered letters were answered within this many days."),
            _figure("p90_days"),
        ),
        Column(
            "open_now",
            ColumnType.INTEGER,
            _("Open now"),
            _("Letters still being handled (or waiting for the citizen's clarification)."),
            _figure("open_now"),
        ),
        Column(
            "overdue_now",
            ColumnType.INTEGER,
            _("Overdue now"),
            _("Open letters whose deadline has passed."),
            _figure("overdue_now"),
        ),
        Column(
            "surveys_answered",
            ColumnType.INTEGER,
            _("Survey answers"),
            _("How many citizens answered the question about the answer they got."),
            _figure("surveys_answered"),
        ),
        Column(
            "satisfied",
            ColumnType.INTEGER,
            _("Satisfied"),
            _("Of them, those who said they got a satisfactory answer."),
            _figure("satisfied"),
        ),
        Column(
            "satisfied_share",
            ColumnType.DECIMAL,
            _("Satisfied citizens"),
            _(
                "Satisfied divided by survey answers, from 0 to 1; empty when too few "
                "citizens answered."
            ),
            _figure("satisfied_share"),
        ),
        Column(
            "as_of",
            ColumnType.DATE,
            _("As of"),
            _("The day the figures were computed for."),
            _figure("as_of"),
        ),
    )


def _statistics_dataset(
    slug: str, scope: str, *, title: Promise, description: Promise, identifier: Promise
) -> Dataset:
    """The figures of :func:`~emanager.accountability.selectors.statistics_rows` per
    ``scope`` (body, official or unit): every year and body, so no filters."""

    def rows(municipality: Municipality, filters: ExportFilters) -> Iterable[dict]:
        return statistics_rows(municipality, scope)

    return Dataset(
        slug=slug,
        title=title,
        description=description,
        columns=_statistics_columns(identifier),
        rows=rows,
    )


# --- The catalogue ----------------------------------------------------------------

DATASETS: tuple[Dataset, ...] = (
    Dataset(
        slug="letters",
        title=_("Published letters"),
        description=_(
            "Every letter published with its author's consent, after review: its number, "
            "addressee, dates, how fast it was answered, and its subject and text with "
            "personal data removed."
        ),
        columns=LETTER_COLUMNS,
        rows=letter_rows,
        filters=("year", "body"),
    ),
    Dataset(
        slug="answers",
        title=_("Published answers"),
        description=_(
            "The published answers to the published letters, with personal data removed, "
            "one row per answer, linked to their letter."
        ),
        columns=ANSWER_COLUMNS,
        rows=answer_rows,
        filters=("year", "body"),
    ),
    _statistics_dataset(
        "statistics-bodies",
        "body",
        title=_("Statistics per body"),
        description=_(
            "For each body: letters received and answered, answered on time, days to answer, "
            "open and overdue letters, and the share of satisfied citizens."
        ),
        identifier=_("A permanent identifier of the body."),
    ),
    _statistics_dataset(
        "statistics-officials",
        "official",
        title=_("Statistics per official"),
        description=_(
            "For each official: letters received and answered, answered on time, days to "
            "answer, open and overdue letters, and the share of satisfied citizens."
        ),
        identifier=_("A permanent identifier of the official."),
    ),
    _statistics_dataset(
        "statistics-units",
        "unit",
        title=_("Statistics per territorial unit"),
        description=_(
            "For each territorial unit: letters received and answered, answered on time, "
            "days to answer, open and overdue letters, and the share of satisfied citizens."
        ),
        identifier=_("A permanent identifier of the territorial unit."),
    ),
    Dataset(
        slug="public-information-register",
        title=_("Register of public information"),
        description=_(
            "Every request for public information the municipality registered, and how it "
            "was answered."
        ),
        external_urls={
            "csv": "foi:register_csv",
            "xlsx": "foi:register_xlsx",
            "json": "foi:register_json",
        },
        external_documentation="foi:register_columns",
    ),
)


def dataset_by_slug(slug: str) -> Dataset | None:
    """A dataset this app exports itself (not one published elsewhere), or None."""
    for dataset in DATASETS:
        if dataset.slug == slug and not dataset.is_external:
            return dataset
    return None


def export_urls() -> list[str]:
    """Every download of every dataset, in every format (paths)."""
    return [dataset.export_url(fmt) for dataset in DATASETS for fmt in dataset.formats]


# --- Feeds ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedField:
    key: str
    description: Promise


#: What each entry of a feed holds: documented on the feeds' page.
FEED_FIELDS: tuple[FeedField, ...] = (
    FeedField("title", _("The subject of the letter as published; for an answer, marked as one.")),
    FeedField(
        "content", _("The published text of the letter or the answer, personal data removed.")
    ),
    FeedField("link", _("The letter's public page (for an answer, its place on that page).")),
    FeedField("published", _("When the letter or the answer was published.")),
    FeedField("id", _("A permanent identifier of the entry.")),
)


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str


def feed_links(
    municipality: Municipality,
) -> tuple[FeedLink, list[FeedLink], list[FeedLink]]:
    """The municipality's feed, each body's feed and each official's feed (paths)."""
    everything = FeedLink(str(municipality.name), reverse("opendata:feed"))
    bodies = [
        FeedLink(body.name, reverse("opendata:body_feed", kwargs={"slug": body.slug}))
        for body in Body.objects.filter(municipality=municipality)
    ]
    officials = [
        FeedLink(
            official.full_name,
            reverse("opendata:official_feed", kwargs={"slug": official.slug}),
        )
        for official in Official.objects.filter(municipality=municipality)
    ]
    return everything, bodies, officials

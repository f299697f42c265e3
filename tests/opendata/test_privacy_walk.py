"""THE privacy walk: no private value of the demo appears in any open data.

The Lanchkhuti demo is loaded once for this module (``manage.py load_demo``,
some 40 to 100 seconds on a busy machine) inside a transaction that is rolled
back at the end, so no other test sees it. Every private value is collected
from the database: each author's e-mail, phone (in its spellings) and postal
address; the name of every author who did not choose to be named, or whose
letter is not public; the spans the review removed from letters and answers
that were published redacted, and the whole original when it differs; the
subjects, texts and answers of letters that are not public (never published,
declined, consent withdrawn); the answers that were not published; internal
notes. A value that is legitimately public elsewhere (in a published letter,
the directory, the staff's names on the register) is not private, and is left
out.

Then every download of every dataset in the catalogue, in every format and in
two languages, every feed (the municipality's, each body's, each official's),
the open-data pages, the register of public information's downloads, each
published letter's page, and the archive and its search where they exist, are
fetched and read back (CSV cells, XLSX cells through openpyxl, JSON strings,
XML text and attributes, HTML text), and searched for every private value.

The walk reads the catalogue, so a dataset added to it is walked too.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.http import urlencode
from openpyxl import load_workbook

from emanager.directory import demo_data
from emanager.directory.models import Body, Municipality, Official
from emanager.foi.models import FoiRequest
from emanager.letters.choices import Publication
from emanager.letters.models import InternalNote, Letter, Message
from emanager.opendata import catalogue
from emanager.publication.models import PublicAnswer, PublicLetter, ReviewState
from emanager.publication.selectors import published_letters

pytestmark = pytest.mark.django_db

LANGUAGES = ("ka", "en")
# Shorter values match by chance (a house number, a word); they are left out.
MIN_LENGTH = 5
# A sentence of a private text long enough to be distinctive.
MIN_SENTENCE = 25


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class Secrets:
    """Private values by kind, and the public text they are told apart from."""

    public: str = ""
    values: dict[str, set[str]] = field(default_factory=dict)

    def add(self, kind: str, value: str | None) -> None:
        value = _squash(value or "")
        if len(value) >= MIN_LENGTH and value not in self.public:
            self.values.setdefault(kind, set()).add(value)

    def add_text(self, kind: str, text: str | None) -> None:
        """A private text: the whole of it and each long sentence or line of it."""
        self.add(kind, text)
        for part in re.split(r"[\n.!?;]+", text or ""):
            if len(part.strip()) >= MIN_SENTENCE:
                self.add(kind, part)

    def leaks(self, text: str, *, typed: str = "") -> Iterator[tuple[str, str]]:
        """The private values in the text; but not what the visitor ``typed`` (a search
        page shows the query it was asked)."""
        text = _squash(text)
        typed = _squash(typed)
        for kind, values in self.values.items():
            for value in values:
                if value in text and not (typed and value in typed):
                    yield kind, value


def _phone_spellings(phone: str) -> list[str]:
    digits = re.sub(r"\D", "", phone)
    spellings = [phone, digits]
    if digits.startswith("995"):
        spellings.append(digits[3:])
    return [spelling for spelling in spellings if len(re.sub(r"\D", "", spelling)) >= 9]


def _public_text(municipality: Municipality) -> str:
    """Everything that is public on purpose: the published letters and answers, the
    directory, the names of staff and what the register of public information shows
    (including the summary of a request the officer wrote for it)."""
    parts: list[str] = []
    for letter in published_letters(municipality):
        parts += [letter.subject, letter.text, letter.name]
        parts += [answer.text for answer in letter.answers]
    for language in LANGUAGES:
        with translation.override(language):
            for body in Body.objects.filter(municipality=municipality):
                parts += [body.name, body.address, body.phone, body.email]
            for official in Official.objects.filter(municipality=municipality):
                parts += [official.full_name, official.email, official.phone]
            parts += [municipality.name, municipality.address]
    for user in get_user_model().objects.all():
        parts += [user.get_full_name(), user.email]
    for row in FoiRequest.objects.values_list(
        "organisation", "forwarded_to", "supplied_by", "responsible", "public_summary"
    ):
        parts += row
    return _squash("\n".join(str(part) for part in parts if part))


def _removed_spans(review, original: dict[str, str]) -> Iterator[str]:
    for span in review.redactions or []:
        source = original.get(span.get("field", "text"), "")
        yield source[span["start"] : span["end"]]


def private_values(municipality: Municipality) -> Secrets:
    secrets = Secrets(public=_public_text(municipality))
    public_ids = set(
        PublicLetter.objects.filter(
            letter__uuid__in=[letter.uuid for letter in published_letters(municipality)]
        ).values_list("letter_id", flat=True)
    )
    letters = Letter.objects.filter(municipality=municipality)
    for letter in letters:
        secrets.add("e-mail", letter.author_email)
        for spelling in _phone_spellings(letter.author_phone or ""):
            secrets.add("phone", spelling)
        secrets.add("address", letter.author_address)
        named = letter.pk in public_ids and letter.publication == Publication.PUBLIC_NAMED
        if not named:
            secrets.add("name not to be shown", letter.author_name)
        if letter.pk not in public_ids:
            secrets.add("subject of a letter that is not public", letter.subject)
            secrets.add_text("text of a letter that is not public", letter.body)
    for review in PublicLetter.objects.filter(letter__municipality=municipality).select_related(
        "letter"
    ):
        original = {"subject": review.letter.subject, "text": review.letter.body}
        for removed in _removed_spans(review, original):
            secrets.add("removed by the review", removed)
        if review.public_text and _squash(review.public_text) != _squash(review.letter.body):
            secrets.add("original of a redacted letter", review.letter.body)
    published_answers = set(
        PublicAnswer.objects.filter(
            state=ReviewState.PUBLISHED, message__letter_id__in=public_ids
        ).values_list("message_id", flat=True)
    )
    for review in PublicAnswer.objects.filter(
        message__letter__municipality=municipality
    ).select_related("message"):
        for removed in _removed_spans(review, {"text": review.message.body}):
            secrets.add("removed by the review", removed)
        if review.public_text and _squash(review.public_text) != _squash(review.message.body):
            secrets.add("original of a redacted answer", review.message.body)
    for message in Message.objects.filter(letter__municipality=municipality, is_answer=True):
        if message.pk not in published_answers:
            secrets.add_text("answer that is not public", message.body)
    for note in InternalNote.objects.filter(letter__municipality=municipality):
        secrets.add_text("internal note", note.body)
    return secrets


# --- Reading a response back as text -------------------------------------------------


def _content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _xml_text(element: ET.Element) -> Iterator[str]:
    for node in element.iter():
        yield from (node.text or "", node.tail or "")
        yield from node.attrib.values()


def _json_text(value) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _json_text(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_text(item)
    elif value is not None:
        yield str(value)


def readable(response) -> str:
    """The text a person or a program reads from the response, whatever its format."""
    content = _content(response)
    kind = response["Content-Type"].split(";")[0]
    if kind == "text/csv":
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig")))
        return "\n".join(cell for row in rows for cell in row)
    if kind == "application/json":
        return "\n".join(_json_text(json.loads(content)))
    if kind.endswith("spreadsheetml.sheet"):
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    if kind == "application/atom+xml":
        return "\n".join(_xml_text(ET.fromstring(content)))  # noqa: S314  (our own feed)
    return html.unescape(content.decode())


# --- What is walked ------------------------------------------------------------------


def _optional(name: str, query: str = "") -> list[str]:
    """A page another part of the site provides, if it exists."""
    try:
        return [reverse(name) + query]
    except NoReverseMatch:
        return []


def walk_urls(municipality: Municipality, search_terms: list[str]) -> list[str]:
    """Every open-data download and feed of the catalogue, and the public pages around them."""
    urls: list[str] = []
    for language in LANGUAGES:
        with translation.override(language):
            urls += catalogue.export_urls()
            urls += [reverse("opendata:index"), reverse("opendata:feeds")]
            urls += [
                dataset.documentation_url()
                for dataset in catalogue.DATASETS
                if not dataset.is_external
            ]
    with translation.override("ka"):
        everything, bodies, officials = catalogue.feed_links(municipality)
        urls += [everything.url, *(feed.url for feed in bodies), *(feed.url for feed in officials)]
        urls += [
            reverse("letters:public_letter", kwargs={"uuid": letter.uuid})
            for letter in published_letters(municipality)
        ]
        urls += _optional("archive:index")
        for term in search_terms:
            urls += _optional("fulltext:search", "?" + urlencode({"q": term}))
    return urls


# --- The walk --------------------------------------------------------------------------


@dataclass
class Walk:
    municipality: Municipality
    secrets: Secrets
    texts: dict[str, str]


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker) -> Iterator[Walk]:
    """Load the demo, collect its private values, fetch everything; roll it all back."""
    from django.test import Client

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            municipality = Municipality.objects.get(slug=demo_data.MUNICIPALITY_SLUG)
            secrets = private_values(municipality)
            names = sorted(secrets.values.get("name not to be shown", set()))[:2]
            subjects = sorted(secrets.values.get("subject of a letter that is not public", set()))
            client = Client()
            texts = {}
            for url in walk_urls(municipality, [*names, *subjects[:2], "გზა"]):
                response = client.get(url)
                assert response.status_code == 200, f"{url}: {response.status_code}"
                texts[url] = readable(response)
            yield Walk(municipality, secrets, texts)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_no_private_value_in_any_export_feed_or_public_page(walk):
    leaks = [
        f"{unquote(url)}: {kind}: {value[:80]!r}"
        for url, text in walk.texts.items()
        for kind, value in walk.secrets.leaks(
            text, typed=parse_qs(urlsplit(url).query).get("q", [""])[0]
        )
    ]
    assert not leaks, "Private values in open data:\n" + "\n".join(sorted(set(leaks)))


def test_the_walk_knows_private_values_of_every_kind(walk):
    kinds = {kind for kind, values in walk.secrets.values.items() if values}
    assert {
        "e-mail",
        "phone",
        "address",
        "name not to be shown",
        "removed by the review",
        "subject of a letter that is not public",
        "text of a letter that is not public",
        "answer that is not public",
    } <= kinds
    assert len(walk.secrets.values["e-mail"]) >= 20


def test_the_walk_covers_every_dataset_and_feed_of_the_catalogue(walk):
    for language in LANGUAGES:
        with translation.override(language):
            for dataset in catalogue.DATASETS:
                for fmt, url in dataset.downloads():
                    assert url in walk.texts, f"{dataset.slug} ({fmt}) was not walked"
    with translation.override("ka"):
        feeds = [reverse("opendata:feed")]
        feeds += [
            reverse("opendata:body_feed", kwargs={"slug": slug})
            for slug in Body.objects.filter(municipality=walk.municipality).values_list(
                "slug", flat=True
            )
        ]
    assert set(feeds) <= set(walk.texts)
    assert sum("/officials/" in url and url.endswith(".atom") for url in walk.texts) == (
        Official.objects.filter(municipality=walk.municipality).count()
    )


def test_the_walk_read_the_published_content(walk):
    """The files are not empty: each published subject is in the letters' downloads and
    in the municipality's feed, read back from every format."""
    published = list(published_letters(walk.municipality))
    assert len(published) >= 10
    with translation.override("ka"):
        files = [reverse("opendata:export", args=["letters", fmt]) for fmt in catalogue.FORMATS]
        feed = reverse("opendata:feed")
    for letter in published:
        for url in files:
            assert _squash(letter.subject) in _squash(walk.texts[url]), url
        assert _squash(letter.subject) in _squash(walk.texts[feed])


def test_the_checker_finds_a_planted_value(walk):
    kind, values = next(iter(walk.secrets.values.items()))
    value = next(iter(values))
    planted = f"<p>nothing to see {value.upper()}  here</p>"
    assert (kind, value) in set(walk.secrets.leaks(planted))
    # Except on a search page, where the visitor's own query is shown back.
    assert (kind, value) not in set(walk.secrets.leaks(planted, typed=value))


def test_the_statistics_per_body_and_official_are_walked(walk):
    with translation.override("ka"):
        for slug in ("statistics-bodies", "statistics-officials"):
            url = reverse("opendata:export", args=[slug, "json"])
            assert url in walk.texts
            # Rows were read: the file names a body (each official's row names their body).
            assert (
                any(
                    body.name in walk.texts[url]
                    for body in Body.objects.filter(municipality=walk.municipality)
                )
                or slug == "statistics-officials"
            )

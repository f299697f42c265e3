"""Atom feeds of newly published letters and answers: the municipality's, each body's and
each official's.

An entry is a letter that was published (its subject, its redacted text, a link
to its public page) or an answer that was published (linked to the letter's
page), newest publication first. The letters, their texts and their answers are
read only through :func:`emanager.publication.selectors.published_letters`.

Which letters the newest entries belong to is found first from the publication
dates alone (:func:`_recent_letter_ids`: ids and dates, never a text); the
published path then decides which of them are public and gives their content.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, get_tag_uri
from django.utils.translation import gettext as _

from emanager.directory.models import Body, Municipality, Official
from emanager.directory.selectors import require_municipality
from emanager.publication.models import PublicAnswer, PublicLetter, ReviewState
from emanager.publication.selectors import PublishedLetter, published_letters

__all__ = ["BodyFeed", "FeedEntry", "LettersFeed", "OfficialFeed", "feed_entries"]

#: Entries per feed.
LIMIT = 50
# Letters looked at for the newest entries: more than LIMIT, since some of the
# newest publications may no longer be public (consent withdrawn).
_WINDOW = LIMIT * 2


@dataclass(frozen=True)
class FeedEntry:
    """One entry: a published letter (``answer`` 0) or its ``answer``-th published answer."""

    letter: PublishedLetter
    answer: int
    published_at: datetime.datetime
    text: str


def _recent_letter_ids(
    municipality: Municipality, *, body: Body | None, official: Official | None
) -> list[int]:
    """The letters with the most recent publications (of the letter or of an answer):
    ids only, read from the publication dates."""
    letters = PublicLetter.objects.filter(
        state=ReviewState.PUBLISHED,
        published_at__isnull=False,
        letter__municipality=municipality,
    )
    answers = PublicAnswer.objects.filter(
        state=ReviewState.PUBLISHED,
        published_at__isnull=False,
        message__letter__municipality=municipality,
    )
    if body is not None:
        letters = letters.filter(letter__addressee_body=body)
        answers = answers.filter(message__letter__addressee_body=body)
    if official is not None:
        letters = letters.filter(letter__addressee_official=official)
        answers = answers.filter(message__letter__addressee_official=official)
    ids = set(letters.order_by("-published_at").values_list("letter_id", flat=True)[:_WINDOW])
    ids.update(
        answers.order_by("-published_at").values_list("message__letter_id", flat=True)[:_WINDOW]
    )
    return sorted(ids)


def feed_entries(
    municipality: Municipality,
    *,
    body: Body | None = None,
    official: Official | None = None,
    limit: int = LIMIT,
) -> list[FeedEntry]:
    """The newest published letters and answers, newest first, at most ``limit``."""
    ids = _recent_letter_ids(municipality, body=body, official=official)
    if not ids:
        return []
    letters = published_letters(municipality).filter(letters=ids)
    if body is not None:
        letters = letters.filter(body=body)
    if official is not None:
        letters = letters.filter(official=official)
    entries: list[FeedEntry] = []
    for letter in letters:
        if letter.published_at is not None:
            entries.append(FeedEntry(letter, 0, letter.published_at, letter.text))
        for position, answer in enumerate(letter.answers, start=1):
            if answer.published_at is not None:
                entries.append(FeedEntry(letter, position, answer.published_at, answer.text))
    entries.sort(key=lambda entry: (entry.published_at, entry.answer), reverse=True)
    return entries[:limit]


class AtomWithContent(Atom1Feed):
    """Atom with each entry's full text in ``<content type="text">``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "text"})


class _PublishedFeed(Feed):
    feed_type = AtomWithContent

    def __call__(self, request: HttpRequest, *args, **kwargs):  # one instance per request
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def items(self, obj) -> Iterable[FeedEntry]:
        return feed_entries(self.request.municipality, **self.scope(obj))

    def scope(self, obj) -> dict:
        return {}

    def item_title(self, entry: FeedEntry) -> str:
        if entry.answer:
            return _("Answer: %(subject)s") % {"subject": entry.letter.subject}
        return entry.letter.subject

    def item_description(self, entry: FeedEntry) -> None:
        return None  # the full text is the entry's content

    def item_extra_kwargs(self, entry: FeedEntry) -> dict:
        return {"content": entry.text}

    def item_link(self, entry: FeedEntry) -> str:
        url = reverse("letters:public_letter", kwargs={"uuid": entry.letter.uuid})
        return f"{url}#answers-title" if entry.answer else url

    def item_guid(self, entry: FeedEntry) -> str:
        url = self.request.build_absolute_uri(
            reverse("letters:public_letter", kwargs={"uuid": entry.letter.uuid})
        )
        if entry.answer:
            url = f"{url}#answer-{entry.answer}"
        return get_tag_uri(url, entry.published_at)

    def item_pubdate(self, entry: FeedEntry) -> datetime.datetime:
        return entry.published_at

    def item_updateddate(self, entry: FeedEntry) -> datetime.datetime:
        return entry.published_at


class LettersFeed(_PublishedFeed):
    """Every published letter and answer of the municipality."""

    def get_object(self, request: HttpRequest) -> Municipality:
        return require_municipality(request)

    def title(self, municipality: Municipality) -> str:
        return _("Letters and answers: %(name)s") % {"name": municipality.name}

    def subtitle(self, municipality: Municipality) -> str:
        return _("Newly published letters to the municipality and their answers.")

    def link(self, municipality: Municipality) -> str:
        return reverse("opendata:index")


class BodyFeed(_PublishedFeed):
    """The published letters addressed to one body, and their answers."""

    def get_object(self, request: HttpRequest, slug: str) -> Body:
        municipality = require_municipality(request)
        return get_object_or_404(Body, municipality=municipality, slug=slug)

    def scope(self, body: Body) -> dict:
        return {"body": body}

    def title(self, body: Body) -> str:
        return _("Letters and answers: %(name)s") % {"name": body.name}

    def subtitle(self, body: Body) -> str:
        return _("Newly published letters to this body and their answers.")

    def link(self, body: Body) -> str:
        return body.get_absolute_url()


class OfficialFeed(_PublishedFeed):
    """The published letters addressed to one official, and their answers."""

    def get_object(self, request: HttpRequest, slug: str) -> Official:
        municipality = require_municipality(request)
        return get_object_or_404(Official, municipality=municipality, slug=slug)

    def scope(self, official: Official) -> dict:
        return {"official": official}

    def title(self, official: Official) -> str:
        return _("Letters and answers: %(name)s") % {"name": official.full_name}

    def subtitle(self, official: Official) -> str:
        return _("Newly published letters to this official and their answers.")

    def link(self, official: Official) -> str:
        return official.get_absolute_url()

"""Full-text search of the public archive: the one interface, whatever the database.

    results = search("გზის შეკეთება", municipality=municipality, year=2026)
    results.count()          # how many match, up to COUNT_LIMIT (results.more: more than that)
    results[0:20]            # SearchHit list, newest first (works with Django's Paginator)
    results.page(2, 20)      # one page of hits, with the count

Only the index is searched, and the index holds only what is public (see
:mod:`emanager.fulltext.indexing`). Still, before a hit is shown its letter is
read again through :func:`published_letters` and its document through
``Document.objects.published()``: what was taken down since it was indexed
is dropped from the page (and its entries are reindexed).
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Q
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from emanager.directory.models import Body, Municipality
from emanager.fulltext import indexing
from emanager.fulltext.backends import START, STOP, backend
from emanager.fulltext.models import DocType, SearchDocument
from emanager.fulltext.query import Term, terms
from emanager.letters.choices import LetterKind
from emanager.proactive.models import Document
from emanager.publication.selectors import PublishedLetter, published_letters

__all__ = ["COUNT_LIMIT", "ResultPage", "SearchHit", "SearchResults", "search"]

# Results are counted up to this number ("more than 1,000 results"), and paged
# no further: counting every match of a common word would read them all.
COUNT_LIMIT = 1000


def marked_html(marked: str) -> SafeString:
    """The backend's marked text as HTML: everything escaped, the matches in ``<mark>``."""
    html = escape(marked.replace("\n", " "))
    if html.count(START) != html.count(STOP):
        return mark_safe(html.replace(START, "").replace(STOP, ""))  # noqa: S308  (escaped)
    return mark_safe(html.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


@dataclass(frozen=True)
class SearchHit:
    """One result, ready for the page: ``title`` and ``snippet`` are safe HTML."""

    doc_type: str
    title: SafeString
    snippet: SafeString
    url: str
    date: datetime.date | None
    number: str
    kind: str
    body: Body | None
    language: str
    # The letter (of a letter or an answer), as the public path gives it; or the document.
    letter: PublishedLetter | None = None
    document: Document | None = None

    @property
    def doc_type_label(self) -> str:
        return str(DocType(self.doc_type).label)

    @property
    def kind_label(self) -> str:
        return str(LetterKind(self.kind).label) if self.kind else ""


@dataclass(frozen=True)
class ResultPage:
    """One page of the results of a search."""

    hits: list[SearchHit]
    number: int
    # How many match, counted up to COUNT_LIMIT; ``more`` when more than that do.
    count: int
    more: bool
    # Nothing matched every word: these hits have words like them (a typo forgiven).
    fuzzy: bool


class SearchResults:
    """The hits of one search, newest first: ``count()``, ``len()`` and slicing (for Paginator).

    Counted up to :data:`COUNT_LIMIT`, and ``more`` says when more match. When
    nothing matches every word, the search is ``fuzzy``: words like them are
    found (on PostgreSQL), a typo forgiven.
    """

    def __init__(
        self, municipality: Municipality, rows, query_terms: list[Term], filters: dict
    ) -> None:
        self.municipality = municipality
        self.terms = query_terms
        self.filters = filters
        self._rows = rows
        self._count: int | None = None
        self.more = False
        self.fuzzy = False

    def count(self) -> int:
        if self._count is None:
            self._count = self._counted()
        return self._count

    def _counted(self) -> int:
        if not self.terms:
            return 0
        found = backend().count(self._rows, self.terms, limit=COUNT_LIMIT + 1)
        if not found:
            found = backend().count(self._rows, self.terms, limit=COUNT_LIMIT + 1, fuzzy=True)
            self.fuzzy = found > 0
        self.more = found > COUNT_LIMIT
        return min(found, COUNT_LIMIT)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: int | slice):
        if isinstance(index, int):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        if not self.terms or stop <= start:
            return []
        self.count()  # whether the search is fuzzy
        matches = backend().matches(self._rows, self.terms, start, stop, fuzzy=self.fuzzy)
        return self._hits(matches)

    def page(self, number, per_page: int) -> ResultPage:
        """Page ``number`` (as typed: a wrong one gives the first or the last page)."""
        paginator = Paginator(self, per_page)
        page = paginator.get_page(number)
        return ResultPage(
            hits=list(page.object_list),
            number=page.number,
            count=paginator.count,
            more=self.more,
            fuzzy=self.fuzzy,
        )

    def _hits(self, matches) -> list[SearchHit]:
        entries = SearchDocument.objects.select_related("body").in_bulk(
            [match.pk for match in matches]
        )
        letter_ids = {entry.letter_id for entry in entries.values() if entry.letter_id}
        letters: dict[uuid.UUID, PublishedLetter] = {}
        if letter_ids:
            letters = {
                letter.uuid: letter
                for letter in published_letters(self.municipality).filter(letters=letter_ids)
            }
        document_ids = {entry.document_id for entry in entries.values() if entry.document_id}
        documents = (
            Document.objects.published()
            .select_related("item")
            .filter(item__municipality=self.municipality)
            .in_bulk(document_ids)
        )
        hits = []
        for match in matches:
            entry = entries.get(match.pk)
            if entry is None:
                continue
            hit = self._hit(entry, match, letters, documents)
            if hit is None:
                # Taken down since it was indexed: not shown, and the index catches up.
                if entry.letter_id:
                    indexing.schedule_letter(entry.letter_id)
                else:
                    indexing.schedule_document(entry.document_id)
                continue
            hits.append(hit)
        return hits

    @staticmethod
    def _hit(entry: SearchDocument, match, letters, documents) -> SearchHit | None:
        common = {
            "doc_type": entry.doc_type,
            "date": entry.date,
            "number": entry.number,
            "kind": entry.kind,
            "body": entry.body,
            "language": entry.language,
        }
        snippet = marked_html(match.text)
        if entry.doc_type == DocType.DOCUMENT:
            document = documents.get(entry.document_id)
            if document is None:
                return None
            return SearchHit(
                title=marked_html(match.title),
                snippet=snippet,
                url=document.item.get_absolute_url(),
                document=document,
                **common,
            )
        letter = letters.get(entry.letter_uuid)
        if letter is None:
            return None
        url = reverse("letters:public_letter", kwargs={"uuid": letter.uuid})
        if entry.doc_type == DocType.ANSWER:
            if len(letter.answers) < entry.answer_position:
                return None
            title = mark_safe(  # noqa: S308  (escaped)
                escape(_("Answer to: %(subject)s") % {"subject": letter.subject})
            )
            return SearchHit(
                title=title, snippet=snippet, url=f"{url}#answers-title", letter=letter, **common
            )
        return SearchHit(
            title=marked_html(match.title), snippet=snippet, url=url, letter=letter, **common
        )


def search(
    query: str,
    *,
    municipality: Municipality,
    kind: str | None = None,
    body: Body | int | None = None,
    year: int | None = None,
    language: str | None = None,
    doc_type: str | None = None,
) -> SearchResults:
    """Search the municipality's public letters, answers and documents' titles.

    ``query`` is any text a person typed: it is never passed to the database's
    query syntax (see :mod:`emanager.fulltext.query`); a query with no word to
    search yields no results. Every word must match (as a prefix, in any of
    its forms). ``kind`` (a letter kind), ``body`` (the addressee, or for a
    document the body responsible for its item), ``year``, ``language``
    (``ka``, ``en``, ``ru``: the language the text is written in) and
    ``doc_type`` (:class:`DocType`) narrow the results.
    """
    rows = SearchDocument.objects.filter(municipality=municipality).filter(
        # A document is withdrawn by an update that no signal reports: its
        # entry waits for the next reindex, but is never found meanwhile.
        Q(document__isnull=True) | Q(document__in=Document.objects.published())
    )
    if kind:
        rows = rows.filter(kind=kind)
    if body:
        rows = rows.filter(body=body)
    if year:
        rows = rows.filter(year=year)
    if language:
        rows = rows.filter(language=language)
    if doc_type:
        rows = rows.filter(doc_type=doc_type)
    filters = {
        "kind": kind,
        "body": body.pk if isinstance(body, Body) else body,
        "year": year,
        "language": language,
        "doc_type": doc_type,
    }
    return SearchResults(municipality, rows, terms(query or ""), filters)

"""The search page of the public archive.

A search costs a few index look-ups, whatever the size of the archive, and
its page is then kept: the form (with the years and bodies the index offers)
and the page of hits are cached as HTML until the municipality's data
changes (see :func:`emanager.core.freshness.cached`; reindexing a letter or
a document changes it too, once the new entries are written), under a key that
holds what was typed, the filters and the page. Nothing in them belongs to a
visitor: the form is a GET form, without a CSRF token.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe

from emanager.core.freshness import cached
from emanager.directory.models import Municipality
from emanager.directory.selectors import require_municipality
from emanager.fulltext.forms import SearchForm
from emanager.fulltext.search import SearchResults
from emanager.fulltext.search import search as fulltext_search

RESULTS_PER_PAGE = 20


@dataclass(frozen=True)
class Found:
    """One page of hits, as cached: its HTML, and what the heading and pagination say."""

    hits_html: SafeString
    shown: int
    number: int
    # How many match, counted up to search.COUNT_LIMIT; ``more`` when more than that do.
    count: int
    more: bool
    fuzzy: bool

    def page(self, per_page: int) -> Page:
        """The page as Django's Paginator gives it, for the pagination's template."""
        return Page(range(self.shown), self.number, Paginator(range(self.count), per_page))


def _cached(municipality: Municipality, name: str, arguments, compute: Callable):
    # The HTML holds links: a municipality reached by its own host and by a path
    # prefix has two sets of them, hence the script prefix in the key.
    keyed = [get_script_prefix(), arguments]
    digest = hashlib.sha256(json.dumps(keyed, sort_keys=True).encode()).hexdigest()
    return cached(municipality.pk, f"fulltext-{name}:{digest[:40]}", compute)


def _found(results: SearchResults, number: str | None, per_page: int) -> Found:
    found = results.page(number, per_page)
    page = Page(found.hits, found.number, Paginator(range(found.count), per_page))
    html = render_to_string("fulltext/_hits.html", {"page": page}) if found.hits else ""
    return Found(
        hits_html=mark_safe(html),  # noqa: S308  (rendered by the template engine)
        shown=len(found.hits),
        number=found.number,
        count=found.count,
        more=found.more,
        fuzzy=found.fuzzy,
    )


def search(request: HttpRequest) -> HttpResponse:
    """Full-text search of the published letters, answers and documents (GET ``q`` and filters)."""
    municipality = require_municipality(request)
    form = SearchForm(request.GET or None, municipality=municipality)
    typed = {name: request.GET.getlist(name) for name in form.fields}
    form_html = _cached(
        municipality,
        "form",
        typed,
        lambda: render_to_string("fulltext/_form.html", {"form": form, "query": form.query}),
    )
    page = results = found = None
    if form.query:
        results = fulltext_search(**form.search_arguments(), municipality=municipality)
        number, per_page = request.GET.get("page"), RESULTS_PER_PAGE
        found = _cached(
            municipality,
            "hits",
            [[term.word for term in results.terms], results.filters, number, per_page],
            lambda: _found(results, number, per_page),
        )
        page = found.page(per_page)
    return render(
        request,
        "fulltext/search.html",
        {
            "form": form,
            "form_html": mark_safe(form_html),  # noqa: S308  (rendered by the template engine)
            "query": form.query,
            "results": results,
            "found": found,
            "page": page,
            "nav_section": "archive",
        },
    )

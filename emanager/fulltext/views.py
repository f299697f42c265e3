"""The search page of the public archive."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from emanager.directory.selectors import require_municipality
from emanager.fulltext.forms import SearchForm
from emanager.fulltext.search import search as fulltext_search

RESULTS_PER_PAGE = 20


def search(request: HttpRequest) -> HttpResponse:
    """Full-text search of the published letters, answers and documents (GET ``q`` and filters)."""
    municipality = require_municipality(request)
    form = SearchForm(request.GET or None, municipality=municipality)
    page = results = None
    if form.query:
        results = fulltext_search(**form.search_arguments(), municipality=municipality)
        page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "fulltext/search.html",
        {
            "form": form,
            "query": form.query,
            "results": results,
            "page": page,
            "nav_section": "archive",
        },
    )

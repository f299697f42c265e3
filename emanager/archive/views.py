"""The public archive: every published letter with its published answers."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from emanager.archive import selectors
from emanager.archive.filters import ArchiveFilterForm
from emanager.core.freshness import cached, choices_key, public_page
from emanager.directory.selectors import require_municipality

LETTERS_PER_PAGE = 25


@public_page
def index(request: HttpRequest) -> HttpResponse:
    """The published letters, newest first, filtered and paged by a cursor.

    A page costs the same few queries on the first page and deep in the
    archive: no offset, no query per letter.
    """
    municipality = require_municipality(request)
    choices = cached(
        municipality.pk, "archive:choices", lambda: selectors.archive_choices(municipality)
    )
    form = ArchiveFilterForm(request.GET or None, choices=choices)
    context = {"form": form, "page": None, "count": None, "chosen": {}, "nav_section": "archive"}
    if form.is_bound and not form.is_valid():
        return render(request, "archive/index.html", context, status=400)
    chosen = form.chosen
    letters = selectors.archive_letters(municipality, chosen, tree=choices.tree)
    data = form.cleaned_data if form.is_bound else {}
    context.update(
        chosen=chosen,
        count=cached(municipality.pk, f"archive:count:{choices_key(chosen)}", letters.count),
        page=letters.page(
            LETTERS_PER_PAGE,
            before=data.get("before"),
            after=data.get("after"),
            oldest=bool(data.get("oldest")),
        ),
        paged=bool(data.get("before") or data.get("after") or data.get("oldest")),
    )
    return render(request, "archive/index.html", context)

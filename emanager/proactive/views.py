"""Public pages of proactive publication: the catalogue, each item's archive, the compliance
view, and the published files."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from emanager.core.freshness import public_page
from emanager.deadlines.selectors import calendar_for
from emanager.directory.selectors import require_municipality
from emanager.proactive import rules, selectors
from emanager.proactive.forms import CatalogueFilterForm

DOCUMENTS_PER_PAGE = 20
# Shown in the browser rather than downloaded.
INLINE_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png", "image/webp"})
# A withdrawn document leaves caches within this many seconds.
FILE_MAX_AGE = 600


def _filtered(request: HttpRequest):
    municipality = require_municipality(request)
    view = selectors.catalogue(municipality, on=timezone.localdate())
    form = CatalogueFilterForm(request.GET)
    section, state = form.values()
    rows = view.filtered(section=section, state=state)
    return view, form, view.sections(rows), bool(section or state)


@public_page
def catalogue(request: HttpRequest) -> HttpResponse:
    view, form, sections, filtered = _filtered(request)
    return render(
        request,
        "proactive/catalogue.html",
        {"view": view, "form": form, "sections": sections, "filtered": filtered},
    )


@public_page
def compliance(request: HttpRequest) -> HttpResponse:
    view, form, sections, filtered = _filtered(request)
    return render(
        request,
        "proactive/compliance.html",
        {
            "view": view,
            "form": form,
            "sections": sections,
            "filtered": filtered,
            "quarters_checked": rules.QUARTERS_CHECKED,
            "review_months": rules.REVIEW_MONTHS,
            "legal_act_days": rules.LEGAL_ACT_DAYS,
        },
    )


@public_page
def item(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = require_municipality(request)
    entry = selectors.public_item(municipality, slug)
    calendar = calendar_for(municipality)
    today = timezone.localdate()
    page = Paginator(selectors.item_archive(entry), DOCUMENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    documents = list(page.object_list)
    for document in documents:
        document.item = entry
        document.delay = selectors.publication_delay(document, calendar)
    return render(
        request,
        "proactive/item.html",
        {
            "item": entry,
            "status": selectors.item_status(entry, on=today, calendar=calendar),
            "page": page,
            "documents": documents,
        },
    )


def document_file(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """A published document's file, served by e-Manager from the public storage."""
    municipality = require_municipality(request)
    document = selectors.published_document(municipality, slug, pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing from the storage.") from None
    inline = document.content_type in INLINE_TYPES
    response = FileResponse(
        handle, as_attachment=not inline, filename=document.original_name or None
    )
    response["Content-Type"] = document.content_type or "application/octet-stream"
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=FILE_MAX_AGE)
    return response

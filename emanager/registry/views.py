"""The registry journal, its exports, and the printed answers."""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from emanager.registry import answers, exports, selectors
from emanager.registry.forms import journal_form
from emanager.staff.permissions import can_see_journal, staff_required

ROWS_PER_PAGE = 50
# A printed journal longer than this would keep a worker busy for minutes.
MAX_PDF_ROWS = 2000


def journal_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Staff with a role that keeps the journal; 403 with a page that says why for others."""

    @staff_required
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not can_see_journal(request.user, request.municipality):
            return render(request, "registry/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _document(content: bytes, content_type: str, name: str, *, inline: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, name)
    # Personal data: never kept by a shared cache or the browser's.
    patch_cache_control(response, private=True, no_store=True)
    return response


def _journal_page(request: HttpRequest, form, *, status: int = 200) -> HttpResponse:
    context = {"form": form, "page": None, "rows": [], "columns": []}
    if form.is_valid():
        filters = form.filters()
        entries = selectors.journal_entries(request.user, request.municipality, filters)
        page = Paginator(entries, ROWS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            page=page,
            rows=list(selectors.journal_rows(page.object_list)),
            columns=selectors.journal_columns(filters.register),
            register=filters.register,
            period=exports.period_text(filters),
            filtered=bool(filters.date_from or filters.date_to or filters.body or filters.status),
        )
    return render(request, "registry/journal.html", context, status=status)


@journal_required
def journal(request: HttpRequest) -> HttpResponse:
    return _journal_page(request, journal_form(request.GET, municipality=request.municipality))


@journal_required
def journal_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The journal's rows, all of them (not one page), as CSV, XLSX or PDF."""
    municipality = request.municipality
    form = journal_form(request.GET, municipality=municipality)
    if not form.is_valid():
        return _journal_page(request, form, status=400)
    filters = form.filters()
    entries = selectors.journal_entries(request.user, municipality, filters)
    if fmt == "pdf" and (count := entries.count()) > MAX_PDF_ROWS:
        messages.error(
            request,
            _(
                "The journal has %(count)s entries, too many to print at once (at most "
                "%(limit)s). Choose a shorter period, or download it for Excel."
            )
            % {"count": count, "limit": MAX_PDF_ROWS},
        )
        return redirect(f"{reverse('registry:journal')}?{request.GET.urlencode()}")
    rows = list(selectors.journal_rows(entries))
    name = exports.file_name(filters, fmt)
    if fmt == "csv":
        return _document(exports.journal_csv(rows, filters), exports.CSV_TYPE, name, inline=False)
    if fmt == "xlsx":
        return _document(exports.journal_xlsx(rows, filters), exports.XLSX_TYPE, name, inline=False)
    content = exports.journal_pdf(rows, filters, municipality=municipality)
    return _document(content, exports.PDF_TYPE, name, inline=True)


@staff_required
def answer_print(request: HttpRequest, pk: int) -> HttpResponse:
    """A sent answer printed as an official letter; 404 for a draft or a stranger's letter."""
    answer = selectors.printable_answer(request.user, request.municipality, pk)
    content = answers.answer_pdf(answer)
    return _document(content, exports.PDF_TYPE, answers.answer_file_name(answer), inline=True)

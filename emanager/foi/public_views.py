"""Public pages of public information: the register, the annual report, each body's page.

No login: everything here is public, and read through
:mod:`emanager.foi.register` (which reads letters only through the one
published path) and :mod:`emanager.foi.report`.
"""

from __future__ import annotations

import json

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _

from emanager.core.freshness import cached, choices_key, public_page
from emanager.directory.models import Body
from emanager.directory.selectors import require_municipality
from emanager.foi import register, report
from emanager.foi.filters import RegisterFilter, ReportFilter
from emanager.foi.officers import responsible_officers
from emanager.registry import exports

ROWS_PER_PAGE = 50


def _document(content: bytes, content_type: str, name: str, *, inline: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, name)
    return response


def _file_name(stem: str, chosen: dict, extension: str) -> str:
    """For example public-information-register-2025-city-hall.csv."""
    parts = [stem]
    if chosen.get("year"):
        parts.append(str(chosen["year"]))
    if chosen.get("body") is not None:
        parts.append(chosen["body"].slug)
    if chosen.get("outcome"):
        parts.append(slugify(chosen["outcome"]))
    return f"{'-'.join(parts)}.{extension}"


# --- The register ------------------------------------------------------------------


def _register_filter(request: HttpRequest) -> RegisterFilter:
    municipality = require_municipality(request)
    return RegisterFilter(
        request.GET or None,
        queryset=register.register_requests(municipality),
        municipality=municipality,
    )


def _register_page(request: HttpRequest, filterset: RegisterFilter) -> HttpResponse:
    """A page of the register. The number of rows is counted once for the filters
    (every page shows it) and kept until the municipality's data change."""
    valid = not filterset.is_bound or filterset.is_valid()
    context = {"filter": filterset, "page": None, "rows": [], "chosen": {}}
    if valid:
        municipality = request.municipality
        chosen = filterset.chosen
        requests = filterset.qs
        count = cached(municipality.pk, f"foi:register-count:{choices_key(chosen)}", requests.count)
        page = _CountedPaginator(requests, ROWS_PER_PAGE, count=count).get_page(
            request.GET.get("page")
        )
        context.update(
            page=page,
            rows=register.register_rows(
                page.object_list, municipality=municipality, tree=filterset.tree
            ),
            chosen=chosen,
        )
    return render(request, "foi/public/register.html", context, status=200 if valid else 400)


class _CountedPaginator(Paginator):
    """A paginator told its number of rows (counted once, cached) instead of counting."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._count = count

    @property
    def count(self) -> int:  # type: ignore[override]
        return self._count


@public_page
def register_page(request: HttpRequest) -> HttpResponse:
    return _register_page(request, _register_filter(request))


def register_columns(request: HttpRequest) -> HttpResponse:
    """What each column of the register's downloads means."""
    require_municipality(request)
    context = {"columns": register.COLUMNS, "pending": register.PENDING}
    return render(request, "foi/public/register_columns.html", context)


def _register_json(request: HttpRequest, rows, chosen: dict) -> bytes:
    municipality = request.municipality
    document = {
        "title": _("Register of public information"),
        "municipality": str(municipality.name),
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "documentation": request.build_absolute_uri(reverse("foi:register_columns")),
        "filters": {
            "year": chosen.get("year"),
            "body": chosen["body"].slug if chosen.get("body") is not None else None,
            "outcome": chosen.get("outcome"),
        },
        "columns": [
            {
                "key": column.key,
                "title": str(column.title),
                "description": str(column.description),
                **(
                    {"choices": {value: str(label) for value, label in column.choices}}
                    if column.choices
                    else {}
                ),
            }
            for column in register.COLUMNS
        ],
        "rows": [
            {column.key: column.json_value(row) for column in register.COLUMNS} for row in rows
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def register_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """All the register's rows for the filters (not one page), as CSV, XLSX or JSON."""
    filterset = _register_filter(request)
    if filterset.is_bound and not filterset.is_valid():
        return _register_page(request, filterset)
    rows = register.register_rows(
        filterset.qs, municipality=request.municipality, tree=filterset.tree
    )
    chosen = filterset.chosen
    name = _file_name("public-information-register", chosen, fmt)
    if fmt == "json":
        return _document(
            _register_json(request, rows, chosen), exports.JSON_TYPE, name, inline=True
        )
    titles = [str(column.title) for column in register.COLUMNS]
    cells = ([column.cell(row) for column in register.COLUMNS] for row in rows)
    if fmt == "csv":
        return _document(exports.table_csv(titles, cells), exports.CSV_TYPE, name, inline=False)
    content = exports.table_xlsx(titles, cells, title=_("Public information"))
    return _document(content, exports.XLSX_TYPE, name, inline=False)


# --- The annual report ---------------------------------------------------------------


def _report_filter(request: HttpRequest) -> ReportFilter:
    municipality = require_municipality(request)
    data = request.GET.copy()
    if not data.get("year"):
        data["year"] = str(report.default_year())
    return ReportFilter(
        data, queryset=register.register_requests(municipality), municipality=municipality
    )


def _report_page(request: HttpRequest, filterset: ReportFilter) -> HttpResponse:
    context = {"filter": filterset, "report": None}
    if not filterset.is_valid():
        return render(request, "foi/public/report.html", context, status=400)
    chosen = filterset.chosen
    context["report"] = report.cached_annual_report(
        request.municipality, year=chosen["year"], body=chosen.get("body"), tree=filterset.tree
    )
    context["chosen"] = chosen
    return render(request, "foi/public/report.html", context)


@public_page
def report_page(request: HttpRequest) -> HttpResponse:
    return _report_page(request, _report_filter(request))


def report_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The report as a PDF (to print and sign) or a CSV (every figure, every body)."""
    filterset = _report_filter(request)
    if not filterset.is_valid():
        return _report_page(request, filterset)
    chosen = filterset.chosen
    annual = report.cached_annual_report(
        request.municipality, year=chosen["year"], body=chosen.get("body"), tree=filterset.tree
    )
    name = _file_name("public-information-report", chosen, fmt)
    if fmt == "csv":
        columns, rows = report.report_table(annual)
        return _document(exports.table_csv(columns, rows), exports.CSV_TYPE, name, inline=False)
    from emanager.registry.pdf import render_pdf

    content = render_pdf(
        "foi/pdf/report.html",
        {"report": annual, "printed_at": timezone.localtime(), "municipality": annual.municipality},
    )
    return _document(content, exports.PDF_TYPE, name, inline=True)


# --- The pages of public information ---------------------------------------------------


@public_page
def index(request: HttpRequest) -> HttpResponse:
    """The municipality's public information: its institutions, the register, the reports."""
    municipality = require_municipality(request)
    tree = register.body_tree(municipality)
    year = timezone.localdate().year
    annual = report.cached_annual_report(municipality, year=year, tree=tree)
    received = {body.pk: figures.received for body, figures in annual.by_institution}
    institutions = [(body, received.get(body.pk, 0)) for body, depth in tree if depth == 0]
    context = {"institutions": institutions, "report": annual, "year": year}
    return render(request, "foi/public/index.html", context)


@public_page
def body_page(request: HttpRequest, slug: str) -> HttpResponse:
    """A body's public information: its officer, the law, how to ask and complain,
    this year's figures and the reports of every year."""
    municipality = require_municipality(request)
    body = get_object_or_404(Body, municipality=municipality, slug=slug)
    tree = register.body_tree(municipality)
    by_id = {candidate.pk: candidate for candidate, _depth in tree}
    ancestors = []
    parent = by_id.get(body.parent_id) if body.parent_id else None
    while parent is not None and parent not in ancestors:
        ancestors.insert(0, parent)
        parent = by_id.get(parent.parent_id) if parent.parent_id else None
    year = timezone.localdate().year
    context = {
        "body": body,
        "ancestors": ancestors,
        "officers": responsible_officers(body, tree),
        "report": report.cached_annual_report(municipality, year=year, body=body, tree=tree),
        "year": year,
        "years": register.register_years(municipality),
        "due_date": report.next_due_date(),
    }
    return render(request, "foi/public/body.html", context)

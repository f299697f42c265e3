"""The open-data pages: the catalogue, each dataset's columns, the downloads and the feeds.

No login: everything here is public, and every letter is read through the one
published path (see :mod:`emanager.opendata.catalogue`).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header, urlencode

from emanager.core.freshness import public_page
from emanager.directory.selectors import require_municipality
from emanager.opendata import catalogue, exports, feeds
from emanager.opendata.forms import ExportFilterForm
from emanager.registry.exports import CSV_TYPE, JSON_TYPE, XLSX_TYPE


@public_page
def index(request: HttpRequest) -> HttpResponse:
    """The catalogue: every dataset with its formats and columns, and the feeds."""
    require_municipality(request)
    return render(
        request,
        "opendata/index.html",
        {"datasets": catalogue.DATASETS, "feed_fields": catalogue.FEED_FIELDS},
    )


def _dataset(slug: str) -> catalogue.Dataset:
    dataset = catalogue.dataset_by_slug(slug)
    if dataset is None:
        raise Http404("No such dataset.")
    return dataset


@public_page
def dataset_page(request: HttpRequest, slug: str) -> HttpResponse:
    """A dataset's columns (name, type, meaning) and its downloads, optionally filtered."""
    municipality = require_municipality(request)
    dataset = _dataset(slug)
    form = None
    query = ""
    if dataset.filters:
        form = ExportFilterForm(request.GET or None, municipality=municipality)
        if form.is_bound and form.is_valid():
            chosen = {key: value for key, value in form.cleaned_data.items() if value}
            query = f"?{urlencode(chosen)}" if chosen else ""
    downloads = [(fmt, dataset.export_url(fmt) + query) for fmt in dataset.formats]
    context = {"dataset": dataset, "form": form, "downloads": downloads}
    return render(request, "opendata/dataset.html", context)


def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """All the rows of a dataset (for the filters) as CSV, XLSX or JSON."""
    municipality = require_municipality(request)
    dataset = _dataset(slug)
    filters = catalogue.ExportFilters()
    if dataset.filters:
        form = ExportFilterForm(request.GET, municipality=municipality)
        if not form.is_valid():
            return render(
                request,
                "opendata/dataset.html",
                {"dataset": dataset, "form": form, "downloads": []},
                status=400,
            )
        filters = form.export_filters()
    name = exports.file_name(dataset, filters, fmt)
    absolute = request.build_absolute_uri
    if fmt == "csv":
        response = StreamingHttpResponse(
            exports.dataset_csv(dataset, municipality, filters, absolute=absolute),
            content_type=CSV_TYPE,
        )
    elif fmt == "json":
        documentation = absolute(reverse("opendata:dataset", kwargs={"slug": slug}))
        response = StreamingHttpResponse(
            exports.dataset_json(
                dataset, municipality, filters, absolute=absolute, documentation=documentation
            ),
            content_type=JSON_TYPE,
        )
    else:
        content = exports.dataset_xlsx(dataset, municipality, filters, absolute=absolute)
        response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(fmt != "json", name)
    return response


def feed_list(request: HttpRequest) -> HttpResponse:
    """What a feed's entries hold, and the feed of the municipality, each body and each official."""
    municipality = require_municipality(request)
    everything, bodies, officials = catalogue.feed_links(municipality)
    context = {
        "everything": everything,
        "bodies": bodies,
        "officials": officials,
        "feed_fields": catalogue.FEED_FIELDS,
        "limit": feeds.LIMIT,
    }
    return render(request, "opendata/feeds.html", context)


# A feed object per request: the feed keeps the request while it is written.
def letters_feed(request: HttpRequest) -> HttpResponse:
    return feeds.LettersFeed()(request)


def body_feed(request: HttpRequest, slug: str) -> HttpResponse:
    return feeds.BodyFeed()(request, slug=slug)


def official_feed(request: HttpRequest, slug: str) -> HttpResponse:
    return feeds.OfficialFeed()(request, slug=slug)

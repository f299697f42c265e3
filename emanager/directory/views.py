"""Public pages of the municipality's directory."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from emanager.accountability.models import Scope
from emanager.accountability.selectors import accountability
from emanager.core.freshness import cached, public_page
from emanager.directory import selectors
from emanager.publication.selectors import published_letters

OFFICIALS_PER_PAGE = 30
# How many of the newest published letters the home page shows.
HOME_LATEST_LETTERS = 5


@public_page
def home(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    if municipality is None:
        return render(
            request,
            "directory/installation_home.html",
            {"municipalities": selectors.municipality_list()},
        )

    def compute() -> dict:
        return {
            "leaders": selectors.leadership(municipality),
            "tree": selectors.body_tree(municipality),
            "units": selectors.unit_list(municipality),
            "figures": accountability(Scope.MUNICIPALITY, municipality.pk).figures,
            "latest_letters": published_letters(municipality)[:HOME_LATEST_LETTERS],
        }

    context = cached(municipality.pk, "home", compute, daily=True)
    return render(request, "directory/home.html", context)


@public_page
def structure(request: HttpRequest) -> HttpResponse:
    municipality = selectors.require_municipality(request)
    return render(request, "directory/structure.html", {"tree": selectors.body_tree(municipality)})


@public_page
def body(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = selectors.require_municipality(request)
    detail = selectors.body_detail(municipality, slug)
    return render(request, "directory/body.html", {"detail": detail, "body": detail.body})


@public_page
def official_list(request: HttpRequest) -> HttpResponse:
    municipality = selectors.require_municipality(request)
    paginator = Paginator(selectors.official_list(municipality), OFFICIALS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "directory/official_list.html", {"page": page})


@public_page
def official(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = selectors.require_municipality(request)
    detail = selectors.official_detail(municipality, slug)
    return render(
        request, "directory/official.html", {"detail": detail, "official": detail.official}
    )


@public_page
def unit_list(request: HttpRequest) -> HttpResponse:
    municipality = selectors.require_municipality(request)
    return render(request, "directory/unit_list.html", {"units": selectors.unit_list(municipality)})


@public_page
def unit(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = selectors.require_municipality(request)
    return render(
        request, "directory/unit.html", {"unit": selectors.unit_detail(municipality, slug)}
    )


def search(request: HttpRequest) -> HttpResponse:
    municipality = selectors.require_municipality(request)
    query = request.GET.get("q", "").strip()[:100]
    results = selectors.directory_search(municipality, query) if query else None
    context = {
        "query": query,
        "results": results,
        "too_short": bool(query) and len(query.replace(" ", "")) < selectors.MIN_QUERY_LENGTH,
    }
    template = "directory/search.html"
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "search-results":
        template += "#results"
    return render(request, template, context)

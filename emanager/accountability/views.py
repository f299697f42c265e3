"""Public accountability pages: the ranking, and the page of each body, official and unit."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from emanager.accountability import definitions, selectors
from emanager.accountability.chart import chart
from emanager.accountability.models import Scope
from emanager.core.freshness import cached, public_page
from emanager.directory.models import Body, Official, TerritorialUnit
from emanager.directory.selectors import require_municipality

NAV = {"nav_section": "accountability"}
RULES = {"min_letters": definitions.MIN_LETTERS, "min_surveys": definitions.MIN_SURVEYS}


@public_page
def ranking(request: HttpRequest) -> HttpResponse:
    municipality = require_municipality(request)
    sort = request.GET.get("sort", "")
    sort = sort if sort in selectors.SORTS else selectors.DEFAULT_SORT
    result = cached(
        municipality.pk,
        f"ranking:{sort}",
        lambda: selectors.ranking(municipality, sort=sort),
        daily=True,
    )
    return render(
        request,
        "accountability/ranking.html",
        {**NAV, **RULES, "ranking": result, "sorts": selectors.SORTS},
    )


def _page(request: HttpRequest, scope: str, subject, **extra) -> HttpResponse:
    def compute() -> dict:
        figures = selectors.accountability(scope, subject.pk)
        return {"result": figures, "chart": chart(figures.months)}

    return render(
        request,
        "accountability/detail.html",
        {
            **NAV,
            **RULES,
            "scope": scope,
            "subject": subject,
            **cached(
                subject.municipality_id, f"accountability:{scope}:{subject.pk}", compute, daily=True
            ),
            **extra,
        },
    )


@public_page
def body(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = require_municipality(request)
    subject = get_object_or_404(Body, municipality=municipality, slug=slug)
    return _page(request, Scope.BODY, subject)


@public_page
def official(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = require_municipality(request)
    subject = get_object_or_404(Official, municipality=municipality, slug=slug)
    return _page(request, Scope.OFFICIAL, subject, roles=selectors.official_roles(subject))


@public_page
def unit(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = require_municipality(request)
    subject = get_object_or_404(TerritorialUnit, municipality=municipality, slug=slug)
    return _page(request, Scope.UNIT, subject)

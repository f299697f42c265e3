"""Public accountability pages: the ranking, and the page of each body, official and unit."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from emanager.accountability import definitions, selectors
from emanager.accountability.chart import chart
from emanager.accountability.models import Scope
from emanager.directory.models import Body, Official, TerritorialUnit
from emanager.directory.selectors import require_municipality

NAV = {"nav_section": "accountability"}
RULES = {"min_letters": definitions.MIN_LETTERS, "min_surveys": definitions.MIN_SURVEYS}


def ranking(request: HttpRequest) -> HttpResponse:
    municipality = require_municipality(request)
    result = selectors.ranking(municipality, sort=request.GET.get("sort", ""))
    return render(
        request,
        "accountability/ranking.html",
        {**NAV, **RULES, "ranking": result, "sorts": selectors.SORTS},
    )


def _page(request: HttpRequest, scope: str, subject, **extra) -> HttpResponse:
    figures = selectors.accountability(scope, subject.pk)
    return render(
        request,
        "accountability/detail.html",
        {
            **NAV,
            **RULES,
            "scope": scope,
            "subject": subject,
            "result": figures,
            "chart": chart(figures.months),
            **extra,
        },
    )


def body(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = require_municipality(request)
    subject = get_object_or_404(Body, municipality=municipality, slug=slug)
    return _page(request, Scope.BODY, subject)


def official(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = require_municipality(request)
    subject = get_object_or_404(Official, municipality=municipality, slug=slug)
    return _page(request, Scope.OFFICIAL, subject, roles=selectors.official_roles(subject))


def unit(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = require_municipality(request)
    subject = get_object_or_404(TerritorialUnit, municipality=municipality, slug=slug)
    return _page(request, Scope.UNIT, subject)

"""The public page types, each found in the demo data by what it is, not by its slug."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse
from django.utils import timezone, translation

from emanager.directory.models import (
    Body,
    BodyKind,
    Mandate,
    Official,
    PositionKind,
    TerritorialUnit,
)

# A stem present in the demo (the search matches any part of a word) and a
# query that matches nothing.
SEARCH_QUERY = "ბერ"
EMPTY_SEARCH_QUERY = "ჟჟჟჟ"


def _body(kind: BodyKind) -> Body:
    body = Body.objects.filter(kind=kind).order_by("order", "name").first()
    assert body is not None, f"the demo has no body of kind {kind!r}"
    return body


def _official(position_kind: PositionKind) -> Official:
    mandate = (
        Mandate.objects.current(timezone.localdate())
        .filter(position__kind=position_kind)
        .select_related("official")
        .order_by("official__last_name", "official__first_name")
        .first()
    )
    assert mandate is not None, f"the demo has no current {position_kind!r}"
    return mandate.official


def _unit() -> TerritorialUnit:
    unit = TerritorialUnit.objects.order_by("order", "name").first()
    assert unit is not None, "the demo has no territorial unit"
    return unit


def _search(query: str) -> str:
    return f"{reverse('directory:search')}?q={query}"


# name -> (function giving the path in the active language, expected status)
PAGES: dict[str, tuple[Callable[[], str], int]] = {
    "home": (lambda: reverse("directory:home"), 200),
    "structure": (lambda: reverse("directory:structure"), 200),
    "body-sakrebulo": (lambda: _body(BodyKind.SAKREBULO).get_absolute_url(), 200),
    "body-service": (lambda: _body(BodyKind.SERVICE).get_absolute_url(), 200),
    "official-mayor": (lambda: _official(PositionKind.MAYOR).get_absolute_url(), 200),
    "official-council-member": (
        lambda: _official(PositionKind.COUNCIL_MEMBER).get_absolute_url(),
        200,
    ),
    "officials": (lambda: reverse("directory:officials"), 200),
    "units": (lambda: reverse("directory:units"), 200),
    "unit": (lambda: _unit().get_absolute_url(), 200),
    "search-results": (lambda: _search(SEARCH_QUERY), 200),
    "search-empty": (lambda: _search(EMPTY_SEARCH_QUERY), 200),
    "accessibility": (lambda: reverse("core:accessibility"), 200),
    "not-found": (
        lambda: reverse("directory:official", kwargs={"slug": "no-such-official"}),
        404,
    ),
}


def page_path(name: str, lang: str) -> tuple[str, int]:
    """The path of page type ``name`` in language ``lang``, and its expected status."""
    path_of, status = PAGES[name]
    with translation.override(lang):
        return path_of(), status

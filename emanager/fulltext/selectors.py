"""Reads of the search index other than the search itself: what the filters offer."""

from __future__ import annotations

from django.db.models import QuerySet

from emanager.directory.models import Body, Municipality
from emanager.fulltext.models import SearchDocument

__all__ = ["indexed_bodies", "indexed_years"]


def indexed_bodies(municipality: Municipality) -> QuerySet[Body]:
    """The bodies that something in the index was addressed to (or, for a document, is kept by)."""
    entries = SearchDocument.objects.filter(municipality=municipality, body__isnull=False)
    return Body.objects.filter(pk__in=entries.values("body")).order_by("name")


def indexed_years(municipality: Municipality) -> list[int]:
    """The years of the entries of the index, the latest first."""
    return list(
        SearchDocument.objects.filter(municipality=municipality, year__isnull=False)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )

"""Reads of the search index other than the search itself: what the filters offer.

Both cost the same whatever the size of the archive: the bodies are probed
one by one for an entry (a municipality has a few dozen), the years read one
by one from the index of (municipality, year), latest first.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet

from emanager.directory.models import Body, Municipality
from emanager.fulltext.models import SearchDocument

__all__ = ["indexed_bodies", "indexed_years"]


def indexed_bodies(municipality: Municipality) -> QuerySet[Body]:
    """The municipality's bodies that something in the index was addressed to
    (or, for a document, is kept by)."""
    entries = SearchDocument.objects.filter(municipality=municipality, body=OuterRef("pk"))
    return Body.objects.filter(municipality=municipality).filter(Exists(entries)).order_by("name")


# Each year is the latest one before the year found last (a "loose index
# scan"): as many index look-ups as there are years, however many entries.
_YEARS = """
WITH RECURSIVE years(year) AS (
    SELECT MAX(year) FROM {table} WHERE municipality_id = %s
    UNION ALL
    SELECT (SELECT MAX(year) FROM {table} WHERE municipality_id = %s AND year < years.year)
    FROM years WHERE years.year IS NOT NULL
)
SELECT year FROM years WHERE year IS NOT NULL
"""


def indexed_years(municipality: Municipality) -> list[int]:
    """The years of the entries of the index, the latest first."""
    table = connection.ops.quote_name(SearchDocument._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(_YEARS.format(table=table), [municipality.pk, municipality.pk])
        return [year for (year,) in cursor.fetchall()]

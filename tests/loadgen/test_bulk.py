from __future__ import annotations

import pytest
from django.db import connection

from emanager.fulltext.models import SearchDocument
from emanager.letters.models import Event, Letter
from emanager.loadgen.bulk import Loading

pytestmark = pytest.mark.django_db


def _keys_and_indexes(tables: list[str]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid = ANY(%s::regclass[]) "
            "UNION ALL SELECT tablename, indexname, indexdef FROM pg_indexes "
            "WHERE tablename = ANY(%s) ORDER BY 1, 2, 3",
            [tables, tables],
        )
        return cursor.fetchall()


def test_the_keys_and_indexes_set_aside_for_a_load_come_back_the_same():
    if connection.vendor != "postgresql":
        pytest.skip("Only PostgreSQL's keys and indexes are set aside.")
    models = [Letter, Event, SearchDocument]
    tables = [model._meta.db_table for model in models]
    before = _keys_and_indexes(tables)
    loading = Loading(models)
    loading.set_aside()
    aside = _keys_and_indexes(tables)
    assert len(aside) < len(before)
    # The primary and unique keys stay: they are what a load must not break.
    assert {row[1] for row in before if "PRIMARY KEY" in row[2] or "UNIQUE" in row[2]} <= {
        row[1] for row in aside
    }
    loading.restore()
    assert _keys_and_indexes(tables) == before

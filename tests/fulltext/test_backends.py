"""What each database adds: its own index kept in step, and on PostgreSQL, trigram matching.

The behaviour every user sees is pinned in test_search.py on both databases;
these tests check each backend's machinery on its own database.
"""

from __future__ import annotations

import pytest
from django.db import connection

from emanager.fulltext.backends import PostgresBackend, SqliteBackend, backend
from emanager.fulltext.models import SearchDocument
from emanager.fulltext.search import search

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's search machinery"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")


def test_the_backend_is_the_databases():
    expected = {"postgresql": PostgresBackend, "sqlite": SqliteBackend}[connection.vendor]
    assert isinstance(backend(), expected)


@sqlite_only
def test_the_fts5_table_follows_the_index(published, staff, committed):
    from emanager.publication import services

    letter = published()

    def fts_rows() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM fulltext_fts WHERE fulltext_fts MATCH 'გზ*'")
            return cursor.fetchone()[0]

    assert fts_rows() == 1
    with committed():
        services.letter_unpublish(letter=letter, actor=staff["head"], reason="x")
    assert fts_rows() == 0


@postgres_only
def test_the_vector_is_kept_by_the_trigger_in_the_texts_configuration(published):
    published(subject="Ремонт дороги", body="Просим отремонтировать дорогу.", language="ru")
    entry = SearchDocument.objects.get()
    assert entry.config == "russian"
    with connection.cursor() as cursor:
        cursor.execute("SELECT vector::text FROM fulltext_searchdocument WHERE id = %s", [entry.pk])
        vector = cursor.fetchone()[0]
    # Russian stems, the title weighted A.
    assert "'дорог':2A" in vector


@postgres_only
def test_trigrams_forgive_a_typo(published, municipality):
    published(subject="ქუჩის განათება ნიგოითში", body="ბოძები არ ანათებს.")
    # A letter missing: no prefix of the words matches, trigrams do.
    assert search("განათბა", municipality=municipality).count() == 1
    assert search("განათბა", municipality=municipality)[0].title


@postgres_only
def test_short_words_are_not_matched_by_trigrams(published, municipality):
    published(subject="ქუჩის განათება")
    assert search("ქუჩ", municipality=municipality).count() == 1
    assert search("ჩის", municipality=municipality).count() == 0

"""How each database finds the rows of the index that match the words, ranks and marks them.

Both backends take the same input (a queryset of index rows already narrowed
by the filters, and the query's :class:`~emanager.fulltext.query.Term` list)
and give the same output: how many rows match, and for a slice of them in
rank order, the primary key with the title and a passage of the text in which
the matches are enclosed in :data:`~emanager.fulltext.indexing.MARKERS`.

- PostgreSQL: full-text search over ``vector`` in each row's configuration
  (english and russian stem; Georgian uses ``simple``), every word a prefix
  both as typed and without its ending; and, for words of four letters or
  more, trigram word similarity (pg_trgm), which forgives a typo or an
  unusual ending. Ranked by ``ts_rank``; marked by ``ts_headline``.
- SQLite: the FTS5 table ``fulltext_fts``, every word a prefix without its
  ending; ranked by ``bm25`` (the title counts five times), marked by
  ``highlight()`` and ``snippet()``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorExact,
)
from django.db import connection
from django.db.models import F, Q, QuerySet, Value

from emanager.fulltext.indexing import CONFIGS, MARKERS
from emanager.fulltext.query import Term

__all__ = ["Backend", "Match", "PostgresBackend", "SqliteBackend", "backend"]

START, STOP = MARKERS
# Words in the passage of text shown under each result.
SNIPPET_WORDS = 30
# Words shorter than this are not matched by trigrams: too many false friends.
TRIGRAM_MIN_LENGTH = 4


@dataclass(frozen=True)
class Match:
    pk: int
    title: str
    text: str


class Backend:
    def count(self, rows: QuerySet, terms: list[Term]) -> int:
        raise NotImplementedError

    def matches(self, rows: QuerySet, terms: list[Term], start: int, stop: int) -> list[Match]:
        raise NotImplementedError


class PostgresBackend(Backend):
    @staticmethod
    def _tsquery(terms: list[Term]) -> str:
        # Only letters and digits reach here (query.terms): nothing to escape
        # but, to be sure, each lexeme is quoted.
        groups = []
        for term in terms:
            alternatives = sorted({term.word, term.prefix})
            groups.append("(" + " | ".join(f"'{word}':*" for word in alternatives) + ")")
        return " & ".join(groups)

    def _matching(self, rows: QuerySet, terms: list[Term]) -> QuerySet:
        tsquery = self._tsquery(terms)
        condition = Q()
        # One condition per configuration, so that the GIN index serves each.
        for config in sorted(set(CONFIGS.values())):
            query = SearchQuery(tsquery, config=config, search_type="raw")
            condition |= Q(config=config) & Q(SearchVectorExact(F("vector"), query))
        similar = [term.word for term in terms if len(term.word) >= TRIGRAM_MIN_LENGTH]
        if similar:
            trigrams = Q()
            for word in similar:
                trigrams &= Q(TrigramWordSimilar(F("title"), Value(word))) | Q(
                    TrigramWordSimilar(F("text"), Value(word))
                )
            condition |= trigrams
        return rows.filter(condition)

    def _query(self, terms: list[Term]) -> SearchQuery:
        return SearchQuery(self._tsquery(terms), config=F("config"), search_type="raw")

    def count(self, rows: QuerySet, terms: list[Term]) -> int:
        return self._matching(rows, terms).count()

    def matches(self, rows: QuerySet, terms: list[Term], start: int, stop: int) -> list[Match]:
        ranked = (
            self._matching(rows, terms)
            .annotate(rank=SearchRank(F("vector"), self._query(terms)))
            .order_by("-rank", "-date", "-pk")
        )
        pks = list(ranked.values_list("pk", flat=True)[start:stop])
        if not pks:
            return []
        query = self._query(terms)
        marked = {
            row["pk"]: row
            for row in rows.model.objects.filter(pk__in=pks)
            .annotate(
                title_marked=SearchHeadline(
                    "title",
                    query,
                    config=F("config"),
                    start_sel=START,
                    stop_sel=STOP,
                    highlight_all=True,
                ),
                text_marked=SearchHeadline(
                    "text",
                    query,
                    config=F("config"),
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=SNIPPET_WORDS,
                    min_words=SNIPPET_WORDS // 2,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
            .values("pk", "title_marked", "text_marked")
        }
        return [
            Match(pk, marked[pk]["title_marked"] or "", marked[pk]["text_marked"] or "")
            for pk in pks
        ]


class SqliteBackend(Backend):
    @staticmethod
    def _match(terms: list[Term]) -> str:
        # Each word a quoted FTS5 string (so that AND, NEAR, ^, : are words,
        # not syntax), searched as a prefix.
        return " AND ".join('"{}"*'.format(term.prefix.replace('"', '""')) for term in terms)

    @staticmethod
    def _ids(rows: QuerySet) -> tuple[str, tuple]:
        sql, params = rows.values("pk").query.sql_with_params()
        return sql, tuple(params)

    # The table's name is a constant and the subquery Django's own SQL (with
    # its values as parameters); the words are parameters too.
    COUNT = "SELECT COUNT(*) FROM fulltext_fts WHERE fulltext_fts MATCH %s AND rowid IN ({ids})"
    MATCHES = (
        "SELECT fulltext_fts.rowid, highlight(fulltext_fts, 0, %s, %s), "
        "snippet(fulltext_fts, 1, %s, %s, '…', %s) "
        "FROM fulltext_fts JOIN fulltext_searchdocument AS d ON d.id = fulltext_fts.rowid "
        "WHERE fulltext_fts MATCH %s AND fulltext_fts.rowid IN ({ids}) "
        "ORDER BY bm25(fulltext_fts, 5.0, 1.0), d.date DESC, d.id DESC "
        "LIMIT %s OFFSET %s"
    )

    def count(self, rows: QuerySet, terms: list[Term]) -> int:
        ids_sql, ids_params = self._ids(rows)
        with connection.cursor() as cursor:
            cursor.execute(self.COUNT.format(ids=ids_sql), (self._match(terms), *ids_params))
            return cursor.fetchone()[0]

    def matches(self, rows: QuerySet, terms: list[Term], start: int, stop: int) -> list[Match]:
        ids_sql, ids_params = self._ids(rows)
        markers = (START, STOP, START, STOP, SNIPPET_WORDS)
        with connection.cursor() as cursor:
            cursor.execute(
                self.MATCHES.format(ids=ids_sql),
                (*markers, self._match(terms), *ids_params, stop - start, start),
            )
            return [Match(pk, title or "", text or "") for pk, title, text in cursor.fetchall()]


def backend() -> Backend:
    """The backend of the database in use."""
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise NotImplementedError(f"Full-text search does not support {connection.vendor}.")

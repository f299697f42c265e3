"""How each database finds the rows of the index that match the words, orders and marks them.

Both backends take the same input (a queryset of index rows already narrowed
by the filters, and the query's :class:`~emanager.fulltext.query.Term` list)
and give the same output: how many rows match (counted no further than a
limit), and for a slice of them, newest first, the primary key with the title
and a passage of the text in which the matches are enclosed in
:data:`~emanager.fulltext.indexing.MARKERS`.

The cost of a search must not grow with the archive: the rows are ordered by
date, which an index of (municipality, date, id) gives in order, so that the
database reads the newest matching rows and stops at the page's end (or, for a
rare word, takes its few rows from the full-text index and sorts those); the
count stops at its limit. Ordering by relevance would read every match.

- PostgreSQL: full-text search over ``vector`` in each row's configuration
  (english and russian stem; Georgian uses ``simple``), every word a prefix
  both as typed and without its ending; and, for words of four letters or
  more, when no text matches so, trigram word similarity (pg_trgm), which
  forgives a typo or an unusual ending (``fuzzy``: among at most
  :data:`FUZZY_CANDIDATES` rows, so that a typo costs no more than a word).
  Marked by ``ts_headline``.
- SQLite: the FTS5 table ``fulltext_fts``, every word a prefix without its
  ending; marked by ``highlight()`` and ``snippet()``. No ``fuzzy`` search.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchVectorExact
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
# The rows a fuzzy search looks at, at most: trigram similarity is costly to test.
FUZZY_CANDIDATES = 500
# The order of the results: newest first (as the index of migration 0003 reads).
NEWEST_FIRST = (F("date").desc(nulls_last=True), F("pk").desc())


@dataclass(frozen=True)
class Match:
    pk: int
    title: str
    text: str


class Backend:
    def count(self, rows: QuerySet, terms: list[Term], *, limit: int, fuzzy: bool = False) -> int:
        """How many rows match, counted up to ``limit`` (a larger number is never returned)."""
        raise NotImplementedError

    def matches(
        self, rows: QuerySet, terms: list[Term], start: int, stop: int, *, fuzzy: bool = False
    ) -> list[Match]:
        """The matching rows ``start`` to ``stop``, newest first."""
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

    def _matching(self, rows: QuerySet, terms: list[Term], *, fuzzy: bool) -> QuerySet:
        if fuzzy:
            similar = [term.word for term in terms if len(term.word) >= TRIGRAM_MIN_LENGTH]
            if not similar:
                return rows.none()
            trigrams = Q()
            for word in similar:
                trigrams &= Q(TrigramWordSimilar(F("title"), Value(word))) | Q(
                    TrigramWordSimilar(F("text"), Value(word))
                )
            candidates = rows.filter(trigrams).values("pk")[:FUZZY_CANDIDATES]
            return rows.model.objects.filter(pk__in=candidates)
        tsquery = self._tsquery(terms)
        condition = Q()
        # One condition per configuration, so that the GIN index serves each.
        for config in sorted(set(CONFIGS.values())):
            query = SearchQuery(tsquery, config=config, search_type="raw")
            condition |= Q(config=config) & Q(SearchVectorExact(F("vector"), query))
        return rows.filter(condition)

    def _query(self, terms: list[Term]) -> SearchQuery:
        return SearchQuery(self._tsquery(terms), config=F("config"), search_type="raw")

    def count(self, rows: QuerySet, terms: list[Term], *, limit: int, fuzzy: bool = False) -> int:
        # COUNT(*) over a LIMITed subquery: stops at the limit.
        return self._matching(rows, terms, fuzzy=fuzzy).values("pk")[:limit].count()

    def matches(
        self, rows: QuerySet, terms: list[Term], start: int, stop: int, *, fuzzy: bool = False
    ) -> list[Match]:
        ordered = self._matching(rows, terms, fuzzy=fuzzy).order_by(*NEWEST_FIRST)
        pks = list(ordered.values_list("pk", flat=True)[start:stop])
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
    COUNT = (
        "SELECT COUNT(*) FROM (SELECT 1 FROM fulltext_fts "
        "WHERE fulltext_fts MATCH %s AND rowid IN ({ids}) LIMIT %s)"
    )
    MATCHES = (
        "SELECT fulltext_fts.rowid, highlight(fulltext_fts, 0, %s, %s), "
        "snippet(fulltext_fts, 1, %s, %s, '…', %s) "
        "FROM fulltext_fts JOIN fulltext_searchdocument AS d ON d.id = fulltext_fts.rowid "
        "WHERE fulltext_fts MATCH %s AND fulltext_fts.rowid IN ({ids}) "
        "ORDER BY d.date DESC NULLS LAST, d.id DESC "
        "LIMIT %s OFFSET %s"
    )

    def count(self, rows: QuerySet, terms: list[Term], *, limit: int, fuzzy: bool = False) -> int:
        if fuzzy:
            return 0
        ids_sql, ids_params = self._ids(rows)
        with connection.cursor() as cursor:
            cursor.execute(self.COUNT.format(ids=ids_sql), (self._match(terms), *ids_params, limit))
            return cursor.fetchone()[0]

    def matches(
        self, rows: QuerySet, terms: list[Term], start: int, stop: int, *, fuzzy: bool = False
    ) -> list[Match]:
        if fuzzy:
            return []
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

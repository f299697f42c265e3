"""Writing many rows of one model fast: plain records in, COPY or executemany out.

No model instance is made and no signal runs: a :class:`Table` knows the
model's columns and, for each column the caller does not set, its default
(taken once from the field, so a field added later with a default needs no
change here). Primary keys are handed out by the table from blocks reserved
in the database (the sequence on PostgreSQL), so that rows can point at
each other before any of them is written.
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import json
import operator
from collections.abc import Callable, Iterable, Iterator

from django.db import connection, models
from psycopg import sql
from psycopg.copy import QueuedLibpqWriter

__all__ = ["Row", "Table"]

# Keys reserved from the database at a time.
KEY_BLOCK = 10_000


class Json(str):
    """A value of a JSON column already written as JSON."""


class Row:
    """One row to write: its values are attributes; a column not set reads its default."""

    def __init__(self, **values) -> None:
        self.__dict__.update(values)


class _Put:
    """Writes one record (call it); counts them."""

    def __init__(self, row: Callable[[Row], tuple], write: Callable[[tuple], object]) -> None:
        self._row = row
        self._write = write
        self.count = 0

    def __call__(self, record: Row) -> None:
        self._write(self._row(record))
        self.count += 1


class Table:
    """The columns, defaults and keys of one model's table, and a fast way to fill it."""

    def __init__(self, model: type[models.Model], *, now: datetime.datetime) -> None:
        self.model = model
        self.label = model._meta.label
        self.fields = list(model._meta.concrete_fields)
        self.pk = model._meta.pk.attname
        defaults: dict[str, object] = {}
        self._callables: list[tuple[str, object]] = []
        for field in self.fields:
            if field.primary_key:
                defaults[field.attname] = None
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                defaults[field.attname] = now
            elif isinstance(field, models.JSONField):
                # Written once as JSON (a callable default of a JSON field is dict or list).
                defaults[field.attname] = Json(json.dumps(field.get_default()))
            elif field.has_default() and callable(field.default):
                self._callables.append((field.attname, field.default))
            else:
                default = field.get_default()
                defaults[field.attname] = (
                    default.value if isinstance(default, enum.Enum) else default
                )
        self.record = type(f"{model.__name__}Row", (Row,), defaults)
        self._values = operator.attrgetter(*(field.attname for field in self.fields))
        self._json = [
            index for index, field in enumerate(self.fields) if isinstance(field, models.JSONField)
        ]
        self._next = 0
        self._last = -1

    def new(self, **values) -> Row:
        """A record with the next reserved key; the columns not given keep their defaults."""
        for name, make in self._callables:
            if name not in values:
                values[name] = make()
        if self._next > self._last:
            self._reserve()
        values[self.pk] = self._next
        self._next += 1
        return self.record(**values)

    def reserve(self, count: int) -> None:
        """Make sure the next ``count`` records get keys without asking the database."""
        if self._last - self._next + 1 < count:
            self._reserve(max(count, KEY_BLOCK))

    def _reserve(self, size: int = KEY_BLOCK) -> None:
        table = self.model._meta.db_table
        column = self.model._meta.pk.column
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Move the sequence past a whole block; the block's keys are ours.
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), "
                    "nextval(pg_get_serial_sequence(%s, %s)) + %s - 1)",
                    [table, column, table, column, size],
                )
                last = cursor.fetchone()[0]
                self._next, self._last = last - size + 1, last
                return
            if self._last < 0:
                cursor.execute(
                    f"SELECT COALESCE(MAX({connection.ops.quote_name(column)}), 0) "  # noqa: S608  (names from the model)
                    f"FROM {connection.ops.quote_name(table)}"
                )
                self._next = cursor.fetchone()[0] + 1
            # SQLite: nobody else writes these tables meanwhile; the keys are counted here.
            self._last = self._next + size - 1

    def write(self, records: Iterable[Row]) -> int:
        """Insert the records; returns how many."""
        with self.stream() as put:
            for record in records:
                put(record)
        return put.count

    @contextlib.contextmanager
    def stream(self) -> Iterator[_Put]:
        """``put(record)`` while the rows are made: on PostgreSQL they go to the
        server at once, which stores them while the next ones are made. Keys must
        be reserved before (:meth:`reserve`): no other query can run meanwhile."""
        if connection.vendor != "postgresql":
            rows: list[tuple] = []
            put = _Put(self._row, rows.append)
            yield put
            if rows:
                self._insert(rows)
            return
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(self.model._meta.db_table),
            sql.SQL(", ").join(sql.Identifier(field.column) for field in self.fields),
        )
        with connection.cursor() as cursor:
            writer = QueuedLibpqWriter(cursor.cursor)
            with cursor.cursor.copy(statement, writer=writer) as copy:
                put = _Put(self._row, copy.write_row)
                yield put

    def _row(self, record: Row) -> tuple:
        row = self._values(record)
        return self._dump_json(row) if self._json else row

    def _dump_json(self, row: tuple) -> tuple:
        row = list(row)
        for index in self._json:
            value = row[index]
            if value is None or type(value) is Json:
                continue
            row[index] = "{}" if value == {} else json.dumps(value, ensure_ascii=False)
        return tuple(row)

    def _insert(self, rows: list[tuple]) -> None:
        quote = connection.ops.quote_name
        statement = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608  (names from the model)
            quote(self.model._meta.db_table),
            ", ".join(quote(field.column) for field in self.fields),
            ", ".join(["%s"] * len(self.fields)),
        )
        prepared = []
        for row in rows:
            values = []
            for field, value in zip(self.fields, row, strict=True):
                if isinstance(field, models.JSONField):
                    values.append(value)  # already dumped
                else:
                    values.append(field.get_db_prep_save(value, connection))
            prepared.append(values)
        with connection.cursor() as cursor:
            cursor.executemany(statement, prepared)


class Loading:
    """While many rows are loaded: the tables' foreign keys and plain indexes are set aside.

    PostgreSQL's manual advises it for populating a database: each foreign key
    is then checked in one pass over the table, and each index built in one
    sort, instead of once per row. :meth:`set_aside` drops them and
    :meth:`restore` makes them again from their own definitions (as the
    database prints them), so the schema ends as it began. Both must run in
    the same transaction as the load: if it fails, the drop is undone too.
    Elsewhere than on PostgreSQL both do nothing.
    """

    def __init__(self, models_: Iterable[type[models.Model]]) -> None:
        self.tables = [model._meta.db_table for model in models_]
        self.keys: list[tuple[str, str, str]] = []  # table, constraint, definition
        self.indexes: list[tuple[str, str]] = []  # index, definition

    def set_aside(self) -> None:
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[]) "
                "ORDER BY 1, 2",
                [self.tables],
            )
            self.keys = cursor.fetchall()
            # Plain indexes: not unique (a unique one guards the load), not
            # partial (PostgreSQL gives a partial index's condition back in a
            # form that reads back differently), and no constraint stands on them.
            cursor.execute(
                "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                "FROM pg_index i WHERE i.indrelid = ANY(%s::regclass[]) "
                "AND NOT i.indisunique AND i.indpred IS NULL AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1",
                [self.tables],
            )
            self.indexes = cursor.fetchall()
            for table, name, _definition in self.keys:
                cursor.execute(
                    sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
                        sql.SQL(table), sql.Identifier(name)
                    )
                )
            for name, _definition in self.indexes:
                cursor.execute(sql.SQL("DROP INDEX {}").format(sql.SQL(name)))

    def restore(self) -> None:
        if not (self.keys or self.indexes):
            return
        with connection.cursor() as cursor:
            # A table with checks still pending cannot be altered: run them now (as
            # Django's check_constraints() does), and defer them again after.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for _name, definition in self.indexes:
                cursor.execute(definition)
            for table, name, definition in self.keys:
                cursor.execute(
                    sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} {}").format(
                        sql.SQL(table), sql.Identifier(name), sql.SQL(definition)
                    )
                )
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        self.keys, self.indexes = [], []

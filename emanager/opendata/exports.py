"""The downloads of a dataset: CSV and JSON streamed slice by slice, XLSX in one piece.

The cells are made by the registry's helpers (:mod:`emanager.registry.exports`):
UTF-8 with a byte-order mark, ISO dates, and a cell that a spreadsheet would run
as a formula kept as text. The header of every format is the columns' keys,
which do not change with the language; their meaning is on the dataset's page
and in the JSON's ``columns``.
"""

from __future__ import annotations

import datetime
import decimal
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation

from emanager.directory.models import Municipality
from emanager.opendata import catalogue
from emanager.opendata.catalogue import Column, Dataset, ExportFilters
from emanager.registry.exports import table_csv, table_xlsx

__all__ = ["dataset_csv", "dataset_json", "dataset_xlsx", "file_name"]

Absolute = Callable[[str], str]


def file_name(dataset: Dataset, filters: ExportFilters, extension: str) -> str:
    """For example letters-2026-city-hall.csv."""
    parts = [dataset.slug]
    if filters.year is not None:
        parts.append(str(filters.year))
    if filters.body is not None:
        parts.append(filters.body.slug)
    return f"{'-'.join(parts)}.{extension}"


def _cell(column: Column, row: Any, absolute: Absolute) -> Any:
    """A spreadsheet's cell: a moment as ISO text (a spreadsheet has no time zones)."""
    value = column.value(row, absolute)
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, float | decimal.Decimal):
        return round(float(value), 4)
    return value


def _cells(dataset: Dataset, rows: Iterable[Any], absolute: Absolute) -> Iterator[list]:
    for row in rows:
        yield [_cell(column, row, absolute) for column in dataset.columns]


def _slices(rows: Iterable[Any]) -> Iterator[list]:
    iterator = iter(rows)
    while batch := list(islice(iterator, catalogue.SLICE)):
        yield batch


def _rows(dataset: Dataset, municipality: Municipality, filters: ExportFilters) -> Iterable[Any]:
    if dataset.rows is None:
        raise ValueError(f"{dataset.slug} is published elsewhere, not exported here.")
    return dataset.rows(municipality, filters)


def dataset_csv(
    dataset: Dataset, municipality: Municipality, filters: ExportFilters, *, absolute: Absolute
) -> Iterator[bytes]:
    """The CSV, a slice of rows at a time: the byte-order mark and header first."""
    keys = [column.key for column in dataset.columns]
    header = table_csv(keys, [])
    language = translation.get_language()

    def chunks() -> Iterator[bytes]:
        yield header
        # A streamed response is read after the view returns: keep its language.
        with translation.override(language):
            for batch in _slices(_rows(dataset, municipality, filters)):
                yield table_csv(keys, _cells(dataset, batch, absolute))[len(header) :]

    return chunks()


def dataset_xlsx(
    dataset: Dataset, municipality: Municipality, filters: ExportFilters, *, absolute: Absolute
) -> bytes:
    keys = [column.key for column in dataset.columns]
    rows = _cells(dataset, _rows(dataset, municipality, filters), absolute)
    return table_xlsx(keys, rows, title=dataset.slug)


def _json_value(column: Column, row: Any, absolute: Absolute) -> Any:
    value = column.value(row, absolute)
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)


def column_meta(dataset: Dataset) -> list[dict]:
    """The columns as the JSON lists them: key, type, title and meaning (and codes)."""
    return [
        {
            "key": column.key,
            "type": str(column.type),
            "title": str(column.title),
            "description": str(column.description),
            **(
                {"choices": {value: str(label) for value, label in column.choices}}
                if column.choices
                else {}
            ),
        }
        for column in dataset.columns
    ]


def dataset_json(
    dataset: Dataset,
    municipality: Municipality,
    filters: ExportFilters,
    *,
    absolute: Absolute,
    documentation: str,
) -> Iterator[bytes]:
    """``{"dataset", "title", ..., "columns": [...], "rows": [{key: value}, ...]}``,
    streamed a slice of rows at a time."""
    meta = {
        "dataset": dataset.slug,
        "title": str(dataset.title),
        "municipality": str(municipality.name),
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "documentation": documentation,
        "filters": {
            "year": filters.year,
            "body": filters.body.slug if filters.body is not None else None,
        },
        "columns": column_meta(dataset),
    }
    language = translation.get_language()

    def chunks() -> Iterator[bytes]:
        yield (_dumps(meta)[:-1] + ', "rows": [').encode()
        first = True
        with translation.override(language):
            for batch in _slices(_rows(dataset, municipality, filters)):
                lines = []
                for row in batch:
                    record = {
                        column.key: _json_value(column, row, absolute) for column in dataset.columns
                    }
                    lines.append(("\n" if first else ",\n") + _dumps(record))
                    first = False
                yield "".join(lines).encode()
        yield b"\n]}\n"

    return chunks()

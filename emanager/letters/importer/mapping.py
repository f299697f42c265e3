"""The fields an import fills, and the headers that name them in a file."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emanager.letters.importer.errors import ImportSetupError
from emanager.letters.importer.reading import Table, cell_text

# The header row is looked for in the first rows of the file (title rows above it are skipped).
HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class Field:
    name: str
    label: Any
    required: bool
    max_length: int | None = None


FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("number", gettext_lazy("registration number"), True, 60),
        Field("received", gettext_lazy("date received"), True),
        Field("requester", gettext_lazy("requester"), True, 200),
        Field("summary", gettext_lazy("summary of the request"), True),
        Field("issued", gettext_lazy("date issued"), False),
        Field("supplied_by", gettext_lazy("who supplied it"), False, 200),
        Field("responsible", gettext_lazy("responsible person"), False, 200),
        Field("body", gettext_lazy("addressee body"), False),
        Field("address", gettext_lazy("requester's address"), False, 300),
    )
}


# The headers each field is recognised by, most specific first; compared without case,
# surrounding spaces or a trailing colon. A header named for two fields ("number and date")
# is one cell holding both: the date is read from its end.
DEFAULT_MAPPING: dict[str, tuple[str, ...]] = {
    "number": (
        "რეგისტრაციის ნომერი",
        "სარეგისტრაციო ნომერი",
        "რეგისტრაციის ნომერი და თარიღი",
        "რეგისტრაციის №",
        "რეგ. ნომერი",
        "ნომერი",
        "registration number",
        "registration number and date",
        "number",
        "регистрационный номер",
        "номер и дата регистрации",
        "номер",
    ),
    "received": (
        "შემოსვლის თარიღი",
        "მიღების თარიღი",
        "რეგისტრაციის თარიღი",
        "რეგისტრაციის ნომერი და თარიღი",
        "date received",
        "received",
        "registration date",
        "registration number and date",
        "дата поступления",
        "дата регистрации",
        "номер и дата регистрации",
    ),
    "requester": (
        "განმცხადებელი",
        "ინფორმაციის მომთხოვნი",
        "მომთხოვნი",
        "requester",
        "applicant",
        "заявитель",
    ),
    "summary": (
        "მოთხოვნის შინაარსი",
        "მოთხოვნილი ინფორმაცია",
        "შინაარსი",
        "summary",
        "information requested",
        "request",
        "subject",
        "содержание запроса",
        "содержание",
    ),
    "issued": ("გაცემის თარიღი", "date issued", "issued", "дата выдачи"),
    "supplied_by": ("ვინ გასცა", "გამცემი", "supplied by", "issued by", "кто выдал"),
    "responsible": (
        "პასუხისმგებელი პირი",
        "პასუხისმგებელი",
        "responsible person",
        "responsible",
        "ответственное лицо",
    ),
    "body": ("ადრესატი", "უწყება", "addressee", "body", "адресат"),
    "address": ("განმცხადებლის მისამართი", "მისამართი", "address", "адрес"),
}


def header_key(value: Any) -> str:
    text = unicodedata.normalize("NFC", cell_text(value)).replace("\ufeff", "")
    text = re.sub(r"\s+", " ", text).strip().rstrip(":*").strip()
    return text.casefold()


def mapping_merge(overrides: dict[str, list[str] | None]) -> dict[str, tuple[str, ...]]:
    mapping = dict(DEFAULT_MAPPING)
    for name, headers in overrides.items():
        if name not in FIELDS:
            raise ImportSetupError(
                _("Unknown field “%(field)s” in the mapping; the fields are: %(fields)s.")
                % {"field": name, "fields": ", ".join(FIELDS)}
            )
        if headers is None:
            if FIELDS[name].required:
                raise ImportSetupError(
                    _("The field “%(field)s” is required and cannot be left out.") % {"field": name}
                )
            mapping[name] = ()
        else:
            mapping[name] = tuple(headers)
    return mapping


def mapping_from_json(path: str | Path) -> dict[str, list[str] | None]:
    """A mapping file: ``{"field": "Header" | ["Header", "Other header"] | null}``.

    Keys starting with ``_`` are comments and ignored.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        raise ImportSetupError(
            _("The mapping file cannot be read: %(error)s") % {"error": error}
        ) from error
    if not isinstance(data, dict):
        raise ImportSetupError(_("The mapping file must hold one JSON object."))
    mapping: dict[str, list[str] | None] = {}
    for name, headers in data.items():
        if name.startswith("_"):
            continue
        if isinstance(headers, str):
            headers = [headers]
        valid = headers is None or (
            isinstance(headers, list) and headers and all(isinstance(h, str) for h in headers)
        )
        if not valid:
            raise ImportSetupError(
                _("In the mapping, “%(field)s” must be a header, a list of headers or null.")
                % {"field": name}
            )
        mapping[name] = headers
    return mapping


def mapping_from_pairs(pairs: list[str]) -> dict[str, list[str] | None]:
    """``field=Header`` options; the same field given twice collects alternatives."""
    mapping: dict[str, list[str] | None] = {}
    for pair in pairs:
        name, sep, header = pair.partition("=")
        name, header = name.strip(), header.strip()
        if not sep or not name:
            raise ImportSetupError(
                _("“%(pair)s” is not field=Header.") % {"pair": pair},
            )
        if not header:
            mapping[name] = None
        else:
            mapping.setdefault(name, [])
            if mapping[name] is not None:
                mapping[name].append(header)
    return mapping


def columns_in(cells: list[Any], mapping: dict[str, tuple[str, ...]]) -> dict[str, int] | None:
    """The column of each field if this row is the header row (every required field found)."""
    keys = [header_key(cell) for cell in cells]
    positions: dict[str, int] = {}
    for key_index, key in enumerate(keys):
        if key:
            positions.setdefault(key, key_index)
    columns: dict[str, int] = {}
    for name, headers in mapping.items():
        for header in headers:
            index = positions.get(header_key(header))
            if index is not None:
                columns[name] = index
                break
    if all(name in columns for name, f in FIELDS.items() if f.required):
        return columns
    return None


def find_header(
    table: Table, mapping: dict[str, tuple[str, ...]]
) -> tuple[int, list[Any], dict[str, int]]:
    first: list[str] = []
    for searched, (line, cells) in enumerate(table.rows, start=1):
        columns = columns_in(cells, mapping)
        if columns is not None:
            return line, cells, columns
        if not first and any(cell_text(c) for c in cells):
            first = [cell_text(c) for c in cells if cell_text(c)]
        if searched >= HEADER_SEARCH_ROWS:
            break
    required = [
        f"“{mapping[name][0]}”" for name, f in FIELDS.items() if f.required and mapping[name]
    ]
    raise ImportSetupError(
        _(
            "No header row found in the first %(rows)s rows: a row must name the columns "
            "%(required)s (or their aliases; see --mapping). The first row reads: %(first)s"
        )
        % {
            "rows": HEADER_SEARCH_ROWS,
            "required": ", ".join(required),
            "first": " | ".join(first) or "—",
        }
    )

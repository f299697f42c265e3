"""Rows of a CSV or XLSX file, with their line numbers, read as a stream."""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from emanager.letters.importer.errors import ImportSetupError


@dataclass
class Table:
    rows: Iterator[tuple[int, list[Any]]]
    # The name of a column in messages, from its index: "3" in a CSV, "C" in an XLSX.
    column_label: Callable[[int], str]
    # About how many lines the file has (for a progress bar), when it is known.
    total: int | None


def cell_text(value: Any) -> str:
    """A cell as text: stripped; a whole float without ".0"; a date in ISO form."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _detect_encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with or without BOM), else cp1251."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    # Text in UTF-8 or an 8-bit encoding has no NUL bytes; UTF-16 has one in every
    # ASCII character (digits, commas, line ends), on the odd bytes when little-endian.
    sample = head[:4096]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd + even > len(sample) // 20:
        return "utf-16-le" if odd >= even else "utf-16-be"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        # Not UTF-8: a register written on a Russian-language Windows. (There is no
        # 8-bit Georgian encoding in Python; Georgian text is UTF-8 or UTF-16.)
        return "cp1251"
    return "utf-8"


def _sniff_delimiter(sample: str) -> str:
    """The delimiter among , ; and tab that splits the most rows into the same number of cells."""
    lines = sample.splitlines()[:-1] or sample.splitlines()
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        widths = Counter(
            len(record)
            for record in csv.reader(lines[:100], delimiter=delimiter)
            if len(record) > 1
        )
        if not widths:
            continue
        width, rows = widths.most_common(1)[0]
        if (rows, width) > best_score:
            best, best_score = delimiter, (rows, width)
    return best


@contextlib.contextmanager
def _csv_table(path: Path, *, encoding: str | None, delimiter: str | None) -> Iterator[Table]:
    with path.open("rb") as raw:
        head = raw.read(65536)
    encoding = encoding or _detect_encoding(head)
    try:
        codecs.lookup(encoding)
    except LookupError as error:
        raise ImportSetupError(
            _("Unknown encoding “%(encoding)s”.") % {"encoding": encoding}
        ) from error
    with path.open(encoding=encoding, newline="") as text:
        try:
            sample = text.read(65536)
        except UnicodeDecodeError as error:
            raise _not_decodable(encoding) from error
        text.seek(0)
        reader = csv.reader(text, delimiter=delimiter or _sniff_delimiter(sample))

        def rows() -> Iterator[tuple[int, list[Any]]]:
            line = 1
            try:
                for record in reader:
                    yield line, record
                    line = reader.line_num + 1
            except UnicodeDecodeError as error:
                raise _not_decodable(encoding, line) from error
            except csv.Error as error:
                raise ImportSetupError(
                    _("The CSV file is malformed near line %(line)s: %(error)s")
                    % {"line": line, "error": error}
                ) from error

        yield Table(rows=rows(), column_label=lambda index: str(index + 1), total=_lines_in(path))


def _lines_in(path: Path) -> int:
    """The lines of a file, counted in its bytes: fast, and close enough for a progress bar."""
    lines, last = 0, b"\n"
    with path.open("rb") as raw:
        while chunk := raw.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def _not_decodable(encoding: str, line: int | None = None) -> ImportSetupError:
    if line is None:
        return ImportSetupError(
            _("The file is not readable as %(encoding)s; give its encoding with --encoding.")
            % {"encoding": encoding}
        )
    return ImportSetupError(
        _(
            "The file is not readable as %(encoding)s near line %(line)s; "
            "give its encoding with --encoding."
        )
        % {"encoding": encoding, "line": line}
    )


@contextlib.contextmanager
def _xlsx_table(path: Path, *, sheet: str | None) -> Iterator[Table]:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ImportSetupError(
            _("The XLSX file cannot be opened: %(error)s") % {"error": error}
        ) from error
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            raise ImportSetupError(
                _("The workbook has no sheet “%(sheet)s”; its sheets: %(sheets)s.")
                % {"sheet": sheet, "sheets": ", ".join(workbook.sheetnames)}
            )
        # The dimensions some programs write are wrong; read every row, but keep the
        # announced size for the progress bar.
        total = worksheet.max_row if (worksheet.max_row or 0) > 1 else None
        worksheet.reset_dimensions()
        rows = (
            (number, list(values))
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        )
        yield Table(rows=rows, column_label=lambda index: get_column_letter(index + 1), total=total)
    finally:
        workbook.close()


def open_table(
    path: Path, *, encoding: str | None, delimiter: str | None, sheet: str | None
) -> contextlib.AbstractContextManager[Table]:
    if not path.is_file():
        raise ImportSetupError(_("There is no file %(path)s.") % {"path": path})
    with path.open("rb") as raw:
        magic = raw.read(8)
    if magic.startswith(b"PK\x03\x04"):
        return _xlsx_table(path, sheet=sheet)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportSetupError(
            _("This is an old Excel (XLS) file: save it as XLSX or CSV and import that.")
        )
    return _csv_table(path, encoding=encoding, delimiter=delimiter)

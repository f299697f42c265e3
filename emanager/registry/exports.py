"""The journal's exports: CSV, XLSX and a printable PDF of the same rows as the page."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable

from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from emanager.directory.models import Municipality
from emanager.letters.choices import LetterStatus
from emanager.registry.selectors import JournalFilters, JournalRow, journal_columns, row_values

CSV_TYPE = "text/csv; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"

# Spreadsheets run a cell that starts with one of these as a formula: a
# citizen's subject must stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LONG_DATE_FORMAT = "j F Y"
LONG_DATE_FORMATS = {"ru": "j E Y"}
# Column widths in the spreadsheet, in characters: at least, at most.
_MIN_WIDTH, _MAX_WIDTH = 10, 60


def file_name(filters: JournalFilters, extension: str) -> str:
    """For example journal-lan-2026-01-01-2026-03-31.csv."""
    parts = ["journal", slugify(filters.register.prefix) or f"register-{filters.register.pk}"]
    if filters.date_from:
        parts.append(filters.date_from.isoformat())
    if filters.date_to:
        parts.append(filters.date_to.isoformat())
    return f"{'-'.join(parts)}.{extension}"


def long_date_format() -> str:
    """How a date is written in running text in the active language: "10 March 2026",
    "10 მარტი 2026", and in Russian with the month in the genitive, "10 марта 2026"."""
    return LONG_DATE_FORMATS.get(get_language(), LONG_DATE_FORMAT)


def period_text(filters: JournalFilters) -> str:
    """The period in words, in the active language."""
    style = long_date_format()
    start = formats.date_format(filters.date_from, style) if filters.date_from else ""
    end = formats.date_format(filters.date_to, style) if filters.date_to else ""
    if start and end:
        return _("from %(start)s to %(end)s") % {"start": start, "end": end}
    if start:
        return _("from %(start)s") % {"start": start}
    if end:
        return _("until %(end)s") % {"end": end}
    return _("all dates")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _defused(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def table_csv(columns: list[str], rows: Iterable[list]) -> bytes:
    """A table as CSV: UTF-8 with a byte-order mark (Excel then reads Georgian right);
    ISO dates; a cell that a spreadsheet would run as a formula is kept as text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for values in rows:
        writer.writerow([_defused(_text(value)) for value in values])
    return buffer.getvalue().encode("utf-8-sig")


def journal_csv(rows: list[JournalRow], filters: JournalFilters) -> bytes:
    """UTF-8 with a byte-order mark (Excel then reads Georgian right); ISO dates."""
    return table_csv(journal_columns(filters.register), (row_values(row) for row in rows))


def _sheet_title(name: str) -> str:
    for character in "[]:*?/\\":
        name = name.replace(character, " ")
    return name.strip()[:31] or "Journal"


def journal_xlsx(rows: list[JournalRow], filters: JournalFilters) -> bytes:
    """A workbook with one sheet: bold, frozen header row; dates as dates."""
    return table_xlsx(
        journal_columns(filters.register),
        (row_values(row) for row in rows),
        title=filters.register.name,
    )


def table_xlsx(columns: list[str], rows: Iterable[list], *, title: str) -> bytes:
    """A table as a workbook with one sheet titled ``title``: bold, frozen header
    row; dates as dates, numbers as numbers, text never run as a formula."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(title)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    widths = [len(title) for title in columns]
    for row in rows:
        values = [
            ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
            for value in row
        ]
        sheet.append(values)
        for index, (cell, value) in enumerate(zip(sheet[sheet.max_row], values, strict=True)):
            if isinstance(value, datetime.date):
                cell.number_format = "DD.MM.YYYY"
            elif isinstance(value, str):
                if value.startswith("="):
                    cell.data_type = "s"  # text, never a formula
                widths[index] = max(widths[index], len(value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = (
            min(max(width, _MIN_WIDTH), _MAX_WIDTH) + 2
        )
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def journal_pdf(
    rows: list[JournalRow], filters: JournalFilters, *, municipality: Municipality
) -> bytes:
    """A4 landscape, titled with the municipality, the register and the period;
    the table's header repeats on every page, which is numbered "page X of Y"."""
    from emanager.registry.pdf import render_pdf

    context = {
        "municipality": municipality,
        "register": filters.register,
        "period": period_text(filters),
        "filters": filters,
        "status_label": dict(LetterStatus.choices).get(filters.status, ""),
        "columns": journal_columns(filters.register),
        "rows": rows,
        "printed_at": timezone.localtime(),
    }
    return render_pdf("registry/pdf/journal.html", context)

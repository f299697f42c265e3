"""Dates and registration numbers as historical registers write them."""

from __future__ import annotations

import datetime
import re
import string
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from emanager.letters.importer.reading import cell_text

# Excel serial day numbers accepted as dates: 10000 is 18 May 1927, 80000 is 10 Jan 2119.
EXCEL_SERIALS = range(10_000, 80_001)
EXCEL_EPOCH = datetime.date(1899, 12, 30)
SUBJECT_LENGTH = 200

_DATE_PATTERNS = (
    re.compile(r"(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})"),
)

# A time after the date ("12.03.2023 14:05", "2023-03-12T14:05:00") is ignored.
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"

# Georgian dates often end in "წ." (year) and Russian ones in "г.".
_YEAR_WORD = r"(?:\s*(?:წ|г)\.?)?"


def parse_date(value: Any) -> datetime.date | None:
    """A date from a cell: ``None`` when empty; ``ValueError`` when it is not a date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _excel_serial(value)
    text = cell_text(value)
    if not text:
        return None
    if re.fullmatch(r"\d{5}(?:\.0+)?", text):
        return _excel_serial(float(text))
    for pattern in _DATE_PATTERNS:
        match = re.fullmatch(pattern.pattern + _TIME + _YEAR_WORD, text)
        if match:
            return _date_of(match)
    raise ValueError(_("“%(value)s” is not a date (write it as dd.mm.yyyy).") % {"value": text})


def _date_of(match: re.Match) -> datetime.date:
    year = int(match["y"])
    if len(match["y"]) == 2:
        # 23 is 2023; a two-digit year after the present one is of the last century.
        year += 2000 if 2000 + year <= timezone.localdate().year else 1900
    try:
        return datetime.date(year, int(match["m"]), int(match["d"]))
    except ValueError:
        raise ValueError(
            _("“%(value)s” is not a date of the calendar.") % {"value": match.group(0)}
        ) from None


def _excel_serial(value: float) -> datetime.date:
    if int(value) not in EXCEL_SERIALS:
        raise ValueError(_("“%(value)s” is not a date.") % {"value": cell_text(value)})
    return EXCEL_EPOCH + datetime.timedelta(days=int(value))


def split_number_and_date(text: str) -> tuple[str, datetime.date | None]:
    """One cell with both ("FOI12/23-250, 12.03.2023"): the last date in it, and what precedes."""
    found = None
    for pattern in _DATE_PATTERNS[:2]:
        for match in re.finditer(r"(?<![\d./-])" + pattern.pattern + r"(?![\d])", text):
            if found is None or match.start() > found.start():
                found = match
    if found is None:
        return text, None
    number = text[: found.start()].strip(" \t,;:–—-")
    number = re.sub(r"\s*(?:from|от|დან)$", "", number).strip(" \t,;:–—-")
    return number, _date_of(found)


def clean_number(text: str) -> str:
    """The number as written, without a leading "№", "No." or "N " label, spaces collapsed."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^(?:№\s*|No\.\s*|N\s+)(?=\S)", "", text).strip()


def format_pattern(number_format: str, prefix: str) -> re.Pattern | None:
    """A regular expression reading year and sequence back from a register's number format."""
    parts = []
    try:
        parsed = list(string.Formatter().parse(number_format))
    except ValueError:
        return None
    for literal, name, _spec, _conversion in parsed:
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name == "prefix":
            parts.append(re.escape(prefix))
        elif name == "year":
            parts.append(r"(?P<year>\d{4})")
        elif name == "yy":
            parts.append(r"(?P<yy>\d{2})")
        elif name == "number":
            parts.append(r"(?P<number>\d+)")
        else:
            return None
    if "(?P<number>" not in "".join(parts):
        return None
    return re.compile("".join(parts), re.IGNORECASE)


def _year_near(digits: str, received: datetime.date) -> int:
    """A year from four digits, or from two (in the century that puts it nearest the date)."""
    if len(digits) == 4:
        return int(digits)
    candidates = [century + int(digits) for century in (1900, 2000, 2100)]
    return min(candidates, key=lambda year: abs(year - received.year))


def parse_number(
    number: str, *, received: datetime.date, pattern: re.Pattern | None = None
) -> tuple[int, int]:
    """The year and the sequence of a registration number (rules in docs/import_register.md).

    1. When the number fits the register's number format (``pattern``), its parts say.
    2. Otherwise the sequence is the last run of digits; the run just before it is the
       year when it has four digits, or two (23: 2023), and is within a year of the date
       received; else the year is that of the date received.
    """
    match = pattern.fullmatch(number) if pattern is not None else None
    if match is not None:
        sequence = int(match["number"])
        year_digits = match.groupdict().get("year") or match.groupdict().get("yy")
        year = _year_near(year_digits, received) if year_digits else received.year
        if abs(year - received.year) > 1:
            raise ValueError(
                _(
                    "the year in the number (%(year)s) is more than a year away "
                    "from the date received (%(received)s)."
                )
                % {"year": year, "received": received.isoformat()}
            )
    else:
        runs = re.findall(r"\d+", number)
        if not runs:
            raise ValueError(_("“%(number)s” has no digits to number it by.") % {"number": number})
        sequence = int(runs[-1])
        year = received.year
        if len(runs) > 1 and len(runs[-2]) in (2, 4):
            candidate = _year_near(runs[-2], received)
            if abs(candidate - received.year) <= 1:
                year = candidate
    if sequence == 0:
        raise ValueError(_("the sequence of “%(number)s” is 0.") % {"number": number})
    if sequence > 2_000_000_000:
        raise ValueError(_("the sequence of “%(number)s” is too large.") % {"number": number})
    return year, sequence


def noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), timezone.get_default_timezone())


def subject_of(summary: str) -> str:
    line = re.sub(r"\s+", " ", summary).strip()
    if len(line) <= SUBJECT_LENGTH:
        return line
    cut = line[: SUBJECT_LENGTH - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[SUBJECT_LENGTH // 2 :] else cut) + "…"

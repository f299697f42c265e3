"""Import of historical registers: a CSV or XLSX file becomes letters that keep their numbers.

:func:`register_import` reads the file row by row, checks every row, and
writes the letters in batches inside one transaction: one bad row and nothing
is imported, and every bad row is reported with its line and column. The
column mapping, the date and number rules and the choices made for imported
letters are documented in ``docs/import_register.md``; in short:

* A row is a letter received on its date received (registered at local noon
  that day, so the date reads the same in every time zone), numbered as the file
  writes it, addressed to one body, kept private (nobody consented to
  publication), with its legal deadline computed from the date received.
* With a date issued, it is closed as answered, with a sent answer in its
  thread dated that day; without one, it stays open (most likely overdue) for
  staff to close.
* The year and the sequence are read from the number; each year's counter of
  the register is then raised to the largest imported sequence, so that the
  series continues after them. A number already in the register is an error.
* Each letter gets one ``imported`` event in its timeline, stamped with the
  time of the import (the chain of a municipality is in time order); the
  historical dates and the whole original row go in the event's data.
"""

from emanager.letters.importer.errors import (
    ImportFailed,
    ImportReport,
    ImportSetupError,
    RowError,
)
from emanager.letters.importer.mapping import (
    DEFAULT_MAPPING,
    FIELDS,
    mapping_from_json,
    mapping_from_pairs,
)
from emanager.letters.importer.service import import_register_for, register_import
from emanager.letters.importer.values import parse_date, parse_number

__all__ = [
    "DEFAULT_MAPPING",
    "FIELDS",
    "ImportFailed",
    "ImportReport",
    "ImportSetupError",
    "RowError",
    "import_register_for",
    "mapping_from_json",
    "mapping_from_pairs",
    "parse_date",
    "parse_number",
    "register_import",
]

"""What goes wrong in an import, and the report of one."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


class ImportSetupError(ValueError):
    """The import cannot start: the file, its header row, the mapping or an option is wrong."""


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("line %(line)s, column %(column)s: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportReport:
    source: str
    register: str = ""
    header_line: int = 0
    rows_read: int = 0
    imported: int = 0
    closed: int = 0
    left_open: int = 0
    per_year: Counter = field(default_factory=Counter)
    # Year: (the counter before, the counter after).
    counters: dict[int, tuple[int, int]] = field(default_factory=dict)
    dry_run: bool = False
    errors: list[RowError] = field(default_factory=list)


class ImportFailed(Exception):
    """Some rows are wrong; nothing was imported."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(
            _("%(count)s row error(s): nothing was imported.") % {"count": len(report.errors)}
        )
        self.report = report

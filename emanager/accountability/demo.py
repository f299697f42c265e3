"""The accountability figures of the demo: computed from the demo's letters.

The demo back-dates letters and answers, partly through queryset updates that
send no signal, so the figures are rebuilt once everything else is loaded.
Call :func:`load_accountability_demo` last in ``manage.py load_demo``.
"""

from __future__ import annotations

from emanager.accountability.services import figures_rebuild
from emanager.directory.models import Municipality


def load_accountability_demo(municipality: Municipality) -> dict[str, int]:
    return {"accountability_rows": figures_rebuild(municipality=municipality)}

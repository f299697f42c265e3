"""A generator of a national-scale data set for the benchmark (``manage.py generate_load_data``).

Not an app: it has no models, only code that writes other apps' rows in bulk.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db import transaction

from emanager.loadgen.bulk import Loading
from emanager.loadgen.generator import Generator, Report, default_municipalities

__all__ = ["Report", "default_municipalities", "generate", "rebuild_derived"]


def generate(
    *,
    letters: int,
    municipalities: int | None = None,
    seed: int = 1,
    until: datetime.date,
    password: str = "loadgen",  # noqa: S107  (staff users of a load-test data set)
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Write the data set (without its derived data) and return what was written."""
    return Generator(
        letters=letters,
        municipalities=municipalities or default_municipalities(letters),
        seed=seed,
        until=until,
        password=password,
        progress=progress,
    ).run()


def rebuild_derived(report: Report) -> None:
    """Rebuild the accountability figures and the search index with the services that own them.

    The search index is filled with its foreign keys and database indexes set
    aside (see :class:`~emanager.loadgen.bulk.Loading`): nobody searches a
    data set being generated.
    """
    from emanager.accountability.services import figures_rebuild
    from emanager.fulltext.indexing import index_rebuild
    from emanager.fulltext.models import SearchDocument

    with report.phase("figures_rebuild"):
        report.counts["accountability.MonthlyFigures"] = figures_rebuild()
    with report.phase("index_rebuild"), transaction.atomic():
        loading = Loading([SearchDocument])
        loading.set_aside()
        report.counts["fulltext.SearchDocument"] = index_rebuild(batch_size=1000)
        loading.restore()

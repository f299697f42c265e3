"""Recompute the accountability figures from the letters: ``manage.py rebuild_statistics``.

The figures are kept current as letters change; run this after a bulk import
or a change made outside the services (a queryset ``update()``), or nightly to
be safe. It replaces the rows in one transaction.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from emanager.accountability.services import figures_rebuild
from emanager.directory.models import Municipality


class Command(BaseCommand):
    help = "Recompute the accountability figures (per body, official, unit and month)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipality", metavar="SLUG", help="Only this municipality (default: all)."
        )

    def handle(self, *args, municipality: str | None = None, **options):
        chosen = None
        if municipality:
            chosen = Municipality.objects.filter(slug=municipality).first()
            if chosen is None:
                raise CommandError(f"No municipality with the address {municipality!r}.")
        rows = figures_rebuild(municipality=chosen)
        self.stdout.write(self.style.SUCCESS(f"Accountability figures rebuilt: {rows} rows."))

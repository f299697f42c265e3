"""Load the Lanchkhuti demonstration data: ``manage.py load_demo [--if-empty]``."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from emanager.directory.demo import load_demo
from emanager.directory.models import Municipality


class Command(BaseCommand):
    help = "Create or update the Lanchkhuti demo municipality with its bodies and officials."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if any municipality exists (for a first start).",
        )

    def handle(self, *args, if_empty: bool = False, **options):
        if if_empty and Municipality.objects.exists():
            self.stdout.write("A municipality exists already; the demo data was not loaded.")
            return
        counts = load_demo()
        summary = ", ".join(f"{name}: {count}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded ({summary})."))

"""Load the Lanchkhuti demonstration data: ``manage.py load_demo [--if-empty]``."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import translation

from emanager.directory import demo_data
from emanager.directory.demo import load_demo
from emanager.directory.models import Municipality
from emanager.letters.demo import DEMO_PASSWORD, DEMO_STAFF, load_demo_letters


class Command(BaseCommand):
    help = (
        "Create or update the Lanchkhuti demo municipality with its bodies and officials, "
        "its staff users and a year of letters."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if any municipality exists (for a first start).",
        )

    def handle(self, *args, if_empty: bool = False, **options):
        if if_empty and Municipality.objects.exists():
            self.stdout.write("A municipality exists already; the demo data was not loaded.")
        else:
            counts = load_demo()
            municipality = Municipality.objects.get(slug=demo_data.MUNICIPALITY_SLUG)
            counts["letters"] = load_demo_letters(municipality=municipality)
            summary = ", ".join(f"{name}: {count}" for name, count in counts.items())
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded ({summary})."))
        self._print_logins()

    def _print_logins(self) -> None:
        """The demo staff users, if they exist, and their password."""
        if not Municipality.objects.filter(slug=demo_data.MUNICIPALITY_SLUG).exists():
            return
        users = get_user_model().objects.filter(
            username__in=[staff.username for staff in DEMO_STAFF]
        )
        existing = {user.username: user.get_full_name() for user in users}
        if not existing:
            return
        self.stdout.write(
            f"Demo staff (sign in at /ka/staff/login/; password {DEMO_PASSWORD!r}, "
            "for the demo only, unless it was changed):"
        )
        with translation.override("en"):
            for staff in DEMO_STAFF:
                if staff.username in existing:
                    where = staff.body or "the whole municipality"
                    self.stdout.write(
                        f"  {staff.username:<30} {staff.role.label}, {where}"
                        f" ({existing[staff.username]})"
                    )

"""Load the Lanchkhuti demonstration data: ``manage.py load_demo [--if-empty]``."""

from __future__ import annotations

from django.conf import settings
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
            counts.update(self._back_office(municipality))
            summary = ", ".join(f"{name}: {count}" for name, count in counts.items())
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded ({summary})."))
        self._print_logins()

    def _back_office(self, municipality: Municipality) -> dict[str, int]:
        """The back office's day: templates, approvals, notes, e-mail answers, reviews, an
        imported register. Each part adds nothing when it has run before."""
        from emanager.directory.models import Body
        from emanager.foi.demo import load_foi_demo
        from emanager.letters.demo_tools import load_tools_demo
        from emanager.letters.importer import ImportFailed, register_import
        from emanager.letters.models import Letter
        from emanager.mailin.demo import load_mail_demo
        from emanager.proactive.demo import load_proactive_demo
        from emanager.publication.demo import load_publication_demo

        counts: dict[str, int] = {}
        counts.update(load_tools_demo(municipality))
        counts["emails_received"] = load_mail_demo(municipality)
        sample = settings.BASE_DIR / "docs" / "samples" / "lanchkhuti_foi_register.csv"
        if (
            sample.exists()
            and not Letter.objects.filter(municipality=municipality, channel="import").exists()
        ):
            try:
                report = register_import(
                    path=sample,
                    municipality=municipality,
                    body=Body.objects.get(municipality=municipality, slug="city-hall"),
                )
                counts["imported_letters"] = report.imported
            except ImportFailed as failure:
                self.stderr.write(f"The sample register was not imported: {failure}")
        reviews = load_publication_demo(municipality)
        counts["published_letters"] = reviews.get("published", 0)
        counts["letters_waiting_for_review"] = reviews.get("waiting", 0)
        counts.update(load_proactive_demo(municipality))
        foi = load_foi_demo(municipality)
        counts.update(foi if isinstance(foi, dict) else {"public_information_requests": foi})
        counts.update(self._transparency(municipality))
        return counts

    def _transparency(self, municipality: Municipality) -> dict[str, int]:
        """What the public pages read: the search index and the statistics, built from
        everything above; the satisfaction surveys were answered during the replay."""
        from emanager.accountability.demo import load_accountability_demo
        from emanager.fulltext.demo import demo_search_index
        from emanager.surveys.models import Survey

        counts = {
            "surveys": Survey.objects.filter(letter__municipality=municipality).count(),
            "surveys_answered": Survey.objects.filter(
                letter__municipality=municipality, state="answered"
            ).count(),
            "search_index_entries": demo_search_index(),
        }
        counts.update(load_accountability_demo(municipality))
        return counts

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

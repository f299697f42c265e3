"""Seed the proactive-publication catalogue of a municipality from the Ordinance No. 219 list."""

from django.core.management.base import BaseCommand, CommandError

from emanager.directory.models import Municipality
from emanager.proactive.services import catalogue_seed


class Command(BaseCommand):
    help = (
        "Add the items of the Government Ordinance No. 219 annex that a municipality's "
        "catalogue of proactively published information lacks. Safe to run again: items "
        "seeded before are left as the municipality changed them."
    )

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("municipality", nargs="?", help="The municipality's address (slug).")
        target.add_argument("--all", action="store_true", help="Every municipality.")

    def handle(self, municipality: str | None = None, all: bool = False, **options):
        if all:
            municipalities = list(Municipality.objects.order_by("slug"))
        else:
            found = Municipality.objects.filter(slug=municipality).first()
            if found is None:
                raise CommandError(f"No municipality has the address {municipality!r}.")
            municipalities = [found]
        for each in municipalities:
            created = catalogue_seed(municipality=each)
            self.stdout.write(f"{each.slug}: {created} items added.")

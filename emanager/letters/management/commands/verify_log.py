"""Recompute every municipality's timeline chain and name the first broken link."""

from django.core.management.base import BaseCommand, CommandError

from emanager.directory.models import Municipality
from emanager.letters.timeline import chain_verify


class Command(BaseCommand):
    help = "Verify the hash chain of the letters' timelines; exit 1 at the first broken link."

    def handle(self, **options):
        broken = []
        for municipality in Municipality.objects.order_by("slug"):
            link = chain_verify(municipality)
            if link is None:
                self.stdout.write(f"{municipality.slug}: intact")
            else:
                broken.append(link)
                self.stderr.write(f"{municipality.slug}: broken at event {link.seq}: {link.reason}")
        if broken:
            raise CommandError("The timeline was altered outside the application.")

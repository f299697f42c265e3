"""Rebuild the full-text search index from scratch, from what is public now."""

from django.core.management.base import BaseCommand

from emanager.fulltext.indexing import index_rebuild


class Command(BaseCommand):
    help = (
        "Empty the full-text search index and fill it again from the published letters, "
        "their published answers and the published documents of every municipality. "
        "Safe to run at any time (in one transaction); the index is kept up to date by "
        "itself, so this is for a new installation, a restored backup or a changed index."
    )

    def handle(self, **options):
        count = index_rebuild()
        self.stdout.write(f"Search index rebuilt: {count} entries.")

"""Delete letters whose authors never confirmed them within 7 days (for a daily cron job)."""

from django.core.management.base import BaseCommand

from emanager.letters.services import letters_expire_unconfirmed


class Command(BaseCommand):
    help = "Delete unconfirmed letters older than 7 days, with their files. Run daily."

    def handle(self, **options):
        count = letters_expire_unconfirmed()
        self.stdout.write(f"Deleted {count} unconfirmed letter(s).")

"""Run the outbox sweep once: the safety net behind the task worker, for cron."""

from django.core.management.base import BaseCommand

from emanager.notifications.services import STUCK_AFTER, outbox_sweep


class Command(BaseCommand):
    help = (
        "Queue every e-mail of the outbox that is due and whose delivery task was lost, and "
        "take back e-mails left 'sending' for more than "
        f"{STUCK_AFTER.total_seconds() // 60:.0f} minutes by a worker that died. "
        "The worker (manage.py db_worker) sends them. Run it from cron every few minutes, "
        "e.g. '*/5 * * * * cd /srv/emanager && .venv/bin/python manage.py send_outbox'."
    )

    def handle(self, *args, **options):
        result = outbox_sweep()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Queued {result.queued} due e-mail(s); took back {result.unstuck} stuck e-mail(s)."
            )

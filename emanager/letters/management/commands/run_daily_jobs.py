"""Reminders to officials, a digest for heads, expiry of unconfirmed letters."""

from django.core.management.base import BaseCommand

from emanager.letters.jobs import daily_jobs


class Command(BaseCommand):
    help = (
        "Run the daily jobs once: reminders of letters due within 2 days or overdue, a digest "
        "for heads, deletion of letters unconfirmed for 7 days. Safe to run twice a day: no "
        "e-mail is sent twice. From cron: '0 8 * * * cd /srv/emanager && .venv/bin/python "
        "manage.py run_daily_jobs', or add --enqueue to let the task worker run them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the jobs for the task worker."
        )

    def handle(self, enqueue: bool, **options):
        if enqueue:
            from emanager.letters.tasks import run_daily_jobs

            result = run_daily_jobs.enqueue()
            self.stdout.write(f"Queued the daily jobs for the worker (task {result.id}).")
            return
        report = daily_jobs()
        self.stdout.write(
            f"Reminders: {report.reminders}, digests: {report.digests}, "
            f"expired letters deleted: {report.expired}. "
            f"Public information: deemed refusals recorded: {report.foi_deemed_refused}, "
            f"reminders of refusals to explain: {report.foi_refusal_reminders}. "
            f"Proactive publication: reminders: {report.proactive_reminders}. "
            f"Satisfaction surveys sent: {report.surveys}."
        )

"""Background tasks of the letters app: thin wrappers around services."""

from django.tasks import task

from emanager.letters.jobs import daily_jobs


@task
def run_daily_jobs() -> dict[str, int]:
    report = daily_jobs()
    return {"reminders": report.reminders, "digests": report.digests, "expired": report.expired}

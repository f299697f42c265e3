"""With django-tasks-db, the real worker delivers and a failed attempt defers its retry."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from emanager.notifications.models import OutboxMessage, OutboxStatus
from emanager.notifications.services import notification_enqueue
from tests.notifications.support import GREETING_CONTEXT

pytestmark = pytest.mark.django_db(transaction=True)

TASK_PATH = "emanager.notifications.tasks.deliver_outbox_message"


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker() -> None:
    """What `manage.py db_worker --batch` does, in this process and its test database."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def queue() -> OutboxMessage:
    return notification_enqueue(
        template="tests/greeting", to="nino@example.ge", language="ka", context=GREETING_CONTEXT
    )


def test_the_worker_delivers_a_queued_email(smtp):
    message = queue()

    assert smtp.messages == []
    [task] = DBTaskResult.objects.filter(task_path=TASK_PATH)
    assert task.args_kwargs == {"args": [message.pk], "kwargs": {}}

    run_worker()

    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert len(smtp.messages) == 1


def test_a_failed_attempt_defers_its_retry_until_the_next_attempt(smtp):
    smtp.inbox.refuse = "451 4.3.0 Try again later"
    message = queue()
    run_worker()

    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING
    retry = DBTaskResult.objects.get(task_path=TASK_PATH, status="READY")
    assert retry.run_after == message.next_attempt_at
    assert retry.args_kwargs == {"args": [message.pk], "kwargs": {}}

    # The server is back, and the wait is over.
    smtp.inbox.refuse = None
    past = timezone.now() - datetime.timedelta(seconds=1)
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=past)
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=past)
    run_worker()

    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 2
    assert len(smtp.messages) == 1
    assert not DBTaskResult.objects.filter(task_path=TASK_PATH, status="READY").exists()

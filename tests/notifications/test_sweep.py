"""The sweep (manage.py send_outbox) picks up what lost tasks and dead workers left."""

import datetime
import logging
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from emanager.notifications.models import OutboxMessage, OutboxStatus
from emanager.notifications.services import STUCK_AFTER, SweepResult, outbox_sweep


def test_the_sweep_delivers_a_due_message_whose_task_was_lost(smtp, enqueue):
    message = enqueue(execute=False)

    result = outbox_sweep()

    assert result.queued == 1
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert len(smtp.messages) == 1


def test_the_sweep_leaves_a_message_that_is_not_due(smtp, enqueue):
    message = enqueue(execute=False)
    later = timezone.now() + datetime.timedelta(minutes=5)
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=later)

    assert outbox_sweep().queued == 0
    assert smtp.messages == []


def test_the_sweep_takes_back_a_message_left_sending_by_a_dead_worker(smtp, enqueue, caplog):
    message = enqueue(execute=False)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.SENDING,
        attempts=1,
        claimed_at=timezone.now() - STUCK_AFTER - datetime.timedelta(minutes=1),
    )

    with caplog.at_level(logging.WARNING, logger="emanager.notifications"):
        result = outbox_sweep()

    assert (result.unstuck, result.queued) == (1, 1)
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 2
    assert [received["Message-ID"] for received in smtp.messages] == [message.message_id]
    assert message.message_id in caplog.text
    assert "may arrive twice" in caplog.text


def test_the_sweep_leaves_a_message_that_is_being_sent(smtp, enqueue):
    message = enqueue(execute=False)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.SENDING, attempts=1, claimed_at=timezone.now()
    )

    assert outbox_sweep().unstuck == 0

    message.refresh_from_db()
    assert message.status == OutboxStatus.SENDING
    assert smtp.messages == []


def test_the_sweep_leaves_sent_and_failed_messages(smtp, enqueue):
    sent = enqueue()
    failed = enqueue(execute=False)
    OutboxMessage.objects.filter(pk=failed.pk).update(status=OutboxStatus.FAILED)

    assert outbox_sweep() == SweepResult(unstuck=0, queued=0)
    assert OutboxMessage.objects.get(pk=sent.pk).status == OutboxStatus.SENT
    assert len(smtp.messages) == 1


def test_send_outbox_command_runs_the_sweep(smtp, enqueue):
    message = enqueue(execute=False)
    out = StringIO()

    call_command("send_outbox", stdout=out)

    assert "Queued 1 due e-mail(s)" in out.getvalue()
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT

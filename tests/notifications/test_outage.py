"""An SMTP outage delays mail: the message waits, is retried with back-off, and then fails."""

import datetime

from django.utils import timezone

from emanager.notifications.models import OutboxMessage, OutboxStatus
from emanager.notifications.services import (
    BACKOFF,
    MAX_ATTEMPTS,
    outbox_deliver,
    outbox_retry,
    outbox_sweep,
    retry_delay,
)


def make_due(message: OutboxMessage) -> None:
    """As if the wait before the next attempt were over."""
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())


def test_a_451_reply_leaves_the_message_pending_with_the_error_and_a_later_attempt(smtp, enqueue):
    smtp.inbox.refuse = "451 4.3.0 Try again later"
    before = timezone.now()

    message = enqueue()

    assert message.status == OutboxStatus.PENDING
    assert message.attempts == 1
    assert "451" in message.last_error
    assert "Try again later" in message.last_error
    assert message.next_attempt_at >= before + datetime.timedelta(minutes=1)
    assert message.sent_at is None
    assert smtp.messages == []


def test_a_stopped_server_leaves_the_message_pending(smtp, enqueue):
    smtp.stop()

    message = enqueue()

    assert message.status == OutboxStatus.PENDING
    assert message.attempts == 1
    assert "ConnectionRefusedError" in message.last_error
    assert message.next_attempt_at > timezone.now()


def test_a_message_is_not_retried_before_its_next_attempt(smtp, enqueue):
    smtp.stop()
    message = enqueue()
    smtp.start()

    assert outbox_deliver(message_id=message.pk) == OutboxStatus.PENDING
    assert outbox_sweep().queued == 0

    message.refresh_from_db()
    assert message.attempts == 1
    assert smtp.messages == []


def test_after_the_outage_the_retry_delivers_exactly_one_copy(smtp, enqueue):
    smtp.stop()
    message = enqueue()
    smtp.start()
    make_due(message)

    assert outbox_sweep().queued == 1
    outbox_sweep()
    outbox_deliver(message_id=message.pk)

    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 2
    assert len(smtp.messages) == 1
    assert smtp.messages[0]["Message-ID"] == message.message_id


def test_the_wait_grows_with_each_failed_attempt(smtp, enqueue):
    smtp.inbox.refuse = "421 4.3.2 Service not available"
    message = enqueue()
    waits = []
    for _ in range(4):
        waits.append(message.next_attempt_at - timezone.now())
        make_due(message)
        outbox_deliver(message_id=message.pk)
        message.refresh_from_db()

    assert [round(wait.total_seconds() / 60) for wait in waits] == [1, 5, 15, 60]
    assert message.attempts == 5


def test_the_wait_is_capped():
    assert retry_delay(1) == BACKOFF[0]
    assert retry_delay(MAX_ATTEMPTS) == BACKOFF[-1] == datetime.timedelta(hours=6)


def test_after_the_last_attempt_the_message_fails(smtp, enqueue):
    smtp.inbox.refuse = "451 4.3.0 Try again later"
    message = enqueue()
    for _ in range(MAX_ATTEMPTS - 1):
        make_due(message)
        outbox_deliver(message_id=message.pk)

    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert message.attempts == MAX_ATTEMPTS
    assert "451" in message.last_error
    make_due(message)
    assert outbox_deliver(message_id=message.pk) == OutboxStatus.FAILED
    assert outbox_sweep().queued == 0
    assert smtp.messages == []


def test_a_failed_message_queued_again_is_delivered(
    smtp, enqueue, django_capture_on_commit_callbacks
):
    smtp.inbox.refuse = "451 4.3.0 Try again later"
    message = enqueue()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.FAILED, attempts=MAX_ATTEMPTS
    )
    smtp.inbox.refuse = None

    with django_capture_on_commit_callbacks(execute=True):
        assert outbox_retry(message_ids=[message.pk]) == 1

    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 1
    assert len(smtp.messages) == 1


def test_a_template_error_is_retried_like_an_outage(smtp, enqueue):
    message = enqueue(execute=False)
    OutboxMessage.objects.filter(pk=message.pk).update(template="tests/missing")

    assert outbox_deliver(message_id=message.pk) == OutboxStatus.PENDING

    message.refresh_from_db()
    assert "TemplateDoesNotExist" in message.last_error
    assert smtp.messages == []

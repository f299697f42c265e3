"""None twice: a key queues once, and a message is sent by one delivery only."""

import threading

import pytest
from django.db import connection, transaction

from emanager.notifications.models import OutboxMessage, OutboxStatus
from emanager.notifications.services import outbox_deliver
from tests.notifications.support import GREETING_CONTEXT


def test_the_same_key_never_queues_two_messages(smtp, enqueue):
    first = enqueue(key="ack:letter:42")
    second = enqueue(key="ack:letter:42", to="other@example.ge")

    assert second.pk == first.pk
    assert second.to == "nino@example.ge"
    assert OutboxMessage.objects.count() == 1
    assert len(smtp.messages) == 1


def test_a_repeated_key_leaves_the_callers_transaction_usable(smtp, enqueue):
    enqueue(key="ack:letter:42")
    with transaction.atomic():
        again = enqueue(key="ack:letter:42", to="other@example.ge")
        other = enqueue(key="ack:letter:43")
    assert again.to == "nino@example.ge"
    assert sorted(OutboxMessage.objects.values_list("key", flat=True)) == [
        "ack:letter:42",
        "ack:letter:43",
    ]
    assert other.pk is not None
    assert len(smtp.messages) == 2


def test_messages_without_a_key_are_all_queued(smtp, enqueue):
    enqueue()
    enqueue()

    assert OutboxMessage.objects.count() == 2
    assert len(smtp.messages) == 2


def test_a_duplicate_delivery_sends_nothing(smtp, enqueue):
    message = enqueue(execute=False)

    assert outbox_deliver(message_id=message.pk) == OutboxStatus.SENT
    assert outbox_deliver(message_id=message.pk) == OutboxStatus.SENT

    message.refresh_from_db()
    assert message.attempts == 1
    assert len(smtp.messages) == 1


def test_a_message_being_sent_is_not_claimed_again(smtp, enqueue):
    message = enqueue(execute=False)
    OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxStatus.SENDING)

    assert outbox_deliver(message_id=message.pk) == OutboxStatus.SENDING
    assert smtp.messages == []


def test_delivering_a_deleted_message_does_nothing(smtp, enqueue):
    message = enqueue(execute=False)
    message.delete()

    assert outbox_deliver(message_id=message.pk) is None
    assert smtp.messages == []


@pytest.mark.django_db(transaction=True)
def test_two_workers_delivering_at_once_send_one_email(smtp):
    if connection.vendor == "sqlite":
        pytest.skip(
            "SQLite's in-memory test database answers 'table is locked' at once to a second "
            "thread instead of waiting; test_a_duplicate_delivery_sends_nothing covers SQLite."
        )
    message = OutboxMessage.objects.create(
        template="tests/greeting", to="nino@example.ge", language="ka", context=GREETING_CONTEXT
    )
    start = threading.Barrier(2)
    results = []

    def worker():
        try:
            start.wait()
            results.append(outbox_deliver(message_id=message.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    # The loser finds the message being sent, or already sent.
    assert sorted(results) in (["sending", "sent"], ["sent", "sent"])
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 1
    assert len(smtp.messages) == 1

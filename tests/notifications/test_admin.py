"""The outbox in the administration: read-only, with "retry now"."""

from django.urls import reverse

from emanager.notifications.models import OutboxMessage, OutboxStatus
from emanager.notifications.services import MAX_ATTEMPTS


def test_retry_now_sends_a_failed_email(
    admin_client, smtp, enqueue, django_capture_on_commit_callbacks
):
    message = enqueue(execute=False)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.FAILED, attempts=MAX_ATTEMPTS, last_error="451 Try again later"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:notifications_outboxmessage_changelist"),
            {"action": "retry_now", "_selected_action": [message.pk]},
            follow=True,
        )

    assert response.status_code == 200
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert len(smtp.messages) == 1


def test_retry_now_leaves_a_sent_email_alone(
    admin_client, smtp, enqueue, django_capture_on_commit_callbacks
):
    message = enqueue()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:notifications_outboxmessage_changelist"),
            {"action": "retry_now", "_selected_action": [message.pk]},
        )

    assert len(smtp.messages) == 1


def test_an_outgoing_email_cannot_be_added_or_edited(admin_client, enqueue):
    message = enqueue(execute=False)

    add = admin_client.get(reverse("admin:notifications_outboxmessage_add"))
    change = admin_client.get(
        reverse("admin:notifications_outboxmessage_change", args=[message.pk])
    )

    assert add.status_code == 403
    assert change.status_code == 200
    assert b'name="to"' not in change.content
    assert b"nino@example.ge" in change.content

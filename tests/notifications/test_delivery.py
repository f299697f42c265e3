"""A queued e-mail reaches a real SMTP server, whole and in the recipient's language."""

import pytest
from django.db import transaction

from emanager.notifications.models import OutboxMessage, OutboxStatus
from emanager.notifications.services import notification_enqueue
from tests.notifications.support import GREETING_CONTEXT as GREETING
from tests.notifications.support import body


def test_queued_email_is_delivered_with_subject_text_and_html_in_georgian(smtp, enqueue):
    message = enqueue(to="nino@example.ge", language="ka")

    assert message.status == OutboxStatus.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    [received] = smtp.messages
    assert smtp.inbox.recipients == [["nino@example.ge"]]
    assert received["Subject"] == "ლანჩხუთის მუნიციპალიტეტი: 12 მარტი 2026"
    assert received["To"] == "nino@example.ge"
    assert received["From"].addresses[0].display_name == "ლანჩხუთი e-Manager"
    assert received["Message-ID"] == message.message_id
    assert received["Auto-Submitted"] == "auto-generated"
    text = body(received, "plain")
    assert "გამარჯობა, ნინო ბერიძე!" in text
    assert "12 მარტი 2026 — ლანჩხუთის მუნიციპალიტეტი" in text
    assert "To: nino@example.ge" in text
    html = body(received, "html")
    assert "გამარჯობა, <strong>ნინო ბერიძე</strong>!" in html
    assert '<html lang="ka">' in html
    assert "<title>ლანჩხუთის მუნიციპალიტეტი: 12 მარტი 2026</title>" in html


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("ka", "ლანჩხუთის მუნიციპალიტეტი: 12 მარტი 2026"),
        ("en", "ლანჩხუთის მუნიციპალიტეტი: 12 March 2026"),
        ("ru", "ლანჩხუთის მუნიციპალიტეტი: 12 Март 2026"),
    ],
    ids=["ka", "en", "ru"],
)
def test_email_is_rendered_in_the_recipient_language(smtp, enqueue, language, subject):
    enqueue(language=language)

    [received] = smtp.messages
    assert received["Subject"] == subject
    assert received["Content-Language"] == language
    assert f'<html lang="{language}">' in body(received, "html")


def test_text_parts_are_not_html_escaped_and_the_html_part_is(smtp, enqueue):
    context = {"citizen": "Tom & <Jerry>", "municipality": "A & B", "date": "2026-03-12"}
    enqueue(language="en", context=context)

    [received] = smtp.messages
    assert received["Subject"] == "A & B: 12 March 2026"
    assert "Tom & <Jerry>" in body(received, "plain")
    assert "<strong>Tom &amp; &lt;Jerry&gt;</strong>" in body(received, "html")


def test_nothing_is_sent_before_the_caller_commits(smtp, enqueue):
    message = enqueue(execute=False)

    assert message.status == OutboxStatus.PENDING
    assert message.attempts == 0
    assert smtp.messages == []


def test_a_rolled_back_caller_queues_and_sends_nothing(
    db, smtp, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notification_enqueue(
            template="tests/greeting", to="nino@example.ge", language="ka", context=GREETING
        )
        raise RuntimeError("the letter could not be registered")

    assert callbacks == []
    assert not OutboxMessage.objects.exists()
    assert smtp.messages == []

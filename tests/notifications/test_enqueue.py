"""notification_enqueue refuses what could not be sent, in the caller rather than the worker."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from emanager.notifications.models import OutboxMessage
from emanager.notifications.services import notification_enqueue
from tests.notifications.support import GREETING_CONTEXT

pytestmark = pytest.mark.django_db


def queue(**kwargs):
    values = {
        "template": "tests/greeting",
        "to": "nino@example.ge",
        "language": "ka",
        "context": GREETING_CONTEXT,
        **kwargs,
    }
    return notification_enqueue(**values)


def test_an_undeclared_email_is_refused():
    with pytest.raises(LookupError, match="tests/unknown"):
        queue(template="tests/unknown")
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    "context",
    [
        {"citizen": "ნინო", "municipality": "ლანჩხუთი"},
        {**GREETING_CONTEXT, "deadline": "2026-04-01"},
    ],
    ids=["missing key", "undeclared key"],
)
def test_a_context_that_differs_from_the_declaration_is_refused(context):
    with pytest.raises(ValueError, match="does not match its declaration"):
        queue(context=context)


def test_a_context_that_is_not_json_is_refused():
    with pytest.raises(TypeError):
        queue(context={**GREETING_CONTEXT, "date": datetime.date(2026, 3, 12)})
    assert not OutboxMessage.objects.exists()


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        queue(language="de")


def test_an_invalid_address_is_refused():
    with pytest.raises(ValidationError):
        queue(to="not an address")


def test_each_message_gets_its_own_message_id_at_the_sender_domain(settings):
    settings.DEFAULT_FROM_EMAIL = "e-Manager <noreply@lanchkhuti.example.ge>"

    first, second = queue(), queue()

    assert first.message_id.startswith("<")
    assert first.message_id.endswith("@lanchkhuti.example.ge>")
    assert first.message_id != second.message_id

"""manage.py send_test_email: an operator's check of the mail settings, through the outbox."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from emanager.notifications.models import OutboxMessage, OutboxStatus
from tests.notifications.support import body

pytestmark = pytest.mark.django_db(transaction=True)


def test_send_test_email_queues_and_delivers(smtp):
    out = StringIO()

    call_command("send_test_email", "operator@example.ge", "--language", "en", stdout=out)

    message = OutboxMessage.objects.get()
    assert message.template == "notifications/test"
    assert message.status == OutboxStatus.SENT
    assert f"Test e-mail {message.pk} to operator@example.ge is sent." in out.getvalue()
    [received] = smtp.messages
    assert received["Subject"] == "e-Manager test e-mail"
    assert "e-mail delivery works" in body(received, "plain")
    assert "e-mail delivery works" in body(received, "html")


def test_send_test_email_reports_an_outage(smtp):
    smtp.stop()
    out, err = StringIO(), StringIO()

    call_command("send_test_email", "operator@example.ge", stdout=out, stderr=err)

    assert OutboxMessage.objects.get().status == OutboxStatus.PENDING
    assert "ConnectionRefusedError" in err.getvalue()


def test_send_test_email_refuses_an_invalid_address():
    with pytest.raises(CommandError, match="not an e-mail address"):
        call_command("send_test_email", "operator")
    assert not OutboxMessage.objects.exists()

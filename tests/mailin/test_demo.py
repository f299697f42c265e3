"""The e-mail demo of Lanchkhuti: answers by e-mail, two held e-mails, a bouncing address."""

import pytest
from django.utils import timezone

from emanager.directory.demo import load_demo
from emanager.directory.models import Municipality, Official
from emanager.letters.choices import Channel
from emanager.letters.models import Attachment, Message
from emanager.letters.timeline import chain_verify
from emanager.mailin.choices import HoldReason, InboundStatus
from emanager.mailin.demo import load_mail_demo
from emanager.mailin.models import Dispatch, InboundMail
from emanager.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def lanchkhuti(settings):
    settings.MAIL_REPLY_DOMAIN = ""  # the demo works without the mail set up
    load_demo()
    return Municipality.objects.get(slug="lanchkhuti")


def test_the_mail_demo(lanchkhuti):
    received = load_mail_demo(lanchkhuti, timezone.now())

    assert received == 5
    statuses = sorted(InboundMail.objects.values_list("status", "hold_reason"))
    assert statuses == sorted(
        [
            (InboundStatus.ACCEPTED, ""),
            (InboundStatus.ACCEPTED, ""),
            (InboundStatus.BOUNCE, ""),
            (InboundStatus.HELD, HoldReason.UNKNOWN_SENDER),
            (InboundStatus.HELD, HoldReason.INVALID_ADDRESS),
        ]
    )
    answers = Message.objects.filter(is_answer=True, source=Channel.EMAIL)
    assert answers.count() == 2
    assert all(answer.author_label for answer in answers)
    assert not any("wrote:" in answer.body or "iPhone" in answer.body for answer in answers)
    assert Attachment.objects.filter(message__in=answers, original_name="ხელშეკრულება.pdf").exists()
    assert Official.objects.filter(email_bounced_at__isnull=False).count() == 1
    assert Dispatch.objects.count() == 4
    assert chain_verify(lanchkhuti) is None
    # Nobody receives the demo's e-mails.
    assert not OutboxMessage.objects.exists()


def test_the_mail_demo_is_loaded_once(lanchkhuti):
    load_mail_demo(lanchkhuti, timezone.now())

    assert load_mail_demo(lanchkhuti, timezone.now()) == 0
    assert InboundMail.objects.count() == 5

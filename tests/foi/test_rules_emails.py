"""The e-mails of requests render in each language, from what the services queue."""

from __future__ import annotations

import datetime

import pytest

from emanager.foi.jobs import foi_refusal_reminders
from emanager.foi.services import (
    FoiDecision,
    foi_decide,
    foi_deemed_refusals_record,
    foi_refusal_letter_send,
    foi_ten_days_use,
)
from emanager.letters.models import Letter
from emanager.notifications.emails import render_email
from emanager.notifications.models import OutboxMessage

REFUSAL = {"refusal_ground": "commercial_secret", "refusal_explanation": "The bidder's prices."}


@pytest.fixture
def queued(foi_letter, staff):
    """One e-mail of each kind, queued by the services."""
    letter = foi_letter()
    foi_ten_days_use(letter=letter, actor=staff["head"], reason="voluminous")
    foi_decide(
        letter=letter, actor=staff["head"], decision=FoiDecision(outcome="refused", **REFUSAL)
    )
    foi_refusal_reminders()
    foi_refusal_letter_send(letter=letter, actor=staff["head"])
    paper = foi_letter()
    foi_decide(
        letter=paper,
        actor=staff["head"],
        decision=FoiDecision(outcome="granted", issued_form="paper_copy", pages=30),
    )
    missed = foi_letter()
    shift = datetime.timedelta(days=12)
    Letter.objects.filter(pk=missed.pk).update(
        registered_at=missed.registered_at - shift, deadline=missed.deadline - shift
    )
    foi_deemed_refusals_record()
    return {message.template: message for message in OutboxMessage.objects.order_by("pk")}


@pytest.mark.parametrize("language", ["ka", "en", "ru"])
def test_each_e_mail_renders(queued, language):
    templates = {
        "foi/ten_days",
        "foi/decided",
        "foi/refusal_explanation",
        "foi/refusal_reminder",
        "foi/deemed_refused",
    }
    assert templates <= set(queued)
    for name in templates:
        message = queued[name]
        email = render_email(
            template=name, language=language, context=message.context, to=message.to
        )
        assert email.subject
        assert "{{" not in email.body and "{%" not in email.body
        number = message.context.get("number") or message.context["items"][0]["number"]
        assert number in email.body
        assert number in email.alternatives[0][0]


def test_the_decision_e_mail_tells_the_fee(queued):
    message = OutboxMessage.objects.filter(template="foi/decided").order_by("pk").last()
    email = render_email(
        template="foi/decided", language="en", context=message.context, to=message.to
    )
    assert "3.00 GEL" in email.body
    assert "Paper copy" in email.body


def test_the_refusal_e_mail_says_the_explanation_follows(queued):
    message = OutboxMessage.objects.filter(template="foi/decided").order_by("pk").first()
    email = render_email(
        template="foi/decided", language="en", context=message.context, to=message.to
    )
    assert "Commercial secret" in email.body
    assert "within 3 days" in email.body

"""The working tools' demo: templates, notes and answers waiting for the head of infrastructure."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from emanager.directory.demo import load_demo
from emanager.directory.models import Body, Municipality
from emanager.letters.answer_templates import placeholders_check
from emanager.letters.choices import MessageStatus
from emanager.letters.demo import load_demo_letters
from emanager.letters.demo_tools import APPROVAL_BODIES, load_tools_demo
from emanager.letters.models import AnswerTemplate, InternalNote, Message
from emanager.letters.timeline import chain_verify
from emanager.notifications.models import OutboxMessage
from emanager.staff.permissions import can_approve, letters_awaiting_approval_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()
    lanchkhuti = Municipality.objects.get(slug="lanchkhuti")
    load_demo_letters(municipality=lanchkhuti)
    return lanchkhuti


def test_the_tools_demo(demo):
    counts = load_tools_demo(demo, timezone.now())
    assert counts == {
        "answer_templates": 13,
        "answers_pending_approval": 2,
        "answers_returned": 1,
        "internal_notes": 4,
    }
    # Templates: 3-4 per main service, in Georgian, with valid placeholders.
    per_body = AnswerTemplate.objects.values_list("body__slug", flat=True)
    assert {slug: list(per_body).count(slug) for slug in set(per_body)} == {
        "service-infrastructure": 4,
        "service-social": 3,
        "service-finance": 3,
        "service-administrative": 3,
    }
    for template in AnswerTemplate.objects.all():
        placeholders_check(template.text)
        assert "{name}" in template.text
    # Approval: the body asks for it, and its head sees the answers waiting.
    assert set(Body.objects.filter(answers_need_approval=True).values_list("slug", flat=True)) == (
        set(APPROVAL_BODIES)
    )
    heads = get_user_model().objects.filter(username__in=["head.economy", "head.infrastructure"])
    assert sum(letters_awaiting_approval_by(head, demo).count() for head in heads) == 2
    for message in Message.objects.filter(status__in=MessageStatus.values).exclude(
        status=MessageStatus.SENT
    ):
        assert any(can_approve(head, message) for head in heads)
        assert message.author.username.startswith("official.")
        assert message.letter.addressee_body.answers_need_approval
    returned = Message.objects.get(status=MessageStatus.RETURNED)
    assert returned.review_note
    assert InternalNote.objects.count() == 4
    # The timeline is still one valid chain, and no e-mail goes to the invented people.
    assert chain_verify(demo) is None
    assert not OutboxMessage.objects.filter(key__startswith="letter:").exists()
    # A second run adds nothing.
    assert load_tools_demo(demo, timezone.now()) == {}

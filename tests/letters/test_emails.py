"""Every e-mail of the letters app renders, in Georgian and English, from what the code queues."""

import datetime

import pytest
from django.utils import timezone

from emanager.letters.jobs import letters_digest, letters_remind
from emanager.letters.staff_services import (
    letter_answer,
    letter_assign,
    letter_extend_deadline,
    letter_forward_outside,
    letter_request_clarification,
)
from emanager.notifications.emails import render_email
from emanager.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_email(registered, head_of_finance, municipality, finance):
    from django.contrib.auth import get_user_model

    from emanager.letters.models import Letter
    from emanager.staff.models import Membership, StaffRole

    user = get_user_model().objects.create_user("lela", email="lela@example.ge", first_name="ლელა")
    Membership.objects.create(
        user=user, municipality=municipality, body=finance, role=StaffRole.HEAD
    )
    letter = registered(addressee_official=head_of_finance)
    letter_assign(letter=letter, actor=user, assignee=user)
    letter_request_clarification(letter=letter, actor=user, body="რომელ ქუჩაზე?")
    letter_answer(letter=letter, actor=user, body="ნათურები შეიცვალა.", files=[])
    other = registered()
    letter_extend_deadline(
        letter=other,
        actor=user,
        new_deadline=other.deadline + datetime.timedelta(days=5),
        reason="x",
    )
    Letter.objects.filter(pk=other.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    letters_remind()
    letters_digest()
    letter_forward_outside(letter=other, actor=user, recipient="სამინისტრო", reason="y")
    return OutboxMessage.objects.all()


EXPECTED = {
    "letters/confirm",
    "letters/acknowledgement",
    "letters/new_letter",
    "letters/assigned",
    "letters/clarification",
    "letters/answered",
    "letters/deadline_extended",
    "letters/reminder",
    "letters/digest",
    "letters/forwarded",
}


@pytest.mark.parametrize("language", ["ka", "en"])
def test_every_letters_email_renders(every_email, language):
    assert {m.template for m in every_email} == EXPECTED
    for message in every_email:
        email = render_email(
            template=message.template, language=language, context=message.context, to=message.to
        )
        assert email.subject.strip()
        assert "{{" not in email.body and "{%" not in email.body
        html = email.alternatives[0].content
        assert "<html" in html.lower()

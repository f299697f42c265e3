"""What the municipality's staff do with a letter, and what the timeline keeps."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from emanager.letters.choices import EventKind, LetterStatus, Outcome
from emanager.letters.staff_services import (
    ActionRefused,
    letter_answer,
    letter_assign,
    letter_close,
    letter_extend_deadline,
    letter_forward,
    letter_forward_outside,
    letter_reopen,
    letter_request_clarification,
)
from emanager.letters.timeline import chain_verify
from emanager.notifications.models import OutboxMessage
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def official(db):
    return get_user_model().objects.create_user(
        "tamar", email="tamar@example.ge", first_name="Tamar", last_name="Gogoladze"
    )


def kinds(letter):
    return list(letter.events.order_by("seq").values_list("kind", flat=True))


def test_answer_reaches_the_citizen_and_the_timeline(registered, official):
    letter = registered()
    letter_answer(letter=letter, actor=official, body="The lights are repaired.", files=[])
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ANSWERED
    assert letter.answered_at is not None
    event = letter.events.get(kind=EventKind.ANSWERED)
    assert (event.actor, event.actor_label) == (official, "Tamar Gogoladze")
    mail = OutboxMessage.objects.get(template="letters/answered")
    assert mail.to == "nino@example.ge"
    assert mail.context["answer"] == "The lights are repaired."


def test_clarification_waits_for_the_citizen_and_a_reply_reopens(registered, official):
    from emanager.letters.services import letter_reply

    letter = registered()
    letter_request_clarification(letter=letter, actor=official, body="Which street exactly?")
    letter.refresh_from_db()
    assert letter.status == LetterStatus.CLARIFICATION
    assert OutboxMessage.objects.get(template="letters/clarification").context["question"] == (
        "Which street exactly?"
    )
    letter_reply(letter=letter, body="Rustaveli street.", files=[])
    letter.refresh_from_db()
    assert letter.status == LetterStatus.OPEN


def test_assigning_tells_the_assignee(registered, official):
    letter = letter_assign(letter=registered(), actor=None, assignee=official)
    assert letter.assignee == official
    assert OutboxMessage.objects.get(template="letters/assigned").to == "tamar@example.ge"


def test_forwarding_moves_the_letter_and_restarts_the_deadline(registered, official, municipality):
    letter = registered()
    infrastructure = BodyFactory(municipality=municipality, name_en="Infrastructure Service")
    letter_forward(letter=letter, actor=official, to_body=infrastructure, reason="Competence")
    letter.refresh_from_db()
    assert letter.addressee_body == infrastructure
    event = letter.events.get(kind=EventKind.FORWARDED)
    assert event.data["to"] == "Infrastructure Service"
    assert OutboxMessage.objects.get(template="letters/forwarded").context["to"] == (
        "Infrastructure Service"
    )


def test_forwarding_to_another_municipalitys_body_is_refused(registered, official):
    with pytest.raises(ActionRefused):
        letter_forward(letter=registered(), actor=official, to_body=BodyFactory(), reason="x")


def test_forwarding_outside_closes_the_letter(registered, official):
    letter = letter_forward_outside(
        letter=registered(), actor=official, recipient="Ministry of Finance", reason="Competence"
    )
    assert (letter.status, letter.outcome) == (LetterStatus.CLOSED, Outcome.FORWARDED_OUTSIDE)


def test_extension_within_the_legal_limit_is_recorded_with_its_reason(registered, official):
    letter = registered()
    new = letter.deadline + datetime.timedelta(days=10)
    letter_extend_deadline(letter=letter, actor=official, new_deadline=new, reason="Site visit")
    letter.refresh_from_db()
    assert letter.deadline == new
    assert letter.events.get(kind=EventKind.DEADLINE_EXTENDED).data["reason"] == "Site visit"


def test_extension_beyond_the_legal_limit_is_refused(registered, official):
    letter = registered()
    with pytest.raises(ActionRefused, match="at the latest"):
        letter_extend_deadline(
            letter=letter,
            actor=official,
            new_deadline=letter.deadline + datetime.timedelta(days=120),
            reason="Too long",
        )


def test_public_information_cannot_be_extended(registered, official):
    letter = registered(kind="public_information")
    with pytest.raises(ActionRefused):
        letter_extend_deadline(
            letter=letter,
            actor=official,
            new_deadline=letter.deadline + datetime.timedelta(days=1),
            reason="More time",
        )


def test_refusal_needs_a_ground(registered, official):
    with pytest.raises(ActionRefused):
        letter_close(letter=registered(), actor=official, outcome=Outcome.REFUSED)


def test_close_and_reopen_are_both_in_the_timeline(registered, official):
    letter = registered()
    letter_close(letter=letter, actor=official, outcome=Outcome.DUPLICATE)
    letter_reopen(letter=letter, actor=official, reason="Not a duplicate after all")
    letter.refresh_from_db()
    assert letter.status == LetterStatus.OPEN
    assert kinds(letter)[-2:] == [EventKind.CLOSED, EventKind.REOPENED]


def test_a_closed_letter_cannot_be_answered(registered, official):
    letter = registered()
    letter_close(letter=letter, actor=official, outcome=Outcome.ANSWERED)
    with pytest.raises(ActionRefused):
        letter_answer(letter=letter, actor=official, body="Late answer", files=[])


def test_the_whole_handling_keeps_the_chain_intact(registered, official, municipality):
    letter = registered()
    letter_assign(letter=letter, actor=None, assignee=official)
    letter_request_clarification(letter=letter, actor=official, body="Which street?")
    letter_answer(letter=letter, actor=official, body="Done.", files=[])
    letter_close(letter=letter, actor=official, outcome=Outcome.ANSWERED)
    assert chain_verify(municipality) is None

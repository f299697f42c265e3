"""The staff letter page: who may open it, and its actions through the web."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from emanager.letters.choices import LetterStatus
from emanager.notifications.models import OutboxMessage
from emanager.staff.models import Membership, StaffRole
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


def staff_user(name, municipality, body, role):
    user = get_user_model().objects.create_user(
        name, email=f"{name}@example.ge", password="pw-123456"
    )
    Membership.objects.create(user=user, municipality=municipality, body=body, role=role)
    return user


@pytest.fixture
def head(municipality, finance):
    return staff_user("head", municipality, finance, StaffRole.HEAD)


@pytest.fixture
def stranger(municipality):
    return staff_user(
        "stranger", municipality, BodyFactory(municipality=municipality), StaffRole.HEAD
    )


def page(letter):
    return f"/en/letters/staff/{letter.uuid}/"


def test_anonymous_is_sent_to_the_login(client, registered):
    response = client.get(page(registered()))
    assert response.status_code == 302
    assert "/staff/login/" in response["Location"]


def test_staff_of_another_body_cannot_open_the_letter(client, registered, stranger):
    client.force_login(stranger)
    assert client.get(page(registered())).status_code == 404


def test_head_sees_the_letter_the_citizens_contacts_and_the_actions(client, registered, head):
    letter = registered(author_phone="599 12 34 56")
    client.force_login(head)
    response = client.get(page(letter))
    assert response.status_code == 200
    assert "599 12 34 56" in response.text
    assert set(response.context["forms"]) >= {"answer", "clarify", "assign", "forward", "close"}


def test_answering_through_the_page_reaches_the_citizen(client, registered, head):
    letter = registered()
    client.force_login(head)
    response = client.post(page(letter) + "answer/", {"body": "The lights were repaired."})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ANSWERED
    assert OutboxMessage.objects.filter(template="letters/answered").exists()


def test_an_empty_answer_is_refused_with_a_message(client, registered, head):
    letter = registered()
    client.force_login(head)
    response = client.post(page(letter) + "answer/", {"body": ""})
    assert response.status_code == 400
    assert response.context["forms"]["answer"].errors


def test_a_refusal_without_ground_is_refused(client, registered, head):
    letter = registered()
    client.force_login(head)
    response = client.post(page(letter) + "close/", {"outcome": "refused", "ground": ""})
    assert response.status_code == 400
    letter.refresh_from_db()
    assert letter.status == LetterStatus.OPEN


def test_too_long_an_extension_shows_the_legal_limit(client, registered, head):
    letter = registered()
    client.force_login(head)
    new = letter.deadline + datetime.timedelta(days=200)
    response = client.post(
        page(letter) + "extend/", {"new_deadline": new.isoformat(), "reason": "x"}, follow=True
    )
    assert "at the latest" in response.text
    letter.refresh_from_db()
    assert letter.deadline < new


def test_an_unknown_action_is_404(client, registered, head):
    client.force_login(head)
    assert client.post(page(registered()) + "delete/").status_code == 404


def test_forward_needs_exactly_one_destination(client, registered, head):
    letter = registered()
    client.force_login(head)
    response = client.post(page(letter) + "forward/", {"reason": "Competence"})
    assert response.status_code == 400

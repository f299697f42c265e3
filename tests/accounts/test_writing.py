"""Writing a letter while logged in."""

import pytest

from emanager.letters import tokens
from emanager.letters.choices import LetterStatus
from emanager.letters.models import Letter
from emanager.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

URL = "/en/letters/write/"


def test_the_form_is_prefilled_from_a_verified_account(client, citizen, municipality):
    client.force_login(citizen)
    form = client.get(URL).context["form"]
    assert form.initial["author_name"] == "Nino Beridze"
    assert form.fields["author_email"].disabled
    assert form["author_email"].value() == "nino@example.ge"


def test_a_verified_citizens_letter_is_registered_at_once(client, citizen, form_data):
    client.force_login(citizen)
    response = client.post(URL, form_data)
    letter = Letter.objects.get()
    assert letter.status == LetterStatus.OPEN
    assert letter.number
    assert letter.user == citizen
    assert letter.author_email == "nino@example.ge"  # the account's, not the one posted
    assert response["Location"] == f"/en/letters/track/{tokens.tracking_token(letter)}/"
    page = client.get(response["Location"])
    assert f"Your letter is registered with number {letter.number}." in page.text
    assert not OutboxMessage.objects.filter(template="letters/confirm").exists()
    assert OutboxMessage.objects.filter(key=f"letter:{letter.pk}:ack").exists()


def test_a_resubmitted_form_registers_one_letter(client, citizen, form_data):
    client.force_login(citizen)
    client.post(URL, form_data)
    client.post(URL, form_data)
    assert Letter.objects.get().sequence == 1


def test_an_unverified_citizens_letter_still_waits_for_confirmation(client, newcomer, form_data):
    client.force_login(newcomer)
    response = client.post(URL, {**form_data, "author_email": "levan@example.ge"})
    assert response["Location"] == "/en/letters/write/sent/"
    letter = Letter.objects.get()
    assert letter.status == LetterStatus.UNCONFIRMED
    assert letter.user is None
    assert OutboxMessage.objects.filter(key=f"letter:{letter.pk}:confirm").exists()


def test_a_staff_member_without_a_verified_account_confirms_by_email(
    client, municipality, form_data
):
    from django.contrib.auth import get_user_model

    from emanager.staff.models import Membership, StaffRole

    admin = get_user_model().objects.create_user("admin", email="admin@example.ge")
    Membership.objects.create(user=admin, municipality=municipality, role=StaffRole.ADMIN)
    client.force_login(admin)
    assert 'href="/en/staff/"' in client.get(URL).text  # the inbox stays in the menu
    client.post(URL, form_data)
    assert Letter.objects.get().status == LetterStatus.UNCONFIRMED


def test_the_service_refuses_an_unverified_account(newcomer, write_letter):
    with pytest.raises(ValueError):
        write_letter(user=newcomer)

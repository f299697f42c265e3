"""The link that verifies the account's e-mail address."""

import datetime

import pytest

from emanager.accounts import tokens
from emanager.accounts.models import CitizenProfile
from tests.accounts.conftest import PASSWORD, verification_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_up(client, municipality):
    client.post(
        "/en/account/signup/",
        {
            "name": "Nino Beridze",
            "email": "nino@example.ge",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    return verification_path("nino@example.ge")


def profile():
    return CitizenProfile.objects.get(user__username="nino@example.ge")


def test_opening_the_link_verifies_nothing_before_the_button(client, signed_up):
    response = client.get(signed_up)
    assert response.status_code == 200
    assert "Verify and log in" in response.text
    assert profile().email_verified_at is None


def test_the_button_verifies_logs_in_and_leads_to_my_letters(client, signed_up):
    response = client.post(signed_up)
    assert response.status_code == 302
    assert response["Location"] == "/en/account/letters/"
    assert profile().email_verified_at is not None
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Your e-mail address is verified." in page.text


def test_a_reused_link_says_already_verified_and_logs_nobody_in(client, signed_up):
    client.post(signed_up)
    first = profile().email_verified_at
    client.logout()
    response = client.post(signed_up, follow=True)
    assert "Your e-mail address was already verified." in response.text
    assert response.redirect_chain[-1][0].startswith("/en/account/login/")
    assert profile().email_verified_at == first


def test_an_expired_link_says_so(client, signed_up, monkeypatch):
    monkeypatch.setattr(tokens, "VERIFICATION_MAX_AGE", datetime.timedelta(seconds=-1))
    response = client.get(signed_up)
    assert response.status_code == 410
    assert "The link has expired" in response.text
    assert profile().email_verified_at is None


def test_a_forged_link_is_not_found(client, signed_up):
    assert client.get(signed_up.rstrip("/") + "x/").status_code == 404
    assert client.get("/en/account/verify/nonsense/").status_code == 404


def test_a_link_for_an_earlier_address_verifies_nothing(client, signed_up):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="nino@example.ge").update(email="new@example.ge")
    assert client.post(signed_up).status_code == 404
    assert profile().email_verified_at is None


def test_an_unverified_citizen_can_ask_for_a_new_link(client, newcomer, municipality):
    from emanager.notifications.models import OutboxMessage

    client.force_login(newcomer)
    page = client.get("/en/account/letters/")
    assert "is not verified yet" in page.text
    client.post("/en/account/verify/resend/")
    assert OutboxMessage.objects.filter(template="accounts/verify", to=newcomer.email).exists()

"""Signing up: the form's checks, and the account it creates."""

import pytest
from django.contrib.auth import get_user_model

from emanager.accounts.models import CitizenProfile
from emanager.notifications.models import OutboxMessage
from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db

URL = "/en/account/signup/"


def signup_data(**overrides):
    return {
        "name": "Nino Beridze",
        "email": "Nino@Example.ge",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }


def test_signup_page_labels_every_field(client, municipality):
    response = client.get(URL)
    assert response.status_code == 200
    for field in ("name", "email", "password1", "password2"):
        assert f'for="id_{field}"' in response.text


def test_signup_creates_an_unverified_account_named_by_the_lowercased_email(client, municipality):
    response = client.post(URL, signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/en/account/signup/sent/"
    user = get_user_model().objects.get()
    assert (user.username, user.email) == ("nino@example.ge", "nino@example.ge")
    assert user.check_password(PASSWORD)
    profile = CitizenProfile.objects.get(user=user)
    assert (profile.name, profile.language, profile.email_verified_at) == (
        "Nino Beridze",
        "en",
        None,
    )
    assert "nino@example.ge" in client.get(response["Location"]).text


def test_signup_queues_the_verification_email_in_the_users_language(client, municipality):
    client.post("/ka/account/signup/", signup_data())
    message = OutboxMessage.objects.get(template="accounts/verify")
    assert message.to == "nino@example.ge"
    assert message.language == "ka"
    assert message.context["name"] == "Nino Beridze"
    assert message.context["expires_days"] == 7
    assert "/ka/account/verify/" in message.context["verify_url"]


def test_an_email_taken_in_another_case_is_refused(client, citizen, municipality):
    response = client.post(URL, signup_data(email="NINO@example.GE"))
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert "An account with this e-mail address exists already." in response.text
    assert get_user_model().objects.count() == 1


def test_a_weak_password_is_refused(client, municipality):
    response = client.post(URL, signup_data(password1="password", password2="password"))
    assert "This password is too common." in response.text
    assert "password2" in response.context["form"].errors
    assert not get_user_model().objects.exists()


def test_a_password_like_the_email_is_refused(client, municipality):
    response = client.post(
        URL, signup_data(password1="nino@example.ge1", password2="nino@example.ge1")
    )
    assert "password2" in response.context["form"].errors
    assert not get_user_model().objects.exists()


def test_passwords_that_differ_are_refused(client, municipality):
    response = client.post(URL, signup_data(password2=PASSWORD + "!"))
    assert "The two password fields didn’t match." in response.text
    assert not get_user_model().objects.exists()


def test_errors_are_in_the_users_language(client, municipality):
    response = client.post("/ka/account/signup/", signup_data(password1="x", password2="y"))
    assert "ორი პაროლის ველი ერთმანეთს არ ემთხვევა" in response.text  # Django's own
    assert 'role="alert"' in response.text


def test_a_signed_in_citizen_is_sent_to_my_letters(client, citizen, municipality):
    client.force_login(citizen)
    assert client.get(URL)["Location"] == "/en/account/letters/"

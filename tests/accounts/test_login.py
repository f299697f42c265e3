"""Citizens log in with their e-mail address and log out by POST."""

import pytest

from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db

URL = "/en/account/login/"


def test_login_page_is_labelled(client, municipality):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'for="id_username"' in response.text
    assert 'for="id_password"' in response.text
    assert "E-mail" in response.text


def test_login_with_the_email_in_any_case_leads_to_my_letters(client, citizen, municipality):
    response = client.post(URL, {"username": " Nino@Example.GE ", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/letters/"


def test_a_wrong_password_is_explained(client, citizen, municipality):
    response = client.post(URL, {"username": "nino@example.ge", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct e-mail and password." in response.text
    assert 'role="alert"' in response.text


def test_the_menu_offers_login_then_my_letters(client, citizen, municipality):
    assert 'href="/en/account/login/"' in client.get("/en/").text
    client.force_login(citizen)
    home = client.get("/en/").text
    assert 'href="/en/account/letters/"' in home
    assert 'href="/en/staff/"' not in home  # a citizen has no inbox


def test_logout_needs_a_post(client, citizen, municipality):
    client.force_login(citizen)
    assert client.get("/en/account/logout/").status_code == 405
    response = client.post("/en/account/logout/")
    assert response.status_code == 302
    assert client.get("/en/account/letters/").status_code == 302

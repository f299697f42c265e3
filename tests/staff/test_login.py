"""Staff login and logout."""

import pytest

from tests.staff.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_login_page_is_labelled(client):
    response = client.get("/en/staff/login/")
    assert response.status_code == 200
    assert 'for="id_username"' in response.text
    assert 'for="id_password"' in response.text


def test_wrong_password_is_explained(client, staff):
    response = client.post("/en/staff/login/", {"username": "head", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password." in response.text
    assert 'role="alert"' in response.text


def test_wrong_password_is_explained_in_georgian(client, staff):
    response = client.post("/ka/staff/login/", {"username": "head", "password": "wrong"})
    assert "გთხოვთ, შეიყვანოთ სწორი" in response.text


def test_login_leads_to_the_inbox(client, staff):
    response = client.post("/en/staff/login/", {"username": "head", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/"
    assert client.get("/en/staff/").status_code == 200


def test_login_returns_to_the_page_asked_for(client, staff):
    response = client.post(
        "/en/staff/login/?next=/en/staff/%3Foverdue%3Don",
        {"username": "head", "password": PASSWORD, "next": "/en/staff/?overdue=on"},
    )
    assert response["Location"] == "/en/staff/?overdue=on"


def test_logout_needs_a_post_and_ends_the_session(client, staff):
    client.force_login(staff["head"])
    assert client.get("/en/staff/logout/").status_code == 405
    response = client.post("/en/staff/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/login/"
    assert "You have logged out." in client.get(response["Location"]).text
    assert client.get("/en/staff/").status_code == 302

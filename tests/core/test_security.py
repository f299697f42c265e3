import pytest

pytestmark = pytest.mark.django_db


def test_csp_forbids_inline_script_and_other_origins(client, municipality):
    policy = client.get("/ka/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "http" not in policy


def test_pages_have_no_inline_script(client, municipality):
    text = client.get("/ka/").text
    assert "<script>" not in text
    assert "<script " not in text.replace('<script src="', "")


def test_pages_refuse_to_be_framed(client, municipality):
    assert client.get("/ka/")["X-Frame-Options"] == "DENY"


def test_healthz_checks_the_database(client, db):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok"}


def test_unknown_host_is_rejected(client, municipality):
    assert client.get("/ka/", headers={"host": "evil.example.com"}).status_code == 400

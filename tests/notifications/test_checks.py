"""A system check finds a declared e-mail without its templates."""

from emanager.notifications import emails
from emanager.notifications.checks import emails_have_templates


def test_every_shipped_email_has_its_templates():
    assert emails_have_templates(None) == []


def test_a_declared_email_without_templates_is_an_error():
    emails.declare_email("tests/undrafted", context=[])

    errors = emails_have_templates(None)

    assert [error.id for error in errors] == ["notifications.E001"] * 3
    assert "emails/tests/undrafted.subject.txt" in errors[0].msg

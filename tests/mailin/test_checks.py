"""System checks of the mail settings."""

from emanager.mailin.checks import mail_settings


def ids(_settings):
    return [problem.id for problem in mail_settings(None)]


def test_good_settings_pass(settings):
    settings.MAIL_REPLY_DOMAIN = "mail.lanchkhuti.example.ge"
    settings.MAIL_IMAP_HOST = ""

    assert ids(settings) == []


def test_a_reply_domain_that_is_no_domain_is_an_error(settings):
    settings.MAIL_REPLY_DOMAIN = "reply@mail.example.ge"

    assert "mailin.E001" in ids(settings)


def test_a_mailbox_without_login_is_an_error(settings):
    settings.MAIL_IMAP_HOST = "imap.example.ge"
    settings.MAIL_IMAP_USER = ""

    assert "mailin.E002" in ids(settings)


def test_a_mailbox_without_reply_domain_is_a_warning(settings):
    settings.MAIL_REPLY_DOMAIN = ""
    settings.MAIL_IMAP_HOST = "imap.example.ge"
    settings.MAIL_IMAP_USER, settings.MAIL_IMAP_PASSWORD = "u", "p"

    assert ids(settings) == ["mailin.W001"]


def test_an_unencrypted_mailbox_is_a_warning_in_production(settings):
    settings.DEBUG = False
    settings.MAIL_IMAP_HOST = "imap.example.ge"
    settings.MAIL_IMAP_USER, settings.MAIL_IMAP_PASSWORD = "u", "p"
    settings.MAIL_IMAP_SECURITY = "none"

    assert "mailin.W002" in ids(settings)

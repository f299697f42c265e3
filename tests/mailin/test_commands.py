"""The two ways in: ``receive_mail`` (a mail server's pipe) and ``fetch_mail`` (IMAP).

fetch_mail is tested against a real IMAP server on a socket (tests/mailin/imap_server.py).
"""

import imaplib
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from emanager.letters.models import Message
from emanager.mailin import imap
from emanager.mailin.choices import HoldReason, InboundStatus
from emanager.mailin.models import InboundMail
from tests.mailin.conftest import eml, token_for
from tests.mailin.imap_server import IMAPServer

pytestmark = pytest.mark.django_db


def answers(letter):
    return Message.objects.filter(letter=letter, is_answer=True)


# --- receive_mail ---------------------------------------------------------------


def test_receive_mail_takes_a_message_on_standard_input(letter, eka):
    out = io.StringIO()

    call_command("receive_mail", stdin=io.BytesIO(eml("phone_reply.eml", letter, eka)), stdout=out)

    [inbound] = InboundMail.objects.all()
    assert inbound.status == InboundStatus.ACCEPTED
    assert answers(letter).count() == 1
    assert "accepted" in out.getvalue()


def test_receive_mail_uses_the_envelope_recipient(letter, eka):
    token = token_for(letter, eka)
    raw = eml("georgian_base64.eml", letter, eka).replace(f"reply+{token}".encode(), b"sakrebulo")

    call_command(
        "receive_mail",
        "--recipient",
        f"reply+{token}@mail.lanchkhuti.example.ge",
        stdin=io.BytesIO(raw),
        stdout=io.StringIO(),
    )

    assert InboundMail.objects.get().status == InboundStatus.ACCEPTED


def test_receive_mail_holds_an_unknown_sender(letter, eka):
    call_command(
        "receive_mail",
        stdin=io.BytesIO(eml("unknown_sender.eml", letter, eka)),
        stdout=io.StringIO(),
    )

    assert InboundMail.objects.get().hold_reason == HoldReason.UNKNOWN_SENDER
    assert not answers(letter).exists()


def test_receive_mail_refuses_empty_input_with_a_data_error_status():
    with pytest.raises(CommandError) as refused:
        call_command("receive_mail", stdin=io.BytesIO(b"  \n"))

    assert refused.value.returncode == 65
    assert not InboundMail.objects.exists()


def test_receive_mail_asks_the_mail_server_to_retry_when_the_database_fails(
    letter, eka, monkeypatch
):
    from django.db import OperationalError

    from emanager.mailin.management.commands import receive_mail

    def down(raw, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(receive_mail, "mail_receive", down)

    with pytest.raises(CommandError) as refused:
        call_command("receive_mail", stdin=io.BytesIO(eml("phone_reply.eml", letter, eka)))

    assert refused.value.returncode == 75


# --- fetch_mail -----------------------------------------------------------------


@pytest.fixture
def mailbox(settings):
    server = IMAPServer(user="replies@lanchkhuti.example.ge", password='pa ss"word')
    server.start()
    settings.MAIL_IMAP_HOST = "127.0.0.1"
    settings.MAIL_IMAP_PORT = server.port
    settings.MAIL_IMAP_SECURITY = "none"
    settings.MAIL_IMAP_USER = "replies@lanchkhuti.example.ge"
    settings.MAIL_IMAP_PASSWORD = 'pa ss"word'
    settings.MAIL_IMAP_FOLDER = "INBOX"
    settings.MAIL_IMAP_DONE_FOLDER = ""
    yield server
    server.stop()


def test_fetch_mail_receives_the_unread_messages_and_marks_them_read(mailbox, letter, eka):
    answer = mailbox.boxes.add(eml("georgian_quoted_printable.eml", letter, eka))
    auto = mailbox.boxes.add(eml("auto_reply.eml", letter, eka))
    old = mailbox.boxes.add(eml("unknown_sender.eml", letter, eka), flags={"\\Seen"})
    out = io.StringIO()

    call_command("fetch_mail", stdout=out)

    assert sorted(InboundMail.objects.values_list("status", flat=True)) == [
        InboundStatus.ACCEPTED,
        InboundStatus.AUTO_REPLY,
    ]
    assert answers(letter).count() == 1
    flags = mailbox.boxes.flags()
    assert "\\Seen" in flags[answer] and "\\Seen" in flags[auto]
    assert old in flags  # read before: left alone, not received
    assert "2 e-mails received" in out.getvalue()
    # Fetched without marking read first (BODY.PEEK), marked once received.
    assert any("BODY.PEEK[]" in command for command in mailbox.boxes.commands)


def test_fetch_mail_twice_receives_nothing_twice(mailbox, letter, eka):
    mailbox.boxes.add(eml("georgian_quoted_printable.eml", letter, eka))
    call_command("fetch_mail", stdout=io.StringIO())

    call_command("fetch_mail", stdout=io.StringIO())

    assert InboundMail.objects.count() == 1


def test_a_message_received_but_not_marked_is_a_duplicate_the_next_time(mailbox, letter, eka):
    raw = eml("georgian_quoted_printable.eml", letter, eka)
    mailbox.boxes.add(raw)
    call_command("fetch_mail", stdout=io.StringIO())
    # The connection dropped before the flag was stored: the message comes again.
    mailbox.boxes.folders["INBOX"][0].flags.clear()

    call_command("fetch_mail", stdout=io.StringIO())

    assert list(InboundMail.objects.order_by("pk").values_list("status", flat=True)) == [
        InboundStatus.ACCEPTED,
        InboundStatus.DUPLICATE,
    ]
    assert answers(letter).count() == 1


def test_fetch_mail_moves_received_messages_to_the_done_folder(mailbox, letter, eka, settings):
    settings.MAIL_IMAP_DONE_FOLDER = "Done"
    uid = mailbox.boxes.add(eml("georgian_quoted_printable.eml", letter, eka))

    call_command("fetch_mail", stdout=io.StringIO())

    assert mailbox.boxes.folders["INBOX"] == []
    assert [item.uid for item in mailbox.boxes.folders["Done"]] == [uid]


def test_without_move_fetch_mail_copies_deletes_and_expunges(settings, letter, eka):
    server = IMAPServer(user="u", password="p", move=False)
    server.start()
    settings.MAIL_IMAP_HOST, settings.MAIL_IMAP_PORT = "127.0.0.1", server.port
    settings.MAIL_IMAP_SECURITY, settings.MAIL_IMAP_USER, settings.MAIL_IMAP_PASSWORD = (
        "none",
        "u",
        "p",
    )
    settings.MAIL_IMAP_FOLDER, settings.MAIL_IMAP_DONE_FOLDER = "INBOX", "Done"
    server.boxes.add(eml("georgian_quoted_printable.eml", letter, eka))
    try:
        call_command("fetch_mail", stdout=io.StringIO())
    finally:
        server.stop()

    assert server.boxes.folders["INBOX"] == []
    assert len(server.boxes.folders["Done"]) == 1
    assert "EXPUNGE" in server.boxes.commands


def test_a_message_that_fails_stays_unread_for_the_next_run(mailbox, letter, eka, monkeypatch):
    from emanager.mailin import services

    uid = mailbox.boxes.add(eml("georgian_quoted_printable.eml", letter, eka))

    def broken(raw, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(services, "mail_receive", broken)

    with pytest.raises(CommandError, match="1 e-mails could not be received"):
        call_command("fetch_mail", stdout=io.StringIO())

    assert "\\Seen" not in mailbox.boxes.flags()[uid]
    assert not InboundMail.objects.exists()


def test_fetch_mail_reports_a_wrong_password(mailbox, settings):
    settings.MAIL_IMAP_PASSWORD = "wrong"

    with pytest.raises(CommandError, match="Cannot open the mailbox"):
        call_command("fetch_mail", stdout=io.StringIO())


def test_fetch_mail_without_a_mailbox_says_so(settings):
    settings.MAIL_IMAP_HOST = ""

    with pytest.raises(CommandError, match="MAIL_IMAP_HOST"):
        call_command("fetch_mail")


@pytest.mark.parametrize(
    ("security", "ssl_used", "starttls"), [("ssl", True, False), ("starttls", False, True)]
)
def test_the_connection_is_encrypted_as_configured(
    settings, monkeypatch, security, ssl_used, starttls
):
    calls = []

    class Fake:
        capabilities = ("IMAP4rev1",)

        def __init__(self, host, port, **kwargs):
            calls.append(("ssl" if "ssl_context" in kwargs else "plain", host, port))

        def starttls(self, ssl_context=None):
            calls.append(("starttls", ssl_context is not None))

        def login(self, user, password):
            calls.append(("login", user))

    monkeypatch.setattr(imaplib, "IMAP4_SSL", Fake)
    monkeypatch.setattr(imaplib, "IMAP4", Fake)
    settings.MAIL_IMAP_HOST, settings.MAIL_IMAP_PORT = "imap.example.ge", 993
    settings.MAIL_IMAP_SECURITY = security
    settings.MAIL_IMAP_USER, settings.MAIL_IMAP_PASSWORD = "u", "p"

    imap._connect()

    assert calls[0] == ("ssl" if ssl_used else "plain", "imap.example.ge", 993)
    assert (("starttls", True) in calls) is starttls
    assert calls[-1] == ("login", "u")

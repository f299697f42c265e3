"""The letter e-mailed to an official who does not log in: whole, with a reply address."""

import email
import email.policy
from email.utils import parseaddr

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.translation import gettext

from emanager.letters.attachments import check_files
from emanager.mailin import tokens
from emanager.mailin.models import Dispatch
from emanager.mailin.services import MailRefused, letter_email_official, outbound
from emanager.notifications.emails import render_email
from emanager.notifications.models import OutboxMessage
from emanager.staff.models import Membership, StaffRole
from tests.mailin.conftest import EKA_EMAIL, PDF, REPLY_DOMAIN, make_user
from tests.notifications.support import SMTPServer

pytestmark = pytest.mark.django_db


def pdf(name="scan.pdf", size=None):
    data = PDF if size is None else PDF + b"0" * (size - len(PDF))
    return check_files([SimpleUploadedFile(name, data, content_type="application/pdf")])[0]


@pytest.fixture
def sent(write, eka, django_capture_on_commit_callbacks):
    """A letter with a Georgian file name registered for Eka, its e-mail delivered (memory)."""
    with django_capture_on_commit_callbacks(execute=True):
        letter = write(to=eka, files=[pdf("განცხადება.pdf")])
    [message] = [m for m in mail.outbox if m.to == [EKA_EMAIL]]
    return letter, message


def test_registering_a_letter_emails_it_to_the_official_who_does_not_log_in(sent, eka):
    letter, message = sent

    assert letter.number in message.subject
    assert "Street lighting in Nigoiti" in message.subject
    assert "The street lights on Rustaveli street have not worked since October." in message.body
    assert "Nino Beridze, Nigoiti, Rustaveli st. 5" in message.body
    assert letter.deadline.strftime("%Y") in message.body
    # No "new letter" notice beside it.
    assert not OutboxMessage.objects.filter(template="letters/new_letter").exists()


def test_the_reply_to_is_the_letters_signed_reply_address(sent, eka):
    letter, message = sent

    [reply_to] = message.reply_to
    name, address = parseaddr(reply_to)
    assert letter.number in name
    purpose, token = tokens.address_parse(address)
    assert purpose == tokens.Purpose.REPLY
    assert address.endswith(f"@{REPLY_DOMAIN}")
    claim = tokens.token_read(token, purpose=purpose, today=timezone.localdate())
    assert (claim.letter_id, claim.official_id) == (letter.pk, eka.pk)
    assert address in message.body


def test_bounces_return_to_a_verp_address_while_from_stays_the_sites(sent, eka):
    _letter, message = sent

    purpose, token = tokens.address_parse(message.from_email)
    assert purpose == tokens.Purpose.BOUNCE
    tokens.token_read(token, purpose=purpose, today=timezone.localdate())
    assert message.extra_headers["From"] == (
        "ლანჩხუთის მუნიციპალიტეტი <noreply@lanchkhuti.example.ge>"
    )
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
    assert parsed["From"].addresses[0].addr_spec == "noreply@lanchkhuti.example.ge"
    assert parsed["Auto-Submitted"] == "auto-generated"


def test_small_files_go_with_the_email_and_as_links(sent, client):
    _letter, message = sent

    [(name, content, content_type)] = message.attachments
    assert (name, content_type) == ("განცხადება.pdf", "application/pdf")
    assert content == PDF
    link = next(line for line in message.body.splitlines() if "/staff/mail/files/" in line)
    url = link.rsplit(": ", 1)[1].removeprefix("https://emanager.example.ge")

    response = client.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_large_files_are_only_linked(write, eka, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(outbound, "ATTACH_LIMIT", 100)
    with django_capture_on_commit_callbacks(execute=True):
        write(to=eka, files=[pdf("scan.pdf", size=200)])

    [message] = [m for m in mail.outbox if m.to == [EKA_EMAIL]]
    assert message.attachments == []
    with translation.override("ka"):  # the official's e-mails are in Georgian
        expected = gettext("Files of the letter (too large to attach; download them here):")
    assert expected in message.body
    assert "scan.pdf" in message.body
    assert Dispatch.objects.get().files_attached is False


def test_a_file_link_is_refused_once_tampered_with_or_when_the_letter_moved(sent, client):
    letter, message = sent
    link = next(line for line in message.body.splitlines() if "/staff/mail/files/" in line)
    url = link.rsplit(": ", 1)[1].removeprefix("https://emanager.example.ge")

    assert client.get(url[:-3] + "xx/").status_code == 404
    letter.addressee_official = None
    letter.save()
    assert client.get(url).status_code == 404


def test_what_was_sent_is_recorded(sent, eka):
    letter, message = sent

    dispatch = Dispatch.objects.get()
    assert (dispatch.letter, dispatch.official, dispatch.to) == (letter, eka, EKA_EMAIL)
    assert parseaddr(message.reply_to[0])[1] == dispatch.reply_address
    assert message.from_email == dispatch.envelope_sender
    assert dispatch.sent_by is None
    assert dispatch.outbox.message_id == message.extra_headers["Message-ID"]


def test_an_official_who_logs_in_gets_the_usual_notice(write, eka, municipality, sakrebulo):
    user = make_user("eka")
    Membership.objects.create(
        user=user, municipality=municipality, body=sakrebulo, role=StaffRole.OFFICIAL, official=eka
    )

    write(to=eka)

    assert OutboxMessage.objects.filter(template="letters/new_letter", to=EKA_EMAIL).exists()
    assert not Dispatch.objects.exists()


def test_an_official_whose_user_is_deactivated_answers_by_email(
    write, eka, municipality, sakrebulo
):
    user = make_user("eka", is_active=False)
    Membership.objects.create(
        user=user, municipality=municipality, body=sakrebulo, role=StaffRole.OFFICIAL, official=eka
    )

    write(to=eka)

    assert Dispatch.objects.filter(official=eka).exists()


def test_without_a_reply_domain_the_official_gets_the_usual_notice(write, eka, settings):
    settings.MAIL_REPLY_DOMAIN = ""

    write(to=eka)

    assert OutboxMessage.objects.filter(template="letters/new_letter", to=EKA_EMAIL).exists()
    assert not Dispatch.objects.exists()


def test_a_letter_to_a_body_only_is_not_emailed_this_way(write):
    write(to=None)

    assert not Dispatch.objects.exists()


def test_sending_again_clears_the_bounce_mark_and_is_recorded(letter, eka, staff):
    eka.email_bounced_at = timezone.now()
    eka.email_bounce_reason = "550 User unknown"
    eka.save()

    dispatch = letter_email_official(letter=letter, actor=staff["clerk"])

    eka.refresh_from_db()
    assert eka.email_bounced_at is None and eka.email_bounce_reason == ""
    assert dispatch.sent_by == staff["clerk"]
    assert Dispatch.objects.filter(letter=letter).count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": ""}, "no e-mail address"),
        ({"closed": True}, "Only an open letter"),
        ({"domain": ""}, "not set up"),
    ],
)
def test_sending_is_refused_with_a_reason(letter, eka, settings, change, message):
    if change.get("closed"):
        letter.status = "closed"
        letter.save()
    if "email" in change:
        eka.email = ""
        eka.save()
        letter.refresh_from_db()
    if "domain" in change:
        settings.MAIL_REPLY_DOMAIN = ""

    with pytest.raises(MailRefused, match=message):
        letter_email_official(letter=letter)


@pytest.mark.parametrize("language", ["ka", "en", "ru"])
def test_the_letter_email_renders_in_each_language(letter, language):
    outbox = OutboxMessage.objects.get(template="mailin/letter_to_official")

    rendered = render_email(
        template=outbox.template, language=language, context=outbox.context, to=outbox.to
    )

    assert letter.number in rendered.subject
    assert "{{" not in rendered.body and "{%" not in rendered.body
    assert "<html" in rendered.alternatives[0].content


def test_the_envelope_sender_reaches_a_real_smtp_server_as_mail_from(
    write, eka, settings, django_capture_on_commit_callbacks
):
    server = SMTPServer()
    server.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 5},
        }
    }
    captured = []

    class Envelope:
        async def handle_DATA(self, smtp, session, envelope):
            captured.append(envelope.mail_from)
            return await server.inbox.handle_DATA(smtp, session, envelope)

    server.controller.handler = Envelope()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            letter = write(to=eka)
    finally:
        server.stop()

    dispatch = Dispatch.objects.get(letter=letter)
    assert dispatch.envelope_sender in captured
    [received] = [m for m in server.messages if m["To"] == EKA_EMAIL]
    assert received["Reply-To"].addresses[0].addr_spec == dispatch.reply_address
    assert received["From"].addresses[0].addr_spec == "noreply@lanchkhuti.example.ge"

"""An e-mail that expects an answer: Reply-To, a VERP envelope sender, extra headers, files."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from emanager.notifications.models import OutboxStatus
from emanager.notifications.services import OutboxFile
from tests.notifications.support import body


@pytest.fixture
def stored_file():
    storage = storages["private"]
    name = storage.save("tests/outbox/განცხადება.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    yield name
    storage.delete(name)


def test_reply_to_envelope_sender_headers_and_files_reach_the_server(smtp, enqueue, stored_file):
    envelopes = []
    handle = smtp.inbox.handle_DATA

    async def record(server, session, envelope):
        envelopes.append(envelope.mail_from)
        return await handle(server, session, envelope)

    smtp.inbox.handle_DATA = record

    message = enqueue(
        reply_to="ლანჩხუთი — LAN-2026-000042 <reply+abc@mail.example.ge>",
        envelope_sender="bounce+abc@mail.example.ge",
        headers={"X-Emanager-Letter": "LAN-2026-000042"},
        attachments=[
            OutboxFile(
                storage="private",
                name=stored_file,
                filename="განცხადება.pdf",
                content_type="application/pdf",
            )
        ],
    )

    assert message.status == OutboxStatus.SENT
    [received] = smtp.messages
    assert envelopes == ["bounce+abc@mail.example.ge"]
    assert received["From"].addresses[0].addr_spec == "noreply@lanchkhuti.example.ge"
    assert received["Reply-To"].addresses[0].addr_spec == "reply+abc@mail.example.ge"
    assert received["Reply-To"].addresses[0].display_name == "ლანჩხუთი — LAN-2026-000042"
    assert received["X-Emanager-Letter"] == "LAN-2026-000042"
    [attachment] = list(received.iter_attachments())
    assert attachment.get_filename() == "განცხადება.pdf"
    assert attachment.get_content() == b"%PDF-1.4\n%%EOF\n"
    assert "გამარჯობა" in body(received, "plain")


def test_without_them_the_email_is_as_before(smtp, enqueue):
    enqueue()

    [received] = smtp.messages
    assert received["Reply-To"] is None
    assert not list(received.iter_attachments())


def test_a_missing_file_is_left_out_and_the_email_still_sent(smtp, enqueue):
    message = enqueue(
        attachments=[OutboxFile(storage="private", name="tests/gone.pdf", filename="gone.pdf")]
    )

    assert message.status == OutboxStatus.SENT
    assert not list(smtp.messages[0].iter_attachments())


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"reply_to": "not an address"}, ValidationError),
        ({"envelope_sender": "Name <bounce@example.ge>"}, ValidationError),
        ({"headers": {"From": "someone@example.ge"}}, ValueError),
        ({"headers": {"X-Injected": "a\r\nBcc: victim@example.ge"}}, ValueError),
        ({"attachments": [OutboxFile(storage="nowhere", name="x", filename="x")]}, ValueError),
    ],
    ids=["reply-to", "envelope sender", "reserved header", "header injection", "storage"],
)
def test_what_could_not_be_sent_is_refused_when_queued(enqueue, kwargs, error):
    with pytest.raises(error):
        enqueue(**kwargs)

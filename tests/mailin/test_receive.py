"""What becomes of each e-mail received: an answer, a bounce, ignored, or held for a clerk."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from emanager.letters.choices import Channel, Direction, LetterStatus, MessageStatus
from emanager.letters.models import Attachment, Letter, Message
from emanager.letters.staff_services import letter_answer, letter_close
from emanager.mailin.choices import HoldReason, InboundStatus
from emanager.mailin.models import InboundMail
from emanager.mailin.services import mail_receive
from emanager.notifications.models import OutboxMessage
from tests.mailin.conftest import EKA_EMAIL, eml, token_for

pytestmark = pytest.mark.django_db


# The start of a Windows program, in base64.
EXE = "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACAAAAA"


def answers(letter):
    return list(Message.objects.filter(letter=letter, is_answer=True))


# --- Accepted: the official's own reply becomes the answer ----------------------


def test_a_georgian_quoted_printable_reply_becomes_the_answer_without_the_quote(letter, eka):
    inbound = mail_receive(eml("georgian_quoted_printable.eml", letter, eka))

    assert inbound.status == InboundStatus.ACCEPTED
    [answer] = answers(letter)
    assert answer.body == (
        "ქალბატონო ნინო,\n\n"
        "რუსთაველის ქუჩის ნათურები შეიცვალა 3 ნოემბერს. ხარჯი = 1 200 ლარი, დაფინანსდა\n"
        "მუნიციპალიტეტის ბიუჯეტიდან.\n\n"
        "პატივისცემით,\nეკა კვირიკაშვილი"
    )
    assert answer.direction == Direction.OUTGOING
    assert answer.source == Channel.EMAIL
    assert answer.author is None
    assert answer.author_label == "Eka Kvirikashvili"
    assert answer.status == MessageStatus.SENT
    assert inbound.answer == answer
    assert inbound.letter == letter and inbound.official == eka
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ANSWERED


def test_the_citizen_is_told_of_the_answer_that_came_by_email(
    letter, eka, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mail_receive(eml("georgian_base64.eml", letter, eka))

    [to_citizen] = [m for m in mail.outbox if m.to == ["nino@example.ge"]][-1:]
    assert "ნიგოითის სკოლასთან გზის შეკეთება" in to_citizen.body
    assert "წერს:" not in to_citizen.body
    assert "reply+" not in to_citizen.body


def test_a_georgian_base64_reply_loses_its_georgian_gmail_quote(letter, eka):
    mail_receive(eml("georgian_base64.eml", letter, eka))

    [answer] = answers(letter)
    assert answer.body == (
        "ბატონო გიორგი,\n\n"
        "ნიგოითის სკოლასთან გზის შეკეთება დაგეგმილია 2027 წლის გაზაფხულზე.\n"
        "სამუშაოები შესულია მუნიციპალიტეტის ინფრასტრუქტურულ გეგმაში."
    )


def test_an_html_only_reply_becomes_plain_text_without_markup_or_outlook_quote(letter, eka):
    mail_receive(eml("html_only.eml", letter, eka))

    [answer] = answers(letter)
    assert answer.body == (
        "ქალბატონო ნინო,\n\n"
        "თქვენი მოთხოვნის პასუხად გაცნობებთ:\n\n"
        "1. ნაგვის ურნები დაიდგმება 15 ნოემბრამდე;\n"
        "2. გატანა იქნება კვირაში ორჯერ.\n\n"
        "დეტალები: [დადგენილება №77](https://lanchkhuti.example.ge/decree-77)"
    )
    assert "<" not in answer.body and "alert" not in answer.body


def test_files_with_georgian_and_cyrillic_names_become_the_answers_files(letter, eka):
    mail_receive(eml("attachments_non_ascii.eml", letter, eka))

    [answer] = answers(letter)
    files = Attachment.objects.filter(message=answer).order_by("pk")
    assert [(f.original_name, f.content_type) for f in files] == [
        ("პასუხი.pdf", "application/pdf"),
        ("смета.jpg", "image/jpeg"),
    ]
    assert files[0].file.read().startswith(b"%PDF-1.4")
    # The signature's logo (inline, with a Content-ID) is no file of the answer.
    assert answer.body == (
        "ქალბატონო ნინო,\n\nპასუხი და ხარჯთაღრიცხვა თან ერთვის.\n\nეკა კვირიკაშვილი"
    )


def test_a_reply_from_a_phone_loses_sent_from_my_iphone_and_the_quote(letter, eka):
    mail_receive(eml("phone_reply.eml", letter, eka))

    [answer] = answers(letter)
    # format=flowed: the soft line break is joined.
    assert answer.body == (
        "დიახ, ხიდის შეკეთება დაიწყება 10 ნოემბერს. სამუშაოებს შეასრულებს შპს „გურიის გზები“."
    )


def test_a_gmail_reply_keeps_its_lists_and_a_line_that_starts_with_thank_you(letter, eka):
    mail_receive(eml("gmail_english.eml", letter, eka))

    [answer] = answers(letter)
    assert answer.body == (
        "Dear Ms Beridze,\n\n"
        "Thank you, we have received your request. The lights on Rustaveli street\n"
        "were replaced on 3 November:\n"
        "- 12 lamps in Nigoiti;\n"
        "- 4 lamps near the school.\n\n"
        "Eka Kvirikashvili"
    )


def test_a_russian_outlook_reply_in_windows_1251_is_decoded_and_unquoted(letter, eka):
    mail_receive(eml("outlook_russian_cp1251.eml", letter, eka))

    [answer] = answers(letter)
    assert answer.body.startswith("Уважаемая Нино,\n\nПросьба о ремонте крыши")
    assert answer.body.endswith("С уважением,\nЭка Квирикашвили")
    assert "Original Message" not in answer.body and "Отправлено" not in answer.body


def test_georgian_text_under_a_wrong_charset_label_is_read_as_utf8(letter, eka):
    mail_receive(eml("mislabelled_charset.eml", letter, eka))

    [answer] = answers(letter)
    assert answer.body == "ბატონო გიორგი,\n\nწყალმომარაგება აღდგა."


def test_the_sender_address_is_compared_without_regard_to_case(letter, eka):
    raw = eml(
        "georgian_base64.eml",
        letter,
        eka,
        **{f"<{EKA_EMAIL}>": "<E.Kvirikashvili@Lanchkhuti.Example.GE>"},
    )

    assert mail_receive(raw).status == InboundStatus.ACCEPTED


def test_the_envelope_recipient_finds_the_letter_when_the_headers_do_not_show_it(letter, eka):
    token = token_for(letter, eka)
    raw = eml("georgian_base64.eml", letter, eka, **{f"reply+{token}": "lanchkhuti-sakrebulo"})

    inbound = mail_receive(raw, recipient=f"reply+{token}@mail.lanchkhuti.example.ge")

    assert inbound.status == InboundStatus.ACCEPTED
    assert inbound.to_address == f"reply+{token}@mail.lanchkhuti.example.ge"


def test_an_answer_by_email_waits_for_the_head_when_the_body_wants_approval(letter, eka, sakrebulo):
    sakrebulo.answers_need_approval = True
    sakrebulo.save()

    inbound = mail_receive(eml("georgian_base64.eml", letter, eka))

    assert inbound.status == InboundStatus.ACCEPTED
    [answer] = answers(letter)
    assert answer.status == MessageStatus.PENDING_APPROVAL
    letter.refresh_from_db()
    assert letter.status == LetterStatus.OPEN


# --- Held for a clerk -----------------------------------------------------------


def test_a_reply_from_an_unknown_sender_is_held_and_reaches_nobody(
    letter, eka, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        inbound = mail_receive(eml("unknown_sender.eml", letter, eka))

    assert inbound.status == InboundStatus.HELD
    assert inbound.hold_reason == HoldReason.UNKNOWN_SENDER
    assert inbound.letter == letter
    assert inbound.text.startswith("გამარჯობა")
    assert answers(letter) == []
    assert not OutboxMessage.objects.filter(template="letters/answered").exists()


def test_a_reply_with_a_forged_token_is_held_without_a_letter(letter, eka):
    inbound = mail_receive(eml("bad_token.eml"))

    assert inbound.status == InboundStatus.HELD
    assert inbound.hold_reason == HoldReason.INVALID_ADDRESS
    assert inbound.letter is None
    # The directory knows the sender: the clerk sees who it is.
    assert inbound.official == eka
    assert answers(letter) == []


def test_a_reply_to_an_expired_address_is_held_with_its_letter(letter, eka):
    old = timezone.localdate() - datetime.timedelta(days=200)
    raw = eml("georgian_base64.eml", **{"REPLY_TOKEN": token_for(letter, eka, today=old)})

    inbound = mail_receive(raw)

    assert (inbound.status, inbound.hold_reason) == (InboundStatus.HELD, HoldReason.EXPIRED_ADDRESS)
    assert inbound.letter == letter
    assert answers(letter) == []


def test_a_message_to_no_reply_address_is_held(letter, eka):
    raw = eml("georgian_base64.eml", **{"reply+REPLY_TOKEN": "sakrebulo"})

    inbound = mail_receive(raw)

    assert (inbound.status, inbound.hold_reason) == (
        InboundStatus.HELD,
        HoldReason.NO_REPLY_ADDRESS,
    )
    assert inbound.municipality == letter.municipality


def test_a_reply_from_another_official_of_the_directory_is_a_mismatch(letter, eka, nikoloz):
    raw = eml("georgian_base64.eml", letter, eka, **{EKA_EMAIL: nikoloz.email})

    inbound = mail_receive(raw)

    assert inbound.hold_reason == HoldReason.OFFICIAL_MISMATCH
    assert answers(letter) == []


def test_a_reply_for_a_letter_forwarded_away_from_the_official_is_a_mismatch(letter, eka):
    Letter.objects.filter(pk=letter.pk).update(addressee_official=None)

    inbound = mail_receive(eml("georgian_base64.eml", letter, eka))

    assert inbound.hold_reason == HoldReason.OFFICIAL_MISMATCH


def test_a_reply_to_a_closed_letter_is_held(letter, eka, staff):
    letter_close(letter=letter, actor=staff["admin"], outcome="answered")

    inbound = mail_receive(eml("georgian_base64.eml", letter, eka))

    assert inbound.hold_reason == HoldReason.LETTER_CLOSED
    assert answers(letter) == []


def test_a_second_reply_to_an_answered_letter_is_held(letter, eka, staff):
    letter_answer(letter=letter, actor=staff["head"], body="Answered on paper.", files=[])

    inbound = mail_receive(eml("georgian_base64.eml", letter, eka))

    assert inbound.hold_reason == HoldReason.ALREADY_ANSWERED
    assert len(answers(letter)) == 1


def test_a_reply_whose_domain_failed_dmarc_is_held(letter, eka):
    raw = eml("georgian_base64.eml", letter, eka, **{"dmarc=pass": "dmarc=fail"})

    assert mail_receive(raw).hold_reason == HoldReason.NOT_AUTHENTIC


def test_a_reply_with_a_refused_file_is_held_whole(letter, eka):
    raw = eml(
        "attachments_non_ascii.eml",
        letter,
        eka,
        # The PDF becomes a program (its content, not its name, decides).
        **{"JVBERi0xLjQKMSAwIG9iajw8Pj5lbmRvYmoKdHJhaWxlcjw8Pj4KJSVFT0YK": EXE},
    )

    inbound = mail_receive(raw)

    assert inbound.hold_reason == HoldReason.FILE_REFUSED
    assert "პასუხი.pdf" in inbound.detail
    assert answers(letter) == []


def test_a_reply_with_nothing_but_the_quote_is_held(letter, eka):
    token = token_for(letter, eka)
    raw = (
        f"From: {EKA_EMAIL}\nTo: reply+{token}@mail.lanchkhuti.example.ge\n"
        "Subject: Re: Letter\nMessage-ID: <empty-1@lanchkhuti.example.ge>\n\n"
        "On Mon, 3 Nov 2026 at 10:15, Lanchkhuti\n"
        f"<reply+{token}@mail.lanchkhuti.example.ge> wrote:\n"
        "> The street lights have not worked since October.\n"
    ).encode()

    inbound = mail_receive(raw)

    assert inbound.hold_reason == HoldReason.NO_TEXT
    assert answers(letter) == []


def test_an_answer_the_letter_refuses_is_held_with_the_reason(letter, eka, sakrebulo):
    sakrebulo.answers_need_approval = True
    sakrebulo.save()
    mail_receive(eml("georgian_base64.eml", letter, eka))

    # A second answer while the first waits for the head.
    inbound = mail_receive(eml("georgian_quoted_printable.eml", letter, eka))

    assert inbound.hold_reason == HoldReason.ANSWER_REFUSED
    assert "waiting for the head" in inbound.detail


# --- Ignored: automatic replies, repeats ------------------------------------------


def test_an_out_of_office_reply_is_recorded_and_never_an_answer(letter, eka):
    inbound = mail_receive(eml("auto_reply.eml", letter, eka))

    assert inbound.status == InboundStatus.AUTO_REPLY
    assert inbound.detail == "Auto-Submitted: auto-replied"
    assert answers(letter) == []
    letter.refresh_from_db()
    assert letter.status == LetterStatus.OPEN


@pytest.mark.parametrize(
    "header",
    [
        "X-Autoreply: yes",
        "X-Autorespond: vacation",
        "Precedence: bulk",
        "Precedence: auto_reply",
        "Precedence: junk",
    ],
)
def test_automatic_reply_headers_mark_an_automatic_reply(letter, eka, header):
    raw = eml("georgian_base64.eml", letter, eka).replace(
        b"MIME-Version: 1.0", f"{header}\nMIME-Version: 1.0".encode(), 1
    )

    assert mail_receive(raw).status == InboundStatus.AUTO_REPLY
    assert answers(letter) == []


@pytest.mark.parametrize(
    "subject",
    [
        "Automatic reply: Letter LAN-2026-000042",
        "Out of Office: Re: Letter",
        "Автоматический ответ: Письмо",
        "Автоответ: Re: Письмо",
        "ავტომატური პასუხი: წერილი",
        "ოფისს გარეთ ვარ",
    ],
)
def test_out_of_office_subjects_mark_an_automatic_reply(letter, eka, subject):
    from email.header import Header

    encoded = Header(subject, "utf-8").encode()
    raw = eml("georgian_base64.eml", letter, eka)
    head, body = raw.split(b"\n\n", 1)
    head = b"\n".join(
        f"Subject: {encoded}".encode() if line.startswith(b"Subject:") else line
        for line in head.split(b"\n")
    )

    assert mail_receive(head + b"\n\n" + body).status == InboundStatus.AUTO_REPLY


def test_a_reply_whose_subject_mentions_leave_is_still_an_answer(letter, eka):
    raw = eml("mislabelled_charset.eml", letter, eka).replace(
        b"Subject: Re: LAN-2026-000042", b"Subject: Re: leave and vacation pay"
    )

    assert mail_receive(raw).status == InboundStatus.ACCEPTED


def test_a_read_receipt_is_an_automatic_reply(letter, eka):
    token = token_for(letter, eka)
    raw = (
        f"From: {EKA_EMAIL}\nTo: reply+{token}@mail.lanchkhuti.example.ge\n"
        "Subject: Read: Letter\nMessage-ID: <mdn-1@lanchkhuti.example.ge>\nMIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"\n\n'
        "--b\nContent-Type: text/plain\n\nYour message was read.\n"
        "--b\nContent-Type: message/disposition-notification\n\n"
        "Final-Recipient: rfc822; e.kvirikashvili@lanchkhuti.example.ge\n"
        "Disposition: manual-action/MDN-sent-manually; displayed\n--b--\n"
    ).encode()

    inbound = mail_receive(raw)

    assert inbound.status == InboundStatus.AUTO_REPLY
    assert answers(letter) == []


def test_the_same_message_twice_is_acted_on_once(letter, eka):
    raw = eml("georgian_base64.eml", letter, eka)

    first = mail_receive(raw)
    again = mail_receive(raw)

    assert first.status == InboundStatus.ACCEPTED
    assert again.status == InboundStatus.DUPLICATE
    assert again.duplicate_of == first
    assert len(answers(letter)) == 1
    assert InboundMail.objects.count() == 2


def test_a_message_without_message_id_is_known_again_by_its_content(letter, eka):
    raw = eml("georgian_base64.eml", letter, eka).replace(
        b"Message-ID: <CAF1b64-georgian-2@mail.gmail.com>\n", b""
    )

    mail_receive(raw)

    assert mail_receive(raw).status == InboundStatus.DUPLICATE
    assert len(answers(letter)) == 1


def test_every_message_is_kept_whole(letter, eka):
    raw = eml("attachments_non_ascii.eml", letter, eka)

    inbound = mail_receive(raw)

    inbound.refresh_from_db()
    assert bytes(inbound.raw) == raw
    assert inbound.size == len(raw)
    assert inbound.message_id == "<attach-3@lanchkhuti.example.ge>"
    assert [f["name"] for f in inbound.files] == ["პასუხი.pdf", "смета.jpg"]


def test_garbage_is_held_as_unreadable_rather_than_lost(letter):
    inbound = mail_receive(b"\x00\xff not an e-mail at all \x00")

    assert inbound.status == InboundStatus.HELD
    assert inbound.hold_reason in (HoldReason.NO_REPLY_ADDRESS, HoldReason.UNREADABLE)
    assert InboundMail.objects.filter(pk=inbound.pk).exists()


# --- Bounces --------------------------------------------------------------------


def test_a_bounce_marks_the_officials_address_and_alerts_the_clerks(
    letter, eka, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        inbound = mail_receive(eml("dsn_bounce.eml", letter, eka))

    assert inbound.status == InboundStatus.BOUNCE
    assert inbound.letter == letter and inbound.official == eka
    assert inbound.detail == "smtp; 550 5.1.1 User unknown"
    eka.refresh_from_db()
    assert eka.email_bounced_at == inbound.received_at
    assert eka.email_bounce_reason == "smtp; 550 5.1.1 User unknown"
    [alert] = [m for m in mail.outbox if m.to == ["clerk@lanchkhuti.example.ge"]]
    assert "ეკა კვირიკაშვილი" in alert.subject
    assert letter.number in alert.body
    assert f"/letters/staff/{letter.uuid}/" in alert.body
    # Only the clerk of the letter's body: not the head, nor the administrator.
    assert not [m for m in mail.outbox if m.to == ["head@lanchkhuti.example.ge"]]
    assert answers(letter) == []


def test_a_bounce_without_a_clerk_alerts_the_administrators(
    letter, eka, staff, django_capture_on_commit_callbacks
):
    staff["clerk"].memberships.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        mail_receive(eml("dsn_bounce.eml", letter, eka))

    # The alert is in Georgian: find it by its recipient, the only mail of the test.
    assert [m.to for m in mail.outbox] == [["admin@lanchkhuti.example.ge"]]


def test_a_bounce_keeps_the_date_of_the_first_bounce(letter, eka):
    first = timezone.now() - datetime.timedelta(days=3)
    eka.email_bounced_at = first
    eka.save()

    mail_receive(eml("dsn_bounce.eml", letter, eka))

    eka.refresh_from_db()
    assert eka.email_bounced_at == first


def test_a_delay_warning_is_recorded_without_marking_the_address(letter, eka):
    raw = eml(
        "dsn_bounce.eml",
        letter,
        eka,
        **{"Action: failed": "Action: delayed", "Status: 5.1.1": "Status: 4.4.1"},
    )

    inbound = mail_receive(raw)

    assert inbound.status == InboundStatus.BOUNCE
    eka.refresh_from_db()
    assert eka.email_bounced_at is None


def test_a_bounce_found_by_its_failed_recipient_when_the_address_is_not_verp(letter, eka):
    raw = eml("dsn_bounce.eml", **{"bounce+BOUNCE_TOKEN": "noreply"})

    inbound = mail_receive(raw)

    assert inbound.status == InboundStatus.BOUNCE
    assert inbound.official == eka and inbound.letter is None
    eka.refresh_from_db()
    assert eka.email_bounced_at is not None


def test_an_out_of_office_reply_to_the_bounce_address_is_no_bounce(letter, eka):
    token = token_for(letter, eka)
    bounce = token_for(letter, eka, purpose="bounce")
    raw = eml("auto_reply.eml", letter, eka).replace(
        f"reply+{token}".encode(), f"bounce+{bounce}".encode()
    )

    assert mail_receive(raw).status == InboundStatus.AUTO_REPLY
    eka.refresh_from_db()
    assert eka.email_bounced_at is None

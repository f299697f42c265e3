"""The moderation queue, a held e-mail's page and its decisions, the panel on a letter's page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from emanager.letters.choices import LetterStatus
from emanager.letters.models import Attachment, Message
from emanager.mailin.choices import HoldReason, InboundStatus
from emanager.mailin.models import Dispatch, InboundMail
from emanager.mailin.services import mail_receive
from emanager.staff.permissions import can_moderate_mail, can_send_by_email
from tests.factories import BodyFactory, MunicipalityFactory
from tests.mailin.conftest import eml

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    return reverse("mailin:queue")


@pytest.fixture
def held(letter, eka):
    """Nika, Eka's deputy, answered from his own address: held as an unknown sender."""
    return mail_receive(eml("unknown_sender.eml", letter, eka))


def page(response) -> str:
    return response.content.decode()


# --- Who may use the queue --------------------------------------------------------


def test_the_queue_asks_an_anonymous_visitor_to_log_in(client, municipality, queue):
    response = client.get(queue)

    assert response.status_code == 302
    assert reverse("staff:login") in response["Location"]


@pytest.mark.parametrize("name", ["head", "official"])
def test_staff_who_do_not_keep_the_registry_are_refused(login, staff, name, queue):
    response = login(staff[name]).get(queue)

    assert response.status_code == 403
    assert "No access to e-mail answers" in page(response)


def test_a_user_without_a_role_is_refused(login, staff, queue):
    assert login(staff["outsider"]).get(queue).status_code == 403


@pytest.mark.parametrize("name", ["clerk", "admin"])
def test_clerks_and_administrators_keep_the_queue(login, staff, name, municipality, queue):
    assert login(staff[name]).get(queue).status_code == 200
    assert can_moderate_mail(staff[name], municipality)


def test_a_held_email_of_another_municipality_is_not_found(login, staff, held):
    other = MunicipalityFactory(slug="ozurgeti")
    InboundMail.objects.filter(pk=held.pk).update(municipality=other)

    response = login(staff["admin"]).get(reverse("mailin:detail", kwargs={"pk": held.pk}))

    assert response.status_code == 404


def test_the_nav_link_shows_for_a_clerk_and_not_for_an_official(login, staff, client, queue):
    inbox = reverse("staff:inbox")

    assert f'href="{queue}"' in page(login(staff["clerk"]).get(inbox))
    client.logout()
    assert f'href="{queue}"' not in page(login(staff["official"]).get(inbox))


# --- The list ---------------------------------------------------------------------


def test_an_empty_queue_says_so(login, staff, queue):
    response = login(staff["clerk"]).get(queue)

    assert "No e-mail waits for a decision." in page(response)


def test_the_queue_lists_held_emails_and_on_request_every_email(
    login, staff, held, letter, eka, queue
):
    accepted = mail_receive(eml("georgian_base64.eml", letter, eka))
    client = login(staff["clerk"])

    held_page = page(client.get(queue))
    all_page = page(client.get(queue + "?show=all"))

    detail = reverse("mailin:detail", kwargs={"pk": held.pk})
    assert detail in held_page
    assert "The sender is not an official of the directory" in held_page
    assert reverse("mailin:detail", kwargs={"pk": accepted.pk}) not in held_page
    assert reverse("mailin:detail", kwargs={"pk": accepted.pk}) in all_page
    assert "Accepted as the answer" in all_page


def test_the_queue_is_paginated(login, staff, municipality, queue):
    for number in range(27):
        InboundMail.objects.create(
            municipality=municipality,
            status=InboundStatus.HELD,
            hold_reason=HoldReason.NO_REPLY_ADDRESS,
            message_id=f"<{number}@example.ge>",
            subject=f"Message {number}",
            raw=b"Subject: x\n\n",
        )
    client = login(staff["clerk"])

    first, second = client.get(queue), client.get(queue + "?page=2")

    assert "Page 1 of 2" in page(first)
    assert page(second).count('class="card"') == 2


def test_the_queue_warns_of_bouncing_addresses(login, staff, eka, queue):
    eka.email_bounced_at = timezone.now() - datetime.timedelta(days=1)
    eka.email_bounce_reason = "550 5.1.1 User unknown"
    eka.save()

    response = login(staff["clerk"]).get(queue)

    assert "Addresses that bounce" in page(response)
    assert "e.kvirikashvili@lanchkhuti.example.ge" in page(response)
    assert "550 5.1.1 User unknown" in page(response)


# --- A held e-mail ------------------------------------------------------------------


def test_a_held_email_shows_sender_reason_and_text(login, staff, held, letter):
    response = login(staff["clerk"]).get(reverse("mailin:detail", kwargs={"pk": held.pk}))

    content = page(response)
    assert "nika.deputy@gmail.example" in content
    assert "The sender is not an official of the directory" in content
    assert "მე ვარ ეკას მოადგილე. ნათურები შევცვალეთ." in content
    # The letter of its reply address is suggested.
    assert f'value="{letter.number}"' in content


def test_the_text_of_an_email_is_shown_escaped(login, staff, municipality):
    inbound = InboundMail.objects.create(
        municipality=municipality,
        status=InboundStatus.HELD,
        hold_reason=HoldReason.NO_REPLY_ADDRESS,
        message_id="<xss@example.ge>",
        subject="<b>Hi</b>",
        text='<script>alert("x")</script><img src=x onerror=alert(1)>',
        raw=b"Subject: x\n\n",
    )

    content = page(login(staff["clerk"]).get(reverse("mailin:detail", kwargs={"pk": inbound.pk})))

    assert "<script>alert" not in content and "<img src=x" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content
    assert "&lt;b&gt;Hi&lt;/b&gt;" in content


def test_the_files_of_a_held_email_download_as_files(login, staff, letter, eka):
    raw = eml("attachments_non_ascii.eml", letter, eka, **{"e.kvirikashvili@": "someone.else@"})
    inbound = mail_receive(raw)
    client = login(staff["clerk"])

    content = page(client.get(reverse("mailin:detail", kwargs={"pk": inbound.pk})))
    response = client.get(reverse("mailin:file", kwargs={"pk": inbound.pk, "index": 1}))

    assert "პასუხი.pdf" in content and "смета.jpg" in content
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert (
        client.get(reverse("mailin:file", kwargs={"pk": inbound.pk, "index": 9})).status_code == 404
    )


# --- Attach as the answer -----------------------------------------------------------


def test_attaching_asks_for_confirmation_first(login, staff, held, letter):
    url = reverse("mailin:attach", kwargs={"pk": held.pk})

    response = login(staff["clerk"]).get(url, {"number": letter.number})

    assert response.status_code == 200
    assert f"Send this e-mail as the answer to letter {letter.number}?" in page(response)
    assert not Message.objects.filter(letter=letter, is_answer=True).exists()


def test_a_confirmed_attach_makes_the_email_the_answer(login, staff, held, letter):
    client = login(staff["clerk"])

    response = client.post(
        reverse("mailin:attach", kwargs={"pk": held.pk}),
        {"number": letter.number, "confirm": "yes"},
        follow=True,
    )

    [answer] = Message.objects.filter(letter=letter, is_answer=True)
    assert answer.body.startswith("გამარჯობა,\n\nმე ვარ ეკას მოადგილე.")
    assert answer.author_label == "Nika Deputy"
    held.refresh_from_db()
    assert held.status == InboundStatus.ATTACHED
    assert (held.answer, held.moderated_by) == (answer, staff["clerk"])
    assert response.redirect_chain[-1][0] == reverse(
        "letters:staff_letter", kwargs={"uuid": letter.uuid}
    )
    assert f"The e-mail became the answer to letter {letter.number}." in page(response)


def test_attaching_keeps_the_files_that_pass_and_says_which_were_left_out(
    login, staff, letter, eka
):
    exe = "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACAAAAA"
    raw = eml(
        "attachments_non_ascii.eml",
        letter,
        eka,
        **{"JVBERi0xLjQKMSAwIG9iajw8Pj5lbmRvYmoKdHJhaWxlcjw8Pj4KJSVFT0YK": exe},
    )
    inbound = mail_receive(raw)
    assert inbound.hold_reason == HoldReason.FILE_REFUSED

    response = login(staff["clerk"]).post(
        reverse("mailin:attach", kwargs={"pk": inbound.pk}),
        {"number": letter.number, "confirm": "yes"},
        follow=True,
    )

    [answer] = Message.objects.filter(letter=letter, is_answer=True)
    assert [a.original_name for a in Attachment.objects.filter(message=answer)] == ["смета.jpg"]
    assert "Files left out of the answer" in page(response)


def test_an_unknown_number_is_refused_with_a_clear_error(login, staff, held):
    response = login(staff["clerk"]).get(
        reverse("mailin:attach", kwargs={"pk": held.pk}), {"number": "LAN-1999-000001"}
    )

    assert response.status_code == 400
    assert "None of the letters you can see has the number LAN-1999-000001." in page(response)
    assert InboundMail.objects.get(pk=held.pk).status == InboundStatus.HELD


def test_a_letter_the_clerk_cannot_see_cannot_be_chosen(login, staff, held, write, municipality):
    other_body = BodyFactory(municipality=municipality, slug="finance", name_en="Finance")
    other = write(to=None, addressee_body=other_body)

    response = login(staff["clerk"]).post(
        reverse("mailin:attach", kwargs={"pk": held.pk}),
        {"number": other.number, "confirm": "yes"},
    )

    assert response.status_code == 400
    assert not Message.objects.filter(letter=other, is_answer=True).exists()


def test_a_closed_letter_cannot_take_the_email(login, staff, held, letter):
    letter.status = LetterStatus.CLOSED
    letter.save()

    response = login(staff["clerk"]).post(
        reverse("mailin:attach", kwargs={"pk": held.pk}),
        {"number": letter.number, "confirm": "yes"},
    )

    assert response.status_code == 400
    assert "is closed" in page(response)


def test_an_email_decided_on_cannot_be_attached_again(login, staff, held, letter):
    client = login(staff["clerk"])
    url = reverse("mailin:attach", kwargs={"pk": held.pk})
    client.post(url, {"number": letter.number, "confirm": "yes"})

    response = client.post(url, {"number": letter.number, "confirm": "yes"}, follow=True)

    assert "no longer waiting for a decision" in page(response)
    assert Message.objects.filter(letter=letter, is_answer=True).count() == 1


# --- Discard ------------------------------------------------------------------------


def test_discarding_asks_for_confirmation_then_keeps_the_record(login, staff, held, letter):
    client = login(staff["clerk"])
    url = reverse("mailin:discard", kwargs={"pk": held.pk})

    confirm = client.get(url)
    response = client.post(url, follow=True)

    assert "Discard this e-mail?" in page(confirm)
    held.refresh_from_db()
    assert held.status == InboundStatus.DISCARDED
    assert held.moderated_by == staff["clerk"]
    assert "The e-mail was discarded." in page(response)
    assert not Message.objects.filter(letter=letter, is_answer=True).exists()


# --- The panel on the letter's page ---------------------------------------------------


def letter_page(client, letter) -> str:
    return page(client.get(reverse("letters:staff_letter", kwargs={"uuid": letter.uuid})))


def test_the_panel_says_the_official_answers_by_email_and_offers_sending_again(
    login, staff, letter
):
    content = letter_page(login(staff["clerk"]), letter)

    assert "does not log in to e-Manager" in content
    assert "sent when the letter was registered" in content
    assert "Send to the official by e-mail again" in content


def test_the_panel_warns_of_a_bouncing_address(login, staff, letter, eka):
    eka.email_bounced_at = timezone.now()
    eka.email_bounce_reason = "550 5.1.1 User unknown"
    eka.save()

    content = letter_page(login(staff["clerk"]), letter)

    assert "bounces" in content and "550 5.1.1 User unknown" in content


def test_the_panel_lists_the_emails_received_for_the_letter(login, staff, held, letter):
    content = letter_page(login(staff["clerk"]), letter)

    assert "E-mails received for this letter" in content
    assert reverse("mailin:detail", kwargs={"pk": held.pk}) in content


def test_a_clerk_sends_the_letter_again_from_the_panel(
    login, staff, letter, eka, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        response = login(staff["clerk"]).post(
            reverse("mailin:send", kwargs={"uuid": letter.uuid}), follow=True
        )

    assert "The letter was e-mailed to Eka Kvirikashvili" in page(response)
    assert Dispatch.objects.filter(letter=letter, sent_by=staff["clerk"]).exists()
    assert [m.to for m in mail.outbox].count(["e.kvirikashvili@lanchkhuti.example.ge"]) == 1


def test_an_official_who_only_sees_the_letter_cannot_send_it(login, staff, letter):
    assert not can_send_by_email(staff["official"], letter)

    response = login(staff["official"]).post(reverse("mailin:send", kwargs={"uuid": letter.uuid}))

    assert response.status_code == 404
    assert not Dispatch.objects.filter(sent_by__isnull=False).exists()


def test_sending_needs_a_post(login, staff, letter):
    response = login(staff["clerk"]).get(reverse("mailin:send", kwargs={"uuid": letter.uuid}))

    assert response.status_code == 405

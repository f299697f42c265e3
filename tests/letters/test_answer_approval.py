"""Outgoing numbers of answers, and the head's approval of answers before they are sent."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from emanager.letters import tokens
from emanager.letters.attachments import check_files
from emanager.letters.choices import Channel, EventKind, LetterStatus, MessageStatus
from emanager.letters.models import Message, RegisterCounter
from emanager.letters.staff_services import (
    ActionRefused,
    answer_approve,
    answer_return,
    letter_answer,
)
from emanager.notifications.models import OutboxMessage
from emanager.staff.models import Membership, StaffRole
from tests.letters.conftest import PDF

pytestmark = pytest.mark.django_db


def staff_user(name, municipality, body, role, **extra):
    user = get_user_model().objects.create_user(
        name, email=f"{name}@example.ge", password="pw-123456", **extra
    )
    Membership.objects.create(user=user, municipality=municipality, body=body, role=role)
    return user


@pytest.fixture
def approving(finance):
    finance.answers_need_approval = True
    finance.save(update_fields=["answers_need_approval"])
    return finance


@pytest.fixture
def head(municipality, approving):
    return staff_user(
        "head", municipality, approving, StaffRole.HEAD, first_name="Merab", last_name="Gogitidze"
    )


@pytest.fixture
def clerk(municipality, approving):
    return staff_user(
        "clerk",
        municipality,
        approving,
        StaffRole.CLERK,
        first_name="Tamar",
        last_name="Mzhavanadze",
    )


def mails(template):
    return list(OutboxMessage.objects.filter(template=template))


def kinds(letter):
    return list(letter.events.order_by("seq").values_list("kind", flat=True))


def pending_answer(letter, clerk, body="The lamps will be replaced on Monday."):
    return letter_answer(letter=letter, actor=clerk, body=body, files=[])


def track_url(letter):
    return f"/en/letters/track/{tokens.tracking_token(letter)}/"


def staff_url(letter):
    return f"/en/letters/staff/{letter.uuid}/"


# --- Outgoing numbers -----------------------------------------------------------


def test_a_sent_answer_takes_the_next_outgoing_number(registered, head):
    first = letter_answer(letter=registered(), actor=head, body="First.", files=[])
    second = letter_answer(letter=registered(), actor=head, body="Second.", files=[])
    assert (first.out_sequence, second.out_sequence) == (1, 2)
    assert first.out_register.direction == "outgoing"
    assert first.out_number == first.out_register.format_number(
        year=first.out_year, number=first.out_sequence
    )
    assert first.status == MessageStatus.SENT
    assert first.sent_at is not None


def test_the_citizens_answered_email_carries_the_outgoing_number(registered, head):
    message = letter_answer(letter=registered(), actor=head, body="Done.", files=[])
    (mail,) = mails("letters/answered")
    assert mail.context["out_number"] == message.out_number


def test_a_failed_answer_gives_its_outgoing_number_back(registered, head, monkeypatch):
    from emanager.letters import staff_services

    letter = registered()

    def broken(*args, **kwargs):
        raise RuntimeError("the outbox is down")

    monkeypatch.setattr(staff_services, "_tell_citizen", broken)
    with pytest.raises(RuntimeError):
        letter_answer(letter=letter, actor=head, body="Lost.", files=[])
    assert not Message.objects.exists()
    monkeypatch.undo()
    message = letter_answer(letter=letter, actor=head, body="Kept.", files=[])
    assert message.out_sequence == 1


def test_an_answer_waiting_for_approval_takes_no_number(registered, clerk, head):
    waiting = pending_answer(registered(), clerk)
    sent = letter_answer(letter=registered(), actor=head, body="Sent at once.", files=[])
    assert waiting.out_number == ""
    assert sent.out_sequence == 1
    approved = answer_approve(message=waiting, actor=head)
    assert approved.out_sequence == 2
    counter = RegisterCounter.objects.get(register=approved.out_register)
    assert counter.last_number == 2


# --- Approval -------------------------------------------------------------------


def test_an_answer_by_a_non_head_waits_and_the_citizen_hears_nothing(registered, clerk, head):
    letter = registered()
    message = pending_answer(letter, clerk)
    letter.refresh_from_db()
    assert message.status == MessageStatus.PENDING_APPROVAL
    assert letter.status == LetterStatus.OPEN
    assert letter.answered_at is None
    assert kinds(letter)[-1] == EventKind.ANSWER_PENDING
    assert not mails("letters/answered")
    (mail,) = mails("letters/approval_requested")
    assert mail.to == head.email
    assert mail.context["author"] == "Tamar Mzhavanadze"
    assert str(letter.uuid) in mail.context["url"]


def test_a_heads_answer_is_sent_at_once(registered, head):
    message = letter_answer(letter=registered(), actor=head, body="Done.", files=[])
    assert message.status == MessageStatus.SENT
    assert not mails("letters/approval_requested")


def test_without_the_setting_nobody_waits(registered, clerk, approving):
    approving.answers_need_approval = False
    approving.save()
    assert pending_answer(registered(), clerk).status == MessageStatus.SENT


def test_the_head_of_a_body_above_approves_when_the_body_has_no_head(
    municipality, registered, finance
):
    from tests.factories import BodyFactory

    division = BodyFactory(municipality=municipality, parent=finance, answers_need_approval=True)
    chief = staff_user("chief", municipality, finance, StaffRole.HEAD)
    clerk = staff_user("division-clerk", municipality, division, StaffRole.CLERK)
    letter = registered()
    letter.addressee_body = division
    letter.save()
    message = pending_answer(letter, clerk)
    assert [m.to for m in mails("letters/approval_requested")] == [chief.email]
    assert answer_approve(message=message, actor=chief).status == MessageStatus.SENT


def test_approving_sends_the_answer_with_its_number(registered, clerk, head):
    letter = registered()
    message = answer_approve(message=pending_answer(letter, clerk), actor=head)
    letter.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert (message.approved_by, message.author) == (head, clerk)
    assert message.approved_at is not None
    assert message.out_number
    assert letter.status == LetterStatus.ANSWERED
    assert kinds(letter)[-2:] == [EventKind.ANSWER_APPROVED, EventKind.ANSWERED]
    answered = letter.events.get(kind=EventKind.ANSWERED)
    assert (answered.actor, answered.data["out_number"]) == (clerk, message.out_number)
    (mail,) = mails("letters/answered")
    assert mail.context["answer"] == "The lamps will be replaced on Monday."


def test_returning_keeps_the_answer_inside_and_tells_its_author(registered, clerk, head):
    letter = registered()
    message = answer_return(
        message=pending_answer(letter, clerk), actor=head, remark="Name the contractor."
    )
    letter.refresh_from_db()
    assert message.status == MessageStatus.RETURNED
    assert message.review_note == "Name the contractor."
    assert letter.status == LetterStatus.OPEN
    assert kinds(letter)[-1] == EventKind.ANSWER_RETURNED
    (mail,) = mails("letters/answer_returned")
    assert (mail.to, mail.context["remark"], mail.context["by"]) == (
        clerk.email,
        "Name the contractor.",
        "Merab Gogitidze",
    )
    assert not mails("letters/answered")


def test_returning_needs_a_remark(registered, clerk, head):
    with pytest.raises(ActionRefused):
        answer_return(message=pending_answer(registered(), clerk), actor=head, remark="  ")


def test_the_author_revises_a_returned_answer_and_submits_it_again(registered, clerk, head):
    letter = registered()
    returned = answer_return(message=pending_answer(letter, clerk), actor=head, remark="Date?")
    revised = pending_answer(letter, clerk, body="The lamps will be replaced on 3 March.")
    assert revised.pk == returned.pk
    assert revised.status == MessageStatus.PENDING_APPROVAL
    assert revised.body == "The lamps will be replaced on 3 March."
    assert revised.review_note == ""
    assert Message.objects.filter(letter=letter, is_answer=True).count() == 1
    assert len(mails("letters/approval_requested")) == 2


def test_only_one_answer_waits_at_a_time(registered, clerk):
    letter = registered()
    pending_answer(letter, clerk)
    with pytest.raises(ActionRefused, match="already waiting"):
        pending_answer(letter, clerk, body="Another one.")


def test_an_answer_is_approved_only_once(registered, clerk, head):
    message = answer_approve(message=pending_answer(registered(), clerk), actor=head)
    with pytest.raises(ActionRefused):
        answer_approve(message=message, actor=head)
    with pytest.raises(ActionRefused):
        answer_return(message=message, actor=head, remark="Too late.")


def test_an_answer_by_email_from_an_official_without_login_waits_too(registered, head):
    letter = registered()
    message = letter_answer(
        letter=letter,
        actor=None,
        body="Answered from my phone.",
        files=[],
        source=Channel.EMAIL,
        author_label="Giorgi Beridze <beridze@example.ge>",
    )
    assert (message.author, message.author_label, message.source) == (
        None,
        "Giorgi Beridze <beridze@example.ge>",
        Channel.EMAIL,
    )
    assert message.status == MessageStatus.PENDING_APPROVAL
    assert letter.events.get(kind=EventKind.ANSWER_PENDING).actor_label.startswith("Giorgi")
    returned = answer_return(message=message, actor=head, remark="Too short.")
    assert returned.status == MessageStatus.RETURNED
    assert not mails("letters/answer_returned")  # no user to tell


def test_an_email_answer_is_sent_where_no_approval_is_asked(registered, finance):
    message = letter_answer(
        letter=registered(),
        actor=None,
        body="Answered by e-mail.",
        files=[],
        source=Channel.EMAIL,
        author_label="Giorgi Beridze",
    )
    assert message.status == MessageStatus.SENT
    assert message.out_number
    assert message.letter.events.get(kind=EventKind.ANSWERED).actor_label == "Giorgi Beridze"


# --- What the citizen sees ------------------------------------------------------


def test_the_citizen_never_sees_a_waiting_or_returned_answer(client, registered, clerk, head):
    letter = registered()
    message = pending_answer(letter, clerk, body="Draft the citizen must not read.")
    page = client.get(track_url(letter)).text
    assert "Draft the citizen must not read." not in page
    assert "approval" not in page.lower()
    answer_return(message=message, actor=head, remark="Secret remark of the head.")
    page = client.get(track_url(letter)).text
    assert "Draft the citizen must not read." not in page
    assert "Secret remark of the head." not in page
    assert "Returned for changes" not in page


def test_the_citizen_sees_the_approved_answer_with_its_outgoing_number(
    client, registered, clerk, head
):
    letter = registered()
    message = answer_approve(message=pending_answer(letter, clerk), actor=head)
    response = client.get(track_url(letter))
    assert "The lamps will be replaced on Monday." in response.text
    assert message.out_number in response.text
    shown = {event.kind for event in response.context["events"]}
    assert EventKind.ANSWERED in shown
    assert not shown & {
        EventKind.ANSWER_PENDING,
        EventKind.ANSWER_APPROVED,
        EventKind.ANSWER_RETURNED,
    }


def test_the_files_of_a_waiting_answer_cannot_be_downloaded_by_the_citizen(
    client, registered, clerk, head
):
    letter = registered()
    files = check_files([SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")])
    message = letter_answer(letter=letter, actor=clerk, body="With a plan.", files=files)
    attachment = message.attachments.get()
    url = f"{track_url(letter)}files/{attachment.pk}/"
    assert client.get(url).status_code == 404
    answer_approve(message=message, actor=head)
    assert client.get(url).status_code == 200


# --- The staff page ---------------------------------------------------------------


def test_the_clerk_submits_for_approval_through_the_page(client, registered, clerk):
    letter = registered()
    client.force_login(clerk)
    page = client.get(staff_url(letter))
    assert page.context["needs_approval"]
    assert "Submit for approval" in page.text
    response = client.post(staff_url(letter) + "answer/", {"body": "Will be fixed."}, follow=True)
    assert "submitted for the head&#x27;s approval" in response.text
    assert response.context["draft"].status == MessageStatus.PENDING_APPROVAL
    assert "answer" not in response.context["forms"]
    assert response.context["review_form"] is None
    assert "waiting for the head" in response.text


def test_the_head_sees_the_answer_waiting_and_approves_it(client, registered, clerk, head):
    letter = registered()
    message = pending_answer(letter, clerk)
    client.force_login(head)
    page = client.get(staff_url(letter))
    assert page.context["review_form"] is not None
    response = client.post(
        staff_url(letter) + "review/",
        {"review-message": message.pk, "review-decision": "approve"},
        follow=True,
    )
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.out_number in response.text


def test_the_head_returns_the_answer_with_a_remark_through_the_page(
    client, registered, clerk, head
):
    letter = registered()
    message = pending_answer(letter, clerk)
    client.force_login(head)
    url = staff_url(letter) + "review/"
    refused = client.post(url, {"review-message": message.pk, "review-decision": "return"})
    assert refused.status_code == 400
    assert "Say what should change" in refused.text
    client.post(
        url,
        {"review-message": message.pk, "review-decision": "return", "review-remark": "Add date."},
    )
    message.refresh_from_db()
    assert (message.status, message.review_note) == (MessageStatus.RETURNED, "Add date.")
    client.force_login(clerk)
    page = client.get(staff_url(letter))
    assert page.context["forms"]["answer"].initial["body"] == message.body
    assert "Change the returned answer" in page.text
    assert "Add date." in page.text


def test_only_a_head_may_approve(client, registered, clerk):
    letter = registered()
    message = pending_answer(letter, clerk)
    client.force_login(clerk)
    response = client.post(
        staff_url(letter) + "review/",
        {"review-message": message.pk, "review-decision": "approve"},
    )
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.status == MessageStatus.PENDING_APPROVAL


# --- The inbox and the body's setting ---------------------------------------------


def test_the_heads_inbox_counts_and_filters_the_answers_waiting(client, registered, clerk, head):
    waiting = registered(subject="Waiting one")
    registered(subject="Other one")
    pending_answer(waiting, clerk)
    client.force_login(head)
    inbox = client.get("/en/staff/")
    assert inbox.context["awaiting_approval"] == 1
    filtered = client.get("/en/staff/", {"awaiting_approval": "on"})
    assert [letter.pk for letter in filtered.context["page"].object_list] == [waiting.pk]


def test_the_approval_filter_is_only_for_heads(client, registered, clerk):
    client.force_login(clerk)
    inbox = client.get("/en/staff/")
    assert inbox.context["awaiting_approval"] is None
    assert "awaiting_approval" not in inbox.context["filter"].form.fields


def test_a_head_turns_approval_off_for_their_body(client, approving, head):
    client.force_login(head)
    response = client.post(f"/en/staff/bodies/{approving.pk}/approval/", {})
    assert response.status_code == 302
    approving.refresh_from_db()
    assert approving.answers_need_approval is False
    client.post(
        f"/en/staff/bodies/{approving.pk}/approval/",
        {f"body-{approving.pk}-answers_need_approval": "on"},
    )
    approving.refresh_from_db()
    assert approving.answers_need_approval is True


def test_a_clerk_cannot_change_the_setting(client, approving, clerk):
    client.force_login(clerk)
    response = client.post(f"/en/staff/bodies/{approving.pk}/approval/", {})
    assert response.status_code == 404
    approving.refresh_from_db()
    assert approving.answers_need_approval is True


@pytest.mark.parametrize("language", ["ka", "en"])
def test_the_approval_emails_render(registered, clerk, head, language):
    from emanager.notifications.emails import render_email

    answer_return(message=pending_answer(registered(), clerk), actor=head, remark="Add a date.")
    for template in ("letters/approval_requested", "letters/answer_returned"):
        (mail,) = mails(template)
        email = render_email(template=template, language=language, context=mail.context, to=mail.to)
        assert email.subject.strip()
        assert "{{" not in email.body and "{%" not in email.body
        assert mail.context["url"] in email.body
        assert "<html" in email.alternatives[0].content.lower()

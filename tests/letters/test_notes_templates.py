"""Internal notes on a letter, and the answer templates of a body."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from emanager.letters import tokens
from emanager.letters.answer_templates import answer_template_fill, placeholders_check
from emanager.letters.models import AnswerTemplate, InternalNote
from emanager.letters.staff_services import note_add
from emanager.notifications.models import OutboxMessage
from emanager.staff.models import Membership, StaffRole
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


def staff_user(name, municipality, body, role, **extra):
    user = get_user_model().objects.create_user(
        name, email=f"{name}@example.ge", password="pw-123456", **extra
    )
    Membership.objects.create(user=user, municipality=municipality, body=body, role=role)
    return user


@pytest.fixture
def head(municipality, finance):
    return staff_user(
        "head", municipality, finance, StaffRole.HEAD, first_name="Merab", last_name="Gogitidze"
    )


@pytest.fixture
def clerk(municipality, finance):
    return staff_user(
        "clerk", municipality, finance, StaffRole.CLERK, first_name="Tamar", last_name="Mzhavanadze"
    )


@pytest.fixture
def official(municipality, finance):
    return staff_user("official", municipality, finance, StaffRole.OFFICIAL)


@pytest.fixture
def other_body(municipality):
    return BodyFactory(municipality=municipality, name_en="Culture Service")


@pytest.fixture
def template(finance, head):
    return AnswerTemplate.objects.create(
        body=finance,
        title="Repairs planned",
        text="Dear {name}, your letter {number} of {date} on “{subject}” is answered by "
        "{official} of the {body}. The work is done by {deadline}.",
        created_by=head,
    )


def staff_url(letter):
    return f"/en/letters/staff/{letter.uuid}/"


# --- Internal notes ---------------------------------------------------------------


def test_a_note_is_added_through_the_page_with_its_author(client, registered, head):
    letter = registered()
    client.force_login(head)
    response = client.post(
        staff_url(letter) + "note/", {"note-body": "Called the contractor."}, follow=True
    )
    note = InternalNote.objects.get()
    assert (note.letter, note.author, note.body) == (letter, head, "Called the contractor.")
    assert "Called the contractor." in response.text
    assert "Merab Gogitidze" in response.text


def test_notes_are_listed_newest_last(client, registered, head, clerk):
    letter = registered()
    now = datetime.datetime.now(datetime.UTC)
    note_add(letter=letter, actor=clerk, body="Second note", now=now)
    note_add(letter=letter, actor=head, body="First note", now=now - datetime.timedelta(hours=1))
    client.force_login(head)
    notes = client.get(staff_url(letter)).context["notes"]
    assert [note.body for note in notes] == ["First note", "Second note"]


def test_an_empty_note_is_refused(client, registered, head):
    client.force_login(head)
    response = client.post(staff_url(registered()) + "note/", {"note-body": ""})
    assert response.status_code == 400
    assert response.context["note_form"].errors["body"]
    assert not InternalNote.objects.exists()


def test_staff_who_cannot_see_the_letter_cannot_add_a_note(client, registered, municipality):
    stranger = staff_user("stranger", municipality, BodyFactory(municipality=municipality), "head")
    client.force_login(stranger)
    assert client.post(staff_url(registered()) + "note/", {"note-body": "x"}).status_code == 404
    assert not InternalNote.objects.exists()


def test_the_citizen_never_sees_a_note(client, registered, head):
    letter = registered()
    note_add(letter=letter, actor=head, body="The citizen complains every week.")
    page = client.get(f"/en/letters/track/{tokens.tracking_token(letter)}/").text
    assert "The citizen complains every week." not in page
    assert "Internal notes" not in page
    contexts = [str(mail.context) for mail in OutboxMessage.objects.all()]
    assert not any("complains every week" in context for context in contexts)
    assert not letter.events.filter(data__icontains="complains").exists()


# --- Placeholders -----------------------------------------------------------------


def test_known_placeholders_pass_the_check():
    placeholders_check("Dear {name}, letter {number} of {date}: {subject}. {deadline} {official}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Dear {citizen},", "Unknown placeholder: {citizen}"),
        ("Dear {name.upper},", "Unknown placeholder: {name.upper}"),
        ("Dear {},", "Unknown placeholder: {}"),
        ("Dear {name,", "Braces serve only for placeholders"),
        ("Dear name},", "Braces serve only for placeholders"),
    ],
)
def test_unknown_placeholders_and_stray_braces_are_refused(text, message):
    with pytest.raises(ValidationError) as error:
        placeholders_check(text)
    assert message in error.value.messages[0]
    assert "{name}" in error.value.messages[0]  # the list of the known ones


def test_a_template_is_filled_from_the_letter(registered, template, head):
    letter = registered(subject="Street lighting")
    text = answer_template_fill(template, letter=letter, official=head)
    assert text.startswith(f"Dear Nino Beridze, your letter {letter.number} of ")
    assert "“Street lighting”" in text
    assert "Merab Gogitidze of the Finance Service" in text
    assert "{" not in text


def test_filling_uses_the_letters_language_for_dates(registered, template, head):
    letter = registered(language="ka")
    text = answer_template_fill(template, letter=letter, official=head)
    months = ("იანვარი", "თებერვალი", "მარტი", "აპრილი", "მაისი", "ივნისი", "ივლისი")
    months += ("აგვისტო", "სექტემბერი", "ოქტომბერი", "ნოემბერი", "დეკემბერი")
    assert any(month in text for month in months)


# --- The template chooser of the letter page --------------------------------------


def test_choosing_a_template_fills_the_answer_without_javascript(
    client, registered, template, head
):
    letter = registered()
    client.force_login(head)
    response = client.get(staff_url(letter), {"template": template.pk})
    answer = response.context["forms"]["answer"]
    assert answer.initial["body"].startswith("Dear Nino Beridze,")
    assert "answer" in response.context["opened"]
    assert "Dear Nino Beridze," in response.text


def test_only_the_templates_of_the_letters_body_and_above_are_offered(
    client, municipality, registered, finance, template, head
):
    division = BodyFactory(municipality=municipality, parent=finance)
    other = AnswerTemplate.objects.create(
        body=BodyFactory(municipality=municipality), title="Elsewhere", text="No."
    )
    below = AnswerTemplate.objects.create(body=division, title="Division", text="No.")
    client.force_login(head)
    response = client.get(staff_url(registered()))
    offered = list(response.context["template_form"].fields["template"].queryset)
    assert offered == [template]
    assert (
        client.get(staff_url(registered()), {"template": other.pk})
        .context["forms"]["answer"]
        .initial
        == {}
    )
    assert below not in offered


def test_a_body_without_templates_shows_no_chooser(client, registered, head):
    client.force_login(head)
    assert client.get(staff_url(registered())).context["template_form"] is None


# --- The template pages -----------------------------------------------------------


def test_a_clerk_creates_a_template(client, finance, clerk):
    client.force_login(clerk)
    response = client.post(
        "/en/staff/templates/new/",
        {"body": finance.pk, "title": "Thanks", "text": "Dear {name}, thank you."},
    )
    assert response.status_code == 302
    template = AnswerTemplate.objects.get()
    assert (template.body, template.title, template.created_by) == (finance, "Thanks", clerk)
    listing = client.get("/en/staff/templates/")
    assert "Thanks" in listing.text


def test_an_unknown_placeholder_is_refused_on_save(client, finance, clerk):
    client.force_login(clerk)
    response = client.post(
        "/en/staff/templates/new/",
        {"body": finance.pk, "title": "Thanks", "text": "Dear {citizen_name}, thank you."},
    )
    assert response.status_code == 400
    assert "Unknown placeholder: {citizen_name}" in response.text
    assert not AnswerTemplate.objects.exists()


def test_a_second_template_with_the_same_title_is_refused(client, finance, clerk, template):
    client.force_login(clerk)
    response = client.post(
        "/en/staff/templates/new/",
        {"body": finance.pk, "title": template.title, "text": "Again."},
    )
    assert response.status_code == 400
    assert "already has a template with this title" in response.text


def test_a_head_edits_and_deletes_a_template(client, template, head):
    client.force_login(head)
    client.post(
        f"/en/staff/templates/{template.pk}/",
        {"body": template.body_id, "title": "Repairs", "text": "Done, {name}."},
    )
    template.refresh_from_db()
    assert (template.title, template.text) == ("Repairs", "Done, {name}.")
    confirm = client.get(f"/en/staff/templates/{template.pk}/delete/")
    assert "Delete the template" in confirm.text
    assert AnswerTemplate.objects.exists()
    client.post(f"/en/staff/templates/{template.pk}/delete/")
    assert not AnswerTemplate.objects.exists()


def test_a_template_goes_only_to_the_users_bodies(client, finance, other_body, clerk):
    client.force_login(clerk)
    response = client.post(
        "/en/staff/templates/new/", {"body": other_body.pk, "title": "X", "text": "Y"}
    )
    assert response.status_code == 400
    assert not AnswerTemplate.objects.exists()


def test_staff_of_another_body_cannot_reach_a_template(client, municipality, template, other_body):
    outsider = staff_user("culture-clerk", municipality, other_body, StaffRole.CLERK)
    client.force_login(outsider)
    assert client.get(f"/en/staff/templates/{template.pk}/").status_code == 404
    assert client.post(f"/en/staff/templates/{template.pk}/delete/").status_code == 404
    assert template.title not in client.get("/en/staff/templates/").text


def test_an_official_may_not_keep_templates(client, official):
    client.force_login(official)
    response = client.get("/en/staff/templates/")
    assert response.status_code == 403
    assert client.get("/en/staff/templates/new/").status_code == 403


def test_an_administrator_keeps_the_templates_of_every_body(client, municipality, other_body):
    admin = get_user_model().objects.create_user("admin", password="pw-123456")
    Membership.objects.create(user=admin, municipality=municipality, role=StaffRole.ADMIN)
    client.force_login(admin)
    response = client.get("/en/staff/templates/new/")
    assert other_body in response.context["form"].fields["body"].queryset


def test_the_templates_page_has_an_empty_state_and_lists_the_placeholders(client, clerk):
    client.force_login(clerk)
    response = client.get("/en/staff/templates/")
    assert "There are no templates yet" in response.text
    assert "{deadline}" in response.text

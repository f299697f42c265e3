"""The written explanation of a refusal: its template, review, sending, PDF and the 3-day duty."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from emanager.foi.jobs import foi_refusal_reminders
from emanager.foi.models import FoiRequest, FoiSettings
from emanager.foi.refusal import (
    DEFAULT_REFUSAL_TEMPLATE,
    PLACEHOLDERS,
    refusal_placeholders_check,
)
from emanager.foi.rules import refusal_explanation_due
from emanager.foi.services import (
    ActionRefused,
    FoiDecision,
    foi_decide,
    foi_refusal_letter_save,
    foi_refusal_letter_send,
    foi_settings_save,
)
from emanager.letters.choices import EventKind
from emanager.letters.models import Event
from emanager.notifications.models import OutboxMessage

ZONE = timezone.get_default_timezone()


def refuse(letter, actor, ground="executive_privilege", explanation="It is a draft."):
    return foi_decide(
        letter=letter,
        actor=actor,
        decision=FoiDecision(
            outcome="refused", refusal_ground=ground, refusal_explanation=explanation
        ),
    )


# --- The template -------------------------------------------------------------------------


def test_the_built_in_text_names_the_rights_and_the_appeal_route(foi_letter, staff, bodies):
    letter = foi_letter(author_name="Nino Beridze")
    request = refuse(letter, staff["head"])
    text = request.refusal_letter
    assert text.startswith("Dear Nino Beridze,")
    assert letter.number in text
    assert "Executive privilege" in text
    assert "It is a draft." in text
    # The finance service's superior body is the City Hall.
    assert f"administrative complaint to {bodies['city_hall'].name}" in text
    assert "within one month" in text
    assert "court" in text
    assert "{" not in text


def test_the_built_in_text_is_in_the_letter_s_language(foi_letter, staff):
    letter = foi_letter(language="ka")
    text = refuse(letter, staff["head"]).refusal_letter
    # The catalog may not be complete yet; the text is the translation or the source,
    # but its placeholders are filled either way.
    assert letter.number in text
    assert "{number}" not in text


def test_the_municipality_s_template_is_filled(foi_letter, staff, municipality):
    foi_settings_save(
        municipality=municipality,
        fee_per_page=Decimal("0.10"),
        refusal_template="{name}: {number} ({subject}) refused by {official} of {body}: "
        "{ground}. {explanation} Appeal to {superior}. Registered {date}.",
    )
    letter = foi_letter(author_name="Eka", subject="Fuel costs")
    request = refuse(letter, staff["head"], ground="commercial_secret", explanation="Prices.")
    assert request.refusal_letter.startswith(f"Eka: {letter.number} (Fuel costs) refused by head")
    assert "Commercial secret. Prices. Appeal to City Hall. Registered " in request.refusal_letter


@pytest.mark.parametrize("text", ["Dear {nmae}", "{name} {phone}", "{ name }", "{name.upper}"])
def test_an_unknown_placeholder_is_refused_on_save(municipality, text):
    with pytest.raises(ValidationError, match="Unknown placeholder"):
        foi_settings_save(
            municipality=municipality, fee_per_page=Decimal("1"), refusal_template=text
        )
    assert not FoiSettings.objects.exists()


@pytest.mark.parametrize("text", ["{name", "name}", "{{name}}", "a } b { c"])
def test_a_stray_brace_is_refused(text):
    with pytest.raises(ValidationError):
        refusal_placeholders_check(text)


@given(st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=200))
def test_text_without_braces_is_accepted(text):
    refusal_placeholders_check(text)


def test_every_placeholder_is_accepted_and_the_default_uses_them():
    refusal_placeholders_check(" ".join(f"{{{name}}}" for name in PLACEHOLDERS))
    refusal_placeholders_check(str(DEFAULT_REFUSAL_TEMPLATE))


def test_the_settings_page_belongs_to_the_administrator(staff, login, municipality):
    assert login(staff["head"]).get("/en/public-information/staff/settings/").status_code == 403


def test_the_administrator_edits_the_settings(staff, login, municipality):
    client = login(staff["admin"])
    page = client.get("/en/public-information/staff/settings/")
    assert page.status_code == 200
    assert "{superior}" in page.content.decode()
    response = client.post(
        "/en/public-information/staff/settings/",
        {"fee_per_page": "0.20", "refusal_template": "Dear {name}, {unknown}."},
    )
    assert response.status_code == 400
    assert "Unknown placeholder: {unknown}" in response.content.decode()
    response = client.post(
        "/en/public-information/staff/settings/",
        {"fee_per_page": "-1", "refusal_template": ""},
    )
    assert response.status_code == 400
    response = client.post(
        "/en/public-information/staff/settings/",
        {"fee_per_page": "0.20", "refusal_template": "Dear {name},\r\nno."},
    )
    assert response.status_code == 302
    saved = FoiSettings.objects.get(municipality=municipality)
    assert (saved.fee_per_page, saved.refusal_template) == (Decimal("0.20"), "Dear {name},\nno.")


def test_the_settings_link_is_in_the_administrator_s_navigation(staff, login, municipality):
    assert "Public-information settings" in login(staff["admin"]).get("/en/staff/").content.decode()


# --- Review and sending --------------------------------------------------------------------


def test_the_officer_reviews_and_sends_the_explanation(foi_letter, staff):
    letter = foi_letter()
    refuse(letter, staff["head"])
    foi_refusal_letter_save(letter=letter, actor=staff["head"], text="Reviewed text.\r\nSigned.")
    assert FoiRequest.objects.get(letter=letter).refusal_letter == "Reviewed text.\nSigned."
    request = foi_refusal_letter_send(letter=letter, actor=staff["head"])
    assert request.refusal_letter_sent_at is not None
    [event] = Event.objects.filter(letter=letter, kind=EventKind.REFUSAL_EXPLAINED)
    assert event.data == {"by": "email"}
    [mail] = OutboxMessage.objects.filter(template="foi/refusal_explanation")
    assert mail.context["text"] == "Reviewed text.\nSigned."
    assert mail.to == letter.author_email
    with pytest.raises(ActionRefused, match="already"):
        foi_refusal_letter_send(letter=letter, actor=staff["head"])
    with pytest.raises(ActionRefused):
        foi_refusal_letter_save(letter=letter, actor=staff["head"], text="Changed after.")


def test_without_an_e_mail_it_is_recorded_as_posted(foi_letter, staff):
    letter = foi_letter(author_email="")
    refuse(letter, staff["head"])
    foi_refusal_letter_send(letter=letter, actor=staff["head"])
    event = Event.objects.get(letter=letter, kind=EventKind.REFUSAL_EXPLAINED)
    assert event.data == {"by": "post"}
    assert not OutboxMessage.objects.filter(template="foi/refusal_explanation").exists()


def test_only_a_refusal_is_explained(foi_letter, staff):
    letter = foi_letter()
    foi_decide(letter=letter, actor=staff["head"], decision=FoiDecision(outcome="granted"))
    with pytest.raises(ActionRefused):
        foi_refusal_letter_send(letter=letter, actor=staff["head"])


def test_the_explanation_is_sent_from_the_staff_page(foi_letter, staff, login):
    letter = foi_letter()
    refuse(letter, staff["head"])
    client = login(staff["head"])
    page = client.get(f"/en/letters/staff/{letter.uuid}/").content.decode()
    assert "Written explanation of the refusal" in page
    assert "send it by" in page
    response = client.post(
        f"/en/public-information/staff/{letter.uuid}/refusal/",
        {"refusal-text": "Dear Nino, the reasons.", "refusal-submit": "send"},
        follow=True,
    )
    assert "The written explanation was sent to the requester." in response.content.decode()
    request = FoiRequest.objects.get(letter=letter)
    assert request.refusal_letter == "Dear Nino, the reasons."
    assert request.refusal_letter_sent_at is not None


def test_an_empty_explanation_is_not_saved(foi_letter, staff, login):
    letter = foi_letter()
    refuse(letter, staff["head"])
    response = login(staff["head"]).post(
        f"/en/public-information/staff/{letter.uuid}/refusal/",
        {"refusal-text": "  ", "refusal-submit": "save"},
    )
    assert response.status_code == 400
    assert FoiRequest.objects.get(letter=letter).refusal_letter_sent_at is None


def test_the_explanation_prints_as_a_pdf(foi_letter, staff, login):
    from pypdf import PdfReader

    letter = foi_letter()
    refuse(letter, staff["head"], explanation="The draft budget is not adopted yet.")
    response = login(staff["head"]).get(f"/en/public-information/staff/{letter.uuid}/refusal.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "The draft budget is not adopted yet." in text


def test_a_granted_request_has_no_refusal_pdf(foi_letter, staff, login):
    letter = foi_letter()
    foi_decide(letter=letter, actor=staff["head"], decision=FoiDecision(outcome="granted"))
    client = login(staff["head"])
    assert client.get(f"/en/public-information/staff/{letter.uuid}/refusal.pdf").status_code == 404


# --- The 3-day duty ------------------------------------------------------------------------


def test_the_explanation_is_due_3_calendar_days_after_the_refusal(foi_letter, staff):
    letter = foi_letter()
    request = refuse(letter, staff["head"])
    # Tuesday 2026-03-10: due Friday 13th. Thursday 12th: Sunday 15th moves to Monday 16th.
    for decided, due in (
        (datetime.date(2026, 3, 10), datetime.date(2026, 3, 13)),
        (datetime.date(2026, 3, 12), datetime.date(2026, 3, 16)),
    ):
        request.decided_at = datetime.datetime.combine(decided, datetime.time(10), ZONE)
        assert refusal_explanation_due(request) == due


def test_the_officer_is_reminded_daily_until_it_is_sent(foi_letter, staff):
    letter = foi_letter()
    refuse(letter, staff["head"])
    today = timezone.localdate(timezone.now(), ZONE)
    assert foi_refusal_reminders(today=today) == 1
    assert foi_refusal_reminders(today=today) == 1  # the same e-mail, not a second one
    [mail] = OutboxMessage.objects.filter(template="foi/refusal_reminder")
    assert mail.to == staff["head"].email
    [item] = mail.context["items"]
    assert item["number"] == letter.number
    assert item["overdue"] is False
    later = today + datetime.timedelta(days=6)
    foi_refusal_reminders(today=later)
    reminders = OutboxMessage.objects.filter(template="foi/refusal_reminder").order_by("pk")
    assert reminders.count() == 2
    assert reminders.last().context["items"][0]["overdue"] is True
    foi_refusal_letter_send(letter=letter, actor=staff["head"])
    assert foi_refusal_reminders(today=later + datetime.timedelta(days=1)) == 0


def test_the_staff_page_warns_of_an_overdue_explanation(foi_letter, staff, login):
    letter = foi_letter()
    refuse(letter, staff["head"])
    FoiRequest.objects.filter(letter=letter).update(
        decided_at=timezone.now() - datetime.timedelta(days=8)
    )
    page = login(staff["head"]).get(f"/en/letters/staff/{letter.uuid}/").content.decode()
    assert "Not sent yet: the law required it by" in page


def test_the_requester_reads_the_sent_explanation_on_their_page(foi_letter, staff, client):
    from emanager.letters.tokens import tracking_token

    letter = foi_letter()
    refuse(letter, staff["head"])
    token = tracking_token(letter)
    page = client.get(f"/en/letters/track/{token}/").content.decode()
    assert "Executive privilege" in page
    assert "The written explanation of the refusal" not in page
    foi_refusal_letter_send(letter=letter, actor=staff["head"], text="The reasons, in full.")
    page = client.get(f"/en/letters/track/{token}/").content.decode()
    assert "The reasons, in full." in page


def test_a_georgian_request_prints_in_georgian(foi_letter, staff):
    from pypdf import PdfReader

    from emanager.foi.refusal import refusal_pdf

    letter = foi_letter(language="ka", author_name="ნინო ბერიძე")
    request = refuse(letter, staff["head"], explanation="პროექტი ჯერ არ არის დამტკიცებული.")
    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(refusal_pdf(request))).pages
    )
    assert letter.number in text
    assert "ნინო ბერიძე" in text

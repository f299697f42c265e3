"""Immediately, at the latest within 10 days: the deadline, the 10 days, the deemed refusal."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emanager.deadlines.calendar import WorkCalendar
from emanager.deadlines.models import DEFAULT_DEADLINE_RULES
from emanager.deadlines.selectors import deadline_for, extension_limit
from emanager.foi.choices import ExtensionReason, FoiOutcome, RefusalGround
from emanager.foi.jobs import foi_daily_jobs
from emanager.foi.models import FoiRequest
from emanager.foi.services import (
    ActionRefused,
    FoiDecision,
    foi_decide,
    foi_deemed_refusals_record,
    foi_ten_days_use,
)
from emanager.letters.choices import EventKind, LetterKind, LetterStatus, Publication
from emanager.letters.jobs import daily_jobs
from emanager.letters.models import Event, Letter
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from emanager.letters.staff_services import letter_extend_deadline, letter_request_clarification
from emanager.notifications.models import OutboxMessage

ZONE = timezone.get_default_timezone()


def events(letter, kind):
    return list(Event.objects.filter(letter=letter, kind=kind).order_by("seq"))


def mails(template):
    return list(OutboxMessage.objects.filter(template=template).order_by("pk"))


def past(letter, *, days: int) -> Letter:
    """Move the letter's registration and deadline ``days`` into the past."""
    shift = datetime.timedelta(days=days)
    Letter.objects.filter(pk=letter.pk).update(
        registered_at=letter.registered_at - shift, deadline=letter.deadline - shift
    )
    letter.refresh_from_db()
    return letter


# --- The deadline ------------------------------------------------------------------


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(day=st.dates(min_value=datetime.date(2026, 1, 1), max_value=datetime.date(2027, 12, 31)))
def test_the_limit_is_10_calendar_days_and_cannot_be_extended(municipality, day):
    registered_at = datetime.datetime.combine(day, datetime.time(11, 0), ZONE)
    due = deadline_for(
        municipality=municipality, kind=LetterKind.PUBLIC_INFORMATION, registered_at=registered_at
    )
    calendar = WorkCalendar()
    assert due == calendar.working_day_on_or_after(day + datetime.timedelta(days=10))
    limit = extension_limit(
        municipality=municipality, kind=LetterKind.PUBLIC_INFORMATION, registered_at=registered_at
    )
    assert limit == due


def test_the_default_rule_allows_no_extension_of_a_request():
    spec = DEFAULT_DEADLINE_RULES[LetterKind.PUBLIC_INFORMATION]
    assert (spec.period.unit, spec.period.amount) == ("calendar_days", 10)
    assert spec.max_extension.amount == 0


def test_the_generic_extend_action_cannot_push_a_request_past_10_days(foi_letter, staff):
    letter = foi_letter()
    for days in (1, 5, 30):
        with pytest.raises(ActionRefused):
            letter_extend_deadline(
                letter=letter,
                actor=staff["head"],
                new_deadline=letter.deadline + datetime.timedelta(days=days),
                reason="Voluminous",
            )
    letter.refresh_from_db()
    assert letter.deadline == deadline_for(
        municipality=letter.municipality,
        kind=letter.kind,
        registered_at=letter.registered_at,
    )


def test_the_staff_page_offers_no_generic_extend_or_forward(foi_letter, staff, login):
    """The request's own panel uses the 10 days and records forwards; the general
    actions are neither shown nor accepted."""
    letter = foi_letter()
    client = login(staff["head"])
    page = client.get(f"/en/letters/staff/{letter.uuid}/").content.decode()
    assert f"/en/letters/staff/{letter.uuid}/extend/" not in page
    assert f"/en/letters/staff/{letter.uuid}/forward/" not in page
    assert "Use the 10 days" in page
    new = (letter.deadline + datetime.timedelta(days=3)).isoformat()
    response = client.post(
        f"/en/letters/staff/{letter.uuid}/extend/",
        {"new_deadline": new, "reason": "More time"},
    )
    assert response.status_code == 404
    letter.refresh_from_db()
    assert letter.deadline.isoformat() != new


# --- The "immediately" target on the staff page ----------------------------------------


def test_the_officer_sees_the_immediate_target(foi_letter, staff, login):
    letter = foi_letter()
    page = login(staff["head"]).get(f"/en/letters/staff/{letter.uuid}/").content.decode()
    assert "Public-information request" in page
    assert "immediately" in page
    assert "Use the 10 days" in page


def test_a_request_not_issued_the_same_day_is_flagged(foi_letter, staff, login):
    letter = past(foi_letter(), days=2)
    page = login(staff["head"]).get(f"/en/letters/staff/{letter.uuid}/").content.decode()
    assert "Not issued immediately, and the 10 days were not declared" in page


def test_the_panel_is_not_shown_on_other_letters(write_letter, staff, login):
    letter = write_letter()
    page = login(staff["head"]).get(f"/en/letters/staff/{letter.uuid}/").content.decode()
    assert 'id="foi-title"' not in page


# --- Using the 10 days -------------------------------------------------------------------


def test_using_the_10_days_records_the_reason_and_tells_the_requester(foi_letter, staff):
    letter = foi_letter()
    request = foi_ten_days_use(letter=letter, actor=staff["head"], reason="voluminous")
    assert request.extension_reason == ExtensionReason.VOLUMINOUS
    assert request.extended_at is not None
    [event] = events(letter, EventKind.FOI_TEN_DAYS)
    assert event.data["code"] == "voluminous"
    assert event.data["deadline"] == letter.deadline.isoformat()
    [mail] = mails("foi/ten_days")
    assert mail.to == letter.author_email
    assert mail.context["reason"] == "It is voluminous"
    letter.refresh_from_db()
    assert letter.deadline == request.letter.deadline  # the deadline does not move


def test_the_10_days_are_used_once(foi_letter, staff):
    letter = foi_letter()
    foi_ten_days_use(letter=letter, actor=staff["head"], reason="other_units")
    with pytest.raises(ActionRefused, match="already"):
        foi_ten_days_use(letter=letter, actor=staff["head"], reason="consultation")


def test_the_10_days_cannot_be_declared_after_they_passed(foi_letter, staff):
    letter = past(foi_letter(), days=11)
    with pytest.raises(ActionRefused, match="passed"):
        foi_ten_days_use(letter=letter, actor=staff["head"], reason="voluminous")


def test_the_10_days_need_a_reason_of_the_law(foi_letter, staff):
    with pytest.raises(ValueError):
        foi_ten_days_use(letter=foi_letter(), actor=staff["head"], reason="we are busy")


def test_the_10_days_from_the_staff_page(foi_letter, staff, login):
    letter = foi_letter()
    client = login(staff["head"])
    response = client.post(
        f"/en/public-information/staff/{letter.uuid}/ten-days/", {"tendays-reason": "consultation"}
    )
    assert response.status_code == 302
    assert FoiRequest.objects.get(letter=letter).extension_reason == "consultation"


def test_the_10_days_form_without_a_reason_is_shown_again_with_its_error(foi_letter, staff, login):
    letter = foi_letter()
    response = login(staff["head"]).post(
        f"/en/public-information/staff/{letter.uuid}/ten-days/", {}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert FoiRequest.objects.get(letter=letter).extended_at is None


# --- Deemed refusal -----------------------------------------------------------------------


def test_a_missed_deadline_is_recorded_as_a_deemed_refusal(foi_letter):
    letter = past(foi_letter(), days=12)
    assert foi_deemed_refusals_record() == 1
    request = FoiRequest.objects.get(letter=letter)
    assert request.outcome == FoiOutcome.DEEMED_REFUSED
    letter.refresh_from_db()
    assert letter.status == LetterStatus.OPEN  # it can still be answered
    [event] = events(letter, EventKind.DEEMED_REFUSED)
    assert event.data["deadline"] == letter.deadline.isoformat()
    [mail] = mails("foi/deemed_refused")
    assert "/complaint/" in mail.context["complaint_url"]


def test_the_deemed_refusal_job_is_idempotent(foi_letter):
    letter = past(foi_letter(), days=12)
    foi_deemed_refusals_record()
    assert foi_deemed_refusals_record() == 0
    foi_daily_jobs()
    daily_jobs()
    assert len(events(letter, EventKind.DEEMED_REFUSED)) == 1
    assert len(mails("foi/deemed_refused")) == 1


def test_the_deadline_day_itself_is_not_missed(foi_letter):
    letter = foi_letter()
    today = timezone.localdate(timezone.now(), ZONE)
    Letter.objects.filter(pk=letter.pk).update(deadline=today)
    assert foi_deemed_refusals_record(today=today) == 0


def test_a_decided_or_waiting_request_is_not_deemed_refused(foi_letter, write_letter, staff):
    decided = past(foi_letter(), days=12)
    foi_decide(letter=decided, actor=staff["head"], decision=FoiDecision(outcome="not_held"))
    waiting = past(foi_letter(), days=12)
    letter_request_clarification(letter=waiting, actor=staff["head"], body="Which year?")
    past(write_letter(), days=40)  # an application: not a request
    assert foi_deemed_refusals_record() == 0


def test_a_late_decision_replaces_the_deemed_refusal_and_stays_late(foi_letter, staff):
    letter = past(foi_letter(), days=12)
    foi_deemed_refusals_record()
    request = foi_decide(
        letter=letter, actor=staff["head"], decision=FoiDecision(outcome="granted")
    )
    assert request.outcome == FoiOutcome.GRANTED
    assert timezone.localdate(request.decided_at, ZONE) > letter.deadline
    assert request.letter.status == LetterStatus.CLOSED
    assert foi_deemed_refusals_record() == 0


def test_an_internal_forward_gives_the_competent_body_a_new_limit(foi_letter, staff, bodies):
    letter = past(foi_letter(), days=3)
    old_deadline = letter.deadline
    request = foi_decide(
        letter=letter,
        actor=staff["head"],
        decision=FoiDecision(
            outcome="forwarded", forward_body=bodies["sakrebulo"], message="The council keeps it."
        ),
    )
    letter.refresh_from_db()
    assert request.outcome == FoiOutcome.FORWARDED
    assert request.forwarded_to == bodies["sakrebulo"].name
    assert letter.addressee_body == bodies["sakrebulo"]
    assert letter.status == LetterStatus.OPEN
    assert letter.deadline > old_deadline
    # Missed again at the new body: deemed refused.
    Letter.objects.filter(pk=letter.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert foi_deemed_refusals_record() == 1


def test_a_request_written_on_the_site_gets_its_facts(client, municipality, bodies):
    response = client.get("/en/letters/write/")
    key = response.context["form"].initial["submission_key"]
    data = {
        "submission_key": key,
        "addressee": f"body:{bodies['finance'].pk}",
        "kind": LetterKind.PUBLIC_INFORMATION,
        "subject": "Road repair contracts",
        "body": "Please send me the road repair contracts of 2026.",
        "author_name": "Nino Beridze",
        "author_email": "nino@example.ge",
        "author_address": "Nigoiti",
        "publication": Publication.PRIVATE,
        "foi_preferred_form": "paper_copy",
        "foi_requester_type": "organisation",
        "foi_organisation": "  Civic   Voice in Guria ",
    }
    assert client.post("/en/letters/write/", data).status_code == 302
    request = FoiRequest.objects.get(letter__submission_key=key)
    assert request.preferred_form == "paper_copy"
    assert request.requester_type == "organisation"
    assert request.organisation == "Civic Voice in Guria"
    # The same form sent again changes nothing.
    assert client.post("/en/letters/write/", data).status_code == 302
    assert FoiRequest.objects.filter(letter__submission_key=key).count() == 1


def test_an_organisation_needs_its_name(client, municipality, bodies):
    data = {
        "submission_key": uuid.uuid4(),
        "addressee": f"body:{bodies['finance'].pk}",
        "kind": LetterKind.PUBLIC_INFORMATION,
        "subject": "Road repair contracts",
        "body": "Please send me the road repair contracts of 2026.",
        "author_name": "Nino Beridze",
        "author_email": "nino@example.ge",
        "author_address": "Nigoiti",
        "publication": Publication.PRIVATE,
        "foi_requester_type": "organisation",
        "foi_organisation": "",
    }
    response = client.post("/en/letters/write/", data)
    assert response.status_code == 200
    assert "Name the organisation you ask for" in response.content.decode()
    # Other letters ignore the fields and get no request.
    data["kind"] = LetterKind.APPLICATION
    assert client.post("/en/letters/write/", data).status_code == 302
    assert not FoiRequest.objects.exists()


def test_the_fields_are_shown_with_a_hint_and_a_script(client, municipality, bodies):
    page = client.get("/en/letters/write/").content.decode()
    assert "data-foi-fields" in page
    assert "Only for a public-information request" in page
    assert "foi/foi-fields.js" in page


def test_a_request_registered_by_the_clerk_gets_its_facts(municipality, bodies, staff, login):
    client = login(staff["clerk"])
    key = uuid.uuid4()
    response = client.post(
        "/en/staff/register/",
        {
            "submission_key": key,
            "channel": "paper",
            "addressee": f"body:{bodies['finance'].pk}",
            "kind": LetterKind.PUBLIC_INFORMATION,
            "subject": "Salaries of 2025",
            "body": "The salaries and bonuses of the City Hall in 2025.",
            "author_name": "Levan Takidze",
            "author_address": "Lanchkhuti, Rustaveli st. 3",
            "language": "ka",
            "publication": Publication.PRIVATE,
            "foi_preferred_form": "inspection",
            "foi_requester_type": "person",
        },
    )
    assert response.status_code == 302
    request = FoiRequest.objects.get(letter__submission_key=key)
    assert request.preferred_form == "inspection"
    assert request.requester_type == "person"


def test_the_daily_job_gives_every_request_its_facts(municipality, bodies):
    draft = LetterDraft(
        kind=LetterKind.PUBLIC_INFORMATION,
        subject="Budget",
        body="The budget of 2026, please.",
        addressee_body=bodies["finance"],
        author_name="Nino",
        author_email="nino@example.ge",
        author_address="Nigoiti",
        publication=Publication.PRIVATE,
        language="en",
    )
    letter, _ = letter_submit(municipality=municipality, draft=draft, submission_key=uuid.uuid4())
    letter_confirm(letter=letter)
    assert not FoiRequest.objects.exists()
    assert foi_daily_jobs().synced == 1
    assert FoiRequest.objects.get(letter=letter).preferred_form == "email_copy"


def test_a_request_withdrawn_by_the_requester_is_recorded_withdrawn(foi_letter, client):
    from emanager.letters.tokens import tracking_token

    letter = foi_letter()
    client.post(f"/en/letters/track/{tracking_token(letter)}/withdraw/", {"confirm": "yes"})
    foi_daily_jobs()
    request = FoiRequest.objects.get(letter=letter)
    assert request.outcome == FoiOutcome.WITHDRAWN
    assert request.decided_at is not None


def test_refusal_ground_values_are_the_law_s(foi_letter, staff):
    assert set(RefusalGround.values) == {
        "state_secret",
        "commercial_secret",
        "professional_secret",
        "personal_data",
        "executive_privilege",
    }

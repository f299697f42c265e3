"""Administrative complaints: filed from the tracking page, decided by the superior body."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.utils import timezone

from emanager.directory.models import BodyKind
from emanager.foi.choices import ComplaintOutcome, FoiOutcome
from emanager.foi.complaints import complaint_decide, complaint_file
from emanager.foi.models import Complaint, FoiRequest
from emanager.foi.rules import complaint_window, superior_body
from emanager.foi.services import ActionRefused, FoiDecision, foi_decide, foi_deemed_refusals_record
from emanager.letters.choices import EventKind, LetterKind, LetterStatus, Outcome
from emanager.letters.models import Event, Letter
from emanager.letters.tokens import tracking_token
from emanager.notifications.models import OutboxMessage
from emanager.staff.models import Membership, StaffRole
from emanager.staff.permissions import can_decide_complaint, can_handle_foi
from tests.factories import BodyFactory

ZONE = timezone.get_default_timezone()
REFUSAL = {"refusal_ground": "state_secret", "refusal_explanation": "The mobilisation plan."}


def refused(foi_letter, actor, **fields):
    letter = foi_letter(**fields)
    foi_decide(letter=letter, actor=actor, decision=FoiDecision(outcome="refused", **REFUSAL))
    letter.refresh_from_db()
    return letter


def file(letter, text="The plan is not a state secret: it was published in 2019.", **kwargs):
    return complaint_file(request_letter=letter, text=text, submission_key=uuid.uuid4(), **kwargs)


@pytest.fixture
def mayor(municipality, bodies):
    """The head of the City Hall: decides complaints about its services."""
    from tests.staff.conftest import make_user

    user = make_user("mayor", first_name="Mayor")
    Membership.objects.create(
        user=user, municipality=municipality, body=bodies["city_hall"], role=StaffRole.HEAD
    )
    return user


# --- The superior body ---------------------------------------------------------------------


def test_the_superior_body(bodies, municipality):
    assert superior_body(bodies["budget"]) == bodies["finance"]
    assert superior_body(bodies["finance"]) == bodies["city_hall"]
    assert superior_body(bodies["city_hall"]) == bodies["city_hall"]
    assert superior_body(bodies["sakrebulo"]) == bodies["sakrebulo"]
    entity = BodyFactory(municipality=municipality, kind=BodyKind.LEGAL_ENTITY, slug="kg")
    assert superior_body(entity) == bodies["city_hall"]
    commission = BodyFactory(
        municipality=municipality, kind=BodyKind.COMMISSION, parent=bodies["sakrebulo"]
    )
    assert superior_body(commission) == bodies["sakrebulo"]


# --- Filing -------------------------------------------------------------------------------


def test_a_complaint_becomes_a_registered_letter_to_the_superior_body(foi_letter, staff, bodies):
    letter = refused(foi_letter, staff["head"])
    complaint = file(letter)
    complaint_letter = complaint.letter
    assert complaint_letter.kind == LetterKind.COMPLAINT
    assert complaint_letter.status == LetterStatus.OPEN
    assert complaint_letter.number and complaint_letter.number != letter.number
    assert complaint_letter.addressee_body == bodies["city_hall"]
    assert complaint_letter.author_email == letter.author_email
    registered = timezone.localdate(complaint_letter.registered_at, ZONE)
    assert (complaint_letter.deadline - registered).days >= 28  # one month
    filed = Event.objects.get(letter=letter, kind=EventKind.COMPLAINT_FILED)
    assert filed.data == {"number": complaint_letter.number, "to": bodies["city_hall"].name}
    # The acknowledgement carries the complaint's own tracking link.
    ack = OutboxMessage.objects.get(key=f"letter:{complaint_letter.pk}:ack")
    assert tracking_token(complaint_letter) in ack.context["tracking_url"]


def test_the_same_form_sent_twice_files_one_complaint(foi_letter, staff):
    letter = refused(foi_letter, staff["head"])
    key = uuid.uuid4()
    first = complaint_file(request_letter=letter, text="Unlawful refusal.", submission_key=key)
    second = complaint_file(request_letter=letter, text="Unlawful refusal.", submission_key=key)
    assert first.pk == second.pk
    assert Complaint.objects.count() == 1


def test_one_complaint_per_request(foi_letter, staff):
    letter = refused(foi_letter, staff["head"])
    file(letter)
    with pytest.raises(ActionRefused, match="already filed"):
        file(letter)


def test_no_complaint_against_a_grant_in_time(foi_letter, staff):
    letter = foi_letter()
    foi_decide(letter=letter, actor=staff["head"], decision=FoiDecision(outcome="granted"))
    with pytest.raises(ActionRefused, match="refusal, a partial grant, or a missed deadline"):
        file(letter)


def test_no_complaint_while_the_request_is_within_its_deadline(foi_letter):
    with pytest.raises(ActionRefused):
        file(foi_letter())


def test_the_month_for_a_complaint_is_enforced(foi_letter, staff):
    letter = refused(foi_letter, staff["head"])
    request = FoiRequest.objects.get(letter=letter)
    decided = timezone.localdate(request.decided_at, ZONE)
    window = complaint_window(request, decided + datetime.timedelta(days=20))
    assert window.allowed
    assert window.last_day >= decided + datetime.timedelta(days=28)
    late = window.last_day + datetime.timedelta(days=1)
    refusal = complaint_window(request, late)
    assert not refusal.allowed
    assert "The month for an administrative complaint ended on" in refusal.reason
    with pytest.raises(ActionRefused, match="ended on"):
        file(letter, now=datetime.datetime.combine(late, datetime.time(12), ZONE))


def test_a_deemed_refusal_can_be_complained_of(foi_letter):
    letter = foi_letter()
    shift = datetime.timedelta(days=12)
    Letter.objects.filter(pk=letter.pk).update(
        registered_at=letter.registered_at - shift, deadline=letter.deadline - shift
    )
    letter.refresh_from_db()
    # Even before the daily job records it, the missed deadline is enough.
    assert complaint_window(FoiRequest.objects.get(letter=letter)).allowed
    foi_deemed_refusals_record()
    request = FoiRequest.objects.get(letter=letter)
    window = complaint_window(request)
    assert window.allowed
    assert window.opens_on == letter.deadline + datetime.timedelta(days=1)
    assert file(letter).request == request


def test_a_late_grant_can_be_complained_of(foi_letter, staff):
    letter = foi_letter()
    shift = datetime.timedelta(days=12)
    Letter.objects.filter(pk=letter.pk).update(
        registered_at=letter.registered_at - shift, deadline=letter.deadline - shift
    )
    letter.refresh_from_db()
    foi_decide(letter=letter, actor=staff["head"], decision=FoiDecision(outcome="granted"))
    window = complaint_window(FoiRequest.objects.get(letter=letter))
    assert window.allowed
    assert window.against == "The deadline was missed"


def test_a_partial_grant_can_be_complained_of(foi_letter, staff):
    letter = foi_letter()
    foi_decide(
        letter=letter,
        actor=staff["head"],
        decision=FoiDecision(outcome="partly_granted", **REFUSAL),
    )
    assert complaint_window(FoiRequest.objects.get(letter=letter)).allowed


# --- From the tracking page -----------------------------------------------------------------


def test_the_tracking_page_offers_the_complaint(foi_letter, staff, client, bodies):
    letter = refused(foi_letter, staff["head"])
    page = client.get(f"/en/letters/track/{tracking_token(letter)}/").content.decode()
    assert "File a complaint" in page
    assert bodies["city_hall"].name in page


def test_the_tracking_page_of_a_granted_request_offers_none(foi_letter, staff, client):
    letter = foi_letter()
    foi_decide(letter=letter, actor=staff["head"], decision=FoiDecision(outcome="granted"))
    page = client.get(f"/en/letters/track/{tracking_token(letter)}/").content.decode()
    assert "Your request for public information" in page
    assert "File a complaint" not in page


def test_the_requester_files_the_complaint_from_their_page(foi_letter, staff, client, bodies):
    letter = refused(foi_letter, staff["head"])
    url = f"/en/public-information/track/{tracking_token(letter)}/complaint/"
    form = client.get(url)
    assert form.status_code == 200
    key = form.context["form"].initial["submission_key"]
    response = client.post(url, {"submission_key": key, "text": "short"})
    assert response.status_code == 400
    response = client.post(
        url, {"submission_key": key, "text": "The mobilisation plan was published in 2019."}
    )
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/letters/track/{tracking_token(complaint.letter)}/")
    page = client.get(response["Location"]).content.decode()
    assert "Your administrative complaint" in page
    assert complaint.letter.number in page
    # The request's page now points to it, and offers no second one.
    page = client.get(f"/en/letters/track/{tracking_token(letter)}/").content.decode()
    assert "You filed an administrative complaint about this request" in page
    assert client.get(url).status_code == 302


def test_the_complaint_page_explains_why_not(foi_letter, client):
    letter = foi_letter()
    url = f"/en/public-information/track/{tracking_token(letter)}/complaint/"
    response = client.get(url)
    assert "A complaint can be filed against a refusal" in response.content.decode()
    response = client.post(url, {"submission_key": uuid.uuid4(), "text": "I complain a lot."})
    assert response.status_code == 400
    assert not Complaint.objects.exists()


def test_the_complaint_page_needs_a_request_s_link(write_letter, client):
    letter = write_letter()
    url = f"/en/public-information/track/{tracking_token(letter)}/complaint/"
    assert client.get(url).status_code == 404
    assert client.get("/en/public-information/track/forged/complaint/").status_code == 404


# --- Deciding -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "letter_outcome"),
    [
        (ComplaintOutcome.UPHELD, Outcome.ANSWERED),
        (ComplaintOutcome.PARTLY_UPHELD, Outcome.PARTLY_GRANTED),
        (ComplaintOutcome.REJECTED, Outcome.REFUSED),
    ],
)
def test_the_superior_body_decides(foi_letter, staff, mayor, outcome, letter_outcome):
    letter = refused(foi_letter, staff["head"])
    complaint = file(letter)
    decided = complaint_decide(
        complaint_letter=complaint.letter,
        actor=mayor,
        outcome=outcome,
        text="The plan was published: issue it within 10 days.",
    )
    assert decided.outcome == outcome
    assert decided.decided_at is not None
    complaint_letter = Letter.objects.get(pk=complaint.letter.pk)
    assert complaint_letter.status == LetterStatus.CLOSED
    assert complaint_letter.outcome == letter_outcome
    answer = complaint_letter.messages.get(is_answer=True)
    assert answer.out_number
    assert "The plan was published" in answer.body
    assert str(outcome.label) in answer.body
    assert OutboxMessage.objects.filter(
        key=f"letter:{complaint_letter.pk}:answer:{answer.pk}"
    ).exists()
    event = Event.objects.get(letter=letter, kind=EventKind.COMPLAINT_DECIDED)
    assert event.data["outcome"] == outcome.value
    assert event.data["number"] == complaint_letter.number


def test_a_complaint_is_decided_once_and_with_reasons(foi_letter, staff, mayor):
    complaint = file(refused(foi_letter, staff["head"]))
    with pytest.raises(ActionRefused):
        complaint_decide(complaint_letter=complaint.letter, actor=mayor, outcome="upheld", text=" ")
    with pytest.raises(ActionRefused):
        complaint_decide(complaint_letter=complaint.letter, actor=mayor, outcome="maybe", text="x")
    complaint_decide(complaint_letter=complaint.letter, actor=mayor, outcome="rejected", text="No.")
    with pytest.raises(ActionRefused):
        complaint_decide(complaint_letter=complaint.letter, actor=mayor, outcome="upheld", text="x")


def test_the_decision_is_taken_on_the_complaint_s_staff_page(foi_letter, staff, mayor, login):
    complaint = file(refused(foi_letter, staff["head"]))
    client = login(mayor)
    page = client.get(f"/en/letters/staff/{complaint.letter.uuid}/").content.decode()
    assert "Complaint about a public-information request" in page
    assert "Decide the complaint" in page
    response = client.post(
        f"/en/public-information/staff/{complaint.letter.uuid}/complaint/",
        {"complaint-outcome": "partly_upheld", "complaint-text": "Issue the parts not secret."},
        follow=True,
    )
    assert "The decision on the complaint was sent to the complainant." in response.content.decode()
    assert Complaint.objects.get().outcome == ComplaintOutcome.PARTLY_UPHELD


# --- Who may -------------------------------------------------------------------------------


def test_who_decides_a_complaint(foi_letter, staff, mayor, login):
    complaint = file(refused(foi_letter, staff["head"]))
    complaint_letter = complaint.letter
    assert can_decide_complaint(mayor, complaint_letter)
    assert can_decide_complaint(staff["admin"], complaint_letter)
    # The head of the service that refused does not judge the complaint against it.
    assert not can_decide_complaint(staff["head"], complaint_letter)
    assert not can_decide_complaint(staff["clerk"], complaint_letter)
    assert not can_decide_complaint(staff["outsider"], complaint_letter)
    response = login(staff["head"]).post(
        f"/en/public-information/staff/{complaint_letter.uuid}/complaint/",
        {"complaint-outcome": "upheld", "complaint-text": "Me."},
    )
    assert response.status_code == 404
    assert Complaint.objects.get().outcome == ""


def test_who_handles_a_request(foi_letter, staff, pio, login, people):
    letter = foi_letter()
    assert can_handle_foi(staff["head"], letter)
    assert can_handle_foi(pio, letter)
    assert can_handle_foi(staff["admin"], letter)
    assert not can_handle_foi(staff["official_elsewhere"], letter)
    assert not can_handle_foi(staff["outsider"], letter)
    # The official of the finance service sees letters addressed to him only.
    assert not can_handle_foi(staff["official"], letter)
    addressed = foi_letter(addressee_official=people["beridze"])
    assert can_handle_foi(staff["official"], addressed)
    for user in (staff["outsider"], staff["official_elsewhere"]):
        response = login(user).post(
            f"/en/public-information/staff/{letter.uuid}/decide/",
            {"decide-outcome": "granted", "decide-issued_form": "email_copy"},
        )
        assert response.status_code == 404
    assert FoiRequest.objects.get(letter=letter).outcome == ""


def test_the_pio_decides_a_request_of_their_body(foi_letter, pio, login):
    letter = foi_letter()
    response = login(pio).post(
        f"/en/public-information/staff/{letter.uuid}/decide/",
        {"decide-outcome": "not_held", "decide-issued_form": "email_copy", "decide-pages": "0"},
    )
    assert response.status_code == 302
    assert FoiRequest.objects.get(letter=letter).outcome == FoiOutcome.NOT_HELD


def test_the_refusal_pdf_is_for_the_staff_who_handle_it(foi_letter, staff, login):
    letter = refused(foi_letter, staff["head"])
    url = f"/en/public-information/staff/{letter.uuid}/refusal.pdf"
    assert login(staff["outsider"]).get(url).status_code == 404
    assert login(staff["official_elsewhere"]).get(url).status_code == 404

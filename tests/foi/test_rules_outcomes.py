"""The decision: each outcome, the letter it closes, forwards or asks, and the copying fee."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from emanager.foi.choices import FoiOutcome, PreferredForm
from emanager.foi.models import FoiRequest, FoiSettings
from emanager.foi.rules import copy_fee
from emanager.foi.services import (
    ActionRefused,
    FoiDecision,
    foi_decide,
    foi_fee_paid,
    foi_request_for,
)
from emanager.letters.choices import EventKind, LetterStatus, Outcome
from emanager.letters.models import Event, Letter
from emanager.letters.staff_services import letter_close
from emanager.notifications.models import OutboxMessage

ZONE = timezone.get_default_timezone()
REFUSAL = {"refusal_ground": "personal_data", "refusal_explanation": "The list names children."}


def decided_event(letter) -> Event:
    return Event.objects.get(letter=letter, kind=EventKind.FOI_DECIDED)


@pytest.mark.parametrize(
    ("outcome", "extra", "status", "letter_outcome"),
    [
        ("granted", {}, LetterStatus.CLOSED, Outcome.ANSWERED),
        ("partly_granted", REFUSAL, LetterStatus.CLOSED, Outcome.PARTLY_GRANTED),
        ("refused", REFUSAL, LetterStatus.CLOSED, Outcome.REFUSED),
        ("not_held", {}, LetterStatus.CLOSED, Outcome.ANSWERED),
        ("withdrawn", {}, LetterStatus.CLOSED, Outcome.WITHDRAWN),
        ("clarification_requested", {"message": "Which year?"}, LetterStatus.CLARIFICATION, ""),
        (
            "forwarded",
            {"forward_outside": "Ministry of Finance", "message": "They keep it."},
            LetterStatus.CLOSED,
            Outcome.FORWARDED_OUTSIDE,
        ),
    ],
)
def test_each_outcome_brings_the_letter_to_it(
    foi_letter, staff, outcome, extra, status, letter_outcome
):
    letter = foi_letter()
    request = foi_decide(
        letter=letter, actor=staff["head"], decision=FoiDecision(outcome=outcome, **extra)
    )
    letter.refresh_from_db()
    assert request.outcome == outcome
    assert request.decided_by == staff["head"]
    assert letter.status == status
    assert letter.outcome == letter_outcome
    assert decided_event(letter).data["outcome"] == outcome


def test_granted_records_the_register_s_columns_and_tells_the_requester(foi_letter, staff):
    letter = foi_letter()
    issued = timezone.localdate(timezone.now(), ZONE) - datetime.timedelta(days=1)
    request = foi_decide(
        letter=letter,
        actor=staff["head"],
        decision=FoiDecision(
            outcome="granted", issued_on=issued, supplied_by="Budget division", responsible=""
        ),
    )
    assert request.issued_on == issued
    assert request.supplied_by == "Budget division"
    assert request.responsible == "head"  # the officer, by default
    [mail] = OutboxMessage.objects.filter(template="foi/decided")
    assert mail.context["outcome"] == "Granted"
    assert mail.context["refused"] is False


def test_a_refusal_needs_its_ground_and_explanation(foi_letter, staff):
    letter = foi_letter()
    for extra in ({}, {"refusal_ground": "personal_data"}, {"refusal_explanation": "Because."}):
        with pytest.raises(ActionRefused):
            foi_decide(
                letter=letter, actor=staff["head"], decision=FoiDecision(outcome="refused", **extra)
            )
    with pytest.raises(ActionRefused):
        foi_decide(
            letter=letter,
            actor=staff["head"],
            decision=FoiDecision(
                outcome="refused", refusal_ground="too_busy", refusal_explanation="x"
            ),
        )
    assert not Event.objects.filter(letter=letter, kind=EventKind.FOI_DECIDED).exists()


def test_a_refusal_prepares_the_written_explanation_and_tells_the_requester(foi_letter, staff):
    letter = foi_letter()
    request = foi_decide(
        letter=letter, actor=staff["head"], decision=FoiDecision(outcome="refused", **REFUSAL)
    )
    assert "Personal data" in request.refusal_letter
    assert "The list names children." in request.refusal_letter
    assert request.refusal_letter_sent_at is None
    [mail] = OutboxMessage.objects.filter(template="foi/decided")
    assert mail.context["refused"] is True
    assert mail.context["ground"] == "Personal data"
    letter.refresh_from_db()
    closed = Event.objects.get(letter=letter, kind=EventKind.CLOSED)
    assert closed.data["reason"].startswith("Personal data")


def test_a_deemed_refusal_cannot_be_decided(foi_letter, staff):
    with pytest.raises(ActionRefused):
        foi_decide(
            letter=foi_letter(), actor=staff["head"], decision=FoiDecision(outcome="deemed_refused")
        )


def test_a_forward_needs_one_recipient_and_a_reason(foi_letter, staff, bodies):
    letter = foi_letter()
    for extra in (
        {"message": "Why"},
        {"forward_outside": "Ministry", "forward_body": bodies["sakrebulo"], "message": "Why"},
        {"forward_outside": "Ministry"},
    ):
        with pytest.raises(ActionRefused):
            foi_decide(
                letter=letter,
                actor=staff["head"],
                decision=FoiDecision(outcome="forwarded", **extra),
            )


def test_a_decided_request_is_not_decided_again_until_reopened(foi_letter, staff):
    from emanager.letters.staff_services import letter_reopen

    letter = foi_letter()
    foi_decide(letter=letter, actor=staff["head"], decision=FoiDecision(outcome="granted"))
    with pytest.raises(ActionRefused, match="Reopen"):
        foi_decide(letter=letter, actor=staff["head"], decision=FoiDecision(outcome="not_held"))
    letter_reopen(letter=letter, actor=staff["head"], reason="A page was missing.")
    request = foi_decide(
        letter=letter, actor=staff["head"], decision=FoiDecision(outcome="not_held")
    )
    assert request.outcome == FoiOutcome.NOT_HELD


def test_a_letter_closed_another_way_gets_its_decision_recorded(foi_letter, staff):
    letter = foi_letter()
    letter_close(letter=letter, actor=staff["head"], outcome=Outcome.ANSWERED)
    request = foi_decide(
        letter=letter, actor=staff["head"], decision=FoiDecision(outcome="granted")
    )
    assert request.outcome == FoiOutcome.GRANTED
    assert Event.objects.filter(letter=letter, kind=EventKind.CLOSED).count() == 1
    with pytest.raises(ActionRefused):
        foi_decide(
            letter=letter,
            actor=staff["head"],
            decision=FoiDecision(outcome="clarification_requested", message="?"),
        )


def test_a_letter_of_another_kind_is_not_a_request(write_letter, staff):
    with pytest.raises(ActionRefused):
        foi_decide(letter=write_letter(), actor=staff["head"], decision=FoiDecision("granted"))
    with pytest.raises(ValueError):
        foi_request_for(letter=write_letter())


# --- Fees ------------------------------------------------------------------------------


@given(
    pages=st.integers(min_value=0, max_value=5000),
    rate=st.decimals(min_value=Decimal("0"), max_value=Decimal("5"), places=2),
    form=st.sampled_from(PreferredForm.values),
)
def test_only_paper_copies_cost_pages_times_the_fee(pages, rate, form):
    fee = copy_fee(pages=pages, form=form, fee_per_page=rate)
    if form == PreferredForm.PAPER_COPY:
        assert fee == (rate * pages).quantize(Decimal("0.01"))
    else:
        assert fee == 0


def test_paper_copies_are_charged_at_the_municipality_s_rate(foi_letter, staff, municipality):
    FoiSettings.objects.create(municipality=municipality, fee_per_page=Decimal("0.25"))
    letter = foi_letter()
    request = foi_decide(
        letter=letter,
        actor=staff["head"],
        decision=FoiDecision(outcome="granted", issued_form="paper_copy", pages=37),
    )
    assert request.pages == 37
    assert request.fee == Decimal("9.25")
    assert request.fee_paid_on is None
    assert decided_event(letter).data["fee"] == "9.25"
    [mail] = OutboxMessage.objects.filter(template="foi/decided")
    assert mail.context["fee"] == "9.25"


def test_the_default_fee_is_ten_tetri_a_page(foi_letter, staff):
    request = foi_decide(
        letter=foi_letter(),
        actor=staff["head"],
        decision=FoiDecision(
            outcome="partly_granted", issued_form="paper_copy", pages=12, **REFUSAL
        ),
    )
    assert request.fee == Decimal("1.20")


@pytest.mark.parametrize("form", ["email_copy", "inspection"])
def test_electronic_copies_and_inspection_are_free(foi_letter, staff, form):
    with pytest.raises(ActionRefused, match="paper"):
        foi_decide(
            letter=foi_letter(),
            actor=staff["head"],
            decision=FoiDecision(outcome="granted", issued_form=form, pages=3),
        )
    request = foi_decide(
        letter=foi_letter(), actor=staff["head"], decision=FoiDecision("granted", issued_form=form)
    )
    assert request.fee == 0


def test_a_refusal_costs_nothing(foi_letter, staff):
    with pytest.raises(ActionRefused):
        foi_decide(
            letter=foi_letter(),
            actor=staff["head"],
            decision=FoiDecision(outcome="refused", issued_form="paper_copy", pages=5, **REFUSAL),
        )


def test_the_payment_of_the_fee_is_recorded(foi_letter, staff):
    letter = foi_letter()
    foi_decide(
        letter=letter,
        actor=staff["head"],
        decision=FoiDecision(outcome="granted", issued_form="paper_copy", pages=10),
    )
    today = timezone.localdate(timezone.now(), ZONE)
    with pytest.raises(ActionRefused, match="future"):
        foi_fee_paid(letter=letter, actor=staff["head"], paid_on=today + datetime.timedelta(days=1))
    with pytest.raises(ActionRefused, match="before the decision"):
        foi_fee_paid(letter=letter, actor=staff["head"], paid_on=today - datetime.timedelta(days=3))
    assert foi_fee_paid(letter=letter, actor=staff["head"], paid_on=today).fee_paid_on == today


def test_no_payment_without_a_fee(foi_letter, staff):
    letter = foi_letter()
    foi_decide(letter=letter, actor=staff["head"], decision=FoiDecision(outcome="granted"))
    with pytest.raises(ActionRefused):
        foi_fee_paid(letter=letter, actor=staff["head"], paid_on=timezone.localdate())


# --- The decision form on the staff page ---------------------------------------------------


def test_the_decision_form_shows_the_missing_ground_in_place(foi_letter, staff, login):
    letter = foi_letter()
    response = login(staff["head"]).post(
        f"/en/public-information/staff/{letter.uuid}/decide/",
        {"decide-outcome": "refused", "decide-issued_form": "email_copy", "decide-pages": "0"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose the ground of the refusal from the law." in page
    assert "Explain the refusal" in page
    assert 'id="foi-action-decide" open' in page
    assert FoiRequest.objects.get(letter=letter).outcome == ""


def test_the_decision_form_refuses_pages_of_an_electronic_copy(foi_letter, staff, login):
    letter = foi_letter()
    response = login(staff["head"]).post(
        f"/en/public-information/staff/{letter.uuid}/decide/",
        {"decide-outcome": "granted", "decide-issued_form": "email_copy", "decide-pages": "4"},
    )
    assert response.status_code == 400
    assert "Only paper copies of issued information are counted" in response.content.decode()


def test_the_decision_form_records_a_paper_grant(foi_letter, staff, login):
    letter = foi_letter()
    client = login(staff["head"])
    response = client.post(
        f"/en/public-information/staff/{letter.uuid}/decide/",
        {
            "decide-outcome": "granted",
            "decide-issued_form": "paper_copy",
            "decide-pages": "20",
            "decide-supplied_by": "Accounting division",
            "decide-responsible": "Nato Kiladze",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "The decision was recorded." in response.content.decode()
    request = FoiRequest.objects.get(letter=letter)
    assert (request.outcome, request.fee, request.responsible) == (
        "granted",
        Decimal("2.00"),
        "Nato Kiladze",
    )
    assert Letter.objects.get(pk=letter.pk).status == LetterStatus.CLOSED
    page = response.content.decode()
    assert "2.00 GEL for 20 paper pages" in page
    assert "Record the payment of the fee" in page

"""The demo's year of public-information requests: every outcome, a chain in time order."""

from __future__ import annotations

import itertools
import logging

import pytest

from emanager.directory.demo import load_demo
from emanager.directory.models import Municipality
from emanager.foi.choices import ComplaintOutcome, FoiOutcome, RefusalGround, RequesterType
from emanager.foi.demo import load_foi_demo
from emanager.foi.models import Complaint, FoiRequest
from emanager.letters.choices import LetterKind, LetterStatus, Outcome
from emanager.letters.models import Event, Letter
from emanager.letters.timeline import chain_verify
from emanager.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def lanchkhuti():
    load_demo()
    return Municipality.objects.get(slug="lanchkhuti")


def in_time_order(municipality) -> bool:
    times = list(
        Event.objects.filter(municipality=municipality)
        .order_by("seq")
        .values_list("created_at", flat=True)
    )
    return all(earlier <= later for earlier, later in itertools.pairwise(times))


def test_the_demo_has_a_year_of_requests_with_every_outcome(lanchkhuti):
    counts = load_foi_demo(lanchkhuti)
    requests = FoiRequest.objects.filter(letter__municipality=lanchkhuti)
    assert counts["foi_requests"] == requests.count() >= 35
    outcomes = set(requests.values_list("outcome", flat=True))
    assert set(FoiOutcome.values) <= outcomes
    assert "" in outcomes  # some are still open
    grounds = set(requests.exclude(refusal_ground="").values_list("refusal_ground", flat=True))
    assert grounds == set(RefusalGround.values)
    # Every refusal has its written explanation; all but the most recent one were sent.
    refusals = requests.filter(outcome__in=[FoiOutcome.REFUSED, FoiOutcome.PARTLY_GRANTED])
    assert all(request.refusal_letter for request in refusals)
    assert refusals.filter(refusal_letter_sent_at__isnull=True).count() == 1
    complaints = Complaint.objects.filter(request__letter__municipality=lanchkhuti)
    assert set(complaints.values_list("outcome", flat=True)) == {*ComplaintOutcome.values, ""}
    assert all(c.letter.kind == LetterKind.COMPLAINT for c in complaints)
    assert requests.filter(requester_type=RequesterType.ORGANISATION).count() >= 10
    fees = requests.filter(fee__gt=0)
    assert fees.filter(fee_paid_on__isnull=False).exists()
    assert fees.filter(fee_paid_on__isnull=True).exists()
    assert requests.exclude(extended_at=None).count() >= 3
    first = requests.order_by("letter__registered_at").first().letter.registered_at
    last = requests.order_by("letter__registered_at").last().letter.registered_at
    assert (last - first).days >= 300


def test_the_demo_keeps_the_timeline_and_runs_once(lanchkhuti):
    """One load for the slow checks: the chain, the e-mails, a second run, a late answer."""
    first = load_foi_demo(lanchkhuti)
    assert chain_verify(lanchkhuti) is None
    assert in_time_order(lanchkhuti)
    assert not OutboxMessage.objects.exists()  # nobody receives the demo's e-mails
    events, letters = Event.objects.count(), Letter.objects.count()
    assert load_foi_demo(lanchkhuti) == first
    assert (Event.objects.count(), Letter.objects.count()) == (events, letters)
    # A deemed refusal answered later stays late in the register.
    late = [
        request
        for request in FoiRequest.objects.filter(outcome=FoiOutcome.GRANTED).select_related(
            "letter"
        )
        if request.letter.events.filter(kind="deemed_refused").exists()
    ]
    assert late
    assert all(request.issued_on > request.letter.deadline for request in late)


def test_the_steps_merge_into_the_letters_replay(lanchkhuti):
    """As the lead wires it: the steps inside the letters demo's chronological replay."""
    from emanager.letters import demo as letters_demo

    letters_demo.load_demo_letters(municipality=lanchkhuti, count=30)
    counts = load_foi_demo(lanchkhuti)
    assert counts["foi_complaints"] == 4
    assert chain_verify(lanchkhuti) is None
    assert in_time_order(lanchkhuti)
    # Every public-information letter of the demo is a request.
    letters = Letter.objects.filter(municipality=lanchkhuti, kind=LetterKind.PUBLIC_INFORMATION)
    registered = letters.exclude(status=LetterStatus.UNCONFIRMED)
    assert not registered.filter(foi__isnull=True).exists()
    # The letters the letters demo closed get the outcome they were closed with, as data.
    expected = {
        Outcome.ANSWERED: FoiOutcome.GRANTED,
        Outcome.PARTLY_GRANTED: FoiOutcome.PARTLY_GRANTED,
        Outcome.LEFT_WITHOUT_CONSIDERATION: FoiOutcome.CLARIFICATION_REQUESTED,
        Outcome.WITHDRAWN: FoiOutcome.WITHDRAWN,
        Outcome.FORWARDED_OUTSIDE: FoiOutcome.FORWARDED,
    }
    closed = list(
        registered.filter(status=LetterStatus.CLOSED)
        .exclude(events__kind="foi_decided")
        .exclude(channel="import")
        .select_related("foi")
    )
    assert closed
    for letter in closed:
        assert letter.foi.outcome == expected[letter.outcome]


def test_after_the_wired_letters_demo_nothing_is_left_out(lanchkhuti, caplog):
    from emanager.letters.demo import load_demo_letters

    load_demo_letters(municipality=lanchkhuti, count=30)
    with caplog.at_level(logging.WARNING, logger="emanager.foi.demo"):
        load_foi_demo(lanchkhuti)
    assert "merge foi_demo_steps()" not in caplog.text
    assert chain_verify(lanchkhuti) is None
    assert in_time_order(lanchkhuti)
    assert Complaint.objects.count() == 4

"""The demo letters of Lanchkhuti: every state, genuine numbers and timeline, staff logins."""

from __future__ import annotations

import datetime
import functools
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from emanager.directory.demo import load_demo
from emanager.directory.models import Municipality
from emanager.letters import tokens
from emanager.letters.choices import (
    EventKind,
    LetterStatus,
    Outcome,
    Publication,
    RegisterDirection,
)
from emanager.letters.demo import DEMO_PASSWORD, DEMO_STAFF, load_demo_letters
from emanager.letters.models import Event, Letter, Message, RegisterCounter
from emanager.letters.timeline import chain_verify
from emanager.notifications.models import OutboxMessage
from emanager.staff.models import Membership, StaffRole

pytestmark = pytest.mark.django_db

# Fewer letters than the demo's 120 keep the tests fast; every fate still occurs.
COUNT = 30


@pytest.fixture
def lanchkhuti():
    load_demo()
    return Municipality.objects.get(slug="lanchkhuti")


@pytest.fixture
def demo(lanchkhuti):
    created = load_demo_letters(municipality=lanchkhuti, count=COUNT)
    assert created == Letter.objects.count() >= COUNT - 5
    return lanchkhuti


def test_the_demo_letters(demo):
    """One demo, checked from every side (each check below is a function)."""
    _letters_in_every_status_and_outcome(demo)
    _the_letters_show_every_situation_of_an_inbox(demo)
    _the_letters_span_the_last_twelve_months(demo)
    _numbers_have_no_gaps_in_any_register_and_year(demo)
    _the_timeline_is_a_valid_chain_in_time_order(demo)
    _no_demo_email_is_left_to_send(demo)


def _letters_in_every_status_and_outcome(demo):
    letters = Letter.objects.filter(municipality=demo)

    assert set(letters.values_list("status", flat=True)) == set(LetterStatus.values)
    closed = letters.filter(status=LetterStatus.CLOSED)
    assert set(closed.values_list("outcome", flat=True)) == set(Outcome.values)
    assert not letters.exclude(status=LetterStatus.CLOSED).exclude(outcome="").exists()


def _the_letters_show_every_situation_of_an_inbox(demo):
    today = timezone.localdate()
    letters = Letter.objects.filter(municipality=demo)
    waiting = letters.filter(status__in=[LetterStatus.OPEN, LetterStatus.CLARIFICATION])

    assert waiting.filter(deadline__lt=today).exists()
    assert waiting.filter(deadline__gte=today, deadline__lte=today + datetime.timedelta(3)).exists()
    answered = list(letters.exclude(answered_at=None))
    assert any(timezone.localdate(letter.answered_at) <= letter.deadline for letter in answered)
    assert any(timezone.localdate(letter.answered_at) > letter.deadline for letter in answered)
    events = Event.objects.filter(municipality=demo)
    for kind in (
        EventKind.FORWARDED,
        EventKind.DEADLINE_EXTENDED,
        EventKind.CLARIFICATION_REQUESTED,
        EventKind.CITIZEN_REPLIED,
        EventKind.REOPENED,
        EventKind.ASSIGNED,
    ):
        assert events.filter(kind=kind).exists(), kind
    assert letters.filter(satisfied=True).exists()
    assert letters.filter(satisfied=False).exists()
    assert set(letters.values_list("publication", flat=True)) == set(Publication.values)
    assert letters.filter(publication=Publication.PRIVATE).count() > letters.count() / 2
    public = letters.exclude(publication=Publication.PRIVATE)
    assert not public.filter(consent_text="").exists()
    assert set(letters.values_list("kind", flat=True)) >= {
        "application",
        "complaint",
        "proposal",
        "public_information",
    }
    # Invented addresses only; letters taken on paper or by phone may have none.
    assert (
        not letters.exclude(author_email="").exclude(author_email__endswith="@example.ge").exists()
    )
    assert letters.filter(author_email="").exclude(channel="web").exists()


def _the_letters_span_the_last_twelve_months(demo):
    now = timezone.now()
    created = list(Letter.objects.filter(municipality=demo).values_list("created_at", flat=True))

    assert max(created) <= now
    assert min(created) >= now - datetime.timedelta(days=366)
    assert min(created) < now - datetime.timedelta(days=200)
    unconfirmed = Letter.objects.filter(municipality=demo, status=LetterStatus.UNCONFIRMED)
    assert not unconfirmed.filter(created_at__lt=now - datetime.timedelta(days=7)).exists()


def _numbers_have_no_gaps_in_any_register_and_year(demo):
    registered = Letter.objects.filter(municipality=demo, registered_at__isnull=False)
    answers = Message.objects.filter(letter__municipality=demo, out_sequence__isnull=False)
    for counter in RegisterCounter.objects.filter(register__municipality=demo):
        if counter.register.direction == RegisterDirection.OUTGOING:
            numbered = answers.filter(out_register=counter.register, out_year=counter.year)
            sequences = sorted(numbered.values_list("out_sequence", flat=True))
        else:
            numbered = registered.filter(register=counter.register, year=counter.year)
            sequences = sorted(numbered.values_list("sequence", flat=True))
        assert sequences == list(range(1, counter.last_number + 1))
    assert not registered.filter(number="").exists()
    # Numbered in the order of registration, the year being that of registration.
    for letter in registered:
        assert letter.year == timezone.localdate(letter.registered_at).year


def _the_timeline_is_a_valid_chain_in_time_order(demo):
    assert chain_verify(demo) is None
    times = list(Event.objects.filter(municipality=demo).values_list("created_at", flat=True))
    assert times == sorted(times)
    assert times[-1] <= timezone.now()
    letter = Letter.objects.filter(municipality=demo, status=LetterStatus.CLOSED).first()
    assert letter.events.first().created_at == letter.registered_at
    for message in Message.objects.filter(letter__municipality=demo):
        assert message.created_at >= message.letter.registered_at


def _no_demo_email_is_left_to_send(demo):
    assert not OutboxMessage.objects.exists()


def test_running_again_adds_nothing_and_the_staff_log_in(demo, client):
    letters, events = Letter.objects.count(), Event.objects.count()
    users, memberships = get_user_model().objects.count(), Membership.objects.count()

    assert load_demo_letters(municipality=demo, count=COUNT) == 0

    assert (Letter.objects.count(), Event.objects.count()) == (letters, events)
    assert get_user_model().objects.count() == users
    assert Membership.objects.count() == memberships
    for staff in DEMO_STAFF:
        assert client.login(username=staff.username, password=DEMO_PASSWORD), staff.username
        membership = Membership.objects.get(user__username=staff.username)
        assert membership.municipality == demo
        assert membership.role == staff.role
        if staff.official:
            assert membership.official.slug == staff.official
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(StaffRole.values)
    assert Letter.objects.filter(assignee__username__startswith="official.").exists()


def test_the_pages_show_the_demo_letters(demo, client):
    letter = Letter.objects.filter(status=LetterStatus.CLOSED, outcome=Outcome.ANSWERED).first()
    with translation.override("ka"):
        staff_page = reverse("letters:staff_letter", kwargs={"uuid": letter.uuid})
        tracking_page = reverse("letters:track", kwargs={"token": tokens.tracking_token(letter)})

    assert client.get(tracking_page).status_code == 200
    client.login(username="clerk", password=DEMO_PASSWORD)
    assert client.get("/ka/staff/").status_code == 200
    client.login(username="admin", password=DEMO_PASSWORD)
    assert client.get(staff_page).status_code == 200


def test_the_command_loads_the_letters_and_prints_the_logins(db, monkeypatch):
    from emanager.directory.management.commands import load_demo as command

    monkeypatch.setattr(
        command, "load_demo_letters", functools.partial(command.load_demo_letters, count=COUNT)
    )
    out = StringIO()

    call_command("load_demo", "--if-empty", stdout=out)

    assert Letter.objects.filter(status=LetterStatus.CLOSED).exists()
    assert "letters: " in out.getvalue()
    assert DEMO_PASSWORD in out.getvalue()
    assert "clerk" in out.getvalue()

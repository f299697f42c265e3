"""The registry desk demo: paper, visitors, calls and e-mail, through the intake service."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from emanager.directory.demo import load_demo
from emanager.directory.models import Municipality
from emanager.letters.choices import Channel, Publication
from emanager.letters.demo_intake import ENTRIES, intake_demo_steps, load_intake_demo
from emanager.letters.models import Event, Letter, RegisterCounter
from emanager.letters.timeline import chain_verify
from emanager.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def lanchkhuti():
    load_demo()
    return Municipality.objects.get(slug="lanchkhuti")


@pytest.fixture
def now():
    # A Wednesday afternoon: every letter of the day is before it.
    return timezone.make_aware(datetime.datetime(2026, 11, 25, 17, 0))


def test_the_demo_registers_a_day_of_mixed_correspondence(lanchkhuti, now):
    assert load_intake_demo(lanchkhuti, now) == len(ENTRIES)

    letters = Letter.objects.filter(municipality=lanchkhuti)
    assert set(letters.values_list("channel", flat=True)) == {
        Channel.PAPER,
        Channel.IN_PERSON,
        Channel.PHONE,
        Channel.EMAIL,
    }
    assert not letters.filter(registered_by__username__in=["", None]).exists()
    assert set(letters.values_list("registered_by__username", flat=True)) <= {
        "clerk",
        "clerk.sakrebulo",
    }
    today = letters.filter(registered_at__date=now.date())
    assert today.count() >= 4
    assert letters.filter(registered_at__lt=now - datetime.timedelta(days=14)).exists()
    assert not letters.filter(registered_at__gt=now).exists()
    assert letters.exclude(author_email="").exists()
    assert letters.filter(author_email="").exists()
    scanned = letters.filter(attachments__content_type="application/pdf").distinct()
    assert scanned.filter(channel=Channel.PAPER).exists()
    assert not letters.filter(channel=Channel.PHONE, attachments__isnull=False).exists()
    public = letters.exclude(publication=Publication.PRIVATE)
    assert public.exists()
    assert not public.filter(consent_version="").exists()
    assert letters.filter(assignee__isnull=False).exists()


def test_numbers_timeline_and_emails_stay_genuine(lanchkhuti, now):
    load_intake_demo(lanchkhuti, now)

    assert chain_verify(lanchkhuti) is None
    times = list(Event.objects.filter(municipality=lanchkhuti).values_list("created_at", flat=True))
    assert times == sorted(times)
    registered = Letter.objects.filter(municipality=lanchkhuti)
    for counter in RegisterCounter.objects.filter(register__municipality=lanchkhuti):
        sequences = registered.filter(register=counter.register, year=counter.year)
        assert sorted(sequences.values_list("sequence", flat=True)) == list(
            range(1, counter.last_number + 1)
        )
    for register in {letter.register for letter in registered}:
        in_order = list(
            registered.filter(register=register)
            .order_by("sequence")
            .values_list("registered_at", flat=True)
        )
        assert in_order == sorted(in_order)
    assert not OutboxMessage.objects.exists()


def test_running_it_again_adds_nothing(lanchkhuti, now):
    load_intake_demo(lanchkhuti, now)
    letters, events = Letter.objects.count(), Event.objects.count()

    assert load_intake_demo(lanchkhuti, now) == 0
    assert intake_demo_steps(municipality=lanchkhuti, now=now) == []
    assert (Letter.objects.count(), Event.objects.count()) == (letters, events)


def test_letters_of_the_day_planned_after_now_are_dated_before_it(lanchkhuti):
    early = timezone.make_aware(datetime.datetime(2026, 11, 25, 8, 30))
    load_intake_demo(lanchkhuti, early)
    assert not Letter.objects.filter(registered_at__gt=early).exists()
    assert Letter.objects.filter(registered_at__date=early.date()).count() >= 4

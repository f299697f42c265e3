"""The timeline is append-only and tamper-evident."""

import itertools

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from emanager.core import freshness
from emanager.letters.choices import EventKind
from emanager.letters.models import Event
from emanager.letters.timeline import chain_verify, event_append

pytestmark = pytest.mark.django_db


def test_events_chain_by_hash(registered, municipality):
    registered()
    registered()
    events = list(Event.objects.filter(municipality=municipality).order_by("seq"))
    assert [e.seq for e in events] == [1, 2, 3, 4]
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))
    assert chain_verify(municipality) is None


def test_an_event_changes_the_public_pages_data_version(registered, municipality):
    letter = registered()
    before = freshness.version(municipality.pk)
    event = event_append(letter=letter, kind=EventKind.DEADLINE_RECOMPUTED, actor_label="calendar")
    assert event.pk is not None
    assert event.seq == 3
    assert freshness.version(municipality.pk) != before
    assert chain_verify(municipality) is None


def test_an_event_cannot_be_edited_or_deleted_through_the_application(registered):
    event = registered().events.first()
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        Event.objects.filter(pk=event.pk).update(kind="closed")


def test_verify_log_finds_a_row_changed_behind_the_applications_back(registered, municipality):
    registered()
    letter = registered()
    target = letter.events.order_by("seq").first()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE letters_event SET actor_label = %s WHERE id = %s", ["someone else", target.pk]
        )
    broken = chain_verify(municipality)
    assert broken.seq == target.seq
    assert "changed" in broken.reason
    with pytest.raises(CommandError):
        call_command("verify_log")


def test_verify_log_finds_a_deleted_row(registered, municipality):
    registered()
    registered()
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM letters_event WHERE seq = 2 AND municipality_id = %s", [municipality.pk]
        )
    assert chain_verify(municipality).seq == 2


def test_verify_log_reports_an_intact_chain(registered, capsys):
    registered()
    call_command("verify_log")
    assert "intact" in capsys.readouterr().out

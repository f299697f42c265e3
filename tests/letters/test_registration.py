"""Submitting, confirming and numbering letters."""

import datetime
import uuid

import pytest
from django.utils import timezone

from emanager.letters.choices import EventKind, LetterStatus
from emanager.letters.models import Letter, Register
from emanager.letters.services import letter_confirm, letter_submit
from emanager.notifications.models import OutboxMessage
from tests.letters.conftest import make_draft

pytestmark = pytest.mark.django_db


def test_a_letter_waits_for_confirmation_without_a_number(submit):
    letter = submit()
    assert letter.status == LetterStatus.UNCONFIRMED
    assert letter.number == ""
    assert not letter.events.exists()


def test_submitting_queues_the_confirmation_email(submit):
    letter = submit()
    message = OutboxMessage.objects.get(key=f"letter:{letter.pk}:confirm")
    assert message.to == "nino@example.ge"
    assert "/en/letters/confirm/" in message.context["confirm_url"]


def test_the_same_submission_twice_makes_one_letter(municipality, finance):
    key = uuid.uuid4()
    first, created = letter_submit(
        municipality=municipality, draft=make_draft(finance), submission_key=key
    )
    second, created_again = letter_submit(
        municipality=municipality, draft=make_draft(finance), submission_key=key
    )
    assert (created, created_again) == (True, False)
    assert first.pk == second.pk
    assert Letter.objects.count() == 1


def test_confirming_registers_with_number_and_deadline(registered):
    letter = registered()
    year = timezone.localdate().year
    assert letter.status == LetterStatus.OPEN
    assert letter.number == f"MUN-{year}-000001" or letter.number.endswith("-000001")
    assert letter.registered_at is not None
    assert letter.deadline > timezone.localdate(letter.registered_at)
    assert list(letter.events.values_list("kind", flat=True)) == [
        EventKind.SUBMITTED,
        EventKind.REGISTERED,
    ]


def test_default_number_format_is_prefix_year_six_digits(registered, municipality):
    letter = registered()
    assert letter.number == f"LAN-{timezone.localdate().year}-000001"


def test_numbers_follow_each_other(registered):
    numbers = [registered().sequence for _ in range(3)]
    assert numbers == [1, 2, 3]


def test_confirming_twice_registers_once(submit):
    letter = submit()
    first = letter_confirm(letter=letter)
    again = letter_confirm(letter=letter)
    assert first.number == again.number
    assert Letter.objects.get(pk=letter.pk).sequence == 1


def test_registration_sends_acknowledgement_with_number_and_tracking_link(registered):
    letter = registered()
    ack = OutboxMessage.objects.get(key=f"letter:{letter.pk}:ack")
    assert ack.context["number"] == letter.number
    assert ack.context["deadline"] == letter.deadline.isoformat()
    assert "/en/letters/track/" in ack.context["tracking_url"]


def test_registration_tells_the_addressed_official(registered, head_of_finance):
    letter = registered(addressee_official=head_of_finance)
    assert OutboxMessage.objects.get(key=f"letter:{letter.pk}:new").to == "head@example.ge"


def test_a_kind_with_its_own_register_uses_it(registered, municipality):
    Register.objects.create(
        municipality=municipality,
        kind="public_information",
        name="FOI",
        prefix="FOI",
        number_format="{prefix}{number}/{yy}",
    )
    letter = registered(kind="public_information")
    assert letter.number == f"FOI1/{timezone.localdate().year % 100:02d}"


def test_numbers_restart_each_year(registered, municipality):
    from emanager.letters.numbering import number_take, register_for

    register = register_for(municipality=municipality, kind="application")
    from django.db import transaction

    with transaction.atomic():
        assert number_take(register=register, year=2030) == 1
        assert number_take(register=register, year=2030) == 2
        assert number_take(register=register, year=2031) == 1


def test_unconfirmed_letters_expire_after_seven_days_with_their_files(submit, pdf_upload):
    from emanager.letters.attachments import check_files
    from emanager.letters.services import letters_expire_unconfirmed

    old = submit(files=check_files([pdf_upload()]))
    storage = old.attachments.get().file.storage
    name = old.attachments.get().file.name
    assert storage.exists(name)
    fresh = submit()
    later = timezone.now() + datetime.timedelta(days=7, minutes=1)
    Letter.objects.filter(pk=fresh.pk).update(created_at=timezone.now())
    Letter.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    assert letters_expire_unconfirmed(now=later - datetime.timedelta(days=1)) == 1
    assert not Letter.objects.filter(pk=old.pk).exists()
    assert Letter.objects.filter(pk=fresh.pk).exists()


def test_expire_letters_command_reports_what_it_deleted(submit, capsys):
    from django.core.management import call_command

    letter = submit()
    Letter.objects.filter(pk=letter.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    call_command("expire_letters")
    assert "Deleted 1 unconfirmed letter(s)." in capsys.readouterr().out
    assert not Letter.objects.exists()

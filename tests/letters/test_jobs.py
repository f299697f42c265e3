"""Daily jobs: reminders, digests and expiry, each at most once a day."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from emanager.letters.jobs import daily_jobs, letters_digest, letters_remind
from emanager.letters.models import Letter
from emanager.notifications.models import OutboxMessage
from emanager.staff.models import Membership, StaffRole

pytestmark = pytest.mark.django_db


def due(letter, days):
    Letter.objects.filter(pk=letter.pk).update(
        deadline=timezone.localdate() + datetime.timedelta(days=days)
    )


def test_official_is_reminded_of_due_soon_and_overdue_letters_in_one_email(
    registered, head_of_finance
):
    soon = registered(addressee_official=head_of_finance)
    late = registered(addressee_official=head_of_finance)
    later = registered(addressee_official=head_of_finance)
    due(soon, 1)
    due(late, -3)
    due(later, 10)
    assert letters_remind() == 1
    mail = OutboxMessage.objects.get(template="letters/reminder")
    assert mail.to == "head@example.ge"
    assert [i["number"] for i in mail.context["overdue"]] == [late.number]
    assert mail.context["overdue"][0]["overdue_days"] == 3
    assert [i["number"] for i in mail.context["due_soon"]] == [soon.number]


def test_reminders_go_to_the_assignee_first(registered, head_of_finance):
    from emanager.letters.staff_services import letter_assign

    assignee = get_user_model().objects.create_user("lela", email="lela@example.ge")
    letter = registered(addressee_official=head_of_finance)
    letter_assign(letter=letter, actor=None, assignee=assignee)
    due(letter, 0)
    letters_remind()
    assert OutboxMessage.objects.get(template="letters/reminder").to == "lela@example.ge"


def test_running_twice_a_day_reminds_once(registered, head_of_finance):
    due(registered(addressee_official=head_of_finance), -1)
    letters_remind()
    letters_remind()
    assert OutboxMessage.objects.filter(template="letters/reminder").count() == 1


def test_answered_and_waiting_for_clarification_letters_are_not_reminded(
    registered, head_of_finance
):
    from emanager.letters.staff_services import letter_answer, letter_request_clarification

    answered = registered(addressee_official=head_of_finance)
    letter_answer(letter=answered, actor=None, body="Done.", files=[])
    asked = registered(addressee_official=head_of_finance)
    letter_request_clarification(letter=asked, actor=None, body="Which street?")
    due(answered, -5)
    due(asked, -5)
    assert letters_remind() == 0


def test_head_gets_a_digest_of_the_body(registered, finance, municipality):
    head = get_user_model().objects.create_user("head", email="boss@example.ge")
    Membership.objects.create(
        user=head, municipality=municipality, body=finance, role=StaffRole.HEAD
    )
    late = registered()
    due(late, -2)
    registered()
    assert letters_digest() == 1
    mail = OutboxMessage.objects.get(template="letters/digest")
    assert mail.to == "boss@example.ge"
    assert mail.context["open"] == 2
    assert [i["number"] for i in mail.context["overdue"]] == [late.number]


def test_daily_jobs_also_expire_unconfirmed_letters(submit):
    letter = submit()
    Letter.objects.filter(pk=letter.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=9)
    )
    assert daily_jobs().expired == 1


def test_the_command_reports_what_it_did(capsys, db):
    call_command("run_daily_jobs")
    assert "Reminders: 0, digests: 0, expired letters deleted: 0." in capsys.readouterr().out


def test_the_command_can_hand_the_jobs_to_the_worker(capsys, db):
    call_command("run_daily_jobs", "--enqueue")
    assert "Queued the daily jobs" in capsys.readouterr().out

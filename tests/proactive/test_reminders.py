"""Reminders before an item falls due: a week before and on the day, once each."""

from __future__ import annotations

import datetime

import pytest

from emanager.letters.jobs import daily_jobs
from emanager.notifications.emails import render_email
from emanager.notifications.models import OutboxMessage
from emanager.proactive import rules, services
from emanager.proactive.jobs import proactive_remind, reminder_recipients
from emanager.proactive.models import Reminder
from emanager.staff.models import Membership, StaffRole
from tests.staff.conftest import make_user

pytestmark = pytest.mark.django_db

D = datetime.date
# The first quarter of 2026 is due on Thursday 30 April.
WEEK_BEFORE = D(2026, 4, 23)
DUE_DAY = D(2026, 4, 30)


@pytest.fixture
def fuel(catalogue, bodies, staff):
    item = catalogue["fuel"]
    item.responsible_body = bodies["finance"]
    item.save()
    return item


def mails_to(address: str) -> list[OutboxMessage]:
    return list(
        OutboxMessage.objects.filter(template="proactive/reminder", to=address).order_by("pk")
    )


def item_names(message: OutboxMessage) -> list[str]:
    return [item["name"] for item in message.context["items"]]


def test_the_responsible_body_s_staff_are_reminded_a_week_before(fuel):
    proactive_remind(today=WEEK_BEFORE)
    for address in ("head@example.ge", "official@example.ge"):
        [mail] = mails_to(address)
        [item] = mail.context["items"]
        assert item["name"] == "საწვავის ხარჯები"
        assert (item["due"], item["days_left"]) == ("2026-04-30", 7)
        assert (item["period_year"], item["period_quarter"]) == (2026, 1)
        assert item["url"].endswith("/ka/proactive/staff/item/fuel/")
    assert Reminder.objects.get(item=fuel).stage == "soon"


def test_items_without_a_responsible_body_are_reminded_to_the_administrators(fuel):
    proactive_remind(today=WEEK_BEFORE)
    [mail] = mails_to("admin@example.ge")
    names = item_names(mail)
    assert "საწვავის ხარჯები" not in names
    assert "ბიუჯეტის შესრულების კვარტალური ანგარიში" in names
    assert not mails_to("clerk@example.ge")


def test_a_body_without_staff_is_covered_by_the_administrators(catalogue, bodies, staff):
    item = catalogue["fuel"]
    item.responsible_body = bodies["sakrebulo"]
    item.save()
    Membership.objects.filter(body=bodies["sakrebulo"]).delete()
    assert reminder_recipients(item) == ["admin@example.ge"]


def test_the_due_day_brings_a_second_reminder(fuel):
    proactive_remind(today=WEEK_BEFORE)
    proactive_remind(today=DUE_DAY)
    mails = mails_to("head@example.ge")
    assert [mail.context["items"][0]["days_left"] for mail in mails] == [7, 0]
    assert set(Reminder.objects.filter(item=fuel).values_list("stage", flat=True)) == {
        "soon",
        "due",
    }


def test_running_twice_a_day_or_on_the_next_day_reminds_once(fuel):
    assert proactive_remind(today=WEEK_BEFORE) > 0
    assert proactive_remind(today=WEEK_BEFORE) == 0
    assert proactive_remind(today=D(2026, 4, 24)) == 0
    assert len(mails_to("head@example.ge")) == 1


def test_a_week_missed_by_the_job_is_reminded_the_next_time_it_runs(fuel):
    proactive_remind(today=D(2026, 4, 26))
    [mail] = mails_to("head@example.ge")
    assert mail.context["items"][0]["days_left"] == 4


def test_nothing_is_reminded_outside_the_week_before(fuel):
    assert proactive_remind(today=D(2026, 4, 22)) == 0
    assert proactive_remind(today=D(2026, 5, 1)) == 0
    assert not OutboxMessage.objects.filter(template="proactive/reminder").exists()


def test_a_published_period_is_not_reminded(fuel, publish):
    publish(fuel, period=rules.ReportingPeriod.of_quarter(2026, 1), published_on=D(2026, 4, 10))
    proactive_remind(today=WEEK_BEFORE)
    assert not mails_to("head@example.ge")


def test_items_that_do_not_apply_are_not_reminded(fuel):
    services.item_settings_set(
        item=fuel,
        responsible_body=fuel.responsible_body,
        is_applicable=False,
        not_applicable_reason="No vehicles.",
    )
    proactive_remind(today=WEEK_BEFORE)
    assert not mails_to("head@example.ge")


def test_an_on_change_item_is_reminded_before_its_year_ends(catalogue, bodies, staff, publish):
    item = catalogue["contacts"]
    item.responsible_body = bodies["finance"]
    item.save()
    publish(item, published_on=D(2025, 5, 7))
    proactive_remind(today=D(2026, 4, 30))
    [mail] = mails_to("head@example.ge")
    [reminded] = mail.context["items"]
    assert (reminded["due"], reminded["period_year"]) == ("2026-05-07", None)


def test_legal_acts_are_not_reminded(catalogue, bodies, staff):
    item = catalogue["mayor-normative-acts"]
    item.responsible_body = bodies["finance"]
    item.save()
    proactive_remind(today=WEEK_BEFORE)
    assert not mails_to("head@example.ge")


def test_inactive_staff_are_not_reminded(fuel, staff):
    staff["official"].is_active = False
    staff["official"].save()
    proactive_remind(today=WEEK_BEFORE)
    assert not mails_to("official@example.ge")
    assert mails_to("head@example.ge")


def test_a_user_in_two_roles_of_the_body_gets_one_email(fuel, staff, bodies, municipality):
    Membership.objects.create(
        user=staff["head"], municipality=municipality, body=bodies["finance"], role=StaffRole.PIO
    )
    proactive_remind(today=WEEK_BEFORE)
    assert len(mails_to("head@example.ge")) == 1


def test_the_daily_jobs_send_the_reminders(fuel):
    report = daily_jobs(today=WEEK_BEFORE)
    assert report.proactive_reminders == 3  # head, official, admin


@pytest.mark.parametrize("language", ["ka", "en", "ru"])
def test_the_reminder_renders_in_every_language(fuel, language):
    make_user("spare")
    proactive_remind(today=WEEK_BEFORE)
    [mail] = mails_to("head@example.ge")
    email = render_email(
        template=mail.template, language=language, context=mail.context, to=mail.to
    )
    assert email.subject
    if language == "en":
        assert email.subject == "Proactive publication: 1 item falls due"
        assert "in 7 days" in email.body
    assert "საწვავის ხარჯები" in email.body
    assert "/ka/proactive/staff/item/fuel/" in email.body
    html = email.alternatives[0][0]
    assert 'href="http' in html
    assert "საწვავის ხარჯები" in html

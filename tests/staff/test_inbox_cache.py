"""The plain inbox is cached per user and access until the municipality's data changes."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from emanager.letters.choices import Outcome
from emanager.letters.staff_services import letter_assign, letter_close
from emanager.staff.models import Membership, StaffRole

pytestmark = pytest.mark.django_db

INBOX = "/en/staff/"


def letter_queries(client, path=INBOX, **params) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    # The logout form's token is masked anew on each page.
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.text)
    return page, sum('FROM "letters_letter"' in q["sql"] for q in queries)


def test_the_second_view_reads_no_letters_and_shows_the_same_page(login, staff, write_letter):
    write_letter(subject="Broken bridge in Shukhuti")
    client = login(staff["head"])
    first, first_reads = letter_queries(client)
    again, again_reads = letter_queries(client)
    assert "Broken bridge in Shukhuti" in first
    assert first_reads > 0
    assert again_reads == 0
    assert again == first


def test_a_new_letter_appears_at_once(login, staff, write_letter):
    client = login(staff["head"])
    assert "Broken bridge in Shukhuti" not in letter_queries(client)[0]
    write_letter(subject="Broken bridge in Shukhuti")
    assert "Broken bridge in Shukhuti" in letter_queries(client)[0]


def test_an_assignment_and_a_closing_show_at_once(login, staff, write_letter, bodies):
    letter = write_letter(to=bodies["sakrebulo"], subject="Noise at night")
    official = login(staff["official"])
    assert "Noise at night" not in letter_queries(official)[0]
    letter_assign(letter=letter, assignee=staff["official"], actor=staff["admin"])
    page = letter_queries(official)[0]
    assert "Noise at night" in page
    assert "Status: Registered, being handled" in page
    letter_close(letter=letter, actor=staff["admin"], outcome=Outcome.WITHDRAWN)
    assert "Status: Closed" in letter_queries(official)[0]


def test_a_new_role_shows_the_bodys_letters_at_once(
    login, staff, write_letter, bodies, municipality
):
    write_letter(to=bodies["administrative"], subject="A birth certificate")
    client = login(staff["official"])
    assert "A birth certificate" not in letter_queries(client)[0]
    Membership.objects.create(
        user=staff["official"],
        municipality=municipality,
        body=bodies["administrative"],
        role=StaffRole.CLERK,
    )
    assert "A birth certificate" in letter_queries(client)[0]


def test_users_never_see_each_others_cached_inbox(login, staff, write_letter, bodies, people):
    write_letter(to=bodies["administrative"], subject="A birth certificate")
    write_letter(
        to=bodies["sakrebulo"], addressee_official=people["kvirikashvili"], subject="Noise at night"
    )
    clerk_page = letter_queries(login(staff["clerk"]))[0]
    other_page = letter_queries(login(staff["official_elsewhere"]))[0]
    assert "A birth certificate" in clerk_page
    assert "Noise at night" not in clerk_page
    assert "Noise at night" in other_page
    assert "A birth certificate" not in other_page
    assert "Signed in as clerk" in clerk_page
    assert "Signed in as official_elsewhere" in other_page


def test_languages_and_pages_are_cached_apart(login, staff, write_letter):
    write_letter()
    client = login(staff["head"])
    english = letter_queries(client)[0]
    georgian = letter_queries(client, "/ka/staff/")[0]
    assert "Inbox" in english
    assert "Inbox" not in georgian
    assert 'lang="ka"' in georgian


def test_the_deadline_text_follows_the_day(login, staff, write_letter, today, monkeypatch):
    write_letter(subject="Street lighting", deadline=today + datetime.timedelta(days=1))
    client = login(staff["head"])
    assert "due in 1 day" in letter_queries(client)[0]
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    page = letter_queries(client)[0]
    assert "due today" in page
    assert "due in 1 day" not in page


def test_a_filtered_inbox_is_never_cached(login, staff, write_letter):
    write_letter(subject="Street lighting")
    client = login(staff["head"])
    letter_queries(client, status="open")
    assert letter_queries(client, status="open")[1] > 0

"""The plain inbox's pages: read page by page, never counting the whole inbox."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emanager.letters.choices import LetterStatus
from emanager.letters.models import Letter
from emanager.staff import selectors

pytestmark = pytest.mark.django_db

INBOX = "/en/staff/"


def listed(response) -> list[Letter]:
    return list(response.context["page"].object_list)


@pytest.fixture
def many(write_letter, bodies, staff, people, today):
    """30 letters for the official: waiting, in clarification, answered, closed."""
    states = [None, LetterStatus.CLARIFICATION, LetterStatus.ANSWERED, LetterStatus.CLOSED]
    letters = []
    for i in range(30):
        letter = write_letter(
            to=bodies["finance"],
            addressee_official=people["beridze"],
            deadline=today + datetime.timedelta(days=(i * 7) % 11 - 5),
            status=states[i % 4],
        )
        letters.append(letter)
    return letters


def test_the_pages_show_every_letter_once_in_the_inbox_order(login, staff, many):
    client = login(staff["official"])
    first = client.get(INBOX)
    second = client.get(INBOX, {"page": 2})
    expected = list(selectors.inbox_letters(staff["official"], many[0].municipality))
    assert len(listed(first)) == 25
    assert listed(first) + listed(second) == expected
    assert "?page=2" in first.text
    assert "?page=1" in second.text


def test_a_letter_reaching_the_official_two_ways_is_listed_once(
    login, staff, write_letter, bodies, people
):
    letter = write_letter(to=bodies["finance"], addressee_official=people["beridze"])
    Letter.objects.filter(pk=letter.pk).update(assignee=staff["official"])
    assert listed(login(staff["official"]).get(INBOX)) == [letter]


def test_a_page_past_the_end_shows_the_first_page(login, staff, many):
    response = login(staff["official"]).get(INBOX, {"page": 99})
    assert listed(response) == listed(login(staff["official"]).get(INBOX))


def test_the_plain_inbox_never_counts_all_the_letters(login, staff, many):
    client = login(staff["official"])
    with CaptureQueriesContext(connection) as queries:
        client.get(INBOX)
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    # Only the deadline chips count, and only among the waiting letters.
    assert len(counts) == 1
    assert "'open'" in counts[0]
    assert "'closed'" not in counts[0]


def test_a_filtered_inbox_still_says_how_many_letters_match(login, staff, many):
    response = login(staff["official"]).get(INBOX, {"status": LetterStatus.CLOSED})
    assert "(7 letters)" in response.text


def test_a_row_shows_names_in_the_page_language_without_a_query_per_row(
    login, staff, write_letter, bodies, people, unit
):
    client = login(staff["head"])
    write_letter(addressee_official=people["beridze"], addressee_unit=unit)
    with CaptureQueriesContext(connection) as one:
        client.get(INBOX)
    for _ in range(9):
        write_letter(addressee_official=people["beridze"], addressee_unit=unit)
    with CaptureQueriesContext(connection) as ten:
        english = client.get(INBOX).text
    assert len(ten) == len(one)
    assert "To: Giorgi Beridze, " in english
    assert "Finance Service" in english
    assert "Nigoiti" in english
    # The Georgian page shows the Georgian names, read with the same row.
    georgian = client.get("/ka/staff/").text
    assert bodies["finance"].name_ka in georgian

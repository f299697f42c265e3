"""The inbox: who sees what, filters, deadline counts, pagination, and its cost in queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from emanager.letters.choices import LetterKind, LetterStatus
from emanager.letters.models import Letter
from tests.factories import MunicipalityFactory
from tests.staff.test_permissions import EXPECTED, names

pytestmark = pytest.mark.django_db

INBOX = "/en/staff/"


def days(today, n: int) -> datetime.date:
    return today + datetime.timedelta(days=n)


def listed(response) -> list[Letter]:
    return list(response.context["page"].object_list)


@pytest.mark.parametrize("who", sorted(set(EXPECTED) - {"outsider"}))
def test_each_user_finds_exactly_their_letters_in_the_inbox(who, login, staff, mail):
    response = login(staff[who]).get(INBOX)
    assert response.status_code == 200
    assert names(mail, listed(response)) == EXPECTED[who]
    assert "Not confirmed" not in response.text


def test_anonymous_is_sent_to_the_login_page(client, municipality):
    response = client.get(INBOX)
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/login/?next=/en/staff/"


def test_on_a_shared_host_the_login_keeps_the_municipality(client, municipality):
    MunicipalityFactory(slug="ozurgeti")
    response = client.get("/lanchkhuti/en/staff/")
    assert response["Location"] == "/lanchkhuti/en/staff/login/?next=/lanchkhuti/en/staff/"


def test_a_member_of_another_municipality_gets_403_here(login, staff):
    MunicipalityFactory(slug="ozurgeti")
    assert login(staff["head"]).get("/ozurgeti/en/staff/").status_code == 403


def test_outsider_gets_a_page_that_says_why(login, staff, mail):
    response = login(staff["outsider"]).get(INBOX)
    assert response.status_code == 403
    assert "You have no access to these pages" in response.text
    assert mail.finance.number not in response.text


def test_a_superuser_without_membership_may_enter(login, mail, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.ge", "x")
    response = login(root).get(INBOX)
    assert response.status_code == 200
    assert len(listed(response)) == len(mail.registered())


def test_rows_show_what_the_staff_need(login, staff, mail):
    response = login(staff["head"]).get(INBOX)
    letter = mail.to_beridze
    assert letter.number in response.text
    assert "To Beridze" in response.text
    assert "Nino Beridze" in response.text
    assert "Giorgi Beridze" in response.text
    assert "Finance Service" in response.text
    assert "Application" in response.text
    assert "Registered, being handled" in response.text


def test_number_links_to_the_staff_letter_page_when_there_is_one(login, staff, mail):
    response = login(staff["head"]).get(INBOX)
    try:
        url = reverse("letters:staff_letter", kwargs={"uuid": mail.finance.uuid})
    except NoReverseMatch:
        assert f">{mail.finance.number}</a>" not in response.text
    else:
        assert f'<a href="{url}">{mail.finance.number}</a>' in response.text


def test_most_urgent_open_letter_comes_first_and_closed_ones_last(
    login, staff, write_letter, bodies, today
):
    from emanager.letters.choices import LetterStatus
    from emanager.letters.models import Letter

    early = write_letter(to=bodies["finance"], deadline=days(today, 3))
    late = write_letter(to=bodies["finance"], deadline=days(today, 20))
    overdue = write_letter(to=bodies["finance"], deadline=days(today, -2))
    closed = write_letter(to=bodies["finance"], deadline=days(today, 1))
    Letter.objects.filter(pk=closed.pk).update(status=LetterStatus.CLOSED)
    response = login(staff["head"]).get(INBOX)
    assert listed(response) == [overdue, early, late, closed]


def test_empty_inbox_says_so(login, staff):
    response = login(staff["clerk"]).get(INBOX)
    assert "There are no letters for you yet." in response.text


def test_empty_filter_result_says_so(login, staff, mail):
    response = login(staff["clerk"]).get(INBOX, {"kind": LetterKind.COMPLAINT})
    assert listed(response) == []
    assert "No letter matches these filters." in response.text


# --- Deadlines ----------------------------------------------------------------


@pytest.fixture
def deadlines(write_letter, bodies, today):
    """Letters of the finance service around today's date."""
    finance = bodies["finance"]
    return {
        "overdue": write_letter(to=finance, deadline=days(today, -3)),
        "overdue_clarification": write_letter(
            to=finance, deadline=days(today, -1), status=LetterStatus.CLARIFICATION
        ),
        "answered_late": write_letter(
            to=finance, deadline=days(today, -5), status=LetterStatus.ANSWERED
        ),
        "today": write_letter(to=finance, deadline=today),
        "in_two_days": write_letter(to=finance, deadline=days(today, 2)),
        "in_three_days": write_letter(to=finance, deadline=days(today, 3)),
        "in_ten_days": write_letter(to=finance, deadline=days(today, 10)),
    }


def pks(letters) -> set[int]:
    return {letter.pk for letter in letters}


def test_counts_of_overdue_and_due_soon(login, staff, deadlines):
    response = login(staff["head"]).get(INBOX)
    counts = response.context["counts"]
    assert counts.overdue == 2
    assert counts.due_soon == 2  # today and in two days
    assert "2 letters overdue" in response.text
    assert "2 letters due within 2 days" in response.text


def test_counts_ignore_the_filters(login, staff, deadlines):
    response = login(staff["head"]).get(INBOX, {"kind": LetterKind.COMPLAINT})
    assert response.context["counts"].overdue == 2


def test_overdue_filter(login, staff, deadlines):
    response = login(staff["head"]).get(INBOX, {"overdue": "on"})
    assert pks(listed(response)) == pks([deadlines["overdue"], deadlines["overdue_clarification"]])


def test_due_within_filter_leaves_out_overdue_and_later_letters(login, staff, deadlines):
    response = login(staff["head"]).get(INBOX, {"due_within": "3"})
    assert pks(listed(response)) == pks(
        [deadlines["today"], deadlines["in_two_days"], deadlines["in_three_days"]]
    )


def test_a_bad_number_of_days_is_reported_not_fatal(login, staff, deadlines):
    response = login(staff["head"]).get(INBOX, {"due_within": "soon"})
    assert response.status_code == 200
    assert "due_within" in response.context["filter"].form.errors
    assert len(listed(response)) == len(deadlines)


def test_deadline_is_told_in_words(login, staff, deadlines):
    text = login(staff["head"]).get(INBOX).text
    assert "overdue by 3 days" in text
    assert "overdue by 1 day" in text
    assert "due today" in text
    assert "due in 10 days" in text
    assert "overdue by 5 days" not in text  # answered: the deadline no longer runs


# --- Other filters ------------------------------------------------------------


def test_status_filter(login, staff, mail):
    Letter.objects.filter(pk=mail.finance.pk).update(status=LetterStatus.ANSWERED)
    response = login(staff["head"]).get(INBOX, {"status": LetterStatus.ANSWERED})
    assert pks(listed(response)) == {mail.finance.pk}


def test_kind_filter(login, staff, write_letter, bodies):
    request = write_letter(to=bodies["finance"], kind=LetterKind.PUBLIC_INFORMATION)
    write_letter(to=bodies["finance"], kind=LetterKind.COMPLAINT)
    response = login(staff["head"]).get(INBOX, {"kind": LetterKind.PUBLIC_INFORMATION})
    assert pks(listed(response)) == {request.pk}


def test_unit_filter_matches_the_unit_addressed_or_written_from(
    login, staff, write_letter, bodies, unit
):
    addressed = write_letter(to=bodies["finance"], addressee_unit=unit)
    written_from = write_letter(to=bodies["finance"], author_unit=unit)
    write_letter(to=bodies["finance"])
    response = login(staff["head"]).get(INBOX, {"unit": unit.pk})
    assert pks(listed(response)) == {addressed.pk, written_from.pk}


def test_filters_cannot_widen_what_a_user_sees(login, staff, mail):
    response = login(staff["clerk"]).get(INBOX, {"status": LetterStatus.OPEN})
    assert names(mail, listed(response)) == {"administrative"}


def test_the_filter_form_is_labelled(login, staff):
    text = login(staff["head"]).get(INBOX).text
    for field in ("status", "kind", "unit", "due_within", "overdue"):
        assert f'for="id_{field}"' in text
        assert f'id="id_{field}"' in text


# --- Pagination and cost ------------------------------------------------------


def test_pages_of_25_keep_the_filters(login, staff, write_letter, bodies):
    for _ in range(30):
        write_letter(to=bodies["finance"])
    client = login(staff["head"])
    first = client.get(INBOX, {"kind": LetterKind.APPLICATION})
    assert len(listed(first)) == 25
    assert "?kind=application&amp;page=2" in first.text
    second = client.get(INBOX, {"kind": LetterKind.APPLICATION, "page": 2})
    assert len(listed(second)) == 5


def inbox_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INBOX)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_letters(login, staff, write_letter, bodies, people):
    def write(n):
        for i in range(n):
            write_letter(
                to=bodies["finance"] if i % 2 else bodies["budget"],
                addressee_official=people["beridze"] if i % 3 else None,
            )

    write(5)
    few = inbox_queries(login(staff["head"]))
    write(25)
    many = inbox_queries(login(staff["head"]))
    assert few == many

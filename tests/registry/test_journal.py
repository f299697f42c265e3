"""The registry journal: its rows, sorted by number, and its filters."""

from __future__ import annotations

import datetime

import pytest

from emanager.letters.choices import LetterKind, LetterStatus, RegisterDirection
from emanager.letters.models import Letter, Register
from emanager.letters.numbering import outgoing_register_for, register_for
from emanager.registry.selectors import JournalFilters, journal_entries, journal_rows

JOURNAL = "/en/staff/registry/"


def rows_of(response) -> list:
    return response.context["rows"]


def numbers(response) -> list[str]:
    return [row.number for row in rows_of(response)]


@pytest.fixture
def admin_client(login, staff):
    return login(staff["admin"])


def test_a_row_shows_the_letter_and_its_answer(admin_client, write, answer, staff, people, unit):
    letter = write(on="2026-03-02", addressee_official=people["beridze"], addressee_unit=unit)
    Letter.objects.filter(pk=letter.pk).update(
        assignee=staff["head"], deadline=datetime.date(2026, 4, 2)
    )
    staff["head"].first_name, staff["head"].last_name = "Nana", "Beridze"
    staff["head"].save()
    sent = answer(letter, on="2026-03-10")

    [row] = rows_of(admin_client.get(JOURNAL))

    assert row.number == letter.number == "LAN-2026-000001"
    assert row.date == datetime.date(2026, 3, 2)
    assert row.correspondent == "ნინო ბერიძე"
    assert row.addressee == "Giorgi Beridze, Nigoiti, Finance Service"
    assert row.subject == "გარე განათება ნიგოითში"
    assert row.assignee == "Nana Beridze"
    assert row.deadline == datetime.date(2026, 4, 2)
    assert row.linked_number == sent.out_number == "LAN-OUT-2026-000001"
    assert row.linked_date == datetime.date(2026, 3, 10)
    assert row.status == "Answered"
    assert row.channel == "Website"


def test_the_latest_sent_answer_is_the_one_shown(admin_client, write, answer):
    letter = write()
    answer(letter, on="2026-03-05")
    answer(letter, on="2026-03-20")
    answer(letter, status="pending_approval")

    [row] = rows_of(admin_client.get(JOURNAL))

    assert row.linked_number == "LAN-OUT-2026-000002"
    assert row.linked_date == datetime.date(2026, 3, 20)


def test_a_closed_letter_shows_its_outcome(admin_client, write):
    letter = write()
    Letter.objects.filter(pk=letter.pk).update(status=LetterStatus.CLOSED, outcome="refused")

    [row] = rows_of(admin_client.get(JOURNAL))

    assert row.status == "Closed — Refused"
    assert row.linked_number == ""


def test_rows_are_sorted_by_number(admin_client, write):
    for day in ("2026-01-10", "2026-01-11", "2026-01-12"):
        write(on=day)
    # Years sort before numbers: last December's letter comes first.
    write(on="2025-12-30")

    assert numbers(admin_client.get(JOURNAL)) == [
        "LAN-2025-000001",
        "LAN-2026-000001",
        "LAN-2026-000002",
        "LAN-2026-000003",
    ]


def test_the_page_shows_a_table_with_a_caption_and_column_headers(admin_client, write):
    write()

    html = admin_client.get(JOURNAL).content.decode()

    assert '<div class="table-scroll" role="region" aria-labelledby="journal-caption"' in html
    assert '<caption id="journal-caption">' in html
    assert '<th scope="col">Date registered</th>' in html
    assert '<th scope="row"><a href="/en/letters/staff/' in html


def test_the_journal_is_paginated(admin_client, write, monkeypatch):
    from emanager.registry import views

    monkeypatch.setattr(views, "ROWS_PER_PAGE", 2)
    for day in range(1, 6):
        write(on=f"2026-01-0{day}")

    page2 = admin_client.get(JOURNAL + "?page=2")

    assert numbers(page2) == ["LAN-2026-000003", "LAN-2026-000004"]
    assert "Page 2 of 3" in page2.content.decode()


def test_an_empty_register_says_so(admin_client, municipality):
    register_for(municipality=municipality, kind=LetterKind.APPLICATION)

    response = admin_client.get(JOURNAL)

    assert response.status_code == 200
    assert "This register has no entries that you may see yet." in response.content.decode()


def test_without_any_register_the_page_says_so(admin_client):
    response = admin_client.get(JOURNAL)

    assert response.status_code == 200
    assert "There is no register yet" in response.content.decode()


# --- Filters ------------------------------------------------------------------


@pytest.fixture
def quarter(write, bodies):
    """Letters on the last day of 2025, in each month of early 2026, and in April."""
    return {
        "december": write(on="2025-12-31"),
        "january": write(on="2026-01-15", to=bodies["budget"]),
        "february": write(on="2026-02-01", to=bodies["sakrebulo"]),
        "march": write(on="2026-03-31"),
        "april": write(on="2026-04-01"),
    }


def test_the_period_includes_both_days(admin_client, quarter):
    response = admin_client.get(JOURNAL, {"date_from": "2026-01-15", "date_to": "2026-03-31"})

    assert numbers(response) == [
        quarter["january"].number,
        quarter["february"].number,
        quarter["march"].number,
    ]


def test_the_period_follows_the_days_in_tbilisi(admin_client, write):
    from tests.registry.conftest import at

    # 23:30 in Tbilisi on 31 January is 19:30 UTC the same day: January.
    late = write(on=at("2026-01-31", 23))

    assert numbers(admin_client.get(JOURNAL, {"date_to": "2026-01-31"})) == [late.number]
    assert numbers(admin_client.get(JOURNAL, {"date_from": "2026-02-01"})) == []


def test_an_open_ended_period(admin_client, quarter):
    since = admin_client.get(JOURNAL, {"date_from": "2026-03-01"})
    until = admin_client.get(JOURNAL, {"date_to": "2025-12-31"})

    assert numbers(since) == [quarter["march"].number, quarter["april"].number]
    assert numbers(until) == [quarter["december"].number]


def test_a_reversed_period_is_refused_with_a_clear_error(admin_client, quarter):
    response = admin_client.get(JOURNAL, {"date_from": "2026-03-01", "date_to": "2026-02-01"})

    html = response.content.decode()
    assert response.status_code == 200
    assert rows_of(response) == []
    assert response.context["form"].errors["date_to"] == [
        "The end of the period cannot be before its start."
    ]
    assert "The journal cannot be shown: correct the filters below." in html
    assert 'aria-invalid="true"' in html


def test_a_date_that_is_not_a_date_is_refused(admin_client, quarter):
    response = admin_client.get(JOURNAL, {"date_from": "31.02.2026"})

    assert response.context["form"].errors["date_from"] == ["Enter a valid date."]


def test_a_body_includes_its_sub_bodies(admin_client, quarter, bodies):
    response = admin_client.get(JOURNAL, {"body": bodies["finance"].pk})

    assert numbers(response) == [
        quarter["december"].number,
        quarter["january"].number,  # to the budget division, under finance
        quarter["march"].number,
        quarter["april"].number,
    ]


def test_a_sub_body_alone(admin_client, quarter, bodies):
    response = admin_client.get(JOURNAL, {"body": bodies["budget"].pk})

    assert numbers(response) == [quarter["january"].number]


def test_the_body_choices_are_indented_under_their_parents(admin_client, quarter, bodies):
    choices = dict(admin_client.get(JOURNAL).context["form"].fields["body"].choices)

    assert choices[bodies["city_hall"].pk] == "City Hall"
    assert choices[bodies["budget"].pk] == "\u2003\u2003Budget Division"


def test_the_status_filter(admin_client, quarter):
    Letter.objects.filter(pk=quarter["march"].pk).update(status=LetterStatus.CLOSED)

    response = admin_client.get(JOURNAL, {"status": "closed"})

    assert numbers(response) == [quarter["march"].number]


def test_filters_combine(admin_client, quarter, bodies):
    response = admin_client.get(
        JOURNAL, {"body": bodies["finance"].pk, "date_from": "2026-01-01", "status": "open"}
    )

    assert numbers(response) == [
        quarter["january"].number,
        quarter["march"].number,
        quarter["april"].number,
    ]


def test_a_filter_that_matches_nothing_says_so(admin_client, quarter):
    response = admin_client.get(JOURNAL, {"date_from": "2030-01-01"})

    assert "No entry matches these filters." in response.content.decode()


# --- Registers ------------------------------------------------------------------


def test_each_kind_with_its_own_register_has_its_own_journal(admin_client, municipality, write):
    general = register_for(municipality=municipality, kind=LetterKind.APPLICATION)
    foi = Register.objects.create(
        municipality=municipality,
        kind=LetterKind.PUBLIC_INFORMATION,
        name="საჯარო ინფორმაციის რეესტრი",
        prefix="FOI",
    )
    application = write()
    request = write(kind=LetterKind.PUBLIC_INFORMATION)

    assert request.register == foi
    assert numbers(admin_client.get(JOURNAL, {"register": general.pk})) == [application.number]
    assert numbers(admin_client.get(JOURNAL, {"register": foi.pk})) == [request.number]


def test_the_general_register_is_shown_first(admin_client, municipality, write):
    Register.objects.create(
        municipality=municipality, kind=LetterKind.COMPLAINT, name="საჩივრები", prefix="CMP"
    )
    outgoing_register_for(municipality=municipality)
    write()

    form = admin_client.get(JOURNAL).context["form"]

    assert [(r.direction, r.kind) for r in form.fields["register"].queryset] == [
        (RegisterDirection.INCOMING, ""),
        (RegisterDirection.INCOMING, LetterKind.COMPLAINT),
        (RegisterDirection.OUTGOING, ""),
    ]
    assert form.cleaned_data["register"].kind == ""


def test_a_register_of_another_municipality_is_refused(admin_client, write):
    from tests.factories import MunicipalityFactory

    elsewhere = register_for(municipality=MunicipalityFactory(), kind=LetterKind.APPLICATION)
    write()

    response = admin_client.get("/lanchkhuti" + JOURNAL, {"register": elsewhere.pk})

    assert "register" in response.context["form"].errors


def test_the_outgoing_register_lists_the_answers_sent(admin_client, municipality, write, answer):
    first = write(on="2026-03-02", author_name="ნინო ბერიძე")
    second = write(on="2026-03-03", author_name="დავით ხინთიბიძე")
    answer(second, on="2026-03-09")
    answer(first, on="2026-03-10")
    answer(first, status="pending_approval")
    outgoing = outgoing_register_for(municipality=municipality)

    rows = rows_of(admin_client.get(JOURNAL, {"register": outgoing.pk}))

    assert [(r.number, r.date, r.correspondent, r.linked_number, r.linked_date) for r in rows] == [
        (
            "LAN-OUT-2026-000001",
            datetime.date(2026, 3, 9),
            "დავით ხინთიბიძე",
            second.number,
            datetime.date(2026, 3, 3),
        ),
        (
            "LAN-OUT-2026-000002",
            datetime.date(2026, 3, 10),
            "ნინო ბერიძე",
            first.number,
            datetime.date(2026, 3, 2),
        ),
    ]


def test_the_outgoing_register_filters_by_the_day_sent(
    admin_client, municipality, write, answer, bodies
):
    answer(write(on="2026-02-27"), on="2026-03-02")
    late = answer(write(on="2026-03-01", to=bodies["sakrebulo"]), on="2026-03-20")
    outgoing = outgoing_register_for(municipality=municipality)

    response = admin_client.get(
        JOURNAL, {"register": outgoing.pk, "date_from": "2026-03-10", "date_to": "2026-03-31"}
    )
    by_body = admin_client.get(JOURNAL, {"register": outgoing.pk, "body": bodies["sakrebulo"].pk})

    assert numbers(response) == [late.out_number]
    assert numbers(by_body) == [late.out_number]


def test_the_outgoing_journal_has_its_own_headings(admin_client, municipality, write, answer):
    answer(write())
    outgoing = outgoing_register_for(municipality=municipality)

    columns = admin_client.get(JOURNAL, {"register": outgoing.pk}).context["columns"]

    assert columns[:3] == ["Outgoing number", "Date sent", "Recipient"]
    assert columns[7] == "In reply to (number)"


def test_the_selector_reads_the_rows_in_one_query(
    municipality, staff, write, answer, django_assert_num_queries
):
    for day in range(1, 8):
        answer(write(on=f"2026-01-0{day}"))
    filters = JournalFilters(register=register_for(municipality=municipality, kind=""))
    entries = journal_entries(staff["admin"], municipality, filters)
    list(journal_entries(staff["admin"], municipality, filters)[:1])  # memberships read

    with django_assert_num_queries(1):
        rows = list(journal_rows(entries))

    assert len(rows) == 7
    assert all(row.linked_number for row in rows)

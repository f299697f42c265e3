"""The public register of issued public information: rows made from the requests,
filters, days taken and lateness, pagination and a constant number of queries."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from emanager.foi.choices import FoiOutcome, RefusalGround, RequesterType
from emanager.foi.register import register_requests, register_rows
from emanager.letters.choices import LetterKind, LetterStatus, Publication
from emanager.publication.services import letter_publish
from tests.factories import BodyFactory, MunicipalityFactory
from tests.foi.factories import FoiRequestFactory, complain, decide

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2025, 3, 3)
REGISTER = "/en/public-information/register/"


def day(offset: int, start: datetime.date = MARCH) -> datetime.date:
    return start + datetime.timedelta(days=offset)


@pytest.fixture
def finance(bodies):
    return bodies["finance"]


@pytest.fixture
def request_to(municipality, finance):
    def make(body=None, received=MARCH, **fields):
        return FoiRequestFactory(
            letter__municipality=municipality,
            letter__addressee_body=body or finance,
            letter__received=received,
            **fields,
        )

    return make


def rows_of(municipality):
    return register_rows(register_requests(municipality), municipality=municipality)


def test_the_register_is_public(client, municipality, request_to):
    request_to()
    response = client.get(REGISTER)
    assert response.status_code == 200
    assert "FOI" in response.content.decode()


def test_a_row_is_made_from_the_request(client, municipality, request_to, staff):
    request = request_to()
    decide(
        request,
        FoiOutcome.GRANTED,
        on=day(2),
        by=staff["head"],
        issued_on=day(3),
        supplied_by="Budget division",
        responsible="Nato Kiladze",
    )
    [row] = rows_of(municipality)
    assert row.number == request.letter.number
    assert row.received_on == MARCH
    assert row.outcome == FoiOutcome.GRANTED
    assert row.issued_on == day(3)
    assert row.days_taken == 3
    assert row.supplied_by == "Budget division"
    assert row.responsible == "Nato Kiladze"
    page = client.get(REGISTER).content.decode()
    for text in (request.letter.number, "Granted", "Budget division", "Nato Kiladze"):
        assert text in page


def test_only_registered_requests_of_this_municipality_are_listed(
    municipality, request_to, finance
):
    listed = request_to()
    request_to(letter__status=LetterStatus.UNCONFIRMED)
    request_to(letter__registered_at=None, letter__number="")
    request_to(letter__kind=LetterKind.APPLICATION)
    other = MunicipalityFactory()
    FoiRequestFactory(
        letter__municipality=other, letter__addressee_body=BodyFactory(municipality=other)
    )
    assert [row.number for row in rows_of(municipality)] == [listed.letter.number]


def test_an_undecided_request_is_pending(municipality, request_to):
    request_to()
    [row] = rows_of(municipality)
    assert row.outcome == "pending"
    assert row.outcome_label == "Not decided yet"
    assert row.days_taken is None
    assert row.late is False


def test_days_taken_count_from_registration_to_the_date_issued(municipality, request_to):
    decide(request_to(), FoiOutcome.GRANTED, on=day(1), issued_on=day(4))
    decide(request_to(), FoiOutcome.NOT_HELD, on=day(0))
    rows = {row.outcome: row for row in rows_of(municipality)}
    assert rows[FoiOutcome.GRANTED].days_taken == 4
    assert rows[FoiOutcome.NOT_HELD].days_taken == 0


def test_an_answer_after_the_deadline_is_late(municipality, request_to):
    in_time = decide(request_to(), FoiOutcome.REFUSED, on=day(10), ground="state_secret")
    late = decide(request_to(), FoiOutcome.GRANTED, on=day(11), issued_on=day(11))
    rows = {row.number: row for row in rows_of(municipality)}
    assert rows[in_time.letter.number].late is False
    assert rows[late.letter.number].late is True
    assert rows[late.letter.number].days_taken == 11


def test_a_deemed_refusal_has_no_days_and_is_not_counted_late(municipality, request_to):
    decide(request_to(), FoiOutcome.DEEMED_REFUSED, on=day(11))
    [row] = rows_of(municipality)
    assert row.outcome == FoiOutcome.DEEMED_REFUSED
    assert row.days_taken is None
    assert row.late is False
    assert row.decided_by == ""


def test_a_decision_after_a_deemed_refusal_counts_as_answered_late(municipality, request_to):
    request = decide(request_to(), FoiOutcome.DEEMED_REFUSED, on=day(11))
    decide(request, FoiOutcome.GRANTED, on=day(14), issued_on=day(14))
    [row] = rows_of(municipality)
    assert row.outcome == FoiOutcome.GRANTED
    assert row.late is True


def test_a_clarification_or_a_withdrawal_is_no_answer(municipality, request_to):
    decide(request_to(), FoiOutcome.CLARIFICATION_REQUESTED, on=day(12))
    decide(request_to(), FoiOutcome.WITHDRAWN, on=day(13))
    for row in rows_of(municipality):
        assert row.late is False
        assert row.days_taken is None


def test_the_row_shows_the_ground_the_forward_the_fee_and_the_complaints(
    municipality, request_to, staff
):
    refused = decide(
        request_to(), FoiOutcome.REFUSED, on=day(2), by=staff["head"], ground="personal_data"
    )
    complain(refused, "rejected", on=day(20))
    complain(refused)
    decide(request_to(), FoiOutcome.FORWARDED, on=day(1), forwarded_to="Guria Regional Office")
    decide(
        request_to(),
        FoiOutcome.GRANTED,
        on=day(1),
        issued_on=day(2),
        fee="1.20",
        fee_paid_on=day(2),
    )
    rows = {row.outcome: row for row in rows_of(municipality)}
    assert rows[FoiOutcome.REFUSED].refusal_ground_label == RefusalGround.PERSONAL_DATA.label
    assert rows[FoiOutcome.REFUSED].complaints == ("rejected", "")
    assert rows[FoiOutcome.REFUSED].complaint_labels == ["Rejected", "Not decided yet"]
    assert rows[FoiOutcome.FORWARDED].forwarded_to == "Guria Regional Office"
    assert rows[FoiOutcome.GRANTED].fee_collected == Decimal("1.20")


def test_an_unpaid_fee_is_not_collected(municipality, request_to):
    decide(request_to(), FoiOutcome.GRANTED, on=day(1), issued_on=day(1), fee="0.50")
    [row] = rows_of(municipality)
    assert row.fee == Decimal("0.50")
    assert row.fee_collected == Decimal("0")


def test_the_official_who_decided_is_named_by_full_name_never_username(
    municipality, request_to, staff
):
    head = staff["head"]
    head.first_name, head.last_name = "Tamar", "Kiladze"
    head.save()
    decide(request_to(), FoiOutcome.REFUSED, on=day(1), by=head, ground="state_secret")
    decide(request_to(), FoiOutcome.REFUSED, on=day(1), by=staff["clerk"], ground="state_secret")
    names = sorted(row.decided_by for row in rows_of(municipality))
    assert names == ["", "Tamar Kiladze"]


# --- Filters -----------------------------------------------------------------------


def numbers(response) -> set[str]:
    return {row.number for row in response.context["rows"]}


def test_filter_by_year(client, request_to):
    this = request_to(received=datetime.date(2025, 12, 31))
    request_to(received=datetime.date(2024, 6, 1))
    response = client.get(REGISTER, {"year": "2025"})
    assert numbers(response) == {this.letter.number}


def test_filter_by_body_includes_the_units_under_it(client, request_to, bodies):
    finance = request_to(body=bodies["finance"])
    budget = request_to(body=bodies["budget"])
    request_to(body=bodies["sakrebulo"])
    response = client.get(REGISTER, {"body": "finance"})
    assert numbers(response) == {finance.letter.number, budget.letter.number}


def test_filter_by_outcome_and_pending(client, request_to):
    refused = decide(request_to(), FoiOutcome.REFUSED, on=day(1), ground="state_secret")
    pending = request_to()
    assert numbers(client.get(REGISTER, {"outcome": "refused"})) == {refused.letter.number}
    assert numbers(client.get(REGISTER, {"outcome": "pending"})) == {pending.letter.number}


def test_an_unknown_filter_value_is_refused_with_the_form(client, request_to):
    request_to()
    response = client.get(REGISTER, {"year": "1900", "outcome": "lost"})
    assert response.status_code == 400
    assert response.context["rows"] == []
    assert "Select a valid choice" in response.content.decode()


def test_the_years_run_from_the_first_request_to_this_year(client, request_to):
    request_to(received=datetime.date(2022, 5, 5))
    response = client.get(REGISTER)
    years = [value for value, _label in response.context["filter"].form.fields["year"].choices]
    this_year = timezone.localdate().year
    assert years == ["", *(str(year) for year in range(this_year, 2021, -1))]


def test_the_register_is_paginated(client, request_to):
    for _index in range(51):
        request_to()
    first = client.get(REGISTER)
    assert len(first.context["rows"]) == 50
    assert first.context["page"].paginator.num_pages == 2
    assert len(client.get(REGISTER, {"page": 2}).context["rows"]) == 1


def test_an_empty_register_says_so(client, municipality):
    page = client.get(REGISTER).content.decode()
    assert "No request for public information has been registered yet." in page


def test_the_table_is_accessible(client, request_to):
    request_to()
    page = client.get(REGISTER).content.decode()
    assert '<caption id="register-caption">' in page
    assert page.count('<th scope="col">') == 9
    assert '<th scope="row">' in page
    assert 'role="region" aria-labelledby="register-caption" tabindex="0"' in page


def test_the_register_takes_a_constant_number_of_queries(
    client, request_to, django_assert_num_queries, bodies, staff
):
    def add(count: int) -> None:
        """Refused requests with complaints, every third one published with a name."""
        for index in range(count):
            request = request_to(
                body=bodies["budget"] if index % 2 else bodies["finance"],
                letter__publication=Publication.PUBLIC_NAMED,
            )
            decide(request, FoiOutcome.REFUSED, on=day(1), by=staff["head"], ground="state_secret")
            complain(request, "upheld", on=day(5))
            if index % 3 == 0:
                letter_publish(letter=request.letter, actor=staff["head"], subject="S", text="T")

    add(2)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(REGISTER, {"year": "2025"})
    add(20)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(REGISTER, {"year": "2025"})
    rows = response.context["rows"]
    assert len(rows) == 22
    assert sum(1 for row in rows if row.summary == "S") == 1 + 7


def test_organisation_requests_count_as_requester_type(municipality, request_to):
    request_to(requester_type=RequesterType.ORGANISATION, organisation="Transparency Guria")
    [row] = rows_of(municipality)
    assert row.requester == "Transparency Guria"


def test_the_columns_page_documents_every_column(client, municipality):
    from emanager.foi.register import COLUMNS

    page = client.get(reverse("foi:register_columns")).content.decode()
    for column in COLUMNS:
        assert f"<code>{column.key}</code>" in page
        assert str(column.description)[:30] in page.replace("&#x27;", "'").replace("&quot;", '"')

"""The public accountability pages: content, empty states, sorting, and constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from emanager.accountability.services import figures_rebuild
from emanager.directory.models import BodyKind, PositionKind
from tests.accountability.conftest import answered, moment, survey
from tests.factories import (
    BodyFactory,
    MandateFactory,
    OfficialFactory,
    PositionFactory,
    TerritorialUnitFactory,
)

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(f"accountability:{name}", kwargs=kwargs or None)


@pytest.fixture
def council_member(municipality):
    sakrebulo = BodyFactory(
        municipality=municipality, kind=BodyKind.SAKREBULO, slug="sakrebulo", name_en="Sakrebulo"
    )
    member = OfficialFactory(
        municipality=municipality, slug="nana", first_name_en="Nana", last_name_en="Kvirkvelia"
    )
    MandateFactory(
        official=member,
        position=PositionFactory(
            body=sakrebulo, kind=PositionKind.COUNCIL_MEMBER, title_en="Member of the Sakrebulo"
        ),
    )
    return member


@pytest.fixture
def places(municipality, finance, council_member):
    return {
        "finance": finance,
        "official": council_member,
        "unit": TerritorialUnitFactory(municipality=municipality, slug="nigoiti"),
    }


def add_letters(letter_to, places, count: int) -> None:
    """Letters over two years, to the body, the council member and the unit, some answered."""
    start = datetime.date(2024, 12, 2)
    for index in range(count):
        received = start + datetime.timedelta(days=17 * index)
        letter = letter_to(
            received=received,
            addressee_official=places["official"] if index % 2 else None,
            addressee_unit=places["unit"] if index % 3 == 0 else None,
        )
        if index % 4:
            answered(letter, moment(received + datetime.timedelta(days=index % 13)))
            if index % 5 == 0:
                survey(letter)
    figures_rebuild()


PAGES = {
    "ranking": lambda p: url("ranking"),
    "body": lambda p: url("body", slug=p["finance"].slug),
    "official": lambda p: url("official", slug=p["official"].slug),
    "unit": lambda p: url("unit", slug=p["unit"].slug),
}


@pytest.mark.parametrize("page", PAGES)
def test_pages_take_as_many_queries_with_40_letters_as_with_5(
    client, letter_to, places, page, django_assert_num_queries
):
    address = PAGES[page](places)
    add_letters(letter_to, places, 5)
    with CaptureQueriesContext(connection) as few:
        assert client.get(address).status_code == 200
    add_letters(letter_to, places, 35)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(address)
    assert response.status_code == 200


def test_ranking_explains_the_method_and_lists_council_members(client, letter_to, places):
    add_letters(letter_to, places, 12)
    page = client.get(url("ranking")).content.decode()
    assert 'id="method"' in page
    assert "What counts as an answer" in page
    assert "from 5 letters due" in page
    assert "Kvirkvelia" in page
    assert "Member of the Sakrebulo" in page
    assert url("official", slug="nana") in page
    assert 'aria-current="page">Accountability</a>' in page


def test_ranking_without_letters_has_empty_states(client, municipality, council_member):
    page = client.get(url("ranking")).content.decode()
    assert "No letter has been registered yet" in page
    assert "Kvirkvelia" in page  # a council member is listed even without letters


def test_ranking_is_sorted_by_the_chosen_column(client, municipality, letter_to, finance):
    roads = BodyFactory(municipality=municipality, slug="roads", name_en="Roads Service")
    for _ in range(6):
        answered(letter_to(), moment(datetime.date(2026, 2, 3)))  # finance: 100 %
    for _ in range(9):
        letter_to(addressee_body=roads, received=datetime.date(2026, 1, 5))  # roads: 0 %
    figures_rebuild()
    by_rate = client.get(url("ranking")).context["ranking"].bodies
    assert [e.subject.slug for e in by_rate] == ["finance", "roads"]
    assert [e.rank for e in by_rate] == [1, 2]
    by_letters = client.get(url("ranking"), {"sort": "letters"}).context["ranking"].bodies
    assert [e.subject.slug for e in by_letters] == ["roads", "finance"]
    unknown = client.get(url("ranking"), {"sort": "'; drop"}).context["ranking"]
    assert unknown.sort == "rate"


def test_a_body_below_the_minimum_has_no_rank_and_comes_last(
    client, municipality, letter_to, finance
):
    small = BodyFactory(municipality=municipality, slug="small")
    letter_to(addressee_body=small, received=datetime.date(2026, 1, 5))
    for _ in range(5):
        letter_to(received=datetime.date(2026, 1, 5))  # 0 % but rated
    figures_rebuild()
    bodies = client.get(url("ranking")).context["ranking"].bodies
    assert [(e.subject.slug, e.rank) for e in bodies[:2]] == [("finance", 1), ("small", None)]


def test_official_page_shows_figures_chart_and_table(client, letter_to, places):
    add_letters(letter_to, places, 12)
    response = client.get(url("official", slug="nana"))
    page = response.content.decode()
    assert response.context["result"].figures.received == 6
    assert '<svg class="account-chart__svg"' in page
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in page
    assert page.count("<tr>") == 1 + 24  # header and 24 months
    assert "Member of the Sakrebulo" in page


def test_body_page_counts_the_letters_of_its_officials(client, letter_to, places):
    add_letters(letter_to, places, 12)
    assert client.get(url("body", slug="finance")).context["result"].figures.received == 12


def test_pages_without_letters_say_so(client, places):
    for name in ("body", "official", "unit"):
        page = client.get(PAGES[name](places)).content.decode()
        assert "No letter addressed here has been registered yet." in page
        assert "<svg" not in page.split('id="content"')[1]


def test_unknown_or_foreign_subject_is_404(client, places):
    other = BodyFactory(slug="elsewhere")  # of another municipality: the path names ours
    here = "/" + places["finance"].municipality.slug
    assert client.get(here + url("body", slug="finance")).status_code == 200
    assert client.get(here + url("body", slug=other.slug)).status_code == 404
    assert client.get(here + url("official", slug="nobody")).status_code == 404

"""Directory search: case-insensitive, any part of a word, in every language."""

import pytest

from emanager.directory import selectors
from emanager.directory.models import BodyKind, PositionKind
from tests.factories import (
    BodyFactory,
    MandateFactory,
    OfficialFactory,
    PositionFactory,
    TerritorialUnitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(municipality):
    finance = BodyFactory(
        municipality=municipality,
        slug="finance",
        name_ka="საფინანსო-საბიუჯეტო სამსახური",
        name_en="Finance and Budget Service",
        name_ru="Финансово-бюджетная служба",
    )
    head = PositionFactory(
        body=finance,
        kind=PositionKind.HEAD,
        title_ka="სამსახურის უფროსი",
        title_en="Head of the service",
        title_ru="Начальник службы",
    )
    official = OfficialFactory(
        municipality=municipality,
        slug="tamar-gogoladze",
        first_name_ka="თამარ",
        first_name_en="Tamar",
        first_name_ru="Тамар",
        last_name_ka="გოგოლაძე",
        last_name_en="Gogoladze",
        last_name_ru="Гоголадзе",
    )
    MandateFactory(official=official, position=head)
    unit = TerritorialUnitFactory(
        municipality=municipality,
        slug="shukhuti",
        name_ka="შუხუთი",
        name_en="Shukhuti",
        name_ru="Шухути",
    )
    city_hall = BodyFactory(municipality=municipality, kind=BodyKind.CITY_HALL, slug="city-hall")
    rep_post = PositionFactory(
        body=city_hall, kind=PositionKind.REPRESENTATIVE, territorial_unit=unit
    )
    rep = OfficialFactory(municipality=municipality, slug="rep", last_name_en="Rep")
    MandateFactory(official=rep, position=rep_post)
    return {"finance": finance, "official": official, "unit": unit, "rep": rep}


def search(municipality, query):
    return selectors.directory_search(municipality, query)


def officials(results):
    return [official for official, _ in results.officials]


def test_finds_a_georgian_surname_by_a_middle_part(municipality, directory):
    assert officials(search(municipality, "გოლაძ")) == [directory["official"]]


def test_finds_georgian_written_in_mtavruli_capitals(municipality, directory):
    assert officials(search(municipality, "ᲒᲝᲒᲝᲚᲐᲫᲔ")) == [directory["official"]]


def test_english_search_ignores_case(municipality, directory):
    assert officials(search(municipality, "GOGOLADZE")) == [directory["official"]]


def test_russian_search_ignores_case(municipality, directory):
    assert officials(search(municipality, "гоголадзе")) == [directory["official"]]
    assert search(municipality, "ФИНАНСОВО").bodies == [directory["finance"]]


def test_finds_an_official_by_the_body_they_work_in(municipality, directory):
    assert directory["official"] in officials(search(municipality, "საბიუჯეტო"))


def test_finds_an_official_by_position(municipality, directory):
    assert directory["official"] in officials(search(municipality, "head of the"))


def test_finds_the_representative_by_their_unit(municipality, directory):
    results = search(municipality, "შუხუთ")
    assert results.units == [directory["unit"]]
    assert directory["rep"] in officials(results)


def test_every_word_must_match(municipality, directory):
    assert officials(search(municipality, "tamar budget")) == [directory["official"]]
    assert officials(search(municipality, "tamar shukhuti")) == []


def test_one_letter_is_too_short(municipality, directory):
    assert search(municipality, "ა").total == 0


def test_does_not_find_another_municipalitys_officials(municipality, directory):
    other = OfficialFactory(slug="other", last_name_en="Gogoladze")
    assert other not in officials(search(municipality, "gogoladze"))


def test_search_page_shows_results_without_javascript(client, directory):
    response = client.get("/en/search/", {"q": "gogoladze"})
    assert response.status_code == 200
    assert "1 result for" in response.text
    assert 'href="/en/officials/tamar-gogoladze/"' in response.text


def test_search_page_says_when_nothing_is_found(client, directory):
    response = client.get("/en/search/", {"q": "zzzz"})
    assert "Nothing found for" in response.text


def test_search_page_asks_for_two_letters(client, directory):
    assert "Type at least two letters." in client.get("/en/search/", {"q": "a"}).text


def test_htmx_request_gets_only_the_results_fragment(client, directory):
    response = client.get(
        "/en/search/",
        {"q": "gogoladze"},
        headers={"hx-request": "true", "hx-target": "search-results"},
    )
    assert response.text.lstrip().startswith('<div id="search-results"')
    assert "<html" not in response.text

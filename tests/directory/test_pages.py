"""Public directory pages, as a citizen's browser requests them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

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
def council(municipality):
    sakrebulo = BodyFactory(
        municipality=municipality,
        kind=BodyKind.SAKREBULO,
        slug="sakrebulo",
        name_ka="საკრებულო",
        name_en="Sakrebulo",
        name_ru="Сакребуло",
    )
    faction = BodyFactory(
        municipality=municipality,
        parent=sakrebulo,
        kind=BodyKind.FACTION,
        slug="faction-a",
        name_ka="ფრაქცია ა",
        name_en="Faction A",
        name_ru="Фракция А",
    )
    commission = BodyFactory(
        municipality=municipality,
        parent=sakrebulo,
        kind=BodyKind.COMMISSION,
        slug="budget-commission",
        name_ka="საფინანსო-საბიუჯეტო კომისია",
        name_en="Finance and Budget Commission",
        name_ru="Финансово-бюджетная комиссия",
    )
    member = PositionFactory(
        body=sakrebulo,
        kind=PositionKind.COUNCIL_MEMBER,
        title_ka="საკრებულოს წევრი",
        title_en="Member of the Sakrebulo",
        title_ru="Член Сакребуло",
    )
    in_faction = PositionFactory(body=faction, kind=PositionKind.MEMBER, title_en="Member")
    chair = PositionFactory(body=commission, kind=PositionKind.CHAIR, title_en="Chair")
    nino = OfficialFactory(
        municipality=municipality,
        slug="nino-kvirkvelia",
        first_name_ka="ნინო",
        first_name_en="Nino",
        last_name_ka="კვირკველია",
        last_name_en="Kvirkvelia",
    )
    MandateFactory(official=nino, position=member)
    MandateFactory(official=nino, position=in_faction)
    MandateFactory(official=nino, position=chair)
    independent = OfficialFactory(municipality=municipality, slug="independent")
    MandateFactory(official=independent, position=member)
    return {"sakrebulo": sakrebulo, "faction": faction, "commission": commission, "nino": nino}


def test_home_shows_the_municipality_in_georgian(client, municipality):
    response = client.get("/ka/")
    assert response.status_code == 200
    assert "ლანჩხუთის მუნიციპალიტეტი" in response.text
    assert '<html lang="ka">' in response.text


def test_home_in_english_uses_english_names(client, municipality):
    response = client.get("/en/")
    assert "Lanchkhuti Municipality" in response.text
    assert '<html lang="en">' in response.text


def test_root_redirects_to_georgian_by_default(client, municipality):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ka/"


def test_root_follows_the_browser_language(client, municipality):
    response = client.get("/", headers={"accept-language": "ru"})
    assert response["Location"] == "/ru/"


def test_every_page_has_a_language_switcher_to_the_same_page(client, council):
    response = client.get("/ka/bodies/sakrebulo/")
    assert 'href="/en/bodies/sakrebulo/"' in response.text
    assert 'href="/ru/bodies/sakrebulo/"' in response.text


def test_structure_shows_bodies_as_a_tree(client, council):
    response = client.get("/en/structure/")
    text = response.text
    assert text.index("Sakrebulo") < text.index("Faction A")
    assert 'class="tree tree--nested"' in text


def test_empty_structure_says_so(client, municipality):
    response = client.get("/en/structure/")
    assert "has not been published yet" in response.text


def test_council_page_groups_members_by_faction(client, council):
    response = client.get("/en/bodies/sakrebulo/")
    assert response.status_code == 200
    groups = [group for group, _ in response.context["detail"].members_by_group]
    assert groups == [council["faction"], None]
    assert "Not in a faction" in response.text


def test_body_page_shows_breadcrumbs_to_its_parent(client, council):
    response = client.get("/en/bodies/faction-a/")
    assert 'href="/en/bodies/sakrebulo/"' in response.text


def test_unknown_body_is_404(client, municipality):
    assert client.get("/en/bodies/no-such-body/").status_code == 404


def test_council_member_profile_shows_faction_and_commissions(client, council):
    response = client.get("/en/officials/nino-kvirkvelia/")
    assert response.status_code == 200
    detail = response.context["detail"]
    assert detail.is_council_member
    assert [m.position.body for m in detail.factions] == [council["faction"]]
    assert [m.position.body for m in detail.commissions] == [council["commission"]]
    assert "Finance and Budget Commission" in response.text


def test_finished_term_is_listed_as_an_earlier_position(client, municipality):
    official = OfficialFactory(municipality=municipality, slug="former")
    MandateFactory(
        official=official,
        position=PositionFactory(body=BodyFactory(municipality=municipality)),
        start=datetime.date(2017, 11, 1),
        end=datetime.date(2021, 11, 1),
    )
    response = client.get("/en/officials/former/")
    assert len(response.context["detail"].past_mandates) == 1
    assert "Holds no position at present." in response.text


def test_name_missing_in_english_falls_back_to_georgian_marked_as_georgian(client, municipality):
    BodyFactory(
        municipality=municipality,
        slug="only-ka",
        name_ka="ზედამხედველობის სამსახური",
        name_en="",
        name_ru="",
    )
    response = client.get("/en/bodies/only-ka/")
    assert '<h1 lang="ka">ზედამხედველობის სამსახური</h1>' in response.text


def test_unit_page_shows_the_mayors_representative(client, municipality):
    city_hall = BodyFactory(municipality=municipality, kind=BodyKind.CITY_HALL, slug="city-hall")
    unit = TerritorialUnitFactory(
        municipality=municipality,
        slug="nigoiti",
        name_en="Nigoiti",
        settlements_en="Nigoiti, Kvemo Nigoiti",
    )
    post = PositionFactory(
        body=city_hall,
        kind=PositionKind.REPRESENTATIVE,
        territorial_unit=unit,
        title_en="Mayor's representative in Nigoiti",
    )
    rep = OfficialFactory(municipality=municipality, slug="rep", last_name_en="Chkhaidze")
    MandateFactory(official=rep, position=post)
    response = client.get("/en/units/nigoiti/")
    assert response.status_code == 200
    assert "Chkhaidze" in response.text
    assert response.context["unit"].settlement_list == ["Nigoiti", "Kvemo Nigoiti"]


def test_officials_list_is_paginated(client, municipality):
    OfficialFactory.create_batch(35, municipality=municipality)
    first = client.get("/en/officials/")
    second = client.get("/en/officials/?page=2")
    assert len(first.context["page"].object_list) == 30
    assert len(second.context["page"].object_list) == 5
    assert 'rel="next"' in first.text


def test_officials_list_survives_a_bad_page_number(client, municipality):
    assert client.get("/en/officials/?page=abc").status_code == 200


def test_dates_use_the_locale_format(client, municipality):
    official = OfficialFactory(municipality=municipality, slug="dated")
    MandateFactory(
        official=official,
        position=PositionFactory(body=BodyFactory(municipality=municipality)),
        start=datetime.date(2025, 11, 10),
    )
    assert "10 Nov 2025" in client.get("/en/officials/dated/").text
    assert "10.11.2025" in client.get("/ka/officials/dated/").text
    assert "10.11.2025" in client.get("/ru/officials/dated/").text


def test_unknown_page_gets_a_helpful_404_in_the_layout(client, municipality):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'href="/en/search/"' in response.text


def test_accessibility_statement_names_the_feedback_address(client, municipality):
    response = client.get("/en/accessibility/")
    assert response.status_code == 200
    assert "info@example.ge" in response.text


def test_reverse_gives_language_prefixed_urls(municipality):
    with translation.override("ru"):
        assert reverse("directory:structure") == "/ru/structure/"


def test_council_members_are_in_the_alphabetical_order_of_the_page_language(client, council):
    members = council["sakrebulo"].positions.get(kind=PositionKind.COUNCIL_MEMBER)
    for slug, ka, en in [("a", "ქათამაძე", "Katamadze"), ("b", "ურუშაძე", "Urushadze")]:
        MandateFactory(
            official=OfficialFactory(
                municipality=council["sakrebulo"].municipality,
                slug=slug,
                last_name_ka=ka,
                last_name_en=en,
            ),
            position=members,
        )
    ka_names = [
        m.official.last_name_ka
        for _, ms in client.get("/ka/bodies/sakrebulo/").context["detail"].members_by_group
        for m in ms
    ]
    en_names = [
        m.official.last_name_en
        for _, ms in client.get("/en/bodies/sakrebulo/").context["detail"].members_by_group
        for m in ms
    ]
    assert en_names.index("Katamadze") < en_names.index("Urushadze")
    assert ka_names.index("ურუშაძე") < ka_names.index("ქათამაძე")

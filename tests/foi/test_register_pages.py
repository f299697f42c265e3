"""The pages of public information around the register: the municipality's index, each
body's page (officer, law, request and complaint, statistics, reports) and the menu."""

from __future__ import annotations

import pytest
from django.utils import timezone

from emanager.directory.models import PositionKind
from emanager.foi.choices import FoiOutcome
from emanager.staff.models import Membership, StaffRole
from tests.factories import (
    BodyFactory,
    MandateFactory,
    MunicipalityFactory,
    OfficialFactory,
    PositionFactory,
)
from tests.foi.factories import FoiRequestFactory, decide
from tests.staff.conftest import make_user

pytestmark = pytest.mark.django_db


def page(client, path: str, **query) -> str:
    response = client.get(path, query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def nato(municipality):
    return OfficialFactory(
        municipality=municipality,
        slug="nato-kiladze",
        first_name_en="Nato",
        last_name_en="Kiladze",
        email="pio@lanchkhuti.example.ge",
        phone="+995 494 22 11 33",
    )


def test_the_pio_of_the_body_is_its_officer(client, municipality, bodies, nato):
    user = make_user("nato")
    Membership.objects.create(
        user=user,
        municipality=municipality,
        body=bodies["city_hall"],
        role=StaffRole.PIO,
        official=nato,
    )
    html = page(client, "/en/public-information/city-hall/")
    assert "Nato Kiladze" in html
    assert "mailto:pio@lanchkhuti.example.ge" in html
    assert "+995 494 22 11 33" in html


def test_the_pio_of_a_body_above_answers_for_its_units(client, municipality, bodies, nato):
    Membership.objects.create(
        user=make_user("nato"),
        municipality=municipality,
        body=bodies["city_hall"],
        role=StaffRole.PIO,
        official=nato,
    )
    html = page(client, "/en/public-information/budget/")
    assert "Nato Kiladze" in html
    assert "City Hall" in html


def test_an_inactive_pio_is_not_shown(client, municipality, bodies, nato):
    user = make_user("nato")
    user.is_active = False
    user.save()
    Membership.objects.create(
        user=user,
        municipality=municipality,
        body=bodies["finance"],
        role=StaffRole.PIO,
        official=nato,
    )
    assert "Nato Kiladze" not in page(client, "/en/public-information/finance/")


def test_the_directorys_officer_in_a_unit_below_serves_the_body(client, municipality, bodies):
    apparatus = BodyFactory(municipality=municipality, parent=bodies["sakrebulo"], slug="apparatus")
    officer = OfficialFactory(
        municipality=municipality, first_name_en="Nino", last_name_en="Buadze"
    )
    MandateFactory(
        official=officer,
        position=PositionFactory(
            body=apparatus,
            kind=PositionKind.PUBLIC_INFORMATION_OFFICER,
            title_en="Public-information officer of the apparatus",
        ),
    )
    html = page(client, "/en/public-information/sakrebulo/")
    assert "Nino Buadze" in html
    assert "Public-information officer of the apparatus" in html


def test_without_an_officer_the_bodys_contacts_are_given(client, municipality):
    body = BodyFactory(
        municipality=municipality, slug="culture", email="culture@example.ge", phone="0494 2 00 00"
    )
    html = page(client, f"/en/public-information/{body.slug}/")
    assert "No public-information officer is named for this body yet." in html
    assert "mailto:culture@example.ge" in html


def test_the_page_links_the_request_form_with_the_body_and_the_kind(client, bodies):
    html = page(client, "/en/public-information/finance/")
    link = f"/en/letters/write/?to=body:{bodies['finance'].pk}&amp;kind=public_information"
    assert link in html


def test_the_request_form_opens_with_the_body_and_the_kind_chosen(client, bodies):
    response = client.get(
        "/en/letters/write/", {"to": f"body:{bodies['finance'].pk}", "kind": "public_information"}
    )
    form = response.context["form"]
    assert form["kind"].value() == "public_information"
    assert form["addressee"].value() == f"body:{bodies['finance'].pk}"


def test_an_unknown_kind_is_not_chosen(client, municipality):
    response = client.get("/en/letters/write/", {"kind": "nonsense"})
    assert response.context["form"]["kind"].value() == "application"


def test_the_page_explains_the_complaint_and_names_the_law(client, bodies):
    html = page(client, "/en/public-information/finance/")
    assert "administrative complaint" in html
    assert "within one month" in html
    assert "General Administrative Code of Georgia" in html
    assert "https://matsne.gov.ge/" in html


def test_the_page_gives_this_years_figures_and_the_reports(client, municipality, bodies):
    today = timezone.localdate()
    granted = FoiRequestFactory(
        letter__municipality=municipality,
        letter__addressee_body=bodies["budget"],
        letter__received=today,
    )
    decide(granted, FoiOutcome.GRANTED, on=today, issued_on=today)
    FoiRequestFactory(
        letter__municipality=municipality,
        letter__addressee_body=bodies["finance"],
        letter__received=today,
    )
    response = client.get("/en/public-information/finance/")
    figures = response.context["report"].total
    assert (figures.received, figures.granted, figures.pending) == (2, 1, 1)
    html = response.content.decode()
    assert f"/en/public-information/report/?year={today.year}&amp;body=finance" in html
    assert f"/en/public-information/report/?year={today.year - 1}&amp;body=finance" in html
    assert f"/en/public-information/register/?year={today.year}&amp;body=finance" in html


def test_an_unknown_body_or_anothers_is_not_found(client, municipality):
    other = MunicipalityFactory()
    BodyFactory(municipality=other, slug="elsewhere")
    assert client.get("/en/public-information/no-such-body/").status_code == 404
    assert client.get("/en/public-information/elsewhere/").status_code == 404


def test_the_index_lists_the_public_institutions(client, municipality, bodies):
    today = timezone.localdate()
    FoiRequestFactory(
        letter__municipality=municipality,
        letter__addressee_body=bodies["budget"],
        letter__received=today,
    )
    response = client.get("/en/public-information/")
    assert [(body.slug, count) for body, count in response.context["institutions"]] == [
        ("city-hall", 1),
        ("sakrebulo", 0),
    ]
    html = response.content.decode()
    assert "/en/public-information/register/" in html
    assert "/en/public-information/report/" in html


def test_the_menu_leads_to_public_information(client, municipality, bodies):
    home = page(client, "/en/")
    assert 'href="/en/public-information/"' in home
    register = page(client, "/en/public-information/register/")
    assert 'href="/en/public-information/" aria-current="true"' in register
    index = page(client, "/en/public-information/")
    assert 'href="/en/public-information/" aria-current="page"' in index

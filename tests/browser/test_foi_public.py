"""Public information in a browser, in Georgian: the register, the annual report and a
body's page, at phone and desktop width, with no axe-core violation, no horizontal
scroll and no blocked script; and the register's filters used as a citizen would."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from emanager.directory.models import Body
from emanager.foi.choices import FoiOutcome, RequesterType
from emanager.letters.choices import Publication
from tests.browser.support import DESKTOP, PHONE, check_page
from tests.foi.factories import PRIVATE_DATA, FoiRequestFactory, complain, decide

pytestmark = pytest.mark.browser

LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture
def requests_(site_url):
    """A year of requests to the City Hall's services and the Sakrebulo, in every outcome."""
    from emanager.publication.services import letter_publish

    municipality = Body.objects.get(slug="city-hall").municipality
    officer = get_user_model().objects.create_user(
        "nato", first_name="ნატო", last_name="კილაძე", password="x-foi-2026"
    )
    bodies = list(Body.objects.filter(municipality=municipality, parent__isnull=False))
    sakrebulo = Body.objects.get(municipality=municipality, kind="sakrebulo")
    start = datetime.date(LAST_YEAR, 1, 9)
    outcomes = [
        (FoiOutcome.GRANTED, ""),
        (FoiOutcome.PARTLY_GRANTED, "personal_data"),
        (FoiOutcome.REFUSED, "commercial_secret"),
        (FoiOutcome.NOT_HELD, ""),
        (FoiOutcome.FORWARDED, ""),
        (FoiOutcome.DEEMED_REFUSED, ""),
        (FoiOutcome.WITHDRAWN, ""),
        ("", ""),
    ]
    made = []
    for index in range(24):
        received = start + datetime.timedelta(days=14 * index)
        outcome, ground = outcomes[index % len(outcomes)]
        request = FoiRequestFactory(
            letter__municipality=municipality,
            letter__addressee_body=sakrebulo if index % 5 == 0 else bodies[index % len(bodies)],
            letter__received=received,
            letter__publication=Publication.PUBLIC_ANONYMOUS
            if index % 4 == 0
            else Publication.PRIVATE,
            requester_type=RequesterType.ORGANISATION if index % 6 == 0 else RequesterType.PERSON,
            organisation="საზოგადოებრივი ორგანიზაცია „გურიის ახალგაზრდები“"
            if index % 6 == 0
            else "",
        )
        if outcome:
            decide(
                request,
                outcome,
                on=received + datetime.timedelta(days=index % 12),
                by=officer if outcome != FoiOutcome.DEEMED_REFUSED else None,
                ground=ground,
                forwarded_to="საქართველოს ფინანსთა სამინისტრო"
                if outcome == FoiOutcome.FORWARDED
                else "",
                issued_on=received + datetime.timedelta(days=index % 12)
                if outcome in (FoiOutcome.GRANTED, FoiOutcome.PARTLY_GRANTED)
                else None,
                supplied_by="ფინანსური სამსახური",
                responsible="ნატო კილაძე",
            )
        if outcome == FoiOutcome.REFUSED:
            complain(request, "rejected", on=received + datetime.timedelta(days=30))
        if index % 4 == 0 and outcome != FoiOutcome.WITHDRAWN:
            letter_publish(
                letter=request.letter,
                actor=officer,
                subject="ადგილობრივი ბიუჯეტის შესრულების ანგარიში",
                text="რედაქტირებული ტექსტი.",
            )
        made.append(request)
    return made


def check(tab, name: str, *, width: int) -> None:
    check_page(tab, f"foi-{name}-{width}", private=PRIVATE_DATA)


PAGES = {
    "index": "/ka/public-information/",
    "register": f"/ka/public-information/register/?year={LAST_YEAR}",
    "register-columns": "/ka/public-information/register/columns/",
    "report": "/ka/public-information/report/",
    "report-body": f"/ka/public-information/report/?year={LAST_YEAR}&body=city-hall",
    "body": "/ka/public-information/city-hall/",
    "body-sakrebulo": "/ka/public-information/sakrebulo/",
}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("name", list(PAGES))
def test_public_information_pages(name, viewport, open_tab, site_url, requests_):
    tab = open_tab(viewport=viewport)
    response = tab.page.goto(site_url(PAGES[name]))
    assert response is not None and response.status == 200
    assert tab.page.locator("html").get_attribute("lang") == "ka"
    check(tab, name, width=viewport["width"])


def test_the_register_is_filtered_and_read_on_a_phone(open_tab, site_url, requests_):
    tab = open_tab(viewport=PHONE)
    page = tab.page
    page.goto(site_url("/ka/public-information/register/"))
    page.locator("select[name=year]").select_option(str(LAST_YEAR))
    page.locator("select[name=outcome]").select_option("refused")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"outcome=refused"))
    rows = page.locator("table.foi-register tbody tr")
    expect(rows).to_have_count(3)
    # On a phone each cell says which column it is.
    label = rows.first.locator("td").first.evaluate(
        "cell => getComputedStyle(cell, '::before').content"
    )
    assert label.strip('"')
    check(tab, "register-refused", width=PHONE["width"])


def test_the_report_leads_to_the_register_of_the_same_year(open_tab, site_url, requests_):
    tab = open_tab(viewport=DESKTOP)
    page = tab.page
    page.goto(site_url(f"/ka/public-information/report/?year={LAST_YEAR}"))
    received = page.locator("table.foi-figures tbody tr").first.locator("td").inner_text()
    page.locator(f"a[href='/ka/public-information/register/?year={LAST_YEAR}']").click()
    page.wait_for_url(re.compile(rf"register/\?year={LAST_YEAR}"))
    expect(page.locator("#register-title .count")).to_contain_text(received)

"""Accountability pages in a browser, in Georgian at phone width: the ranking (sorted by a
link) and a council member's page with its chart and table, with no axe-core violation,
no horizontal scroll and no blocked script."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from emanager.directory.models import Body, Mandate, PositionKind
from tests.accountability.conftest import LetterFactory, answered, moment, survey
from tests.browser.support import PHONE, check_page

pytestmark = pytest.mark.browser


@pytest.fixture
def letters(site_url):
    """A year of letters to the City Hall, the Mayor and a council member; most answered."""
    from emanager.accountability.services import figures_rebuild

    city_hall = Body.objects.get(slug="city-hall")
    mayor = Mandate.objects.filter(position__kind=PositionKind.MAYOR).first().official
    member = Mandate.objects.filter(position__kind=PositionKind.COUNCIL_MEMBER).first().official
    start = timezone.localdate() - datetime.timedelta(days=360)
    for index in range(30):
        received = start + datetime.timedelta(days=12 * index)
        letter = LetterFactory(
            municipality=city_hall.municipality,
            addressee_body=city_hall,
            addressee_official=[mayor, member, None][index % 3],
            received=received,
        )
        if index % 5:
            answered(letter, moment(received + datetime.timedelta(days=index % 14)))
            if index % 2:
                survey(letter)
    figures_rebuild()
    return {"mayor": mayor, "member": member}


def check(tab, name: str) -> None:
    check_page(tab, f"accountability-{name}-360")


def test_ranking_and_a_council_members_page_at_phone_width(open_tab, site_url, letters):
    tab = open_tab(viewport=PHONE)
    page = tab.page
    response = page.goto(site_url("/ka/accountability/"))
    assert response is not None and response.status == 200
    check(tab, "ranking")
    assert page.locator("#method").is_visible()

    page.locator(".account-sort a[href='?sort=letters']").click()
    page.wait_for_url("**/accountability/?sort=letters")
    check(tab, "ranking-by-letters")

    member = letters["member"]
    page.locator(f"a[href$='/accountability/officials/{member.slug}/']").first.click()
    page.wait_for_url(f"**/accountability/officials/{member.slug}/")
    assert page.locator("svg[role=img] title").count() == 1
    assert page.locator("table.account-table tbody tr").count() == 24
    check(tab, "official")

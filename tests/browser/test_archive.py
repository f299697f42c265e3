"""The public archive in a browser, in Georgian: at phone and desktop width, filtered as a
citizen would, and on to a letter's page; no axe-core violation, no horizontal scroll,
no blocked script."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from emanager.directory.models import Body, Official, TerritorialUnit
from emanager.letters.choices import LetterKind, LetterStatus, Outcome
from tests.archive.conftest import PRIVATE_DATA, PUBLIC_TEXT, LetterFactory, moment
from tests.browser.support import DESKTOP, PHONE, check_page

pytestmark = pytest.mark.browser


SUBJECTS = (
    "ქუჩის განათება ნიგოითში",
    "ლანჩხუთი–სუფსის გზის ორმოები",
    "საბავშვო ბაღის სახურავის შეკეთება",
    "ნაგვის ურნები ჟორდანიას ქუჩაზე",
    "სასმელი წყლის გრაფიკი ჩოჩხათში",
)


@pytest.fixture
def letters(site_url):
    """Thirty published letters to the demo's bodies, officials and units over a year."""
    from emanager.publication.services import letter_publish

    city_hall = Body.objects.get(slug="city-hall")
    municipality = city_hall.municipality
    bodies = list(Body.objects.filter(municipality=municipality))
    officials = list(Official.objects.filter(municipality=municipality)[:4])
    units = list(TerritorialUnit.objects.filter(municipality=municipality)[:3])
    reviewer = get_user_model().objects.create_user("reviewer", password="x-archive-2026")
    kinds = [LetterKind.APPLICATION, LetterKind.COMPLAINT, LetterKind.PROPOSAL]
    start = datetime.date.today() - datetime.timedelta(days=360)
    for index in range(30):
        received = start + datetime.timedelta(days=12 * index)
        answered = index % 4 != 3 and index < 27
        letter = LetterFactory(
            municipality=municipality,
            kind=kinds[index % 3],
            addressee_body=bodies[index % len(bodies)],
            addressee_official=officials[index % 4] if index % 5 == 0 else None,
            addressee_unit=units[index % 3] if index % 7 == 0 else None,
            received=received,
            deadline=received + datetime.timedelta(days=10 if index % 6 == 0 else 30),
            answered_at=moment(received + datetime.timedelta(days=12)) if answered else None,
            status=LetterStatus.CLOSED if answered else LetterStatus.OPEN,
            outcome=Outcome.ANSWERED if answered else "",
        )
        letter_publish(letter=letter, actor=reviewer, subject=SUBJECTS[index % 5], text=PUBLIC_TEXT)


def check(tab, name: str, *, width: int) -> None:
    check_page(tab, f"archive-{name}-{width}", private=PRIVATE_DATA)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_archive_is_filtered_and_leads_to_a_letter(viewport, open_tab, site_url, letters):
    width = viewport["width"]
    tab = open_tab(viewport=viewport)
    page = tab.page
    response = page.goto(site_url("/ka/archive/"))
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == "ka"
    rows = page.locator("table.archive-table tbody tr")
    expect(rows.first).to_be_visible()
    check(tab, "index", width=width)

    page.locator("select[name=kind]").select_option("complaint")
    page.locator("main form.journal-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"kind=complaint"))
    count = rows.count()
    assert count > 0
    expect(page.locator("#archive-title .count")).to_contain_text(str(count))
    if width == PHONE["width"]:
        # On a phone each cell says which column it is.
        label = rows.first.locator("td").first.evaluate(
            "cell => getComputedStyle(cell, '::before').content"
        )
        assert label.strip('"')
    check(tab, "complaints", width=width)

    link = rows.first.locator("td.journal__subject a")
    subject = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/ka/letters/public/[0-9a-f-]+/$"))
    expect(page.locator("h1")).to_have_text(subject)
    expect(page.locator("ol.public-timeline > li").first).to_be_visible()
    check(tab, "letter", width=width)

"""The registry journal in a browser: a clerk reads it, filters it by period, and takes
its exports; at desktop and at phone width, with no axe-core violation."""

from __future__ import annotations

import datetime
import re
import uuid

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from emanager.directory.models import Body
from emanager.letters.choices import LetterKind, MessageStatus, Publication
from emanager.letters.models import Letter, Message
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from tests.browser.support import DESKTOP, PHONE, SCREENSHOT_DIR, format_violations

pytestmark = pytest.mark.browser

axe = Axe()
PASSWORD = "registry-password-2026"


def check(tab, name: str) -> None:
    """No axe violation and no blocked script on the page; a screenshot for people."""
    page = tab.page
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"registry-{name}.png"), full_page=True)
    violations = axe.run(page).response["violations"]
    assert not violations, f"{name}: {format_violations(violations)}"
    assert not tab.csp_errors, tab.csp_errors


@pytest.fixture
def clerk(site_url):
    from emanager.staff.models import Membership, StaffRole

    city_hall = Body.objects.get(slug="city-hall")
    user = get_user_model().objects.create_user(
        "tamar", password=PASSWORD, first_name="თამარ", last_name="მჟავანაძე"
    )
    Membership.objects.create(
        user=user, municipality=city_hall.municipality, body=city_hall, role=StaffRole.CLERK
    )
    return user


def log_in(tab, site_url) -> None:
    page = tab.page
    page.goto(site_url("/ka/staff/login/"))
    page.fill("input[name=username]", "tamar")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/ka/staff/$"))


SUBJECTS = [
    "გარე განათება ნიგოითში",
    "სოფლის გზის შეკეთება შუხუთში",
    "ბიუჯეტის შესრულების ანგარიში",
    "ნაგვის გატანის გრაფიკი ლესაში",
    "საბავშვო ბაღის რიგი",
    "წყალმომარაგება ჩიბათში",
]
# Two months of letters: February and March of last year.
FEBRUARY = (datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))


@pytest.fixture
def letters(site_url, clerk) -> list[Letter]:
    """Twelve letters to the finance service over February and March, half answered."""
    from emanager.letters import staff_services

    finance = Body.objects.get(slug="service-finance")
    made = []
    for index in range(12):
        day = datetime.date(2025, 2, 3) + datetime.timedelta(days=index * 4)
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))
        letter, _ = letter_submit(
            municipality=finance.municipality,
            draft=LetterDraft(
                kind=LetterKind.APPLICATION,
                subject=SUBJECTS[index % len(SUBJECTS)],
                body="გთხოვთ, განიხილოთ ჩემი განცხადება.",
                addressee_body=finance,
                author_name="ნინო ბერიძე",
                author_email="",
                author_address="ნიგოითი, რუსთაველის ქ. 5",
                publication=Publication.PRIVATE,
                language="ka",
            ),
            submission_key=uuid.uuid4(),
            now=moment,
        )
        letter = letter_confirm(letter=letter, now=moment)
        if index % 2 == 0:
            staff_services.letter_answer(
                letter=letter,
                actor=clerk,
                body="თქვენი განცხადება დაკმაყოფილდა.",
                files=[],
                now=moment + datetime.timedelta(days=2),
            )
        made.append(letter)
    return made


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "360px"])
def test_a_clerk_filters_the_journal_by_period(open_tab, site_url, letters, viewport):
    size = f"{viewport['width']}px"
    tab = open_tab(viewport=viewport)
    page = tab.page
    log_in(tab, site_url)

    page.locator(".staff-nav a[href='/ka/staff/registry/']").click()
    page.wait_for_url(re.compile(r"/ka/staff/registry/$"))
    expect(page.locator("table.journal tbody tr").first).to_be_visible()
    check(tab, f"journal-{size}")

    start, end = FEBRUARY
    page.fill("#id_date_from", start.isoformat())
    page.fill("#id_date_to", end.isoformat())
    page.locator("form.journal-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"date_from=" + start.isoformat()))
    dates = page.locator("table.journal tbody td:nth-child(2) time").evaluate_all(
        "cells => cells.map(cell => cell.getAttribute('datetime'))"
    )
    assert len(dates) == 7  # 3, 7, ... 27 February
    assert all(start.isoformat() <= value <= end.isoformat() for value in dates)
    check(tab, f"journal-filtered-{size}")

    # The table scrolls in its own region; the page itself does not.
    region = page.locator(".table-scroll")
    if viewport is PHONE:
        assert region.evaluate("node => node.scrollWidth > node.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    region.focus()
    expect(region).to_be_focused()

    # A reversed period: a clear error, no table.
    page.fill("#id_date_from", end.isoformat())
    page.fill("#id_date_to", start.isoformat())
    page.locator("form.journal-filters button[type=submit]").click()
    expect(page.locator("#id_date_to[aria-invalid=true]")).to_have_count(1)
    expect(page.locator("table.journal")).to_have_count(0)
    check(tab, f"journal-error-{size}")


def test_the_exports_and_the_printed_answer_have_their_content_types(open_tab, site_url, letters):
    tab = open_tab(viewport=DESKTOP)
    page = tab.page
    log_in(tab, site_url)
    page.goto(site_url("/ka/staff/registry/"))

    expected = {
        "journal.csv": "text/csv; charset=utf-8",
        "journal.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "journal.pdf": "application/pdf",
    }
    for name, content_type in expected.items():
        href = page.locator(f".journal-exports a[href*='{name}']").get_attribute("href")
        response = page.request.get(site_url(href), timeout=60_000)  # WeasyPrint's first run
        assert response.status == 200, name
        assert response.headers["content-type"] == content_type

    answer = Message.objects.select_related("letter").get(
        letter=letters[0], is_answer=True, status=MessageStatus.SENT
    )
    page.goto(site_url(f"/ka/letters/staff/{answer.letter.uuid}/"))
    link = page.locator(f".print-panel a[href$='/answers/{answer.pk}.pdf']")
    expect(link).to_have_count(1)
    response = page.request.get(site_url(link.get_attribute("href")), timeout=60_000)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
    check(tab, "letter-print-panel")

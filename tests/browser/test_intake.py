"""Staff intake in a browser: a clerk registers a paper letter with its scanned page.

In the Georgian interface, at phone width and on a desktop: log in, fill in
the form (first with mistakes), see the done page with the slip, open the
letter from the inbox. Every page on the way has no axe-core violation.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from emanager.directory.models import Body
from emanager.letters.choices import Channel
from emanager.letters.models import Letter
from tests.browser.support import DESKTOP, PHONE, SCREENSHOT_DIR, format_violations
from tests.letters.conftest import PDF

pytestmark = pytest.mark.browser

axe = Axe()
PASSWORD = "intake-password-2026"


def check(tab, name: str) -> None:
    """No axe violation and no blocked script on the page; a screenshot for people."""
    page = tab.page
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"intake-{name}.png"), full_page=True)
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


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_a_clerk_registers_a_paper_letter_with_its_scan(open_tab, site_url, clerk, viewport):
    size = f"{viewport['width']}px"
    finance = Body.objects.get(slug="service-finance")
    tab = open_tab(viewport=viewport)
    page = tab.page

    page.goto(site_url("/ka/staff/login/"))
    page.fill("input[name=username]", "tamar")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/ka/staff/$"))
    page.locator(".staff-nav a[href='/ka/staff/register/']").click()
    page.wait_for_url(re.compile(r"/ka/staff/register/$"))
    check(tab, f"form-{size}")

    # Sent empty: the mistakes are listed at the top and marked at each field.
    page.locator("form.intake-form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#id_author_name[aria-invalid=true]")).to_have_count(1)
    check(tab, f"errors-{size}")

    page.locator("#id_channel_0").check()  # paper, by post
    page.select_option("#id_addressee", f"body:{finance.pk}")
    page.fill("#id_subject", "ბიუჯეტის შესრულების ანგარიში")
    page.fill(
        "#id_body",
        "გთხოვთ, მომაწოდოთ 2025 წლის ბიუჯეტის შესრულების ანგარიში სოფლების მიხედვით.",
    )
    page.set_input_files(
        "#id_files", files=[{"name": "სკანი-1.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.fill("#id_author_name", "ელგუჯა კობალაძე")
    page.fill("#id_author_address", "სოფ. ჩიბათი")
    page.locator("form.intake-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ka/staff/register/[0-9a-f-]{36}/$"))

    letter = Letter.objects.get()
    assert letter.channel == Channel.PAPER
    assert letter.registered_by == clerk
    assert letter.attachments.get().original_name == "სკანი-1.pdf"
    expect(page.locator("h1")).to_contain_text(letter.number)
    slip = page.locator(".intake-slip")
    expect(slip).to_contain_text(letter.number)
    expect(slip.locator("a[href*='/ka/letters/track/']")).to_have_count(1)
    expect(page.locator("a[href='/ka/staff/register/']").last).to_be_visible()
    check(tab, f"done-{size}")
    # On paper, the slip alone.
    page.emulate_media(media="print")
    expect(slip).to_be_visible()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".intake-done")).to_be_hidden()
    expect(page.locator(".staff-nav")).to_be_hidden()
    page.emulate_media(media="screen")

    page.locator(".staff-nav a[href='/ka/staff/']").click()
    page.wait_for_url(re.compile(r"/ka/staff/$"))
    check(tab, f"inbox-{size}")
    page.get_by_role("link", name=letter.number).click()
    page.wait_for_url(re.compile(r"/ka/letters/staff/"))
    expect(page.locator(".files")).to_contain_text("სკანი-1.pdf")
    check(tab, f"letter-{size}")

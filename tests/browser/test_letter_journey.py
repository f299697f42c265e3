"""The whole journey of a letter, in Georgian at phone width, through a real SMTP server.

A citizen without an account writes; the confirmation link arrives by e-mail;
the citizen confirms; an official logs in and answers; the citizen sees the
answer. Every page on the way has no axe-core violation.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from emanager.directory.models import Body, BodyKind
from tests.browser.support import PHONE, SCREENSHOT_DIR, format_violations
from tests.notifications.support import SMTPServer, body

pytestmark = pytest.mark.browser

axe = Axe()
PASSWORD = "journey-password-2026"


@pytest.fixture
def smtp(settings, live_server):
    server = SMTPServer()
    server.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 10},
        }
    }
    settings.SITE_URL = live_server.url
    yield server
    server.stop()


def check(page, name: str) -> None:
    """No axe violation on the page; a screenshot for people to look at."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"journey-{name}.png"), full_page=True)
    violations = axe.run(page).response["violations"]
    assert not violations, f"{name}: {format_violations(violations)}"


def wait_for_mail(server: SMTPServer, count: int, page) -> None:
    for _ in range(50):
        if len(server.messages) >= count:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"expected {count} e-mails, got {len(server.messages)}")


def test_citizen_writes_confirms_and_reads_the_official_answer(open_tab, site_url, smtp):
    from emanager.staff.models import Membership, StaffRole

    finance = Body.objects.filter(kind=BodyKind.SERVICE).order_by("order").first()
    official = get_user_model().objects.create_user(
        "tamar", email="tamar@example.ge", password=PASSWORD, first_name="თამარ"
    )
    Membership.objects.create(
        user=official, municipality=finance.municipality, body=finance, role=StaffRole.HEAD
    )

    citizen = open_tab(viewport=PHONE).page
    citizen.goto(site_url("/ka/letters/write/"))
    check(citizen, "write")
    citizen.select_option("#id_addressee", f"body:{finance.pk}")
    citizen.fill("#id_subject", "გარე განათება ნიგოითში")
    citizen.fill("#id_body", "რუსთაველის ქუჩაზე ოქტომბრიდან არ ანათებს ქუჩის ნათურები.")
    citizen.fill("#id_author_name", "ნინო ბერიძე")
    citizen.fill("#id_author_email", "nino@example.ge")
    citizen.fill("#id_author_address", "ნიგოითი, რუსთაველის ქ. 5")
    citizen.get_by_role("button", name="წერილის გაგზავნა").click()
    citizen.wait_for_url(re.compile(r"/ka/letters/write/sent/$"))
    check(citizen, "sent")

    wait_for_mail(smtp, 1, citizen)
    confirmation = smtp.messages[0]
    assert confirmation["To"] == "nino@example.ge"
    link = re.search(r"https?://\S+/letters/confirm/\S+/", body(confirmation, "plain")).group(0)
    citizen.goto(link)
    check(citizen, "confirm")
    citizen.locator("main form button[type=submit]").click()
    citizen.wait_for_url(re.compile(r"/ka/letters/track/"))
    tracking_url = citizen.url
    number = re.search(r"[A-Z]{3}-\d{4}-\d{6}", citizen.locator("h1").inner_text()).group(0)
    check(citizen, "track-registered")

    staff = open_tab(viewport=PHONE).page
    staff.goto(site_url("/ka/staff/login/"))
    check(staff, "login")
    staff.fill("input[name=username]", "tamar")
    staff.fill("input[name=password]", PASSWORD)
    staff.locator("main form button[type=submit], main form input[type=submit]").first.click()
    staff.wait_for_url(re.compile(r"/ka/staff/$"))
    check(staff, "inbox")
    staff.get_by_role("link", name=number).click()
    staff.wait_for_url(re.compile(r"/ka/letters/staff/"))
    check(staff, "staff-letter")
    staff.locator("details.action").first.locator("summary").click()
    staff.locator("details.action").first.locator("textarea").fill(
        "ნათურები შეიცვალა 20 ნოემბერს. გმადლობთ შეტყობინებისთვის."
    )
    staff.locator("details.action").first.locator("button[type=submit]").click()
    expect(staff.locator(".message--success")).to_be_visible()

    citizen.goto(tracking_url)
    expect(citizen.locator(".thread")).to_contain_text("ნათურები შეიცვალა")
    check(citizen, "track-answered")

    wait_for_mail(smtp, 3, citizen)  # confirmation, acknowledgement, answer
    subjects = [message["Subject"] for message in smtp.messages]
    assert any(number in subject for subject in subjects)


def test_the_addressee_list_narrows_as_the_citizen_types(open_tab, site_url):
    finance = Body.objects.filter(kind=BodyKind.SERVICE).order_by("order").first()
    page = open_tab(viewport=PHONE).page
    page.goto(site_url("/en/letters/write/"))
    visible = (
        "() => Array.from(document.querySelectorAll('#id_addressee option'))"
        ".filter(o => o.value && !o.hidden).length"
    )
    before = page.evaluate(visible)
    page.fill("#addressee-filter", finance.name_en[3:12].lower())
    after = page.evaluate(visible)
    assert 0 < after < before
    page.select_option("#id_addressee", f"body:{finance.pk}")
    check(page, "write-filtered")

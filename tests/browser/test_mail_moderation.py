"""E-mail answers in a browser: a clerk of the Sakrebulo finds a held e-mail, attaches it as
the answer of its letter, and sees the letter's e-mail panel; at phone width and at desktop
width, in Georgian, with no axe-core violation."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from emanager.directory.models import Body
from emanager.letters.models import Message
from emanager.mailin.choices import HoldReason, InboundStatus
from emanager.mailin.models import InboundMail
from tests.browser.support import DESKTOP, PHONE, SCREENSHOT_DIR, format_violations

pytestmark = pytest.mark.browser

axe = Axe()
PASSWORD = "mail-password-2026"


def check(tab, name: str) -> None:
    """No axe violation and no blocked script on the page; a screenshot for people."""
    page = tab.page
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"mail-{name}.png"), full_page=True)
    violations = axe.run(page).response["violations"]
    assert not violations, f"{name}: {format_violations(violations)}"
    assert not tab.csp_errors, tab.csp_errors


@pytest.fixture
def mail_demo(site_url, settings):
    """The Lanchkhuti demo with its e-mails, and the Sakrebulo's clerk."""
    from emanager.mailin.demo import load_mail_demo
    from emanager.staff.models import Membership, StaffRole

    settings.MAIL_REPLY_DOMAIN = "mail.lanchkhuti.example.ge"
    sakrebulo = Body.objects.get(slug="sakrebulo")
    assert load_mail_demo(sakrebulo.municipality, timezone.now()) == 5
    user = get_user_model().objects.create_user(
        "nana", password=PASSWORD, first_name="ნანა", last_name="სამხარაძე"
    )
    Membership.objects.create(
        user=user, municipality=sakrebulo.municipality, body=sakrebulo, role=StaffRole.CLERK
    )
    return user


def log_in(tab, site_url) -> None:
    page = tab.page
    page.goto(site_url("/ka/staff/login/"))
    page.fill("input[name=username]", "nana")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/ka/staff/$"))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_clerk_attaches_a_held_email_as_the_answer(open_tab, site_url, mail_demo, viewport):
    held = InboundMail.objects.get(hold_reason=HoldReason.UNKNOWN_SENDER)
    size = "phone" if viewport is PHONE else "desktop"
    tab = open_tab(viewport=viewport)
    page = tab.page
    log_in(tab, site_url)

    page.locator("nav.staff-nav a[href='/ka/staff/mail/']").click()
    page.wait_for_url(re.compile(r"/ka/staff/mail/$"))
    expect(page.locator("#bouncing-title")).to_be_visible()
    check(tab, f"queue-{size}")
    page.goto(site_url("/ka/staff/mail/?show=all"))
    check(tab, f"queue-all-{size}")

    page.goto(site_url(f"/ka/staff/mail/{held.pk}/"))
    expect(page.locator("main")).to_contain_text("g.tavartkiladze.lanchkhuti@gmail.example")
    expect(page.locator("#id_number")).to_have_value(held.letter.number)
    check(tab, f"held-{size}")

    page.locator("main form.letter-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/attach/\?number="))
    check(tab, f"attach-confirm-{size}")
    page.locator("main form[action$='/attach/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ka/letters/staff/"))
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("#mail-title")).to_be_visible()
    check(tab, f"letter-panel-{size}")

    held.refresh_from_db()
    assert held.status == InboundStatus.ATTACHED
    assert Message.objects.filter(letter=held.letter, is_answer=True).exists()


def test_a_clerk_discards_a_held_email(open_tab, site_url, mail_demo):
    held = InboundMail.objects.get(hold_reason=HoldReason.INVALID_ADDRESS)
    tab = open_tab(viewport=PHONE)
    page = tab.page
    log_in(tab, site_url)

    page.goto(site_url(f"/ka/staff/mail/{held.pk}/"))
    page.locator(f"a[href='/ka/staff/mail/{held.pk}/discard/']").click()
    check(tab, "discard-confirm")
    page.locator("main form button.button--danger").click()
    page.wait_for_url(re.compile(r"/ka/staff/mail/$"))
    expect(page.locator(".message--success")).to_be_visible()

    held.refresh_from_db()
    assert held.status == InboundStatus.DISCARDED

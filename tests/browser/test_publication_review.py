"""Publication review in a real browser, from the clerk's queue to the citizen's withdrawal.

A citizen's letter that allows publication without her name carries a phone
number and a personal number. A registry clerk opens the review queue,
reviews the letter (the suggestions are marked in the original and applied to
the public version), and publishes it; the public page shows the redacted text
only. The citizen then withdraws consent on her tracking page, after a
confirmation step, and the public page is gone. Every page on the way has no
axe-core violation, at desktop and at phone width.
"""

from __future__ import annotations

import re
import uuid

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from emanager.directory.models import Body
from emanager.letters import tokens
from emanager.letters.choices import LetterKind, Publication
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from emanager.publication.redaction import SpanKind, placeholder
from tests.browser.support import DESKTOP, PHONE, SCREENSHOT_DIR, format_violations

pytestmark = pytest.mark.browser

axe = Axe()
PASSWORD = "review-password-2026"
PHONE_NUMBER = "599 12 34 56"
PERSONAL_NUMBER = "01024012345"
BODY = (
    "გთხოვთ, შეაკეთოთ გზა ნიგოითში, სკოლისკენ მიმავალ გზაზე: ორმოები წვიმის შემდეგ წყლით "
    f"ივსება.\nჩემი პირადი ნომერია {PERSONAL_NUMBER}, დამიკავშირდით ნომერზე {PHONE_NUMBER}.\n"
    "პატივისცემით, ნინო ბერიძე"
)


def check(page, name: str) -> None:
    """No axe violation at desktop and at phone width; a screenshot of each."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=str(SCREENSHOT_DIR / f"review-{name}-{label}.png"), full_page=True)
        violations = axe.run(page).response["violations"]
        assert not violations, f"{name} at {label}: {format_violations(violations)}"
    page.set_viewport_size(DESKTOP)


@pytest.fixture
def letter(site_url):
    from emanager.staff.models import Membership, StaffRole

    body = Body.objects.get(slug="service-infrastructure")
    clerk = get_user_model().objects.create_user(
        "eka", email="eka@example.ge", password=PASSWORD, first_name="ეკა"
    )
    Membership.objects.create(
        user=clerk, municipality=body.municipality, body=body, role=StaffRole.CLERK
    )
    draft = LetterDraft(
        kind=LetterKind.APPLICATION,
        subject="გზის შეკეთება ნიგოითში",
        body=BODY,
        addressee_body=body,
        author_name="ნინო ბერიძე",
        author_email="nino.beridze@example.ge",
        author_address="სოფ. ნიგოითი",
        author_phone=PHONE_NUMBER,
        publication=Publication.PUBLIC_ANONYMOUS,
        consent_text="I agree.",
        language="ka",
    )
    submitted, _ = letter_submit(
        municipality=body.municipality, draft=draft, submission_key=uuid.uuid4()
    )
    return letter_confirm(letter=submitted)


def test_a_clerk_publishes_a_redacted_letter_and_the_citizen_withdraws_it(
    open_tab, site_url, letter
):
    clerk = open_tab().page
    clerk.goto(site_url("/en/staff/login/"))
    clerk.fill("input[name=username]", "eka")
    clerk.fill("input[name=password]", PASSWORD)
    clerk.locator("main form button[type=submit]").first.click()
    clerk.wait_for_url(re.compile(r"/en/staff/$"))

    clerk.locator(".staff-nav").get_by_role("link", name="Publication review").click()
    clerk.wait_for_url(re.compile(r"/en/staff/review/$"))
    check(clerk, "queue")
    clerk.get_by_role("link", name=f"Letter {letter.number}").click()
    clerk.wait_for_url(re.compile(rf"/en/staff/review/letter/{letter.uuid}/$"))
    original = clerk.locator(".review-original").last
    expect(original.locator("mark.redact", has_text=PHONE_NUMBER)).to_contain_text("phone number")
    expect(original.locator("mark.redact", has_text=PERSONAL_NUMBER)).to_contain_text(
        "personal number"
    )
    public_text = clerk.locator("#id_text")
    expect(public_text).not_to_have_value(re.compile(re.escape(PHONE_NUMBER)))
    expect(public_text).not_to_have_value(re.compile(PERSONAL_NUMBER))
    check(clerk, "letter")

    clerk.get_by_role("button", name="Publish", exact=True).click()
    expect(clerk.locator(".message--success")).to_contain_text("The letter is published.")
    check(clerk, "published")
    clerk.get_by_role("link", name="See the public page").first.click()
    clerk.wait_for_url(re.compile(rf"/letters/public/{letter.uuid}/$"))
    public_url = clerk.url
    text = clerk.locator("main").inner_text()
    assert placeholder(SpanKind.PHONE, "ka") in text
    assert placeholder(SpanKind.PERSONAL_NUMBER, "ka") in text
    for private in (PHONE_NUMBER, PERSONAL_NUMBER, "ბერიძე", "nino.beridze@example.ge"):
        assert private not in clerk.content()
    check(clerk, "public-page")

    citizen = open_tab(viewport=PHONE).page
    citizen.goto(site_url(f"/ka/letters/track/{tokens.tracking_token(letter)}/"))
    expect(citizen.locator(f'a[href$="/letters/public/{letter.uuid}/"]')).to_be_visible()
    check(citizen, "track-published")
    citizen.locator(
        f'form[action$="/track/{tokens.tracking_token(letter)}/consent/"] button'
    ).click()
    check(citizen, "withdraw-confirm")
    citizen.locator("main form button.button--danger").click()
    citizen.wait_for_url(re.compile(r"/ka/letters/track/[^/]+/$"))
    expect(citizen.locator(".message--success")).to_be_visible()
    check(citizen, "track-withdrawn")

    response = citizen.goto(public_url)
    assert response.status == 404

"""A public-information request in a browser, from the write form to the complaint.

The citizen writes a request (the request's own fields appear once its kind is
chosen); the public-information officer uses the 10 days, refuses it on a
ground of the law, reviews the written explanation and sends it; the
requester files an administrative complaint from the request's page. Every
page on the way has no axe-core violation, at 360 and at 1280 pixels.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from emanager.directory.models import Body
from emanager.foi.models import Complaint, FoiRequest
from emanager.letters.choices import LetterKind, LetterStatus
from emanager.letters.models import Letter
from emanager.letters.tokens import tracking_token
from tests.browser.support import DESKTOP, PHONE, SCREENSHOT_DIR, format_violations

pytestmark = pytest.mark.browser

axe = Axe()
PASSWORD = "foi-password-2026"


def check(tab, name: str) -> None:
    """No axe violation at 360 and at 1280 pixels, no blocked script; screenshots for people."""
    page = tab.page
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        size = f"{viewport['width']}px"
        page.screenshot(path=str(SCREENSHOT_DIR / f"foi-{name}-{size}.png"), full_page=True)
        violations = axe.run(page).response["violations"]
        assert not violations, f"{name} at {size}: {format_violations(violations)}"
    assert not tab.csp_errors, tab.csp_errors
    assert not tab.page_errors, tab.page_errors


@pytest.fixture
def officer(site_url):
    """The public-information officer of the City Hall (and its services)."""
    from emanager.staff.models import Membership, StaffRole

    city_hall = Body.objects.get(slug="city-hall")
    user = get_user_model().objects.create_user(
        "nato", password=PASSWORD, first_name="ნატო", last_name="კილაძე", email="nato@example.ge"
    )
    Membership.objects.create(
        user=user, municipality=city_hall.municipality, body=city_hall, role=StaffRole.PIO
    )
    return user


def log_in(page, site_url, username: str) -> None:
    page.goto(site_url("/en/staff/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/en/staff/$"))


def test_a_request_is_refused_explained_and_complained_of(open_tab, site_url, officer):
    finance = Body.objects.get(slug="service-finance")

    # The citizen writes: the request's fields appear when its kind is chosen.
    citizen = open_tab(viewport=PHONE)
    page = citizen.page
    page.goto(site_url("/en/letters/write/"))
    fields = page.locator("[data-foi-fields]")
    expect(fields).to_be_hidden()
    page.select_option("#id_kind", LetterKind.PUBLIC_INFORMATION)
    expect(fields).to_be_visible()
    expect(page.locator("#id_foi_organisation")).to_be_hidden()
    page.locator("input[name=foi_requester_type][value=organisation]").check()
    expect(page.locator("#id_foi_organisation")).to_be_visible()
    page.fill("#id_foi_organisation", "Civic Voice in Guria")
    page.locator("input[name=foi_preferred_form][value=paper_copy]").check()
    page.select_option("#id_addressee", f"body:{finance.pk}")
    page.fill("#id_subject", "Salaries and bonuses of the City Hall")
    page.fill("#id_body", "Please send us the salaries and bonuses paid by the City Hall.")
    page.fill("#id_author_name", "Nino Beridze")
    page.fill("#id_author_email", "nino@example.ge")
    page.fill("#id_author_address", "Nigoiti, Rustaveli st. 5")
    check(citizen, "write")
    page.locator("form.letter-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/en/letters/write/sent/$"))

    letter = Letter.objects.get(kind=LetterKind.PUBLIC_INFORMATION)
    request = FoiRequest.objects.get(letter=letter)
    assert (request.organisation, request.preferred_form) == ("Civic Voice in Guria", "paper_copy")
    from emanager.letters.services import letter_confirm

    letter = letter_confirm(letter=letter)

    # The officer uses the 10 days.
    staff = open_tab(viewport=DESKTOP)
    desk = staff.page
    log_in(desk, site_url, "nato")
    desk.goto(site_url(f"/en/letters/staff/{letter.uuid}/"))
    expect(desk.locator("#foi-title")).to_be_visible()
    check(staff, "staff-letter")
    desk.locator("#foi-action-ten-days summary").click()
    desk.locator("input[name=tendays-reason][value=other_units]").check()
    desk.locator("#foi-action-ten-days button[type=submit]").click()
    expect(desk.locator(".message--success")).to_contain_text("The 10 days are used")
    check(staff, "ten-days")

    # ... and refuses on a ground of the law, first forgetting the explanation.
    desk.locator("#foi-action-decide summary").click()
    desk.locator("input[name=decide-outcome][value=refused]").check()
    desk.select_option("#id_decide-refusal_ground", "personal_data")
    desk.locator("#foi-action-decide button[type=submit]").click()
    expect(desk.locator("#id_decide-refusal_explanation_error")).to_be_visible()
    check(staff, "decision-errors")
    desk.fill(
        "#id_decide-refusal_explanation",
        "The bonuses are paid to named persons; the salary scale by position is public.",
    )
    desk.locator("#foi-action-decide button[type=submit]").click()
    expect(desk.locator(".message--success")).to_contain_text("written explanation")
    check(staff, "refused")

    # ... reviews the written explanation and sends it.
    text = desk.locator("#id_refusal-text")
    expect(text).to_have_value(re.compile("Personal data"))
    text.fill(text.input_value() + "\n\nThe salary scale is on our website.")
    desk.get_by_role("button", name="Send it to the requester by e-mail").click()
    expect(desk.locator(".message--success")).to_contain_text("sent to the requester")
    check(staff, "explanation-sent")
    request.refresh_from_db()
    assert request.refusal_letter_sent_at is not None
    assert request.refusal_letter.endswith("The salary scale is on our website.")

    # The requester files a complaint from the request's page.
    page.goto(site_url(f"/en/letters/track/{tracking_token(letter)}/"))
    expect(page.locator("#foi-track-title")).to_be_visible()
    check(citizen, "track-refused")
    page.get_by_role("link", name="File a complaint").click()
    page.wait_for_url(re.compile(r"/complaint/$"))
    check(citizen, "complaint-form")
    page.fill("#id_text", "The bonuses of the head of the service are public by law.")
    page.locator("form.letter-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/en/letters/track/"))
    expect(page.locator(".message--success")).to_contain_text("Your complaint is registered")
    check(citizen, "complaint-registered")

    complaint = Complaint.objects.get(request=request)
    assert complaint.letter.kind == LetterKind.COMPLAINT
    assert complaint.letter.status == LetterStatus.OPEN
    assert complaint.letter.addressee_body.slug == "city-hall"

"""An answer that waits for the head's approval, in a real browser.

The Finance Service asks its head to approve answers. An official fills the
answer from a template and submits it; the head signs in, finds it waiting in
the inbox, and approves it; the citizen's tracking page then shows the answer
with its outgoing number. Every page on the way has no axe-core violation, at
desktop and at phone width.
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
from emanager.letters.models import AnswerTemplate, Letter
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from tests.browser.support import DESKTOP, PHONE, SCREENSHOT_DIR, format_violations

pytestmark = pytest.mark.browser

axe = Axe()
PASSWORD = "approval-password-2026"


def check(page, name: str) -> None:
    """No axe violation at desktop and at phone width; a screenshot of each."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=str(SCREENSHOT_DIR / f"approval-{name}-{label}.png"), full_page=True)
        violations = axe.run(page).response["violations"]
        assert not violations, f"{name} at {label}: {format_violations(violations)}"
    page.set_viewport_size(DESKTOP)


def log_in(page, site_url, username: str) -> None:
    page.goto(site_url("/ka/staff/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/ka/staff/$"))


@pytest.fixture
def finance(site_url) -> Body:
    body = Body.objects.get(slug="service-finance")
    body.answers_need_approval = True
    body.save(update_fields=["answers_need_approval"])
    return body


@pytest.fixture
def people(finance):
    from emanager.staff.models import Membership, StaffRole

    User = get_user_model()
    official = User.objects.create_user(
        "tamar", email="tamar@example.ge", password=PASSWORD, first_name="თამარ"
    )
    official.last_name = "გოგოლაძე"
    official.save()
    head = User.objects.create_user(
        "merab", email="merab@example.ge", password=PASSWORD, first_name="მერაბ"
    )
    for user, role in ((official, StaffRole.OFFICIAL), (head, StaffRole.HEAD)):
        Membership.objects.create(
            user=user, municipality=finance.municipality, body=finance, role=role
        )
    return {"official": official, "head": head}


@pytest.fixture
def letter(finance, people) -> Letter:
    draft = LetterDraft(
        kind=LetterKind.APPLICATION,
        subject="ქონების გადასახადის შეღავათი",
        body="გთხოვთ, განმიმარტოთ, მეკუთვნის თუ არა ქონების გადასახადის შეღავათი პენსიონერს.",
        addressee_body=finance,
        author_name="ნინო ბერიძე",
        author_email="nino@example.ge",
        author_address="ლანჩხუთი, რუსთაველის ქ. 5",
        publication=Publication.PRIVATE,
        language="ka",
    )
    letter, _ = letter_submit(
        municipality=finance.municipality, draft=draft, submission_key=uuid.uuid4()
    )
    letter = letter_confirm(letter=letter)
    Letter.objects.filter(pk=letter.pk).update(assignee=people["official"])
    AnswerTemplate.objects.create(
        body=finance,
        title="შეღავათის განმარტება",
        text="ბატონო/ქალბატონო {name}, თქვენს წერილზე (№ {number}) გაცნობებთ, რომ "
        "პენსიონერები თავისუფლდებიან ქონების გადასახადისგან.",
    )
    return letter


def test_an_official_submits_the_head_approves_the_citizen_reads(open_tab, site_url, letter):
    official = open_tab(viewport=DESKTOP).page
    log_in(official, site_url, "tamar")
    official.get_by_role("link", name=letter.number).click()
    official.wait_for_url(re.compile(r"/ka/letters/staff/"))
    check(official, "official-letter")

    answer = official.locator("#action-answer")
    answer.locator("summary").click()
    template = AnswerTemplate.objects.get(body=letter.addressee_body)
    answer.locator("select[name=template]").select_option(str(template.pk))
    answer.locator("form.template-choice button[type=submit]").click()
    official.wait_for_url(re.compile(r"\?template=\d+"))
    text = official.locator("#action-answer textarea")
    expect(text).to_have_value(re.compile(f"ნინო ბერიძე, თქვენს წერილზე \\(№ {letter.number}\\)"))
    check(official, "official-template-chosen")
    text.fill(text.input_value() + " შეღავათით სარგებლობისთვის მოგვმართეთ განცხადებით.")
    official.locator("#action-answer form[method=post] button[type=submit]").click()
    expect(official.locator(".message--success")).to_be_visible()
    expect(official.locator(".thread__item--draft")).to_be_visible()
    check(official, "official-submitted")

    head = open_tab(viewport=PHONE).page
    log_in(head, site_url, "merab")
    check(head, "head-inbox")
    head.locator("a[href$='?awaiting_approval=on']").click()
    head.wait_for_url(re.compile(r"awaiting_approval=on"))
    check(head, "head-inbox-waiting")
    head.get_by_role("link", name=letter.number).click()
    head.wait_for_url(re.compile(r"/ka/letters/staff/"))
    expect(head.locator("#review-title")).to_be_visible()
    check(head, "head-review")
    head.locator("button[name=review-decision][value=approve]").click()
    expect(head.locator(".message--success")).to_be_visible()
    check(head, "head-approved")

    letter.refresh_from_db()
    sent = letter.messages.get(is_answer=True)
    assert sent.out_number
    assert sent.approved_by.username == "merab"

    citizen = open_tab(viewport=PHONE).page
    citizen.goto(site_url(f"/ka/letters/track/{tokens.tracking_token(letter)}/"))
    expect(citizen.locator(".thread")).to_contain_text("შეღავათით სარგებლობისთვის")
    expect(citizen.locator(".thread")).to_contain_text(sent.out_number)
    check(citizen, "citizen-answered")


def test_a_head_keeps_the_answer_templates_of_the_body(open_tab, site_url, people, finance):
    page = open_tab(viewport=DESKTOP).page
    log_in(page, site_url, "merab")
    page.locator("a[href$='/staff/templates/']").click()
    page.wait_for_url(re.compile(r"/ka/staff/templates/$"))
    check(page, "templates-empty")
    page.locator("a[href$='/staff/templates/new/']").first.click()
    page.select_option("#id_body", str(finance.pk))
    page.fill("#id_title", "მადლობა")
    page.fill("#id_text", "ბატონო/ქალბატონო {name}, გმადლობთ, {citizen}.")
    page.locator("main form.letter-form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_contain_text("{citizen}")
    check(page, "template-error")
    page.fill("#id_text", "ბატონო/ქალბატონო {name}, გმადლობთ წერილისთვის № {number}.")
    page.locator("main form.letter-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ka/staff/templates/$"))
    expect(page.locator(".card-list").first).to_contain_text("მადლობა")
    check(page, "templates-listed")
    assert AnswerTemplate.objects.get(body=finance).title == "მადლობა"

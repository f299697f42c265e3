"""Searching the archive on a phone, in Georgian: highlighted results, filters, axe at zero.

The letters are written, registered and published through the services, in
committed transactions: the search index follows them as it does in production.
"""

from __future__ import annotations

import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from emanager.directory import demo_data
from emanager.directory.models import Body, Municipality
from emanager.fulltext.models import SearchDocument
from tests.browser.support import PHONE, check_page

pytestmark = pytest.mark.browser


LETTERS = [
    (
        "გზის შეკეთება ჟორდანიას ქუჩაზე",
        "გთხოვთ შეაკეთოთ გზა ჟორდანიას ქუჩაზე, წვიმის შემდეგ გაუვალია.",
        "გზა შეკეთდება ივნისში, სამუშაოები დაფინანსებულია ბიუჯეტით.",
    ),
    (
        "ქუჩის განათება ნიგოითში",
        "ნიგოითის ცენტრალურ ქუჩაზე განათება ორი თვეა არ მუშაობს.",
        "",
    ),
    (
        "საბავშვო ბაღის ეზოს მოწყობა",
        "გთხოვთ მოაწყოთ საბავშვო ბაღის ეზო და შემოღობოთ.",
        "",
    ),
]


@pytest.fixture
def archive(site_url, settings, tmp_path):
    """Three published letters (one with its answer) and a published document."""
    from emanager.letters import staff_services
    from emanager.letters.choices import LetterKind, Publication
    from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
    from emanager.proactive.choices import Section, UpdateRule
    from emanager.proactive.models import CatalogueItem
    from emanager.proactive.services import document_publish
    from emanager.publication.services import answer_publish, letter_publish
    from emanager.staff.models import Membership, StaffRole

    settings.MEDIA_ROOT = tmp_path / "media"
    municipality = Municipality.objects.get(slug=demo_data.MUNICIPALITY_SLUG)
    body = Body.objects.filter(municipality=municipality, parent__isnull=False).first()
    head = get_user_model().objects.create_user("search-head", password="x-search-2026")
    Membership.objects.create(user=head, municipality=municipality, body=body, role=StaffRole.HEAD)
    for subject, text, answer in LETTERS:
        letter, _ = letter_submit(
            municipality=municipality,
            draft=LetterDraft(
                kind=LetterKind.APPLICATION,
                subject=subject,
                body=text,
                addressee_body=body,
                author_name="ნინო ბერიძე",
                author_email="nino.search@example.ge",
                author_address="ლანჩხუთი",
                publication=Publication.PUBLIC_ANONYMOUS,
                language="ka",
            ),
            submission_key=uuid.uuid4(),
        )
        letter = letter_confirm(letter=letter)
        letter_publish(letter=letter, actor=head, subject=subject, text=text)
        if answer:
            message = staff_services.letter_answer(letter=letter, actor=head, body=answer, files=[])
            answer_publish(message=message, actor=head, text=answer)
    item = CatalogueItem.objects.create(
        municipality=municipality,
        section=Section.GENERAL,
        slug="road-plans",
        name="გზების გეგმა",
        rule=UpdateRule.ON_CHANGE,
        responsible_body=body,
    )
    document_publish(
        item=item,
        actor=None,
        title="გზების შეკეთების წლიური გეგმა",
        published_on=timezone.localdate(),
        url="https://lanchkhuti.gov.ge/ka/page/1",
    )
    assert SearchDocument.objects.filter(municipality=municipality).count() == 5
    return municipality


def check(tab, name: str) -> None:
    check_page(tab, f"fulltext-{name}-360", private=("nino.search@example.ge", "ბერიძე"))


def test_a_citizen_searches_the_archive_in_georgian_on_a_phone(open_tab, site_url, archive):
    tab = open_tab(viewport=PHONE)
    page = tab.page
    page.goto(site_url("/ka/archive/search/"))
    assert page.locator("html").get_attribute("lang") == "ka"
    check(tab, "empty")

    page.get_by_role("searchbox").fill("გზის")
    page.locator("main form .fulltext-form__row button[type=submit]").click()
    page.wait_for_url(re.compile(r"q=%E1%83%92"))
    hits = page.locator(".search-hit")
    # The letter, its answer and the document: every form of the word.
    expect(hits).to_have_count(3)
    expect(page.locator("#results-title .count")).to_contain_text("3")
    expect(hits.locator("mark").first).to_be_visible()
    check(tab, "results")

    page.locator("select[name=type]").select_option("document")
    page.locator("main form fieldset button[type=submit]").click()
    page.wait_for_url(re.compile(r"type=document"))
    expect(hits).to_have_count(1)
    expect(hits.first.locator("mark")).to_have_text("გზების")
    hits.first.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/ka/proactive/road-plans/"))

    page.goto(site_url("/ka/archive/search/?q=ბიუჯეტი"))
    expect(page.locator(".search-hit")).to_have_count(1)  # the answer
    page.goto(site_url("/ka/archive/search/?q=სასტუმრო"))
    expect(page.locator("p.empty")).to_be_visible()
    check(tab, "nothing-found")

"""Proactive publication in a real browser, in Georgian.

The public catalogue, an item's archive and the compliance view of the
Lanchkhuti demo have no axe-core violation, no horizontal scroll and no CSP
error, at phone and at desktop width. A registry clerk publishes a document
into a late item (the quarter it waits for is chosen already), and the item
becomes current, on the staff page and on the public compliance view.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from emanager.directory import demo_data
from emanager.directory.models import Body, Municipality
from tests.browser.support import DESKTOP, PHONE, check_page

pytestmark = pytest.mark.browser

PASSWORD = "proactive-password-2026"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def catalogue(site_url, settings, tmp_path):
    from emanager.proactive.demo import load_proactive_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    municipality = Municipality.objects.get(slug=demo_data.MUNICIPALITY_SLUG)
    load_proactive_demo(municipality)
    return municipality


def check(tab, name: str, width: int) -> None:
    check_page(tab, f"proactive-{name}-{width}")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_public_catalogue_archive_and_compliance_view_are_accessible(
    open_tab, site_url, catalogue, viewport
):
    tab = open_tab(viewport=viewport)
    page = tab.page
    width = viewport["width"]

    response = page.goto(site_url("/ka/proactive/"))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "ka"
    expect(page.locator("caption").first).to_be_visible()
    check(tab, "catalogue", width)

    page.goto(site_url("/ka/proactive/compliance/"))
    expect(page.locator(".proactive-score__value")).to_contain_text("%")
    expect(page.locator(".proactive-state--late").first).to_be_visible()
    expect(page.locator(".proactive-state--missing").first).to_be_visible()
    check(tab, "compliance", width)

    # The filters work without JavaScript: a plain GET form.
    page.select_option("#id_state", "late")
    page.locator("form.proactive-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"state=late"))
    assert page.locator(".proactive-state--current").count() == 0
    check(tab, "compliance-late", width)

    page.goto(site_url("/ka/proactive/budget-execution/"))
    expect(page.locator("table.proactive-table tbody tr").first).to_be_visible()
    check(tab, "archive", width)


def test_a_clerk_publishes_into_a_late_item_and_it_becomes_current(open_tab, site_url, catalogue):
    from emanager.staff.models import Membership, StaffRole

    clerk = get_user_model().objects.create_user(
        "maia", email="maia@example.ge", password=PASSWORD, first_name="მაია"
    )
    Membership.objects.create(
        user=clerk,
        municipality=catalogue,
        body=Body.objects.get(municipality=catalogue, slug="city-hall"),
        role=StaffRole.CLERK,
    )
    tab = open_tab(viewport=PHONE)
    page = tab.page
    page.goto(site_url("/ka/staff/login/"))
    page.fill("input[name=username]", "maia")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/ka/staff/$"))

    page.get_by_role("link", name=re.compile("Proactive publication|პროაქტიული")).first.click()
    page.wait_for_url(re.compile(r"/ka/proactive/staff/$"))
    check(tab, "staff-catalogue", PHONE["width"])

    page.goto(site_url("/ka/proactive/staff/item/bonuses/"))
    facts = page.locator("dl.facts")
    expect(facts.locator(".proactive-state--late")).to_be_visible()
    check(tab, "staff-item-late", PHONE["width"])

    form = page.locator("form.proactive-document-form")
    form.locator("#id_title").fill("პრემიები და სახელფასო დანამატები — კვარტალური ინფორმაცია")
    form.locator("#id_file").set_input_files(
        {"name": "premiebi.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    form.locator("button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    expect(facts.locator(".proactive-state--current")).to_be_visible()
    check(tab, "staff-item-current", PHONE["width"])

    page.goto(site_url("/ka/proactive/compliance/?section=finance&state=late"))
    expect(page.get_by_role("link", name="პრემიები და სახელფასო დანამატები")).to_have_count(0)
    page.goto(site_url("/ka/proactive/bonuses/"))
    expect(page.locator("table.proactive-table")).to_contain_text("კვარტალური ინფორმაცია")

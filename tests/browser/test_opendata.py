"""Open data in a browser, in Georgian, on a phone: the catalogue, a dataset's columns and
the feeds' page, with no axe-core violation, nothing wider than the screen and no
blocked script."""

from __future__ import annotations

import pytest

from tests.browser.support import PHONE, check_page

pytestmark = pytest.mark.browser


PAGES = {
    "index": "/ka/open-data/",
    "letters-columns": "/ka/open-data/letters/",
    "feeds": "/ka/open-data/feeds/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_open_data_pages_on_a_phone(name, open_tab, site_url):
    tab = open_tab(viewport=PHONE)
    page = tab.page
    response = page.goto(site_url(PAGES[name]))
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == "ka"
    check_page(tab, f"opendata-{name}-360")


def test_the_columns_page_filters_the_downloads(open_tab, site_url):
    tab = open_tab(viewport=PHONE)
    page = tab.page
    page.goto(site_url("/ka/open-data/letters/"))
    page.locator("select[name=body]").select_option("city-hall")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/open-data/letters/?*body=city-hall*")
    link = page.locator("main a[href*='letters.csv']")
    assert "body=city-hall" in (link.get_attribute("href") or "")

"""Open data in a browser, in Georgian, on a phone: the catalogue, a dataset's columns and
the feeds' page, with no axe-core violation, nothing wider than the screen and no
blocked script."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.support import PHONE, SCREENSHOT_DIR
from tests.browser.test_accessibility import OVERFLOW_SCRIPT, format_violations

pytestmark = pytest.mark.browser

axe = Axe()

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
    page.evaluate("document.fonts.ready.then(() => true)")
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"opendata-{name}-360.png"), full_page=True)
    violations = axe.run(page).response["violations"]
    assert not violations, f"{name}: {format_violations(violations)}"
    overflow = page.evaluate(OVERFLOW_SCRIPT)
    assert overflow["scrollWidth"] <= overflow["innerWidth"], f"{name}: {overflow}"
    assert not tab.csp_errors, tab.csp_errors


def test_the_columns_page_filters_the_downloads(open_tab, site_url):
    tab = open_tab(viewport=PHONE)
    page = tab.page
    page.goto(site_url("/ka/open-data/letters/"))
    page.locator("select[name=body]").select_option("city-hall")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/open-data/letters/?*body=city-hall*")
    link = page.locator("main a[href*='letters.csv']")
    assert "body=city-hall" in (link.get_attribute("href") or "")

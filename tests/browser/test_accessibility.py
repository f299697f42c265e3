"""Every public page type, in Georgian and English, on a phone and a desktop screen.

Each page must load with the expected status, have no axe-core violation, no
horizontal scroll, and no Content-Security-Policy error in the console. A
full-page screenshot of each is saved to test-artifacts/screenshots/.
"""

from __future__ import annotations

import pytest

from tests.browser.pages import PAGES, page_path
from tests.browser.support import DESKTOP, PHONE, check_page

pytestmark = pytest.mark.browser

LANGUAGES = ("ka", "en")
VIEWPORTS = (PHONE, DESKTOP)

CASES = [
    pytest.param(name, lang, viewport, id=f"{lang}-{viewport['width']}-{name}")
    for lang in LANGUAGES
    for viewport in VIEWPORTS
    for name in PAGES
]


@pytest.mark.parametrize(("name", "lang", "viewport"), CASES)
def test_page(name, lang, viewport, open_tab, site_url):
    path, expected_status = page_path(name, lang)
    tab = open_tab(viewport=viewport)
    page = tab.page

    response = page.goto(site_url(path))
    assert response is not None
    assert response.status == expected_status, f"GET {path} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == lang

    check_page(tab, f"{lang}-{viewport['width']}-{name}")

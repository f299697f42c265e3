"""Every public page type, in Georgian and English, on a phone and a desktop screen.

Each page must load with the expected status, have no axe-core violation, no
horizontal scroll, and no Content-Security-Policy error in the console. A
full-page screenshot of each is saved to test-artifacts/screenshots/.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import PAGES, page_path
from tests.browser.support import DESKTOP, PHONE, SCREENSHOT_DIR

pytestmark = pytest.mark.browser

LANGUAGES = ("ka", "en")
VIEWPORTS = (PHONE, DESKTOP)

CASES = [
    pytest.param(name, lang, viewport, id=f"{lang}-{viewport['width']}-{name}")
    for lang in LANGUAGES
    for viewport in VIEWPORTS
    for name in PAGES
]

# Elements sticking out of the viewport on the right, to say what scrolls.
OVERFLOW_SCRIPT = """() => {
  const limit = window.innerWidth;
  const describe = (el) => el.tagName.toLowerCase()
    + (el.id ? "#" + el.id : "")
    + [...el.classList].map((c) => "." + c).join("");
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > limit + 0.5) {
      wide.push(describe(el) + " (right edge at " + Math.round(box.right) + "px)");
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: limit,
    wide: wide.slice(0, 10),
  };
}"""

axe = Axe()


def format_violations(violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe-core violation(s):"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f"\n    {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            html = " ".join(node["html"].split())[:300]
            lines.append(f"    * {target}\n      {html}\n      {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "lang", "viewport"), CASES)
def test_page(name, lang, viewport, open_tab, site_url):
    path, expected_status = page_path(name, lang)
    tab = open_tab(viewport=viewport)
    page = tab.page

    response = page.goto(site_url(path))
    assert response is not None
    assert response.status == expected_status, f"GET {path} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == lang

    page.evaluate("document.fonts.ready.then(() => true)")
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOT_DIR / f"{lang}-{viewport['width']}-{name}.png", full_page=True)

    problems = []
    violations = axe.run(page).response["violations"]
    if violations:
        problems.append(format_violations(violations))

    overflow = page.evaluate(OVERFLOW_SCRIPT)
    if overflow["scrollWidth"] > overflow["innerWidth"]:
        problems.append(
            f"Horizontal scroll: the page is {overflow['scrollWidth']}px wide in a "
            f"{overflow['innerWidth']}px window. Too wide: {', '.join(overflow['wide'])}"
        )

    if tab.csp_errors:
        problems.append("Content-Security-Policy errors:\n" + "\n".join(tab.csp_errors))
    if tab.page_errors:
        problems.append("JavaScript errors:\n" + "\n".join(tab.page_errors))

    assert not problems, f"{path} at {viewport['width']}x{viewport['height']}:\n" + "\n\n".join(
        problems
    )

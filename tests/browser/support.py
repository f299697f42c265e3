"""What the browser tests share: where Chromium is, the screen sizes, a page wrapper."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / "test-artifacts" / "screenshots"

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@dataclass
class Tab:
    """A Playwright page with what its console reported since it was opened."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    @property
    def csp_errors(self) -> list[str]:
        return [text for text in self.console_errors if "Content Security Policy" in text]


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


_axe = None


def check_page(tab: Tab, name: str, *, private: tuple[str, ...] = ()) -> None:
    """What every page must pass: a screenshot (test-artifacts/screenshots/<name>.png), no
    axe-core violation, nothing wider than the window, no CSP or script error, and none of
    the ``private`` values in the page's main content."""
    global _axe
    if _axe is None:
        from axe_playwright_python.sync_playwright import Axe

        _axe = Axe()
    page = tab.page
    page.evaluate("document.fonts.ready.then(() => true)")
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"{name}.png"), full_page=True, timeout=60_000)
    problems = []
    violations = _axe.run(page).response["violations"]
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
    if private:
        text = page.locator("main").inner_text()
        problems += [f"{value!r} is on the page" for value in private if value in text]
    assert not problems, f"{name} ({page.url}):\n" + "\n\n".join(problems)

"""Keyboard use, the language switcher, the search with and without JavaScript, and the CSP."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.pages import EMPTY_SEARCH_QUERY, SEARCH_QUERY
from tests.browser.support import DESKTOP, PHONE

pytestmark = pytest.mark.browser

ACTIVE_ELEMENT = """() => {
  const el = document.activeElement;
  return el ? {tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute("href"),
               text: el.textContent.trim()} : null;
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_first_tab_focuses_the_skip_link_and_enter_moves_to_main(viewport, open_tab, site_url):
    page = open_tab(viewport=viewport).page
    page.goto(site_url("/ka/structure/"))

    page.keyboard.press("Tab")
    focused = page.evaluate(ACTIVE_ELEMENT)
    assert focused["tag"] == "a"
    assert focused["href"] == "#content", f"the first Tab focused {focused}"
    skip_link = page.locator("a[href='#content']")
    expect(skip_link).to_be_focused()
    # A skip link hidden until focused must then be seen.
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator("main#content")).to_be_focused()
    assert page.url.endswith("#content")

    # The next Tab goes on from the main content, not back to the header.
    page.keyboard.press("Tab")
    inside_main = page.evaluate(
        "() => document.querySelector('main').contains(document.activeElement)"
    )
    assert inside_main, f"after the skip link, Tab focused {page.evaluate(ACTIVE_ELEMENT)}"


def test_language_switcher_keeps_the_page(open_tab, site_url):
    page = open_tab().page
    page.goto(site_url("/ka/structure/"))
    current = page.locator("a[hreflang='ka']")
    expect(current).to_have_attribute("aria-current", "true")

    page.locator("a[hreflang='en']").click()
    page.wait_for_url(re.compile(r"/en/structure/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("a[hreflang='en']")).to_have_attribute("aria-current", "true")

    page.locator("a[hreflang='ka']").click()
    page.wait_for_url(re.compile(r"/ka/structure/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ka")


def test_search_works_without_javascript(open_tab, site_url):
    page = open_tab(java_script_enabled=False).page
    page.goto(site_url("/ka/search/"))

    page.locator("#search-q").fill(SEARCH_QUERY)
    with page.expect_navigation():
        page.locator("form[role='search'] button[type='submit']").click()

    assert "q=" in page.url
    expect(page.locator("#search-q")).to_have_value(SEARCH_QUERY)
    results = page.locator("#search-results")
    expect(results.locator(".result-count")).to_be_visible()
    assert results.locator("a").count() > 0, "no result links without JavaScript"


def test_search_updates_results_as_you_type(open_tab, site_url):
    tab = open_tab()
    page = tab.page
    page.goto(site_url("/ka/search/"))
    expect(page.locator("#search-results a")).to_have_count(0)
    # A full page load would drop this marker; an htmx swap keeps it.
    page.evaluate("() => { window.__noReload = true; }")

    search = page.locator("#search-q")
    search.click()
    with page.expect_response(
        lambda response: "/search/" in response.url and "hx-request" in response.request.headers
    ) as answer:
        search.press_sequentially(SEARCH_QUERY, delay=50)
    assert answer.value.status == 200

    results = page.locator("#search-results")
    expect(results.locator(".result-count")).to_be_visible()
    assert results.locator("a").count() > 0
    assert page.evaluate("() => window.__noReload === true"), "the whole page was reloaded"
    expect(search).to_be_focused()
    expect(page).to_have_url(re.compile(r"/ka/search/\?q="))

    # A query that finds nothing replaces the results with the "nothing found" text.
    with page.expect_response(lambda response: "hx-request" in response.request.headers):
        search.fill(EMPTY_SEARCH_QUERY)
    expect(results.locator(".empty")).to_be_visible()
    expect(results.locator("a")).to_have_count(0)
    assert not tab.csp_errors, tab.csp_errors
    assert not tab.page_errors, tab.page_errors


def test_content_security_policy_is_enforced_and_its_errors_are_seen(open_tab, site_url):
    """The CSP holds (no bypass here) and a violation does reach the console.

    The page tests fail on any console message about the Content Security
    Policy; this proves such messages are caught rather than silently lost.
    """
    tab = open_tab()
    page = tab.page
    response = page.goto(site_url("/ka/search/"))
    assert response is not None
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy, f"unexpected policy: {policy!r}"
    page.evaluate("document.fonts.ready.then(() => true)")
    assert not tab.csp_errors, "\n".join(tab.csp_errors)

    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.evaluate(
            """() => {
              const style = document.createElement("style");
              style.textContent = "body { outline: 1px solid red; }";
              document.head.append(style);
            }"""
        )
    assert len(tab.csp_errors) == 1, tab.console_errors

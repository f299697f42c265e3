"""Fixtures for the browser tests: one Chromium per session, a context per test.

The browser is Debian's ``/usr/bin/chromium`` (never one downloaded by
``playwright install``). Without it the browser tests are skipped on a laptop
and fail in CI (when the ``CI`` environment variable is set).

Playwright's sync API marks an asyncio loop as running in the test thread for
as long as it lives, so Django would refuse ORM calls made by the test itself
(loading the demo, flushing the database between tests) with
``SynchronousOnlyOperation``. ``DJANGO_ALLOW_ASYNC_UNSAFE`` is therefore set for
exactly the lifetime of the Playwright session, and the browser tests are run
after all the other tests, so that the two spans coincide.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, Tab

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the browser tests last (a stable sort keeps every other order)."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """The session's Chromium, or a skip (a failure in CI) when it is not installed."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium: sudo apt install chromium"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and the browser tests cannot run. {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                yield chromium
            finally:
                chromium.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def open_tab(browser) -> Iterator[Callable[..., Tab]]:
    """Open a page in a new browser context: ``open_tab(viewport=PHONE, ...)``.

    Keyword arguments go to ``browser.new_context``; every context is closed
    at the end of the test.
    """
    contexts = []

    def open_(viewport: dict[str, int] | None = None, **options) -> Tab:
        context = browser.new_context(viewport=viewport or DESKTOP, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        tab = Tab(page)

        def on_console(message) -> None:
            if message.type == "error":
                tab.console_errors.append(message.text)

        page.on("console", on_console)
        page.on("pageerror", lambda error: tab.page_errors.append(str(error)))
        return tab

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def demo(live_server):
    """The Lanchkhuti demo, loaded afresh for each test.

    A live-server test runs with ``transactional_db``: the data is committed
    for the server's thread to see and the tables are flushed after the test,
    so the demo cannot be shared between tests.
    """
    try:
        from emanager.directory.demo import load_demo
    except ImportError:  # TEMPORARY
        from tests.browser._devdata import load_demo

    return load_demo()


@pytest.fixture
def site_url(live_server, demo) -> Callable[[str], str]:
    """``site_url("/ka/structure/")``: an absolute URL on the live server."""
    return lambda path: live_server.url + path

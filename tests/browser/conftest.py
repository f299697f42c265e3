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
import threading
import time
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
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
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
    wait_for_live_server_requests()


def wait_for_live_server_requests(timeout: float = 5.0) -> None:
    """Let the live server finish the requests of the closed contexts.

    Its request threads share the test's database connection (SQLite in
    memory): one still running while the tables are flushed, or after the
    server has stopped, would use the connection from two threads at once.
    """
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and "process_request_thread" in thread.name:
            thread.join(max(0.0, deadline - time.monotonic()))


@pytest.fixture(scope="session")
def _demo_rows() -> list[tuple[str, list[str], list[tuple]]]:
    """The rows ``load_demo()`` wrote, table by table (filled by the first test)."""
    return []


@pytest.fixture
def demo(live_server, _demo_rows) -> None:
    """The Lanchkhuti demo, in the database of each test.

    A live-server test runs with ``transactional_db``: its data is committed,
    for the server's thread to see, and every table is emptied after the test.
    The first test of the session runs ``load_demo()``, and the rows it wrote
    are kept; each later test inserts the same rows again, with their primary
    keys, which is the same data some ten times faster than loading it anew.
    """
    from django.apps import apps
    from django.db import connection, transaction

    quote = connection.ops.quote_name
    if _demo_rows:
        with transaction.atomic(), connection.cursor() as cursor:
            for table, columns, rows in _demo_rows:
                names = ", ".join(quote(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                    rows,
                )
        return

    from emanager.directory.demo import load_demo

    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )
    with connection.cursor() as cursor:
        empty = [table for table in tables if not _has_rows(cursor, quote(table))]
    load_demo()
    with connection.cursor() as cursor:
        for table in empty:
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608
            rows = cursor.fetchall()
            if rows:
                _demo_rows.append((table, [column[0] for column in cursor.description], rows))


def _has_rows(cursor, quoted_table: str) -> bool:
    cursor.execute(f"SELECT 1 FROM {quoted_table} LIMIT 1")  # noqa: S608
    return cursor.fetchone() is not None


@pytest.fixture
def site_url(live_server, demo) -> Callable[[str], str]:
    """``site_url("/ka/structure/")``: an absolute URL on the live server."""
    return lambda path: live_server.url + path

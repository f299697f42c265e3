"""Paging through the archive by a cursor: every letter once, in order, at a fixed cost."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from emanager.archive import views
from emanager.letters.choices import LetterKind
from emanager.publication.models import PublicLetter
from emanager.publication.selectors import Cursor, published_letters

pytestmark = pytest.mark.django_db

START = datetime.date(2025, 3, 1)


def many(publish, count: int, **fields) -> list:
    """``count`` letters, one every other day (newest last)."""
    return [
        publish(received=START + datetime.timedelta(days=2 * index), **fields)
        for index in range(count)
    ]


def numbers_by_older(letters, size: int) -> list[str]:
    seen, page = [], letters.page(size)
    seen += [letter.number for letter in page.letters]
    while page.older is not None:
        page = letters.page(size, before=page.older)
        seen += [letter.number for letter in page.letters]
    return seen


def newest_first(letters) -> list[str]:
    return [letter.number for letter in sorted(letters, key=lambda x: x.registered_at)][::-1]


def test_publishing_copies_the_registration_time(publish):
    letter = publish(received=START)
    assert PublicLetter.objects.get(letter=letter).registered_at == letter.registered_at


def test_the_migration_fills_the_copy_of_the_registration_time(publish):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("emanager.publication.migrations.0002_archive_order")
    letter = publish(received=START)
    PublicLetter.objects.update(registered_at=None)
    migration.copy_registered_at(apps, None)
    assert PublicLetter.objects.get(letter=letter).registered_at == letter.registered_at


def test_paging_older_visits_each_letter_once_newest_first(publish):
    made = many(publish, 11)
    assert numbers_by_older(published_letters(), 3) == newest_first(made)


def test_paging_keeps_the_filters(publish, bodies):
    complaints = many(publish, 7, kind=LetterKind.COMPLAINT)
    many(publish, 5)
    letters = published_letters().filter(kind=LetterKind.COMPLAINT)
    assert numbers_by_older(letters, 2) == newest_first(complaints)


def test_letters_registered_at_the_same_moment_are_each_shown_once(publish):
    same = timezone.make_aware(datetime.datetime(2025, 6, 2, 9, 30))
    made = [publish(received=START, registered_at=same) for _ in range(7)]
    seen = numbers_by_older(published_letters(), 2)
    assert sorted(seen) == sorted(letter.number for letter in made)
    assert len(set(seen)) == 7


def test_paging_newer_comes_back_to_the_same_pages(publish):
    many(publish, 10)
    letters = published_letters()
    first = letters.page(3)
    second = letters.page(3, before=first.older)
    third = letters.page(3, before=second.older)
    back = letters.page(3, after=third.newer)
    assert [x.number for x in back.letters] == [x.number for x in second.letters]
    top = letters.page(3, after=back.newer)
    assert [x.number for x in top.letters] == [x.number for x in first.letters]
    assert top.newer is None and first.newer is None
    assert second.newer is not None and second.older is not None


def test_the_oldest_page_ends_the_archive(publish):
    made = many(publish, 8)
    oldest = published_letters().page(3, oldest=True)
    assert [x.number for x in oldest.letters] == newest_first(made)[-3:]
    assert oldest.older is None and oldest.newer is not None


def test_a_cursor_reads_back_what_it_wrote():
    moment = timezone.make_aware(datetime.datetime(2025, 6, 2, 9, 30, 1, 123456))
    cursor = Cursor(moment, 42)
    assert Cursor.parse(str(cursor)) == cursor
    for broken in ("", "abc", "12_", "_4", "1_2_3", "-99999999999999999_1", "1.5_2", "1_-2"):
        assert Cursor.parse(broken) is None, broken


def test_the_archive_is_read_in_the_order_of_an_index(publish):
    if connection.vendor != "sqlite":
        pytest.skip("The plan is read from SQLite's EXPLAIN QUERY PLAN.")
    many(publish, 3)
    cursor = published_letters().page(2).older
    rows = published_letters()._rows.filter(registered_at__isnull=False)
    plan = rows.filter(registered_at__lte=cursor.registered_at).order_by("-registered_at", "-pk")
    text = plan[:3].explain()
    assert "publicletter_archive_idx" in text
    assert "TEMP B-TREE" not in text


# --- The page ----------------------------------------------------------------------------


def follow_older(client, url: str) -> list[str]:
    """Follow the "Older letters" links from ``url``; the numbers of the rows seen."""
    seen = []
    while url:
        html = client.get(url).content.decode()
        seen += re.findall(r'class="journal__number">([^<]+)<', html)
        found = re.search(r'<a href="([^"]+)" rel="next">', html)
        url = "/en/archive/" + found[1].replace("&amp;", "&") if found else ""
    return seen


def test_the_pages_links_visit_each_letter_once_with_the_filters(
    client, publish, bodies, monkeypatch
):
    monkeypatch.setattr(views, "LETTERS_PER_PAGE", 3)
    to_budget = many(publish, 5, addressee_body=bodies["budget"])
    to_finance = many(publish, 4)
    many(publish, 3, addressee_body=bodies["sakrebulo"])
    seen = follow_older(client, "/en/archive/?body=finance")
    assert seen == newest_first(to_budget + to_finance)


def query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert not any(" OFFSET " in query["sql"] for query in queries.captured_queries)
    return len(queries)


def deep_page_url(client) -> str:
    html = client.get("/en/archive/?kind=application").content.decode()
    found = re.search(r'<a href="([^"]+)" rel="next">', html)
    return "/en/archive/" + found[1].replace("&amp;", "&")


def test_the_queries_of_a_page_do_not_grow_with_the_archive(client, publish, people):
    many(publish, 5, addressee_official=people["beridze"])
    few = query_count(client, "/en/archive/?kind=application")
    few_deep = query_count(client, "/en/archive/?kind=application&oldest=1")
    many(publish, 45, addressee_official=people["beridze"])
    assert query_count(client, "/en/archive/?kind=application") == few
    assert query_count(client, "/en/archive/?kind=application&oldest=1") == few_deep
    assert query_count(client, deep_page_url(client)) <= few + 1
    # 13: with every letter in one year, finding the years takes two short reads.
    assert few <= 13, few

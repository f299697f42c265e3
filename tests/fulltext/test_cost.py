"""What keeps a search cheap however large the archive: the order, the count, the cache."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emanager.fulltext import search as search_module
from emanager.fulltext import selectors
from emanager.fulltext.search import search
from emanager.publication import services
from tests.fulltext.test_backends import postgres_only

pytestmark = pytest.mark.django_db

URL = "/en/archive/search/"


def page(client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_results_are_newest_first(published, municipality):
    letters = [published(subject=f"გზის შეკეთება №{n}") for n in range(3)]
    results = search("გზის", municipality=municipality)
    assert [hit.letter.uuid for hit in results[0:3]] == [letter.uuid for letter in letters[::-1]]


def test_results_are_counted_up_to_the_limit(published, municipality, monkeypatch):
    monkeypatch.setattr(search_module, "COUNT_LIMIT", 2)
    for n in range(3):
        published(subject=f"გზის შეკეთება №{n}")
    results = search("გზის", municipality=municipality)
    assert results.count() == 2
    assert results.more
    exact = search("შეკეთება №1", municipality=municipality)
    assert exact.count() == 1
    assert not exact.more


def test_the_page_says_when_more_match_than_are_counted(client, published, monkeypatch):
    monkeypatch.setattr(search_module, "COUNT_LIMIT", 2)
    for n in range(3):
        published(subject=f"გზის შეკეთება №{n}")
    html = page(client, q="გზის")
    assert "(more than 2 results)" in html
    assert "Only the newest 2 results can be shown" in html
    assert "(1 result)" in page(client, q="შეკეთება №1")


def test_pages_beyond_the_counted_results_give_the_last_one(client, published, monkeypatch):
    monkeypatch.setattr(search_module, "COUNT_LIMIT", 2)
    monkeypatch.setattr("emanager.fulltext.views.RESULTS_PER_PAGE", 1)
    for n in range(3):
        published(subject=f"გზის შეკეთება №{n}")
    html = page(client, q="გზის", page=3)
    assert "Page 2 of 2" in html
    assert html.count('class="search-hit"') == 1


def test_a_repeated_search_is_not_searched_again(client, published):
    published()
    first = page(client, q="გზის")
    with CaptureQueriesContext(connection) as captured:
        again = page(client, q="გზის")
    assert again == first
    assert not [query for query in captured if "COUNT(" in query["sql"].upper()]


def test_a_newly_published_letter_appears_in_a_search_seen_before(client, published):
    published()
    assert "(1 result)" in page(client, q="გზის")
    letter = published(subject="გზის განათება")
    html = page(client, q="გზის")
    assert "(2 results)" in html
    assert f'href="/en/letters/public/{letter.uuid}/"' in html


def test_a_letter_taken_down_leaves_a_search_seen_before(client, published, staff, committed):
    letter = published()
    assert f'href="/en/letters/public/{letter.uuid}/"' in page(client, q="გზის")
    with committed():
        services.letter_unpublish(letter=letter, actor=staff["head"], reason="პირადი მონაცემები")
    html = page(client, q="გზის")
    assert f'href="/en/letters/public/{letter.uuid}/"' not in html
    assert "Nothing published matches" in html


def test_another_query_or_page_is_not_served_the_cached_one(client, published):
    published(subject="გზის შეკეთება")
    published(subject="წყლის მიწოდება")
    assert "(2 results)" in page(client, q="გზის")
    assert "(1 result)" in page(client, q="მიწოდება")
    assert "(2 results)" in page(client, q="გზის", page=2)
    assert "Nothing published matches" in page(client, q="გზის", type="document")


def test_the_filters_offer_every_year_latest_first(document, municipality):
    for year in (2024, 2026, 2025, 2024):
        document(f"ბიუჯეტი {year}", published_on=datetime.date(year, 3, 1))
    assert selectors.indexed_years(municipality) == [2026, 2025, 2024]


def test_the_filters_offer_the_bodies_of_the_archive_only(published, municipality, bodies):
    published(to=bodies["finance"])
    assert list(selectors.indexed_bodies(municipality)) == [bodies["finance"]]


@postgres_only
def test_a_typo_is_forgiven_only_when_nothing_matches_exactly(client, published):
    published(subject="ქუჩის განათება ნიგოითში", body="ბოძები არ ანათებს.")
    html = page(client, q="განათბა")
    assert "(1 result)" in html
    assert "these texts have words like it" in html
    assert "words like it" not in page(client, q="განათება")


def test_a_body_newly_in_the_archive_is_offered_by_a_form_seen_before(client, published):
    assert "Finance Service" not in page(client)
    published()
    assert "Finance Service" in page(client)


def test_the_form_keeps_what_was_typed_whatever_was_cached(client, published):
    published()
    assert 'value="გზის"' in page(client, q="გზის")
    assert 'value="ქუჩის"' in page(client, q="ქუჩის")
    assert 'value="გზის"' in page(client, q="გზის", page=2)

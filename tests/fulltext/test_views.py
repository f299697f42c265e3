"""The search page of the archive: /<lang>/archive/search/?q=...&type=&kind=&body=&year=."""

from __future__ import annotations

import pytest
from django.urls import reverse

from emanager.fulltext import views
from emanager.letters.choices import LetterKind

pytestmark = pytest.mark.django_db

URL = "/en/archive/search/"


def test_the_page_is_named_for_the_archive_to_link_to():
    assert reverse("fulltext:search") == URL


def test_without_a_query_the_page_offers_the_form_and_no_results(client, published):
    published()
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="search"' in html and 'name="q"' in html
    assert "results-title" not in html


def test_results_are_counted_marked_and_linked(client, published):
    letter = published()
    html = client.get(URL, {"q": "გზის"}).content.decode()
    assert "(1 result)" in html
    assert "<mark>გზის</mark>" in html
    assert f'href="/en/letters/public/{letter.uuid}/"' in html
    assert 'lang="ka"' in html


def test_nothing_found_says_so(client, published):
    published()
    html = client.get(URL, {"q": "ბიუჯეტი"}).content.decode()
    assert "(0 results)" in html
    assert "Nothing published matches “ბიუჯეტი”." in html


def test_a_query_without_words_asks_for_one(client, published):
    published()
    html = client.get(URL, {"q": '" * ()'}).content.decode()
    assert "Type at least one word of two or more letters." in html


def test_the_query_is_escaped_on_the_page(client, published):
    published()
    html = client.get(URL, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "გზის", "year": "not-a-year"},
        {"q": "გზის", "body": "999999"},
        {"q": "გზის", "kind": "nonsense"},
        {"q": "გზის", "type": "letter'--"},
        {"q": "x" * 5000},
        {"q": "გზის", "page": "-1"},
        {"q": "გზის", "page": "99999"},
        {"q": 'NEAR("გზის" *)'},
    ],
)
def test_bad_input_never_breaks_the_page(client, published, params):
    published()
    assert client.get(URL, params).status_code == 200


def test_an_invalid_filter_is_reported(client, published):
    published()
    html = client.get(URL, {"q": "გზის", "kind": "nonsense"}).content.decode()
    assert "The search cannot be made: correct the fields below." in html
    assert "results-title" not in html


def test_filters_narrow_the_page(client, published, bodies):
    complaint = published(kind=LetterKind.COMPLAINT)
    other = published(to=bodies["administrative"])
    html = client.get(URL, {"q": "გზის", "kind": LetterKind.COMPLAINT}).content.decode()
    assert str(complaint.uuid) in html and str(other.uuid) not in html
    html = client.get(URL, {"q": "გზის", "body": bodies["administrative"].pk}).content.decode()
    assert str(other.uuid) in html and str(complaint.uuid) not in html
    assert "Clear the filters" in html


def test_the_filters_offer_only_years_and_bodies_in_the_archive(client, published, bodies):
    letter = published()
    html = client.get(URL).content.decode()
    assert f'<option value="{letter.registered_at.year}">' in html
    assert "Finance Service" in html
    assert "Sakrebulo" not in html


def test_results_are_paginated_keeping_the_query(client, published, monkeypatch):
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)
    for n in range(3):
        published(subject=f"გზის შეკეთება №{n}")
    html = client.get(URL, {"q": "გზის"}).content.decode()
    assert "(3 results)" in html
    assert "Page 1 of 2" in html
    assert "?q=%E1%83%92%E1%83%96%E1%83%98%E1%83%A1&amp;page=2" in html
    html = client.get(URL, {"q": "გზის", "page": 2}).content.decode()
    assert html.count('class="search-hit"') == 1
    assert 'start="3"' in html


def test_the_page_speaks_every_language(client, published):
    published()
    for language in ("ka", "en", "ru"):
        response = client.get(f"/{language}/archive/search/", {"q": "გზის"})
        assert response.status_code == 200
        assert "<mark>გზის</mark>" in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_results(
    client, published, published_answer, document
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"q": "გზის"}).status_code == 200
        return len(captured)

    published_answer(published(), "გზა შეკეთდა.")
    document("გზის გეგმა")
    few = queries()
    for n in range(3):
        published_answer(published(subject=f"გზის შეკეთება №{n}"), "გზა შეკეთდა.")
        document(f"გზის გეგმა №{n}")
    assert queries() == few

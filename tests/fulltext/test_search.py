"""The search interface: the same behaviour on PostgreSQL and on SQLite (CI runs both)."""

from __future__ import annotations

import pytest

from emanager.fulltext.models import DocType
from emanager.fulltext.search import search
from emanager.letters.choices import LetterKind
from tests.factories import BodyFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

RUSSIAN = {
    "subject": "Ремонт дороги в селе Гурианта",
    "body": "Просим отремонтировать дорогу к школе.",
    "language": "ru",
}
ENGLISH = {
    "subject": "Street lighting in Nigoiti",
    "body": "The street lights on Rustaveli street have not worked since October.",
    "language": "en",
}


def titles(results) -> list[str]:
    return [str(hit.title) for hit in results[0:50]]


def test_a_georgian_word_finds_its_other_forms(published, municipality):
    # "გზის შეკეთება ჟორდანიას ქუჩაზე"; the text asks "შეაკეთოთ გზა".
    letter = published()
    for query in ("გზის", "გზა", "გზები", "ქუჩის", "ქუჩები", "შეკეთების"):
        results = search(query, municipality=municipality)
        assert results.count() == 1, query
        assert results[0].letter.uuid == letter.uuid


def test_an_english_word_finds_its_other_forms(published, municipality):
    published(**ENGLISH)
    for query in ("light", "lights", "lighting", "Streets", "RUSTAVELI"):
        assert search(query, municipality=municipality).count() == 1, query


def test_a_russian_word_finds_its_other_forms(published, municipality):
    published(**RUSSIAN)
    for query in ("дороги", "дорога", "дорогу", "школы", "ремонт"):
        assert search(query, municipality=municipality).count() == 1, query


def test_every_word_must_match(published, municipality):
    published(**ENGLISH)
    assert search("street lights", municipality=municipality).count() == 1
    assert search("street budget", municipality=municipality).count() == 0


def test_a_word_of_another_letter_does_not_match(published, municipality):
    published()
    published(**ENGLISH)
    assert search("ბიუჯეტი", municipality=municipality).count() == 0
    assert search("дороги", municipality=municipality).count() == 0


def test_matches_are_marked_in_the_title_and_the_passage(published, municipality):
    published(**ENGLISH)
    hit = search("lights", municipality=municipality)[0]
    assert "<mark>lighting</mark>" in hit.title
    assert "<mark>lights</mark>" in hit.snippet
    assert hit.language == "en"


def test_everything_but_the_marks_is_escaped(published, municipality):
    published(
        subject="<script>alert(1)</script> lights & <b>bold</b>",
        body="Lights <img src=x onerror=alert(1)> are out.",
        language="en",
    )
    hit = search("lights", municipality=municipality)[0]
    html = f"{hit.title} {hit.snippet}"
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert html.count("<mark>") == html.count("</mark>") >= 2


def test_an_answer_is_found_and_leads_to_its_letter(published, published_answer, municipality):
    letter = published()
    published_answer(letter, "ქუჩის განათება აღდგენილია, ბოძები შეცვლილია.")
    results = search("ბოძები", municipality=municipality)
    assert results.count() == 1
    hit = results[0]
    assert hit.doc_type == DocType.ANSWER
    assert hit.letter.uuid == letter.uuid
    assert hit.url == f"/en/letters/public/{letter.uuid}/#answers-title"
    assert "<mark>ბოძები</mark>" in hit.snippet


def test_a_document_title_is_found(document, municipality):
    found = document("ბიუჯეტის შესრულების ანგარიში, 2026 წლის I კვარტალი")
    results = search("ბიუჯეტი ანგარიშები", municipality=municipality)
    assert results.count() == 1
    hit = results[0]
    assert hit.doc_type == DocType.DOCUMENT
    assert hit.document == found
    assert hit.url == "/en/proactive/budget/"
    assert "<mark>ბიუჯეტის</mark>" in hit.title


def test_filters_narrow_the_results(published, published_answer, document, municipality, bodies):
    complaint = published(kind=LetterKind.COMPLAINT)
    to_administration = published(to=bodies["administrative"])
    published_answer(complaint, "გზის შეკეთება დაიწყება მაისში.")
    document("გზის შეკეთების გეგმა")

    def found(**filters) -> set:
        return {
            (hit.doc_type, hit.letter.uuid if hit.letter else None)
            for hit in search("გზის", municipality=municipality, **filters)[0:50]
        }

    assert len(found()) == 4
    assert found(kind=LetterKind.COMPLAINT) == {
        (DocType.LETTER, complaint.uuid),
        (DocType.ANSWER, complaint.uuid),
    }
    assert found(body=bodies["administrative"]) == {(DocType.LETTER, to_administration.uuid)}
    assert found(doc_type=DocType.DOCUMENT) == {(DocType.DOCUMENT, None)}
    assert found(doc_type=DocType.ANSWER) == {(DocType.ANSWER, complaint.uuid)}
    year = complaint.registered_at.year
    assert len(found(year=year)) == 4
    assert found(year=year - 1) == set()
    assert len(found(language="ka")) == 4
    assert found(language="ru") == set()


def test_another_municipalitys_archive_is_not_searched(published, municipality):
    published()
    elsewhere = MunicipalityFactory(slug="ozurgeti")
    BodyFactory(municipality=elsewhere)
    assert search("გზის", municipality=elsewhere).count() == 0


def test_results_page_through_in_a_stable_order(published, municipality):
    letters = [published(subject=f"გზის შეკეთება №{n}") for n in range(5)]
    results = search("გზის", municipality=municipality)
    assert results.count() == 5
    pages = results[0:2] + results[2:4] + results[4:6]
    assert {hit.letter.uuid for hit in pages} == {letter.uuid for letter in letters}
    assert len(pages) == 5


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"გზის',
        "*",
        "გზ*",
        "NEAR(გზის ქუჩაზე, 2)",
        "(გზის OR",
        "AND OR NOT",
        "title:გზის",
        "^გზის",
        "-გზის",
        "გზის'); DROP TABLE fulltext_searchdocument; --",
        "'\\:*&|!<->",
        "\x00\ue000\ue001",
        "ქ" * 5000,
        " ".join(["გზის"] * 1000),
        "",
        "   ",
    ],
)
def test_a_malicious_or_odd_query_gives_no_error(published, municipality, query):
    published()
    results = search(query, municipality=municipality)
    assert results.count() >= 0
    assert isinstance(results[0:10], list)
    # And the archive is still there afterwards.
    assert search("გზის", municipality=municipality).count() == 1

"""What a query means: its words, the prefixes that find their forms, and nothing of its syntax."""

from __future__ import annotations

import pytest

from emanager.fulltext.query import MAX_WORD_LENGTH, MAX_WORDS, language_of, terms


def prefixes(query: str) -> list[str]:
    return [term.prefix for term in terms(query)]


@pytest.mark.parametrize(
    ("query", "prefix"),
    [
        ("გზის", "გზ"),
        ("გზა", "გზ"),
        ("გზები", "გზ"),
        ("გზებზე", "გზ"),
        ("ქუჩის", "ქუჩ"),
        ("ქუჩაზე", "ქუჩ"),
        ("дороги", "дорог"),
        ("дорога", "дорог"),
        ("дорогами", "дорог"),
        ("lights", "light"),
        ("lighting", "light"),
    ],
)
def test_a_word_stands_for_its_forms(query, prefix):
    assert prefixes(query) == [prefix]


def test_search_syntax_is_only_words():
    found = terms('"ქუჩა" AND (lights OR NEAR(a b)) * ^title: -x \'; DROP TABLE x;--')
    assert [term.word for term in found] == ["ქუჩა", "lights", "near", "title", "drop", "table"]
    for term in found:
        assert term.prefix.isalnum()


def test_nothing_to_search_in_punctuation_or_single_letters():
    assert terms('"*" () : ^ - a и') == []
    assert terms("") == []


def test_a_long_query_is_cut_to_a_few_words_of_bounded_length():
    found = terms(" ".join(["ქ" * 500] + [f"word{n}" for n in range(50)]))
    assert len(found) == MAX_WORDS
    assert len(found[0].word) == MAX_WORD_LENGTH


def test_common_words_are_dropped_and_repeated_ones_kept_once():
    assert [term.word for term in terms("the road and THE road და გზა")] == ["road", "გზა"]


def test_numbers_are_searched_as_typed():
    assert prefixes("2026 7") == ["2026", "7"]


@pytest.mark.parametrize(
    ("text", "language"),
    [("გზის შეკეთება", "ka"), ("Ремонт дороги", "ru"), ("Street lighting", "en"), ("2026", "ka")],
)
def test_the_language_of_a_text_is_the_script_of_most_of_its_letters(text, language):
    assert language_of(text) == language

"""What a search query means, whatever the database: its words, and the prefix each stands for.

The citizen's text is never handed to a search engine's syntax. It is cut
into words (letters and digits only: quotes, ``*``, parentheses, ``NEAR``
and the like are no more than separators or plain words), at most
:data:`MAX_WORDS` of them, each at most :data:`MAX_WORD_LENGTH` letters.
Each word becomes a prefix: the word without its usual ending, so that the
other forms of the same word are found. Georgian has no stemmer in either
database; the light suffix stripping below, applied to the query only, lets
``გზის`` find ``გზა`` and ``გზები`` alike, on PostgreSQL and SQLite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_WORDS", "Term", "language_of", "terms"]

MAX_WORDS = 8
MAX_WORD_LENGTH = 40

_WORD = re.compile(r"[^\W_]+")
_GEORGIAN = re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")

# Words too common to narrow a search.
STOP_WORDS = frozenset(
    {
        # English
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it",
        "of", "on", "or", "the", "to", "was", "with",
        # Russian
        "а", "в", "во", "и", "к", "на", "не", "но", "о", "об", "по", "с", "со", "у", "что",
        # Georgian
        "და", "რომ", "არ", "ან", "ეს", "ის", "არის", "თუ",
    }
)  # fmt: skip

# Endings, longest first. A Georgian noun's stem loses its final vowel in some
# cases (გზა, გზის), so the vowel goes too; postpositions come before them.
_GEORGIAN_ENDINGS = (
    "ებისთვის", "ისთვის", "ებიდან", "ებისგან", "ებამდე", "ებთან", "ებში", "ებზე",
    "ების", "ებით", "ებმა", "ებად", "ებს", "ები", "ებო", "იდან", "ისგან", "ამდე",
    "თვის", "ში", "ზე", "თან", "დან", "ვით", "კენ", "მდე", "გან",
    "ის", "ით", "ად", "მა", "ებ", "ს", "ი", "ო", "დ", "ა", "ე", "უ",
)  # fmt: skip
_RUSSIAN_ENDINGS = (
    "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ией",
    "ов", "ев", "ей", "ой", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ом",
    "ем", "ам", "ям", "ах", "ях", "ую", "юю", "ия", "ию",
    "а", "я", "о", "е", "ы", "и", "у", "ю", "ь",
)  # fmt: skip
_ENGLISH_ENDINGS = ("ings", "ing", "ies", "ied", "es", "ed", "s", "y", "e")

# Longest first, so that "ების" goes before "ის".
_ENDINGS = {
    language: sorted(endings, key=len, reverse=True)
    for language, endings in (
        ("ka", _GEORGIAN_ENDINGS),
        ("ru", _RUSSIAN_ENDINGS),
        ("en", _ENGLISH_ENDINGS),
    )
}
_MIN_STEM = {"ka": 2, "ru": 3, "en": 3}


@dataclass(frozen=True)
class Term:
    """One word of the query: as typed (lower case), and the prefix that finds its forms."""

    word: str
    prefix: str


def language_of(text: str) -> str:
    """``ka``, ``ru`` or ``en``: the script most of the letters of the text are written in."""
    counts = {
        "ka": len(_GEORGIAN.findall(text)),
        "ru": len(_CYRILLIC.findall(text)),
        "en": len(_LATIN.findall(text)),
    }
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best] else "ka"


def _stem(word: str) -> str:
    if word.isdigit():
        return word
    language = language_of(word)
    endings = _ENDINGS[language]
    minimum = _MIN_STEM[language]
    # Georgian stacks a postposition on a case ending (ქუჩა-ზე): two passes.
    for _pass in range(2 if language == "ka" else 1):
        for ending in endings:
            if word.endswith(ending) and len(word) - len(ending) >= minimum:
                word = word[: -len(ending)]
                break
        else:
            break
    return word


def terms(query: str) -> list[Term]:
    """The words of the query that can be searched for; empty when there is nothing to search."""
    found: list[Term] = []
    seen: set[str] = set()
    for word in _WORD.findall(query.lower()):
        word = word[:MAX_WORD_LENGTH]
        if (len(word) < 2 and not word.isdigit()) or word in STOP_WORDS or word in seen:
            continue
        seen.add(word)
        found.append(Term(word=word, prefix=_stem(word)))
        if len(found) == MAX_WORDS:
            break
    return found

"""Suggested redactions and special-category flags for the public version of a letter.

:func:`suggest` finds what a clerk should remove before a letter or an answer
is published: personal ID numbers, phone numbers, e-mail addresses, street
addresses, and names (the ones the clerk marks and, for an anonymous letter,
the author's). It returns :class:`Span` objects that never overlap.
:func:`apply` replaces the accepted spans by a placeholder in the letter's
language. :func:`flags` finds words of special categories of personal data
(health, religion, criminal record, ...): they are not removed, but the law
wants such letters held back, so the clerk is told.

Everything here is pure text processing: no database, no request.

The patterns are tuned for Georgian municipal mail (Georgian, Russian and
English) and err on the side of suggesting: the clerk sees every suggestion
and may leave any of them out. They try hard not to take dates, registration
numbers (LAN-2026-000123), cadastral codes, bank accounts and sums of money
for phone or ID numbers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from emanager.publication.special_words import SPECIAL_WORDS, Category

__all__ = [
    "Category",
    "Flag",
    "Span",
    "SpanKind",
    "apply",
    "flags",
    "placeholder",
    "suggest",
]


class SpanKind(models.TextChoices):
    PERSONAL_NUMBER = "personal_number", _("personal number")
    PHONE = "phone", _("phone number")
    EMAIL = "email", _("e-mail address")
    ADDRESS = "address", _("street address")
    NAME = "name", _("name")


PLACEHOLDERS = {
    SpanKind.PERSONAL_NUMBER: _("[personal number removed]"),
    SpanKind.PHONE: _("[phone number removed]"),
    SpanKind.EMAIL: _("[e-mail address removed]"),
    SpanKind.ADDRESS: _("[address removed]"),
    SpanKind.NAME: _("[name removed]"),
}

# When two suggestions overlap, the one of the earlier kind here wins.
PRIORITY = (
    SpanKind.EMAIL,
    SpanKind.PERSONAL_NUMBER,
    SpanKind.PHONE,
    SpanKind.ADDRESS,
    SpanKind.NAME,
)


@dataclass(frozen=True, order=True)
class Span:
    """A part of the text to remove: ``text == original[start:end]``."""

    start: int
    end: int
    kind: str
    text: str

    @property
    def key(self) -> str:
        """A stable name for the span in a form: ``phone:120:135``."""
        return f"{self.kind}:{self.start}:{self.end}"

    @property
    def label(self) -> str:
        return str(SpanKind(self.kind).label)


@dataclass(frozen=True, order=True)
class Flag:
    """A word of a special category: reported to the clerk, not removed."""

    start: int
    end: int
    category: str
    text: str

    @property
    def label(self) -> str:
        return str(Category(self.category).label)


# --- Numbers -------------------------------------------------------------------

# Not part of a longer code: LAN-2026-000123, GE29NB0000000101904917, 29.03.41.123.
_BEFORE = r"(?<![\w+/.\-])"
_AFTER = r"(?![\w\-])(?![.,]\d)"
# Separators inside a phone number: space, no-break space, hyphen (not a dot:
# dotted digit groups are dates and cadastral codes).
_SEP = r"[ \u00a0\-]?"
# A sum of money or a quantity follows: "500 000 000 ლარი", "12 345 678 GEL".
_MONEY_AFTER = re.compile(
    r"\s*(?:ლარ|თეთრ|მლნ|მილიონ|ათას|₾|GEL|lari|USD|EUR|\$|€|mln|million|thousand"
    r"|лар|руб|млн|тыс|долл|евро)",
    re.IGNORECASE,
)

_PERSONAL_NUMBER = re.compile(_BEFORE + r"\d{11}" + _AFTER)

_MOBILE = re.compile(
    _BEFORE
    + rf"(?:(?:\+|00)995{_SEP}|995{_SEP})?"
    + r"\(?5\d{2}\)?"
    + rf"(?:{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}|{_SEP}\d{{3}}{_SEP}\d{{3}})"
    + _AFTER
)

# A landline needs a sign that it is one: the country code, the trunk 0, or
# the area code in brackets. Area codes: 32 (Tbilisi), 3xx and 4xx (regions,
# e.g. 494 Lanchkhuti, 496 Ozurgeti, 431 Kutaisi).
_LANDLINE = re.compile(
    _BEFORE
    + r"(?:"
    + rf"(?:(?:\+|00)995|995){_SEP}\(?0?(?:32|[34]\d{{2}})\)?"
    + r"|\(0?(?:32|[34]\d{2})\)"
    + r"|0(?:32|[34]\d{2})"
    + r")"
    + rf"{_SEP}\d(?:{_SEP}\d){{5,6}}"
    + _AFTER
)

# Any group of digits, read as a phone number only right after a word for it.
_DIGIT_GROUP = re.compile(_BEFORE + r"\+?\(?\d[\d \u00a0()\-]{4,16}\d" + _AFTER)
_PHONE_WORD = re.compile(
    r"(?<![\w])(?:ტელ|მობ|tel|phone|mob|cell|тел|моб|сот)[\w.]*(?:\s+\w+)?\s*[:.]?\s*(?:№|N)?\s*$",
    re.IGNORECASE,
)
# A date with its four-digit year (12-03-2026, 2026-03-12), not a phone number.
_DATE = re.compile(r"^(?:\d{1,2}[\-/]\d{1,2}[\-/]\d{4}|\d{4}[\-/]\d{1,2}[\-/]\d{1,2})$")


def _national_digits(number: str) -> str:
    """The number without country code or trunk zero: 9 digits for a Georgian number."""
    digits = re.sub(r"\D", "", number)
    if digits.startswith("00995"):
        digits = digits[5:]
    elif digits.startswith("995") and len(digits) == 12:
        digits = digits[3:]
    if digits.startswith("0") and len(digits) == 10:
        digits = digits[1:]
    return digits


def _money_follows(text: str, end: int) -> bool:
    return _MONEY_AFTER.match(text, end) is not None


def _personal_numbers(text: str) -> Iterable[Span]:
    for match in _PERSONAL_NUMBER.finditer(text):
        if not _money_follows(text, match.end()):
            yield Span(match.start(), match.end(), SpanKind.PERSONAL_NUMBER, match.group())


def _phones(text: str) -> Iterable[Span]:
    for match in _MOBILE.finditer(text):
        if not _money_follows(text, match.end()):
            yield Span(match.start(), match.end(), SpanKind.PHONE, match.group())
    for match in _LANDLINE.finditer(text):
        national = _national_digits(match.group())
        if len(national) == 9 and national[0] in "34" and not _money_follows(text, match.end()):
            yield Span(match.start(), match.end(), SpanKind.PHONE, match.group())
    for match in _DIGIT_GROUP.finditer(text):
        candidate = match.group()
        digits = re.sub(r"\D", "", candidate)
        if not 5 <= len(digits) <= 12 or _DATE.match(candidate.strip()):
            continue
        if _PHONE_WORD.search(text, max(0, match.start() - 30), match.start()) is None:
            continue
        if not _money_follows(text, match.end()):
            yield Span(match.start(), match.end(), SpanKind.PHONE, candidate)


# --- E-mail ------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![\w\-])"
)


def _emails(text: str) -> Iterable[Span]:
    for match in _EMAIL.finditer(text):
        yield Span(match.start(), match.end(), SpanKind.EMAIL, match.group())


# --- Street addresses ---------------------------------------------------------------

_KA = r"\u10d0-\u10ff"
# A house number, with a letter (12ა, 12a) or a building (12/3).
_HOUSE = rf"(?:№|N|#|No\.?)?\s?\d{{1,4}}(?:[{_KA}a-zA-Z](?![\w]))?(?:/\d{{1,4}})?(?!\d)"
_KA_FLAT = (
    r"(?:\s*,?\s*(?:ბინა|ბ\.|სადარბაზო|სად\.|სართული|სართ\.|კორპუსი|კორპ\.)\s*(?:№|N)?\s*\d+)*"
)
_KA_STREET = (
    rf"(?:მე-\d+|[IVX]+|[{_KA}]+)\s+"
    r"(?:ქ\.|ქუჩა|გამზ\.|გამზირი|ჩიხი|შესახვევი|შეს\.|ხეივანი|კვარტალი|კვ\.|მოედანი"
    r"|დასახლება|მ/რ|მიკრორაიონი)"
    rf"\s*,?\s*{_HOUSE}{_KA_FLAT}"
)
# "რუსთაველის ქუჩის №5": the genitive needs the number sign, or "ნომერ" after it.
_KA_STREET_GENITIVE = (
    rf"[{_KA}]+\s+(?:ქუჩის|გამზირის|ჩიხის|შესახვევის)\s*"
    rf"(?:(?:№|N)\s?\d{{1,4}}|\d{{1,4}}\s*(?:-?ე)?\s*ნომერ[{_KA}]*)"
    rf"{_KA_FLAT}"
)
_EN_MARKER = (
    r"(?i:st\.?|str\.?|street|ave\.?|avenue|rd\.?|road|lane|ln\.|blvd\.?|boulevard"
    r"|alley|square|sq\.)"
)
# A capitalised word that is not the start of a sentence ("Also", "The").
_EN_WORD = r"(?!(?:Also|And|The|At|On|In|My|Our|Near|From|To)\b)[A-Z][a-zA-Z'\-]+"
_EN_NAME = rf"{_EN_WORD}(?:\s+{_EN_WORD})?"
_EN_FLAT = r"(?:\s*,?\s*(?i:apt\.?|apartment|flat)\s*(?:No\.?|#)?\s*\d+)?"
_EN_STREET = (
    rf"(?<![\w])\d{{1,4}}[A-Za-z]?,?\s+{_EN_NAME}\s+{_EN_MARKER}(?![\w]){_EN_FLAT}"
    rf"|(?<![\w]){_EN_NAME}\s+{_EN_MARKER}\s*,?\s*{_HOUSE}{_EN_FLAT}"
)
_RU_MARKER = (
    r"(?:ул\.|улица|улице|улицы|пр\.|пр-т|просп\.|проспект|проспекте|пер\.|переулок|переулке"
    r"|туп\.|тупик|бул\.|бульвар|пл\.|площадь)"
)
_RU_NAME = r"[А-ЯЁ][а-яёА-ЯЁ\-]+(?:\s+[А-ЯЁ][а-яёА-ЯЁ\-]+)?"
_RU_FLAT = r"(?:\s*,?\s*(?:кв\.|квартира|корп\.|корпус|подъезд)\s*№?\s*\d+)*"
_RU_STREET = (
    rf"(?<![\w]){_RU_MARKER}\s*{_RU_NAME}\s*,?\s*(?:(?:д\.|дом)\s*)?№?\s*\d{{1,4}}"
    rf"(?:[а-я](?![\w]))?(?:/\d{{1,4}})?(?!\d){_RU_FLAT}"
)
_ADDRESS = re.compile(
    rf"(?<![\w]){_KA_STREET}|(?<![\w]){_KA_STREET_GENITIVE}|{_EN_STREET}|{_RU_STREET}"
)
# A number followed by one of these counts things ("3 ბოძი", "200 metres"),
# it is no house number.
_COUNT_AFTER = re.compile(
    r"\s*(?:ბოძ|მეტრ|მ\b|კმ|კილომეტრ|ოჯახ|სახლ|ცალ|წელ|წლ|დღ|თვ|საათ|ლარ|ადამიან|მოსახლ"
    r"|ბავშვ|მანქან|ნათურ|სანათ|ხე\b|ხის|%"
    r"|lamps?|poles?|met(?:er|re)s?|m\b|km|houses?|famil|people|years?|days?|hours?|lari"
    r"|trees?|cars?|фонар|столб|метр|м\b|км|дом(?:а|ов)\b|сем|человек|лет|год|дн|час|лар"
    r"|дерев|машин)",
    re.IGNORECASE,
)


def _addresses(text: str) -> Iterable[Span]:
    for match in _ADDRESS.finditer(text):
        if _COUNT_AFTER.match(text, match.end()):
            continue
        found = match.group().rstrip(" ,")
        yield Span(match.start(), match.start() + len(found), SpanKind.ADDRESS, found)


# --- Names ---------------------------------------------------------------------------

# Georgian declension: an optional plural, the case ending (the stem's final
# ე or ი drops before some of them), a postposition, a particle.
_KA_SUFFIX = (
    r"[აეიოუ]?(?:ებ)?(?:მა|მ|ს|ის|ით|თ|ად|დ|ო|ი)?ა?"
    r"(?:ში|ზე|თან|დან|კენ|თვის|ვით|მდე|გან|ადმი)?(?:აც|ც)?"
)
_CYRILLIC_SUFFIX = r"[а-яё]{0,3}"
_LATIN_SUFFIX = r"(?:['’]s|s)?"

# Latin and Cyrillic letters back to Georgian, for a name typed in another
# script: each gives the Georgian letters it may stand for.
_LATIN_TO_KA = {
    "zh": "ჟ", "sh": "შ", "ch": "[ჩჭ]", "ts": "[ცწ]", "dz": "ძ", "gh": "ღ", "kh": "ხ",
    "a": "ა", "b": "ბ", "g": "გ", "d": "დ", "e": "ე", "v": "ვ", "z": "ზ", "t": "[თტ]",
    "i": "ი", "k": "[კქ]", "l": "ლ", "m": "მ", "n": "ნ", "o": "ო", "p": "[პფ]", "r": "რ",
    "s": "ს", "u": "უ", "q": "ყ", "c": "[ცწ]", "j": "ჯ", "h": "ჰ", "y": "ი", "w": "ვ",
    "f": "ფ", "x": "ხ",
}  # fmt: skip
_CYRILLIC_TO_KA = {
    "дж": "ჯ", "дз": "ძ", "ия": "ია",
    "а": "ა", "б": "ბ", "в": "ვ", "г": "[გღ]", "д": "დ", "е": "ე", "ё": "ო", "ж": "ჟ",
    "з": "ზ", "и": "ი", "й": "ი", "к": "[კქყ]", "л": "ლ", "м": "მ", "н": "ნ", "о": "ო",
    "п": "[პფ]", "р": "რ", "с": "ს", "т": "[თტ]", "у": "უ", "ф": "ფ", "х": "[ხჰ]",
    "ц": "[ცწ]", "ч": "[ჩჭ]", "ш": "შ", "щ": "შ", "ы": "ი", "э": "ე", "ю": "იუ", "я": "ია",
}  # fmt: skip


def _script(word: str) -> str:
    if re.search(rf"[{_KA}]", word):
        return "ka"
    if re.search(r"[а-яёА-ЯЁ]", word):
        return "ru"
    return "en"


def _ka_stem(word: str) -> str:
    """The part of a Georgian name that does not change: ბერიძე -> ბერიძ, ნინო -> ნინო."""
    if len(word) >= 4 and word[-1] in "ეი":
        return word[:-1]
    return word


def _from_script(word: str, table: dict[str, str]) -> str:
    """A regex of the Georgian spellings of a transliterated word."""
    lowered = word.lower()
    out = []
    position = 0
    while position < len(lowered):
        pair = lowered[position : position + 2]
        if len(pair) == 2 and pair in table:
            out.append(table[pair])
            position += 2
            continue
        char = lowered[position]
        out.append(table.get(char, re.escape(char)))
        position += 1
    if out and out[-1] in ("ე", "ი") and len(out) >= 4:
        out.pop()
    return "".join(out)


def _word_patterns(word: str) -> list[str]:
    """Regexes that match the word in any case form, in Georgian, Latin and Cyrillic."""
    from emanager.directory.demo import transliterate_en, transliterate_ru

    script = _script(word)
    patterns = []
    if script == "ka":
        stem = _ka_stem(word)
        if len(stem) >= 3:
            patterns.append(re.escape(stem) + _KA_SUFFIX)
        else:
            patterns.append(re.escape(word) + r"(?:ს|მ|მა)?")
        latin, cyrillic = transliterate_en(word), transliterate_ru(word)
    elif script == "ru":
        latin, cyrillic = "", word
        patterns.append(_from_script(word, _CYRILLIC_TO_KA) + _KA_SUFFIX)
    else:
        latin, cyrillic = word, ""
        patterns.append(_from_script(word, _LATIN_TO_KA) + _KA_SUFFIX)
    if latin:
        patterns.append("(?i:" + re.escape(latin) + _LATIN_SUFFIX + ")")
    if cyrillic:
        stem = cyrillic[:-1] if len(cyrillic) >= 4 and cyrillic[-1] in "аяоеиыйь" else cyrillic
        patterns.append("(?i:" + re.escape(stem) + _CYRILLIC_SUFFIX + ")")
    return patterns


@functools.lru_cache(maxsize=256)
def _name_regex(names: tuple[str, ...]) -> re.Pattern | None:
    words = {
        word
        for name in names
        for word in re.split(r"[\s,.;]+", name.strip())
        if len(re.sub(r"\W", "", word)) >= 2
    }
    patterns = sorted(
        {pattern for word in words for pattern in _word_patterns(word)}, key=len, reverse=True
    )
    if not patterns:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(patterns) + r")(?![\w])")


def _names(text: str, names: Iterable[str]) -> list[Span]:
    regex = _name_regex(tuple(sorted({name.strip() for name in names if name.strip()})))
    if regex is None:
        return []
    found = [m.span() for m in regex.finditer(text)]
    # The parts of one name, next to each other, become one span.
    merged: list[list[int]] = []
    for start, end in found:
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return [Span(start, end, SpanKind.NAME, text[start:end]) for start, end in merged]


# --- The author's own contacts ---------------------------------------------------------


def _contacts(text: str, contacts: Iterable[str]) -> Iterable[Span]:
    """Where the author's e-mail, phone or address (as they gave them) occur in the text.

    A phone number is found whatever its spacing; an e-mail or an address as
    written, in any letter case.
    """
    for contact in contacts:
        contact = contact.strip()
        digits = re.sub(r"\D", "", contact)
        if "@" in contact:
            kind, pattern = SpanKind.EMAIL, re.escape(contact)
        elif len(digits) >= 6 and len(digits) >= len(re.sub(r"[\s()+\-]", "", contact)):
            # The last 9 digits (the national number), with any separators.
            kind = SpanKind.PHONE
            pattern = r"[\s()\-]*".join(digits[-9:])
            pattern = rf"(?:(?:\+|00)?995[\s()\-]*)?(?:\(?0[\s()\-]*)?{pattern}"
        elif len(contact) >= 6 and digits:
            # Only an address with a house number: a village's name identifies nobody.
            kind = SpanKind.ADDRESS
            pattern = r"\s+".join(re.escape(part) for part in contact.split())
        else:
            continue
        regex = re.compile(rf"(?<![\w+]){pattern}(?![\w])", re.IGNORECASE)
        for match in regex.finditer(text):
            yield Span(match.start(), match.end(), kind, match.group())


# --- Putting it together ------------------------------------------------------------


def suggest(text: str, *, names: Iterable[str] = (), contacts: Iterable[str] = ()) -> list[Span]:
    """What to remove from ``text``, in order, none overlapping another.

    ``names`` are names of people to remove (the ones the clerk marked, the
    author's), each found with its parts and in any case form. ``contacts``
    are the author's e-mail, phone and address as the letter's form recorded
    them: found wherever they occur, even where the patterns would miss them.
    """
    candidates = [
        *_contacts(text, contacts),
        *_emails(text),
        *_personal_numbers(text),
        *_phones(text),
        *_addresses(text),
        *_names(text, names),
    ]
    rank = {kind: position for position, kind in enumerate(PRIORITY)}
    candidates.sort(key=lambda span: (rank[span.kind], -(span.end - span.start), span.start))
    chosen: list[Span] = []
    for span in candidates:
        if all(span.end <= other.start or span.start >= other.end for other in chosen):
            chosen.append(span)
    return sorted(chosen)


def placeholder(kind: str, language: str) -> str:
    """What replaces a removed span, in the letter's language: "[phone number removed]"."""
    with translation.override(language):
        return str(PLACEHOLDERS[SpanKind(kind)])


def apply(text: str, spans: Iterable[Span], *, language: str) -> str:
    """``text`` with each span replaced by its placeholder.

    The spans must be spans of this very text and must not overlap: a
    ValueError says otherwise (a stale suggestion must never cut a text at
    the wrong place).
    """
    out = []
    position = 0
    for span in sorted(spans):
        if span.start < position or span.end > len(text) or span.start >= span.end:
            raise ValueError(f"The span {span.key} overlaps another or lies outside the text.")
        if text[span.start : span.end] != span.text:
            raise ValueError(f"The span {span.key} does not match the text.")
        out.append(text[position : span.start])
        out.append(placeholder(span.kind, language))
        position = span.end
    out.append(text[position:])
    return "".join(out)


# --- Special categories ----------------------------------------------------------------


def _word_regex(entry: str) -> str:
    parts = []
    for word in entry.split():
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word))
    return r"\s+".join(parts)


@functools.cache
def _flag_regex() -> re.Pattern:
    groups = []
    for category, words in SPECIAL_WORDS.items():
        alternatives = "|".join(_word_regex(word) for word in sorted(words, key=len, reverse=True))
        groups.append(f"(?P<{category.value}>{alternatives})")
    return re.compile(r"(?<![\w])(?:" + "|".join(groups) + r")(?![\w])", re.IGNORECASE)


def flags(text: str) -> list[Flag]:
    """The words of special categories in ``text``, in order."""
    return [
        Flag(match.start(), match.end(), match.lastgroup, match.group())
        for match in _flag_regex().finditer(text)
    ]

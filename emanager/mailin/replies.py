"""The sender's own words in a reply: the quoted message and the signature removed.

The splitting is mail-parser-reply's: it finds the header a mail program puts
above the quoted message ("On … wrote:", Outlook's "From: … Sent: …", an
"-----Original Message-----" line) and keeps what comes before it.
mail-parser-reply 1.36 knows English but neither Georgian nor Russian: their
headers are added here (:data:`LANGUAGES`), as the Georgian and Russian
versions of Gmail, Outlook, Thunderbird, Apple Mail, Yandex and Mail.ru
write them.

Two of the library's steps are turned off on purpose. Its signature phrases
("Thanks,", "Best regards") cut everything after the first line that starts
with one: an official's answer that begins a paragraph with "Thank you," would
lose its end. Its disclaimer patterns likewise. A signature is removed only
after the standard "-- " line, and a phone's "Sent from my iPhone" line
(in English, Georgian and Russian) with it.
"""

from __future__ import annotations

import re

from mailparser_reply.constants import QUOTED_MATCH_INCLUDE as _Q
from mailparser_reply.parser import EmailMessage

# A pattern that never matches: for the steps turned off.
_NEVER = r"(?!)"

# An address in angle brackets and a colon at the end of the line, after a
# date: Gmail's header in many languages (ka: "…, 10:15 Name <a@b.ge> წერს:",
# ru: "пн, 3 нояб. 2026 г. в 10:15, Name <a@b.ge>:"). It may wrap once.
_ADDRESS_HEADER = (
    r"^(" + _Q + r"(?=[^\n]*\d)[^\n<>]{4,200}(?:\n" + _Q + r"[^\n<>]{0,80})?"
    r"<[^<>\s]+@[^<>\s]+>[^\n<>]{0,40}:)$"
)

# Georgian and Russian, in mail-parser-reply's format: one capturing group
# per header pattern, the whole header.
LANGUAGES: dict[str, dict[str, str]] = {
    "ka": {
        "wrote_header": (
            r"^(" + _Q + r"(?:[^\n]{1,200}\n?[^\n]{0,200}\s)?"
            r"(?:წერს|წერდა|დაწერა|მოგწერათ|გწერთ):)$"
        ),
        "from_header": (
            r"((?:(?:^|\n|\n" + _Q + r")[* ]*"
            r"(?:ვისგან|გამგზავნი|გამომგზავნი|გაგზავნილია|გაგზავნის თარიღი|ვის|მიმღები|"
            r"თემა|თარიღი|ასლი):[ *]*(?:\s{,2}).*){2,}(?:\n.*){,1})"
        ),
    },
    "ru": {
        "wrote_header": (
            r"^(" + _Q + r"(?:[^\n]{1,200}\n?[^\n]{0,200}\s)?"
            r"(?:пишет|написал|написала|написал\(а\)):)$"
        ),
        "from_header": (
            r"((?:(?:^|\n|\n" + _Q + r")[* ]*"
            r"(?:От|Отправитель|Отправлено|Дата|Кому|Тема|Копия):[ *]*(?:\s{,2}).*){2,}"
            r"(?:\n.*){,1})"
        ),
    },
    "any": {"wrote_header": _ADDRESS_HEADER},
}

# "-------- Исходное сообщение --------", "---------- Forwarded message ---------",
# "----- ორიგინალი შეტყობინება -----": a line of dashes around a few words.
_SEPARATOR = re.compile(r"^[ \t]*-{4,}[ \t]*[^\n-]{3,60}?[ \t]*-{4,}[ \t]*$", re.MULTILINE)

# The line a phone or a mail app adds under the text.
_SENT_FROM = re.compile(
    r"^[ \t]*(?:"
    r"Sent from (?:my |Mail |Yahoo |Outlook |Gmail )?[\w .-]{0,40}"
    r"|Get Outlook for [\w .-]{1,30}"
    r"|Отправлено (?:с|из|через) [\w .\-«»\"]{1,50}"
    r"|(?:გაგზავნილია|გამოგზავნილია) [\w .\-]{0,40}(?:-დან|-ით|დან)"
    r")[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$\n?", re.MULTILINE)
# A horizontal rule left at the end ("* * *" is html2text's <hr>).
_TRAILING_RULE = re.compile(r"(?:\n[ \t]*(?:\* \* \*|[-_=*]{3,})[ \t]*)+\Z")


class _Reply(EmailMessage):
    """mail-parser-reply's message, with Georgian and Russian and without phrase signatures."""

    def _get_language_regex(self, language: str, regex_key: str) -> str:
        if regex_key in ("signatures", "disclaimers"):
            return _NEVER
        if language in LANGUAGES:
            return LANGUAGES[language].get(regex_key, "")
        return super()._get_language_regex(language, regex_key)


def reply_text(text: str) -> str:
    """The newest part of an e-mail's text, without quoted messages and signature."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    separator = _SEPARATOR.search(text)
    if separator is not None:
        text = text[: separator.start()]
    message = _Reply(text=text, languages=["ka", "ru", "any"], keep_hyphen_lists=True).read()
    replies = [reply for reply in message.replies if reply.body.strip()]
    own = replies[0].body if replies else ""
    sent_from = _SENT_FROM.search(own)
    if sent_from is not None:
        own = own[: sent_from.start()]
    # What is left of a quote that had no header line, and the rule above a quote.
    own = _QUOTED_LINE.sub("", own)
    own = _TRAILING_RULE.sub("", own.rstrip())
    return _tidy(own)


def _tidy(text: str) -> str:
    """Trailing spaces off each line, at most one empty line in a row, no empty ends."""
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()

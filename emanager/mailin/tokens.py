"""Reply and bounce addresses: signed, so that checking one needs no stored secret.

A letter e-mailed to an official carries two addresses made from the same
claim (the letter, the official, the day it was sent), signed with an HMAC of
the SECRET_KEY:

    reply+<token>@MAIL_REPLY_DOMAIN    the Reply-To: the official's answer
    bounce+<token>@MAIL_REPLY_DOMAIN   the envelope sender (VERP): bounces

The token is ``<letter>-<official>-<day>-<signature>``, in lower-case base 36
and hex, because some mail servers change the case of an address. The
signature covers the purpose, so a bounce address does not work as a reply
address. The key is the SECRET_KEY or one of SECRET_KEY_FALLBACKS, so
rotating the key does not break the addresses already sent.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

# How long an official may answer to the address of a letter.
REPLY_MAX_AGE = datetime.timedelta(days=180)
EPOCH = datetime.date(2020, 1, 1)
SIGNATURE_LENGTH = 20  # hex digits: 80 bits

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_TOKEN = re.compile(r"^([0-9a-z]{1,13})-([0-9a-z]{1,13})-([0-9a-z]{1,6})-([0-9a-f]{20})$")
# reply+TOKEN@domain, bounce+TOKEN@domain (any case).
ADDRESS = re.compile(r"^(reply|bounce)\+([0-9a-z-]+)@([^@\s]+)$", re.IGNORECASE)


class Purpose(StrEnum):
    REPLY = "reply"
    BOUNCE = "bounce"


@dataclass(frozen=True)
class Claim:
    """What a token says: which letter, which official, sent on which day."""

    letter_id: int
    official_id: int
    issued: datetime.date


class InvalidToken(Exception):
    """Not a token of ours: malformed, or its signature does not match."""


class ExpiredToken(InvalidToken):
    """A genuine token, older than :data:`REPLY_MAX_AGE`."""

    def __init__(self, claim: Claim) -> None:
        super().__init__("The reply address has expired.")
        self.claim = claim


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, rest = divmod(number, 36)
        digits = _DIGITS[rest] + digits
        if number == 0:
            return digits


def _signature(purpose: Purpose, payload: str, secret: str) -> str:
    mac = salted_hmac(f"emanager.mailin.{purpose}", payload, secret=secret, algorithm="sha256")
    return mac.hexdigest()[:SIGNATURE_LENGTH]


def token_make(*, letter_id: int, official_id: int, purpose: Purpose, today: datetime.date) -> str:
    days = (today - EPOCH).days
    payload = f"{_base36(letter_id)}-{_base36(official_id)}-{_base36(days)}"
    return f"{payload}-{_signature(purpose, payload, settings.SECRET_KEY)}"


def token_read(token: str, *, purpose: Purpose, today: datetime.date) -> Claim:
    """The claim of a genuine token; InvalidToken or ExpiredToken otherwise."""
    match = _TOKEN.match(token.strip().lower())
    if match is None:
        raise InvalidToken("Not a reply token.")
    letter, official, days, signature = match.groups()
    payload = f"{letter}-{official}-{days}"
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    if not any(
        constant_time_compare(signature, _signature(purpose, payload, secret)) for secret in secrets
    ):
        raise InvalidToken("The signature does not match.")
    claim = Claim(
        letter_id=int(letter, 36),
        official_id=int(official, 36),
        issued=EPOCH + datetime.timedelta(days=int(days, 36)),
    )
    if today - claim.issued > REPLY_MAX_AGE:
        raise ExpiredToken(claim)
    return claim


def address_for(token: str, purpose: Purpose, domain: str) -> str:
    return f"{purpose}+{token}@{domain}"


def address_parse(address: str) -> tuple[Purpose, str] | None:
    """(purpose, token) of a reply+… or bounce+… address; None for any other address."""
    match = ADDRESS.match(address.strip())
    if match is None:
        return None
    return Purpose(match.group(1).lower()), match.group(2).lower()


# --- Links to a letter's files in the official's e-mail ------------------------

_FILE_SALT = "emanager.mailin.file"


def file_token(attachment_id: int, official_id: int) -> str:
    return signing.dumps({"a": attachment_id, "o": official_id}, salt=_FILE_SALT)


def file_token_read(token: str) -> tuple[int, int] | None:
    """(attachment, official) of a genuine link younger than REPLY_MAX_AGE; None otherwise."""
    try:
        value = signing.loads(token, salt=_FILE_SALT, max_age=REPLY_MAX_AGE.total_seconds())
    except signing.BadSignature:
        return None
    if not isinstance(value, dict):
        return None
    attachment, official = value.get("a"), value.get("o")
    if not isinstance(attachment, int) or not isinstance(official, int):
        return None
    return attachment, official

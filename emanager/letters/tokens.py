"""Private links: signed, so they cannot be guessed and need no stored secret."""

from __future__ import annotations

import datetime

from django.core import signing

from emanager.letters.models import Letter

CONFIRMATION_MAX_AGE = datetime.timedelta(days=7)
_TRACKING = signing.Signer(salt="emanager.letters.tracking")
_CONFIRMATION = signing.TimestampSigner(salt="emanager.letters.confirmation")


class InvalidLink(Exception):
    pass


class ExpiredLink(InvalidLink):
    pass


def tracking_token(letter: Letter) -> str:
    return _TRACKING.sign(letter.uuid.hex)


def confirmation_token(letter: Letter) -> str:
    return _CONFIRMATION.sign(letter.uuid.hex)


def letter_from_tracking_token(token: str) -> Letter:
    try:
        value = _TRACKING.unsign(token)
    except signing.BadSignature:
        raise InvalidLink from None
    letter = Letter.objects.filter(uuid=value).first()
    if letter is None:
        raise InvalidLink
    return letter


def letter_from_confirmation_token(token: str) -> Letter:
    try:
        value = _CONFIRMATION.unsign(token, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except signing.BadSignature:
        raise InvalidLink from None
    letter = Letter.objects.filter(uuid=value).first()
    if letter is None:
        # Expired letters are deleted with their files.
        raise ExpiredLink
    return letter

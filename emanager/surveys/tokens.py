"""The signed link of the survey e-mail: no login, no stored secret, nothing to guess.

Made like the letter's tracking link (:mod:`emanager.letters.tokens`), with its own
salt: the survey link opens the question only, never the letter's private page.
"""

from __future__ import annotations

from django.core import signing

from emanager.letters.models import Letter
from emanager.letters.tokens import InvalidLink

_SURVEY = signing.Signer(salt="emanager.surveys.survey")


def survey_token(letter: Letter) -> str:
    return _SURVEY.sign(letter.uuid.hex)


def letter_from_survey_token(token: str) -> Letter:
    """The letter of the link; raises :class:`~emanager.letters.tokens.InvalidLink`."""
    try:
        value = _SURVEY.unsign(token)
    except signing.BadSignature:
        raise InvalidLink from None
    letter = Letter.objects.select_related("municipality").filter(uuid=value).first()
    if letter is None:
        raise InvalidLink
    return letter

"""The signed link of the survey e-mail: no login, no stored secret, nothing to guess."""

from __future__ import annotations

from django.core import signing

from emanager.letters.models import Letter

_SURVEY = signing.Signer(salt="emanager.surveys.survey")


class InvalidSurveyLink(Exception):
    pass


def survey_token(letter: Letter) -> str:
    return _SURVEY.sign(letter.uuid.hex)


def letter_from_survey_token(token: str) -> Letter:
    try:
        value = _SURVEY.unsign(token)
    except signing.BadSignature:
        raise InvalidSurveyLink from None
    letter = Letter.objects.select_related("municipality").filter(uuid=value).first()
    if letter is None:
        raise InvalidSurveyLink
    return letter

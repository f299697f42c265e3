"""The signed link that proves a citizen owns the e-mail address of their account."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core import signing

VERIFICATION_MAX_AGE = datetime.timedelta(days=7)
_VERIFICATION = signing.TimestampSigner(salt="emanager.accounts.verification")


class InvalidLink(Exception):
    pass


class ExpiredLink(InvalidLink):
    pass


def verification_token(user) -> str:
    # The address is signed too: a link sent to an earlier address verifies nothing.
    return _VERIFICATION.sign_object({"user": user.pk, "email": user.email})


def user_from_verification_token(token: str):
    """The user the link was sent to; raises ExpiredLink or InvalidLink."""
    try:
        value = _VERIFICATION.unsign_object(token, max_age=VERIFICATION_MAX_AGE)
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except (signing.BadSignature, ValueError):
        raise InvalidLink from None
    if not isinstance(value, dict):
        raise InvalidLink
    user = (
        get_user_model()
        .objects.filter(pk=value.get("user"), email=value.get("email"), is_active=True)
        .select_related("citizen_profile")
        .first()
    )
    if user is None or not hasattr(user, "citizen_profile"):
        raise InvalidLink
    return user

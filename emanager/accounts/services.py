"""Writes on citizen accounts. Views call these; each is atomic and keyword-only."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from emanager.accounts import tokens
from emanager.accounts.models import CitizenProfile
from emanager.directory.links import absolute_url
from emanager.directory.models import Municipality


class EmailTaken(Exception):
    """An account with this e-mail address exists already."""


def normalize_email(email: str) -> str:
    return email.strip().lower()


def email_taken(email: str) -> bool:
    email = normalize_email(email)
    return (
        get_user_model().objects.filter(username__iexact=email).exists()
        or get_user_model().objects.filter(email__iexact=email).exists()
    )


@transaction.atomic
def account_create(
    *, municipality: Municipality, name: str, email: str, password: str, language: str
):
    """Create a citizen's account and send the link that verifies its e-mail.

    The user can log in at once, but letters are registered without a
    confirmation e-mail only after the address is verified.
    """
    email = normalize_email(email)
    if email_taken(email):
        raise EmailTaken(email)
    user = get_user_model()(username=email, email=email)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # The same address signed up twice at the same moment.
        raise EmailTaken(email) from None
    CitizenProfile.objects.create(user=user, name=name, language=language)
    verification_send(user=user, municipality=municipality)
    return user


def verification_send(*, user, municipality: Municipality) -> None:
    """Queue the e-mail with the verification link, in the account's language."""
    from emanager.notifications.services import notification_enqueue

    profile = user.citizen_profile
    notification_enqueue(
        template="accounts/verify",
        to=user.email,
        language=profile.language,
        context={
            "name": profile.name,
            "municipality": municipality.name,
            "verify_url": absolute_url(
                municipality,
                "accounts:verify",
                language=profile.language,
                kwargs={"token": tokens.verification_token(user)},
            ),
            "expires_days": tokens.VERIFICATION_MAX_AGE.days,
        },
    )


@transaction.atomic
def account_verify(*, user, now: datetime.datetime | None = None) -> bool:
    """Mark the account's e-mail verified; ``False`` when it already was."""
    profile = CitizenProfile.objects.select_for_update().get(user=user)
    if profile.is_verified:
        return False
    profile.email_verified_at = now or timezone.now()
    profile.save(update_fields=["email_verified_at"])
    return True

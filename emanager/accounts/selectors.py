"""Reads for citizen accounts. The one place that decides whose letters a citizen sees."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from emanager.accounts.models import CitizenProfile
from emanager.directory.models import Municipality
from emanager.letters.choices import LetterStatus
from emanager.letters.models import Letter


def verified_profile(user) -> CitizenProfile | None:
    """The user's citizen profile when its e-mail is verified; else ``None``.

    Staff users have no profile unless they signed up as citizens too.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        profile = user.citizen_profile
    except CitizenProfile.DoesNotExist:
        return None
    return profile if profile.is_verified else None


def citizen_letters(user, municipality: Municipality) -> QuerySet[Letter]:
    """The registered letters of the municipality written by this citizen, newest first.

    Those written from the account, and, once the account's e-mail is
    verified, those written without an account from that address (their
    author proved the address by confirming them).
    """
    condition = Q(user_id=user.pk)
    if verified_profile(user) is not None and user.email:
        condition |= Q(author_email__iexact=user.email)
    return (
        Letter.objects.filter(municipality=municipality)
        .exclude(status=LetterStatus.UNCONFIRMED)
        .filter(condition)
        .order_by("-registered_at", "-pk")
    )

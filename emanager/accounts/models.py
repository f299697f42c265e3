"""A citizen's account: Django's user (username = the e-mail, lowercased) and a profile."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _languages() -> list[tuple[str, str]]:
    return settings.LANGUAGES


class CitizenProfile(models.Model):
    """What a citizen's account adds to the user: a name and the proof of the e-mail.

    A letter written from an account is registered at once, without a
    confirmation e-mail, only once ``email_verified_at`` is set.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="citizen_profile",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=200)
    email_verified_at = models.DateTimeField(_("e-mail verified at"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=_languages, default="ka")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("citizen account")
        verbose_name_plural = _("citizen accounts")

    def __str__(self) -> str:
        return f"{self.name} <{self.user.email}>"

    @property
    def is_verified(self) -> bool:
        return self.email_verified_at is not None

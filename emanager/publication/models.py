"""The public versions of letters and answers, stored apart from the originals.

The original letter (its text, its author's contacts) is never shown in
public. What the public may see is written here by a clerk who reviewed it:
the text with the personal data removed. Public pages read these rows only
through :mod:`emanager.publication.selectors`, which also checks that the
author's consent still holds.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from emanager.letters.models import Letter, Message


class ReviewState(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Publication declined")


class Review(models.Model):
    """What a review of one item (a letter or an answer) decided, and who decided it."""

    state = models.CharField(
        _("state"), max_length=20, choices=ReviewState.choices, default=ReviewState.PENDING
    )
    public_text = models.TextField(_("public text"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    reason = models.TextField(
        _("reason"), blank=True, help_text=_("Why it was declined or taken down.")
    )
    # For the audit: where the suggested redactions were applied (kind and
    # position in the original, never the removed text itself) and which
    # words of special categories were flagged.
    redactions = models.JSONField(_("redactions applied"), default=list, blank=True)
    flags = models.JSONField(_("special categories flagged"), default=list, blank=True)

    class Meta:
        abstract = True


class PublicLetter(Review):
    letter = models.OneToOneField(
        Letter, on_delete=models.CASCADE, related_name="public_version", verbose_name=_("letter")
    )
    public_subject = models.CharField(_("public subject"), max_length=200, blank=True)
    public_name = models.CharField(
        _("name shown"),
        max_length=200,
        blank=True,
        help_text=_("The author's name if they chose to be named; empty otherwise."),
    )
    # A copy of the letter's registration time, set when the letter is
    # published: the public archive is ordered (and paged by a cursor) on
    # (registered_at, id), which this table's index serves without a join.
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("public version of a letter")
        verbose_name_plural = _("public versions of letters")
        indexes = [
            models.Index(fields=["state", "published_at"]),
            models.Index(fields=["state", "registered_at", "id"], name="publicletter_archive_idx"),
            # The archive's count joins the published versions by letter, from this index alone.
            models.Index(
                fields=["letter"],
                condition=models.Q(state=ReviewState.PUBLISHED),
                name="publicletter_published_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.letter} ({self.get_state_display()})"


class PublicAnswer(Review):
    message = models.OneToOneField(
        Message, on_delete=models.CASCADE, related_name="public_version", verbose_name=_("answer")
    )

    class Meta:
        verbose_name = _("public version of an answer")
        verbose_name_plural = _("public versions of answers")
        indexes = [models.Index(fields=["state", "published_at"])]

    def __str__(self) -> str:
        return f"{self.message} ({self.get_state_display()})"

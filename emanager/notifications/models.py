"""The outbox: one row per e-mail, from the moment it is queued until it is sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def language_choices() -> list[tuple[str, str]]:
    return settings.LANGUAGES


class OutboxStatus(models.TextChoices):
    # Waiting for its (next) attempt at next_attempt_at.
    PENDING = "pending", _("Waiting to be sent")
    # Claimed by a worker, which is talking to the mail server.
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    # Given up after the last attempt; can be queued again from the administration.
    FAILED = "failed", _("Failed")


class OutboxMessage(models.Model):
    """An e-mail to one recipient, rendered from a named template when it is sent."""

    template = models.CharField(
        _("e-mail"),
        max_length=100,
        help_text=_("The name of the e-mail, such as letters/acknowledgement."),
    )
    to = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=10, choices=language_choices)
    context = models.JSONField(_("context"), default=dict, blank=True)
    key = models.CharField(
        _("idempotency key"),
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The same key is never queued twice, such as ack:letter:42."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OutboxStatus.choices,
        default=OutboxStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    message_id = models.CharField(
        _("Message-ID"),
        max_length=255,
        blank=True,
        help_text=_("The Message-ID header, the same on every attempt."),
    )
    # Set for the few e-mails that expect an answer or track their bounces
    # (the letter sent to an official who answers by e-mail); empty for the rest.
    reply_to = models.CharField(
        _("reply to"),
        max_length=320,
        blank=True,
        help_text=_("The Reply-To address, where the recipient's answer goes."),
    )
    envelope_sender = models.CharField(
        _("envelope sender"),
        max_length=254,
        blank=True,
        help_text=_(
            "The address bounces return to (Return-Path), when it is not the sender's; "
            "such as a VERP address bounce+…@…."
        ),
    )
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    attachments = models.JSONField(
        _("attached files"),
        default=list,
        blank=True,
        help_text=_("Files read from a storage when the e-mail is sent."),
    )

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.template} → {self.to}"

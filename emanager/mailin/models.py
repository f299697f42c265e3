"""What was e-mailed to officials who answer by e-mail, and every e-mail that came back."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Municipality, Official
from emanager.letters.models import Letter, Message
from emanager.mailin.choices import HoldReason, InboundStatus
from emanager.notifications.models import OutboxMessage


class Dispatch(models.Model):
    """A letter e-mailed to the official who answers it by e-mail, with its reply address."""

    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="mail_dispatches", verbose_name=_("letter")
    )
    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, related_name="+", verbose_name=_("official")
    )
    to = models.EmailField(_("sent to"))
    reply_address = models.CharField(_("reply address"), max_length=254)
    envelope_sender = models.CharField(_("bounce address"), max_length=254)
    files_attached = models.BooleanField(
        _("files attached"),
        default=False,
        help_text=_("The letter's files went with the e-mail (else only links to them)."),
    )
    outbox = models.ForeignKey(
        OutboxMessage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("outgoing e-mail"),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
        help_text=_("Empty when it was sent by itself, as the letter was registered."),
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("letter sent by e-mail")
        verbose_name_plural = _("letters sent by e-mail")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.letter} → {self.to}"


class InboundMailQuerySet(models.QuerySet):
    def originals(self) -> InboundMailQuerySet:
        """Every message but the repeats of one received before."""
        return self.exclude(status=InboundStatus.DUPLICATE)

    def held(self) -> InboundMailQuerySet:
        return self.filter(status=InboundStatus.HELD)


class InboundMail(models.Model):
    """One e-mail received, kept whole (``raw``) with what became of it."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
        help_text=_("Empty when nothing in the message tells which municipality it is for."),
    )
    status = models.CharField(_("outcome"), max_length=20, choices=InboundStatus.choices)
    hold_reason = models.CharField(
        _("held because"), max_length=30, choices=HoldReason.choices, blank=True
    )
    detail = models.TextField(
        _("details"),
        blank=True,
        help_text=_("The refused files, the mail server's reason for a bounce, and the like."),
    )
    message_id = models.CharField(_("Message-ID"), max_length=255, db_index=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("repeat of"),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    from_address = models.CharField(_("from"), max_length=254, blank=True)
    from_name = models.CharField(_("sender's name"), max_length=200, blank=True)
    to_address = models.CharField(_("to"), max_length=320, blank=True)
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    text = models.TextField(
        _("text"), blank=True, help_text=_("The sender's own text: quotes and signature removed.")
    )
    full_text = models.TextField(_("whole text"), blank=True)
    files = models.JSONField(
        _("attached files"), default=list, blank=True, help_text=_("Their names and sizes.")
    )
    letter = models.ForeignKey(
        Letter,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_mail",
        verbose_name=_("letter"),
    )
    official = models.ForeignKey(
        Official,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("official"),
    )
    answer = models.ForeignKey(
        Message,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answer"),
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    moderated_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    size = models.PositiveIntegerField(_("size"), default=0)
    raw = models.BinaryField(_("the message as received"), editable=False)

    objects = InboundMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail received")
        verbose_name_plural = _("e-mails received")
        ordering = ["-received_at", "-pk"]
        constraints = [
            # A message is acted on once; a repeat is recorded as a duplicate.
            models.UniqueConstraint(
                fields=["message_id"],
                condition=~Q(status="duplicate"),
                name="inbound_message_once",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "status", "received_at"], name="inbound_queue_idx")
        ]

    def __str__(self) -> str:
        return f"{self.from_address}: {self.subject}"

    @property
    def sender_label(self) -> str:
        """The sender as a person: the official when it is their address, else From's name."""
        official = self.official
        if official is not None and official.email.casefold() == self.from_address.casefold():
            return official.full_name
        return self.from_name or self.from_address

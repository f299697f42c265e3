"""Letters from citizens, their registers, threads, attachments and timelines."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Body, Municipality, Official, TerritorialUnit
from emanager.letters.choices import (
    Channel,
    Direction,
    EventKind,
    LetterKind,
    LetterStatus,
    MessageStatus,
    Outcome,
    Publication,
    RegisterDirection,
)

DEFAULT_NUMBER_FORMAT = "{prefix}-{year}-{number:06d}"


class Register(models.Model):
    """A numbered register: of incoming letters (the general one, or one per kind), or of
    the municipality's outgoing letters (answers get their outgoing number from it)."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="registers",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    prefix = models.CharField(_("prefix"), max_length=20, help_text=_("For example LAN."))
    number_format = models.CharField(
        _("number format"),
        max_length=100,
        default=DEFAULT_NUMBER_FORMAT,
        help_text=_(
            "Placeholders: {prefix}, {year}, {yy} (two digits), {number}; for example "
            "{prefix}-{year}-{number:06d} gives LAN-2026-000123."
        ),
    )
    kind = models.CharField(
        _("letter kind"),
        max_length=30,
        choices=LetterKind.choices,
        blank=True,
        help_text=_("Leave empty for the general register, used by every kind without its own."),
    )
    direction = models.CharField(
        _("direction"),
        max_length=10,
        choices=RegisterDirection.choices,
        default=RegisterDirection.INCOMING,
    )

    class Meta:
        verbose_name = _("register")
        verbose_name_plural = _("registers")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "direction", "kind"], name="register_kind_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def format_number(self, *, year: int, number: int) -> str:
        return self.number_format.format(
            prefix=self.prefix, year=year, yy=f"{year % 100:02d}", number=number
        )


class RegisterCounter(models.Model):
    """The last number given in a register in a year; locked while a number is taken."""

    register = models.ForeignKey(Register, on_delete=models.CASCADE, related_name="counters")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["register", "year"], name="counter_year_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.register} {self.year}: {self.last_number}"


class Letter(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("municipality"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=LetterKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=LetterStatus.choices, default=LetterStatus.UNCONFIRMED
    )
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)

    # Addressee: a body always; an official or a territorial unit when chosen.
    addressee_body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="letters", verbose_name=_("body")
    )
    addressee_official = models.ForeignKey(
        Official,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters",
        verbose_name=_("official"),
    )
    addressee_unit = models.ForeignKey(
        TerritorialUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters_addressed",
        verbose_name=_("territorial unit addressed"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_letters",
        verbose_name=_("assignee"),
    )

    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))

    # The citizen. The law requires a name and an address.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="letters",
    )
    author_name = models.CharField(_("name"), max_length=200)
    author_email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("Optional for a letter registered by staff.")
    )
    author_phone = models.CharField(_("phone"), max_length=40, blank=True)
    author_address = models.CharField(_("address"), max_length=300)
    author_unit = models.ForeignKey(
        TerritorialUnit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="letters_from",
        verbose_name=_("territorial unit"),
    )
    language = models.CharField(_("language"), max_length=5, default="ka")
    channel = models.CharField(
        _("received by"), max_length=20, choices=Channel.choices, default=Channel.WEB
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters_registered",
        verbose_name=_("registered by"),
        help_text=_("The clerk who registered a letter that did not come through the website."),
    )

    # Publication consent, recorded with the exact text the citizen agreed to.
    publication = models.CharField(
        _("publication"), max_length=20, choices=Publication.choices, default=Publication.PRIVATE
    )
    consent_text = models.TextField(_("consent text"), blank=True)
    consent_version = models.CharField(_("consent version"), max_length=20, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)

    # Registration.
    submission_key = models.UUIDField(unique=True, help_text="Makes a repeated submission a no-op.")
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    register = models.ForeignKey(Register, on_delete=models.PROTECT, null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    sequence = models.PositiveIntegerField(null=True, blank=True)
    number = models.CharField(_("registration number"), max_length=60, blank=True)
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    satisfied = models.BooleanField(_("answer satisfactory"), null=True, blank=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["register", "year", "sequence"],
                condition=Q(sequence__isnull=False),
                name="letter_number_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "status", "deadline"]),
            models.Index(fields=["status", "created_at"]),
            # The staff inbox: one ordered index scan per way a letter reaches
            # a user (assigned to them, addressed to their official or body),
            # waiting letters by deadline, the others newest first.
            models.Index(fields=["assignee", "status", "deadline"]),
            models.Index(fields=["addressee_official", "status", "deadline"]),
            models.Index(fields=["addressee_body", "status", "deadline"]),
            models.Index(fields=["assignee", "registered_at"]),
            models.Index(fields=["addressee_official", "registered_at"]),
            models.Index(fields=["addressee_body", "registered_at"]),
            # The public-information register and report: a municipality's
            # requests of a kind, newest first, and their years.
            models.Index(fields=["municipality", "kind", "registered_at"]),
            # The public archive's count: the letters that may be public, by
            # municipality, read from the index alone (publication.selectors).
            models.Index(
                fields=["municipality", "id"],
                condition=Q(
                    publication__in=[Publication.PUBLIC_NAMED, Publication.PUBLIC_ANONYMOUS]
                )
                & ~Q(status=LetterStatus.UNCONFIRMED)
                & ~Q(outcome=Outcome.WITHDRAWN),
                name="letter_may_be_public_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.number or str(self.uuid)


def private_storage():
    return storages["private"]


def attachment_path(instance: Attachment, filename: str) -> str:
    # The stored name is random: the citizen's file name is kept in original_name.
    return f"letters/{instance.letter.uuid}/{uuid.uuid4().hex}"


class Message(models.Model):
    """A message in the letter's thread after the letter itself: answers, replies."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=10, choices=Direction.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    author_label = models.CharField(
        max_length=200, blank=True, help_text="Who wrote it when not a user: an e-mail sender."
    )
    body = models.TextField(_("text"))
    is_answer = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MessageStatus.choices, default=MessageStatus.SENT
    )
    source = models.CharField(
        _("received by"), max_length=20, choices=Channel.choices, default=Channel.WEB
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The outgoing number of an answer, taken when it is sent.
    out_register = models.ForeignKey(
        Register, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    out_year = models.PositiveSmallIntegerField(null=True, blank=True)
    out_sequence = models.PositiveIntegerField(null=True, blank=True)
    out_number = models.CharField(_("outgoing number"), max_length=60, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    review_note = models.TextField(_("head's remark"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["out_register", "out_year", "out_sequence"],
                condition=Q(out_sequence__isnull=False),
                name="message_out_number_unique",
            ),
        ]
        indexes = [models.Index(fields=["status", "letter"])]

    def __str__(self) -> str:
        return f"{self.letter} #{self.pk}"


class Attachment(models.Model):
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path, storage=private_storage)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class ChainHead(models.Model):
    """The last event of a municipality's timeline chain; locked while appending."""

    municipality = models.OneToOneField(Municipality, on_delete=models.CASCADE)
    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"{self.municipality}: {self.last_seq}"


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Timeline events are append-only.")

    def delete(self):
        raise TypeError("Timeline events are append-only.")


class Event(models.Model):
    """One entry of a letter's timeline, chained by hash per municipality.

    Each event stores the hash of the previous event of its municipality, so
    that editing or deleting any row breaks the chain (``manage.py verify_log``).
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "seq"], name="event_seq_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.letter_id}:{self.kind}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Timeline events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Timeline events are append-only.")


class InternalNote(models.Model):
    """A note staff leave on a letter for each other; the citizen never sees it."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.letter} note #{self.pk}"


class AnswerTemplate(models.Model):
    """A ready answer of a body, with placeholders filled from the letter."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="answer_templates", verbose_name=_("body")
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(
        _("text"),
        help_text=_(
            "Placeholders: {name}, {number}, {date}, {subject}, {deadline}, {official}, {body}."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")
        ordering = ["body", "title"]
        constraints = [
            models.UniqueConstraint(fields=["body", "title"], name="answer_template_title_unique"),
        ]

    def __str__(self) -> str:
        return self.title

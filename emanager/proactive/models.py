"""The catalogue of proactively published information, and the documents published into it.

An item's name is stored once per language (``name_ka``, ``name_en``,
``name_ru``) by modeltranslation (see ``translation.py``), as the directory's
names are: the municipality adds items of its own, named in its own words, and
an item not yet translated is shown in Georgian. The sections and the update
rules are the law's, so they are choices translated with the code.

Documents are public: their files are kept in the public media storage
(``STORAGES["default"]``: ``MEDIA_ROOT`` on disk, or the S3 bucket) and served
by e-Manager itself (:func:`emanager.proactive.views.document_file`), never by
a CDN. A withdrawn document stays in the database and its file in the
storage, for the record, but no public page shows it.
"""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Body, Municipality
from emanager.proactive import rules
from emanager.proactive.choices import ReminderStage, Section, UpdateRule

# Path segments of /proactive/ used by the pages themselves.
RESERVED_ITEM_SLUGS = frozenset({"compliance", "staff"})


def validate_item_slug(value: str) -> None:
    if value in RESERVED_ITEM_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is used by the pages themselves; choose another address."),
            params={"slug": value},
            code="reserved",
        )


class CatalogueItemQuerySet(models.QuerySet):
    def of(self, municipality: Municipality) -> CatalogueItemQuerySet:
        return self.filter(municipality=municipality)


class CatalogueItem(models.Model):
    """One kind of information the municipality publishes on its own initiative."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="proactive_items",
        verbose_name=_("municipality"),
    )
    section = models.CharField(_("section"), max_length=30, choices=Section.choices)
    slug = models.SlugField(
        _("address"),
        max_length=80,
        validators=[validate_item_slug],
        help_text=_("The item's address on the site: /proactive/<address>/."),
    )
    # The key of the Ordinance No. 219 item it was seeded from; empty for the
    # municipality's own items.
    standard_key = models.CharField(_("standard item"), max_length=80, blank=True, editable=False)
    name = models.CharField(_("name"), max_length=300)
    rule = models.CharField(_("update rule"), max_length=20, choices=UpdateRule.choices)
    responsible_body = models.ForeignKey(
        Body,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proactive_items",
        verbose_name=_("responsible body or unit"),
        help_text=_(
            "Its staff publish into the item and are reminded before it falls due; "
            "the municipality's administrators are reminded when it is empty."
        ),
    )
    is_applicable = models.BooleanField(
        _("applies to the municipality"),
        default=True,
        help_text=_("Untick for information the municipality does not have; give the reason."),
    )
    not_applicable_reason = models.TextField(_("why it does not apply"), blank=True)
    reviewed_on = models.DateField(
        _("confirmed up to date on"),
        null=True,
        blank=True,
        help_text=_("For an item updated when it changes: the last day it was checked."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CatalogueItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("catalogue item")
        verbose_name_plural = _("catalogue items")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"], name="proactive_item_slug_unique"
            ),
            models.UniqueConstraint(
                fields=["municipality", "standard_key"],
                condition=~Q(standard_key=""),
                name="proactive_item_standard_key_unique",
            ),
            models.CheckConstraint(
                condition=Q(is_applicable=True) | ~Q(not_applicable_reason=""),
                name="proactive_item_reason_when_not_applicable",
                violation_error_message=_("Give the reason why the item does not apply."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("proactive:item", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        if (
            self.responsible_body_id is not None
            and self.municipality_id is not None
            and self.responsible_body.municipality_id != self.municipality_id
        ):
            errors["responsible_body"] = _("The body belongs to another municipality.")
        if not self.is_applicable and not self.not_applicable_reason.strip():
            errors["not_applicable_reason"] = _("Give the reason why the item does not apply.")
        if errors:
            raise ValidationError(errors)


def document_path(instance: Document, filename: str) -> str:
    # A random name; the uploaded name is kept in original_name. The extension
    # stays, for whoever browses the storage.
    extension = os.path.splitext(filename)[1].lower()
    if not extension[1:].isalnum() or len(extension) > 6:
        extension = ""
    return f"proactive/{instance.item.municipality_id}/{uuid.uuid4().hex}{extension}"


class DocumentQuerySet(models.QuerySet):
    def published(self) -> DocumentQuerySet:
        """The documents the public sees: not withdrawn. Every public page reads through this."""
        return self.filter(withdrawn_at__isnull=True)


class Document(models.Model):
    """A file or a link published into an item, with the period it covers."""

    item = models.ForeignKey(
        CatalogueItem,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("item"),
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=document_path, blank=True, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("file type"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("size"), null=True, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True)
    published_on = models.DateField(_("publication date"))
    entry_into_force = models.DateField(_("entry into force"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("published document")
        verbose_name_plural = _("published documents")
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="proactive_document_file_or_link",
                violation_error_message=_("A document is either a file or a link."),
            ),
            models.CheckConstraint(
                condition=(Q(period_start__isnull=True) & Q(period_end__isnull=True))
                | (
                    Q(period_start__isnull=False)
                    & Q(period_end__isnull=False)
                    & Q(period_end__gte=models.F("period_start"))
                ),
                name="proactive_document_period",
                violation_error_message=_("The period ends before it starts."),
            ),
        ]
        indexes = [models.Index(fields=["item", "withdrawn_at", "published_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_link(self) -> bool:
        return not self.file

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def period(self) -> rules.ReportingPeriod | None:
        if self.period_start is None or self.period_end is None:
            return None
        return rules.ReportingPeriod(self.period_start, self.period_end)

    def for_rules(self) -> rules.PublishedDocument:
        return rules.PublishedDocument(
            published_on=self.published_on,
            period_start=self.period_start,
            period_end=self.period_end,
            entry_into_force=self.entry_into_force,
            title=self.title,
        )

    def get_file_url(self) -> str:
        return reverse("proactive:document_file", kwargs={"slug": self.item.slug, "pk": self.pk})


class Reminder(models.Model):
    """A reminder sent for an item's due date: each stage once per due date."""

    item = models.ForeignKey(
        CatalogueItem, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("item")
    )
    due = models.DateField(_("due date"))
    stage = models.CharField(_("stage"), max_length=10, choices=ReminderStage.choices)
    sent_on = models.DateField(_("sent on"))
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "due", "stage"], name="proactive_reminder_once_per_stage"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} — {self.due} ({self.stage})"

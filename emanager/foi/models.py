"""Public-information requests: what the law adds to a letter of kind public_information."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Municipality
from emanager.foi.choices import (
    ComplaintOutcome,
    ExtensionReason,
    FoiOutcome,
    PreferredForm,
    RefusalGround,
    RequesterType,
)
from emanager.letters.models import Letter


class FoiSettings(models.Model):
    """What each municipality sets for its requests: the copying fee, the refusal letter."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="foi_settings"
    )
    fee_per_page = models.DecimalField(
        _("copying fee per page (GEL)"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("0.10"),
        help_text=_("Paper copies only; electronic copies are free."),
    )
    refusal_template = models.TextField(
        _("refusal letter"),
        blank=True,
        help_text=_(
            "The written explanation sent within 3 days of a refusal. Placeholders: {name}, "
            "{number}, {date}, {subject}, {ground}, {explanation}, {body}, {superior}, "
            "{official}. Empty: the built-in text."
        ),
    )

    class Meta:
        verbose_name = _("public-information settings")
        verbose_name_plural = _("public-information settings")

    def __str__(self) -> str:
        return str(self.municipality)


class FoiRequest(models.Model):
    """The public-information facts of a letter of kind public_information."""

    letter = models.OneToOneField(Letter, on_delete=models.CASCADE, related_name="foi")
    requester_type = models.CharField(
        _("requester"), max_length=20, choices=RequesterType.choices, default=RequesterType.PERSON
    )
    organisation = models.CharField(_("organisation"), max_length=250, blank=True)
    preferred_form = models.CharField(
        _("preferred form"),
        max_length=20,
        choices=PreferredForm.choices,
        default=PreferredForm.EMAIL_COPY,
    )
    # Using the 10 days instead of issuing at once.
    extension_reason = models.CharField(
        _("reason for using the 10 days"),
        max_length=20,
        choices=ExtensionReason.choices,
        blank=True,
    )
    extended_at = models.DateTimeField(_("10 days used since"), null=True, blank=True)
    # The decision.
    outcome = models.CharField(_("outcome"), max_length=30, choices=FoiOutcome.choices, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    refusal_ground = models.CharField(
        _("ground of refusal"), max_length=30, choices=RefusalGround.choices, blank=True
    )
    refusal_explanation = models.TextField(_("explanation of the refusal"), blank=True)
    refusal_letter = models.TextField(_("written explanation sent"), blank=True)
    refusal_letter_sent_at = models.DateTimeField(
        _("written explanation sent at"), null=True, blank=True
    )
    forwarded_to = models.CharField(_("forwarded to"), max_length=300, blank=True)
    # What the public register shows of what was asked, when the letter itself
    # is not published: written by the officer for the public, with no names,
    # contacts or other personal data (checked when saved).
    public_summary = models.CharField(
        _("summary for the public register"), max_length=300, blank=True
    )
    public_summary_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("summary written by"),
    )
    public_summary_at = models.DateTimeField(_("summary written at"), null=True, blank=True)
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    supplied_by = models.CharField(_("supplied by"), max_length=250, blank=True)
    responsible = models.CharField(_("person responsible"), max_length=250, blank=True)
    # Copies.
    pages = models.PositiveIntegerField(_("paper pages copied"), default=0)
    fee = models.DecimalField(_("fee (GEL)"), max_digits=8, decimal_places=2, default=Decimal("0"))
    fee_paid_on = models.DateField(_("fee paid on"), null=True, blank=True)

    class Meta:
        verbose_name = _("public-information request")
        verbose_name_plural = _("public-information requests")
        indexes = [models.Index(fields=["outcome", "decided_at"])]

    def __str__(self) -> str:
        return str(self.letter)


class Complaint(models.Model):
    """An administrative complaint against the handling of a request, to the superior body.

    The complaint is a letter of its own (kind complaint, its own number and
    1-month deadline); this links it to the request and records its outcome.
    """

    request = models.ForeignKey(FoiRequest, on_delete=models.PROTECT, related_name="complaints")
    letter = models.OneToOneField(Letter, on_delete=models.CASCADE, related_name="foi_complaint")
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ComplaintOutcome.choices, blank=True
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")

    def __str__(self) -> str:
        return str(self.letter)

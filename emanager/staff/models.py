"""Who works for a municipality, in which body, and in which role."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Body, Municipality, Official


class StaffRole(models.TextChoices):
    CLERK = "clerk", _("Registry clerk")
    OFFICIAL = "official", _("Official")
    HEAD = "head", _("Head of a body")
    PIO = "pio", _("Public-information officer")
    ADMIN = "admin", _("Municipal administrator")


class Membership(models.Model):
    """A user's role in a body of a municipality (or, for an administrator, in all of it).

    Which letters each role sees and what it may do with them is decided in
    :mod:`emanager.staff.permissions`, and nowhere else.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("municipality"),
    )
    body = models.ForeignKey(
        Body,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("body"),
        help_text=_(
            "The body or unit the role covers, with its sub-units. "
            "Empty only for an administrator, who covers the whole municipality."
        ),
    )
    role = models.CharField(_("role"), max_length=20, choices=StaffRole.choices)
    official = models.ForeignKey(
        Official,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("official in the directory"),
        help_text=_(
            "The person in the directory this user is: letters addressed to them reach this user."
        ),
    )

    class Meta:
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")
        ordering = ["municipality", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "body", "role"], name="membership_user_body_role_unique"
            ),
            # NULL bodies are distinct in a unique index: one administrator
            # membership per user and municipality is kept by this one.
            models.UniqueConstraint(
                fields=["user", "municipality", "role"],
                condition=Q(body__isnull=True),
                name="membership_whole_municipality_unique",
            ),
            models.CheckConstraint(
                condition=(Q(role=StaffRole.ADMIN) & Q(body__isnull=True))
                | (~Q(role=StaffRole.ADMIN) & Q(body__isnull=False)),
                name="membership_body_unless_admin",
                violation_error_message=_(
                    "An administrator covers the whole municipality and has no body; "
                    "every other role needs one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.body or self.municipality}"

    def clean(self) -> None:
        errors: dict[str, ValidationError] = {}
        if self.role == StaffRole.ADMIN and self.body_id is not None:
            errors["body"] = ValidationError(
                _("An administrator covers the whole municipality: leave the body empty."),
                code="admin_body",
            )
        elif self.role and self.role != StaffRole.ADMIN and self.body_id is None:
            errors["body"] = ValidationError(
                _("Choose the body this role works in."), code="body_required"
            )
        if self.municipality_id is not None:
            if self.body_id is not None and self.body.municipality_id != self.municipality_id:
                errors.setdefault(
                    "body",
                    ValidationError(
                        _("The body belongs to another municipality."), code="body_municipality"
                    ),
                )
            if self.official_id is not None and (
                self.official.municipality_id != self.municipality_id
            ):
                errors["official"] = ValidationError(
                    _("The official belongs to another municipality."),
                    code="official_municipality",
                )
        if errors:
            raise ValidationError(errors)

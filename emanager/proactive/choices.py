"""Choices of proactive publication.

They live outside ``models.py`` so that the pure rules (:mod:`emanager.proactive.rules`)
use them without the ORM.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Section(models.TextChoices):
    """The sections of the catalogue, in the order of the Ordinance No. 219 annex."""

    GENERAL = "general", _("General information")
    PUBLIC_INFORMATION = "public_information", _("Public information")
    STAFFING = "staffing", _("Staff and vacancies")
    PROCUREMENT = "procurement", _("Public procurement")
    FINANCE = "finance", _("Finance and budget")
    LEGAL_ACTS = "legal_acts", _("Legal acts")
    OTHER = "other", _("Other information")


class UpdateRule(models.TextChoices):
    """How often an item must be brought up to date (see :mod:`emanager.proactive.rules`)."""

    ON_CHANGE = "on_change", _("When it changes (reviewed at least once a year)")
    QUARTERLY = "quarterly", _("Quarterly, within a month after the quarter")
    YEARLY = "yearly", _("Yearly, within three months after the year")
    LEGAL_ACTS = "legal_acts", _("Each act within 10 days of its entry into force")


class ItemState(models.TextChoices):
    """Where an item of the catalogue stands on a given day."""

    CURRENT = "current", _("Current")
    LATE = "late", _("Late")
    MISSING = "missing", _("Missing")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class ReminderStage(models.TextChoices):
    SOON = "soon", _("A week before the due date")
    DUE = "due", _("On the due date")

"""Choices of the deadline calendar.

They live outside ``models.py`` so that the pure calendar logic
(:mod:`emanager.deadlines.calendar`) can use them without the ORM;
``models.py`` re-exports them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeadlineUnit(models.TextChoices):
    CALENDAR_DAYS = "calendar_days", _("calendar days")
    WORKING_DAYS = "working_days", _("working days")
    MONTHS = "months", _("months")


class NonWorkingDayRule(models.TextChoices):
    """What happens to a deadline that ends on a non-working day."""

    NEXT_WORKING_DAY = "next_working_day", _("Move it to the next working day")
    KEEP = "keep", _("Keep it on the non-working day")

"""Pre-computed accountability figures: one row per scope, object and month.

The pages never count letters: they read these rows, which
:mod:`emanager.accountability.services` keeps current whenever a letter or its
survey changes (and ``manage.py rebuild_statistics`` recomputes from scratch).
A row holds counts and small histograms, so that the median, the 90th
percentile and the figures that depend on today's date (due, overdue) are exact
when the rows are read (see :mod:`emanager.accountability.definitions`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Municipality


class Scope(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    BODY = "body", _("Body")
    OFFICIAL = "official", _("Official")
    UNIT = "unit", _("Territorial unit")


class MonthlyFigures(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    # The body's, official's or unit's id; the municipality's for its own rows.
    object_id = models.PositiveIntegerField(_("object"))
    # The first day of the month the letters were registered in.
    month = models.DateField(_("month"))
    received = models.PositiveIntegerField(_("letters received"), default=0)
    answered = models.PositiveIntegerField(_("answered"), default=0)
    answered_on_time = models.PositiveIntegerField(_("answered on time"), default=0)
    surveys_answered = models.PositiveIntegerField(_("surveys answered"), default=0)
    satisfied = models.PositiveIntegerField(_("satisfied"), default=0)
    # {"days to answer": number of answered letters}
    days_histogram = models.JSONField(_("days to answer"), default=dict, blank=True)
    # {"YYYY-MM-DD" deadline: number of letters not answered} ("" when no deadline)
    unanswered_deadlines = models.JSONField(_("deadlines not answered"), default=dict, blank=True)
    # {"YYYY-MM-DD" deadline: number of open letters} ("" when no deadline)
    open_deadlines = models.JSONField(_("deadlines of open letters"), default=dict, blank=True)
    computed_at = models.DateTimeField(_("computed at"), auto_now=True)

    class Meta:
        verbose_name = _("monthly figures")
        verbose_name_plural = _("monthly figures")
        ordering = ["scope", "object_id", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "object_id", "month"], name="monthly_figures_unique"
            ),
        ]
        indexes = [models.Index(fields=["municipality", "scope", "month"])]

    def __str__(self) -> str:
        return f"{self.scope} {self.object_id} {self.month:%Y-%m}"

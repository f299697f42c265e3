"""The deadline calendar of a municipality.

* :class:`DeadlineRule`: how long a kind of letter may take there. Without a
  row, :data:`DEFAULT_DEADLINE_RULES` apply (the General Administrative Code).
* :class:`CalendarSettings`: the weekend and what happens to a deadline that
  ends on a non-working day. Without a row: Saturday and Sunday, and the next
  working day.
* :class:`CalendarDay`: a date that is a day off or a working day against the
  public holidays and the weekend.

The counting itself is in :mod:`emanager.deadlines.calendar`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emanager.deadlines.calendar import DEFAULT_WEEKEND, DeadlineSpec, Period
from emanager.deadlines.choices import DeadlineUnit, NonWorkingDayRule
from emanager.letters.choices import LetterKind

__all__ = [
    "DEFAULT_DEADLINE_RULES",
    "CalendarDay",
    "CalendarSettings",
    "DeadlineRule",
    "DeadlineUnit",
    "NonWorkingDayRule",
]

# The legal periods, used when a municipality has no rule of its own.
# Public information: 10 days is the legal maximum, so no extension.
DEFAULT_DEADLINE_RULES: dict[str, DeadlineSpec] = {
    LetterKind.APPLICATION: DeadlineSpec(
        period=Period(DeadlineUnit.MONTHS, 1), max_extension=Period(DeadlineUnit.MONTHS, 1)
    ),
    LetterKind.COMPLAINT: DeadlineSpec(
        period=Period(DeadlineUnit.MONTHS, 1), max_extension=Period(DeadlineUnit.MONTHS, 1)
    ),
    LetterKind.PROPOSAL: DeadlineSpec(
        period=Period(DeadlineUnit.MONTHS, 1), max_extension=Period(DeadlineUnit.MONTHS, 1)
    ),
    LetterKind.PUBLIC_INFORMATION: DeadlineSpec(
        period=Period(DeadlineUnit.CALENDAR_DAYS, 10),
        max_extension=Period(DeadlineUnit.CALENDAR_DAYS, 0),
    ),
}


class DeadlineRule(models.Model):
    """A municipality's period for one kind of letter, replacing the default."""

    municipality = models.ForeignKey(
        "directory.Municipality",
        on_delete=models.CASCADE,
        related_name="deadline_rules",
        verbose_name=_("municipality"),
    )
    kind = models.CharField(_("kind of letter"), max_length=30, choices=LetterKind.choices)
    unit = models.CharField(_("unit"), max_length=20, choices=DeadlineUnit.choices)
    amount = models.PositiveSmallIntegerField(
        _("period"),
        validators=[MinValueValidator(1)],
        help_text=_("Counted from the day after registration."),
    )
    max_extension_unit = models.CharField(
        _("unit of the extension"),
        max_length=20,
        choices=DeadlineUnit.choices,
        default=DeadlineUnit.MONTHS,
    )
    max_extension_amount = models.PositiveSmallIntegerField(
        _("longest extension"),
        default=0,
        help_text=_(
            "How far the deadline may be extended in total, counted from its ordinary end. "
            "0: it cannot be extended."
        ),
    )

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["municipality", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kind"], name="deadline_rule_kind_unique"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=1),
                name="deadline_rule_amount_positive",
                violation_error_message=_("The period must be at least 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.amount} {self.get_unit_display()}"

    @property
    def spec(self) -> DeadlineSpec:
        return DeadlineSpec(
            period=Period(self.unit, self.amount),
            max_extension=Period(self.max_extension_unit, self.max_extension_amount),
        )


def validate_weekend_days(value: str) -> None:
    if len(value) != len(set(value)) or not set(value) <= set("1234567") or len(value) == 7:
        raise ValidationError(
            _("Choose at most six different weekdays."), code="invalid_weekend_days"
        )


class CalendarSettings(models.Model):
    """How a municipality's calendar differs from the default one."""

    municipality = models.OneToOneField(
        "directory.Municipality",
        on_delete=models.CASCADE,
        related_name="calendar_settings",
        verbose_name=_("municipality"),
    )
    non_working_day_rule = models.CharField(
        _("deadline on a non-working day"),
        max_length=20,
        choices=NonWorkingDayRule.choices,
        default=NonWorkingDayRule.NEXT_WORKING_DAY,
    )
    # ISO weekday numbers, Monday 1 ... Sunday 7, in a string: "67" is
    # Saturday and Sunday. The admin shows check boxes.
    weekend_days = models.CharField(
        _("weekend days"),
        max_length=7,
        blank=True,
        default="".join(str(day) for day in sorted(DEFAULT_WEEKEND)),
        validators=[validate_weekend_days],
    )

    class Meta:
        verbose_name = _("calendar settings")
        verbose_name_plural = _("calendar settings")

    def __str__(self) -> str:
        return str(self.municipality)

    @property
    def weekend(self) -> frozenset[int]:
        return frozenset(int(day) for day in self.weekend_days)


class CalendarDay(models.Model):
    """A date that is a day off, or a working day, against the usual calendar."""

    municipality = models.ForeignKey(
        "directory.Municipality",
        on_delete=models.CASCADE,
        related_name="calendar_days",
        verbose_name=_("municipality"),
    )
    date = models.DateField(_("date"))
    is_working_day = models.BooleanField(
        _("working day"),
        default=False,
        help_text=_(
            "Unticked: an extra day off declared by the government or the municipality. "
            "Ticked: a working day although it is a holiday or a weekend day."
        ),
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("For example the decree that declared the day off."),
    )

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "date"], name="calendar_day_date_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.date.isoformat()

"""The inbox filters.

django-filter is well kept (Jazzband, releases that follow Django's) and
builds an ordinary Django form from the filterset, so the filters render as
labelled fields and work as a plain GET form, without JavaScript.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Municipality, TerritorialUnit
from emanager.letters.choices import LetterKind, LetterStatus
from emanager.letters.models import Letter
from emanager.staff import selectors

MAX_DAYS = 366

STATUS_CHOICES = [
    (value, label) for value, label in LetterStatus.choices if value != LetterStatus.UNCONFIRMED
]


class DaysFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class InboxFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, empty_label=_("Any status")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=LetterKind.choices, empty_label=_("Any kind")
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Territorial unit"),
        queryset=TerritorialUnit.objects.none(),
        empty_label=_("Any territorial unit"),
        method="filter_unit",
        help_text=_("The unit the letter is addressed to or comes from."),
    )
    due_within = DaysFilter(
        label=_("Due within (days)"),
        method="filter_due_within",
        min_value=0,
        max_value=MAX_DAYS,
        help_text=_("Open letters whose deadline falls within this many days from today."),
    )
    overdue = django_filters.BooleanFilter(
        label=_("Overdue only"), method="filter_overdue", widget=forms.CheckboxInput
    )

    class Meta:
        model = Letter
        fields = ["status", "kind", "unit", "due_within", "overdue"]

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = TerritorialUnit.objects.filter(municipality=municipality)

    @property
    def is_active(self) -> bool:
        """Does any valid filter narrow the list?"""
        if not self.is_bound:
            return False
        self.form.is_valid()  # cleaned_data then holds the fields that are valid
        return any(value not in (None, "", False) for value in self.form.cleaned_data.values())

    def filter_unit(self, queryset, name, value):
        return queryset.filter(Q(addressee_unit=value) | Q(author_unit=value))

    def filter_due_within(self, queryset, name, value):
        return queryset.filter(selectors.due_within_q(selectors.local_today(), value))

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(selectors.overdue_q(selectors.local_today()))

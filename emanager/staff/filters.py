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
from emanager.letters.choices import Channel, LetterKind, LetterStatus
from emanager.letters.models import Letter
from emanager.staff import selectors
from emanager.staff.permissions import approves_answers, letters_awaiting_approval_by

MAX_DAYS = 366

STATUS_CHOICES = [
    (value, label) for value, label in LetterStatus.choices if value != LetterStatus.UNCONFIRMED
]


class DaysFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class InboxFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_q",
        max_length=selectors.SEARCH_MAX,
        help_text=_("Registration number, the citizen's name, words of the subject or the text."),
    )
    awaiting_approval = django_filters.BooleanFilter(
        label=_("Answers waiting for my approval"),
        method="filter_awaiting_approval",
        widget=forms.CheckboxInput,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, empty_label=_("Any status")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=LetterKind.choices, empty_label=_("Any kind")
    )
    channel = django_filters.ChoiceFilter(
        label=_("Received by"), choices=Channel.choices, empty_label=_("Any channel")
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
        fields = ["q", "status", "kind", "channel", "unit", "due_within", "overdue"]

    def __init__(self, *args, municipality: Municipality, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.user = user
        self.filters["unit"].queryset = TerritorialUnit.objects.filter(municipality=municipality)
        if user is None or not approves_answers(user, municipality):
            del self.filters["awaiting_approval"]

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

    def filter_q(self, queryset, name, value):
        return queryset.filter(selectors.search_q(value))

    def filter_awaiting_approval(self, queryset, name, value):
        if not value:
            return queryset
        waiting = letters_awaiting_approval_by(self.user, self.municipality)
        return queryset.filter(pk__in=waiting.values("pk"))

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import Model, QuerySet
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from emanager.deadlines.models import CalendarDay, CalendarSettings, DeadlineRule
from emanager.deadlines.services import calendar_changed
from emanager.directory.models import Municipality

# ISO weekday numbers (Monday 1 ... Sunday 7) with Django's translated names.
ISO_WEEKDAY_CHOICES = [(str(number + 1), name) for number, name in sorted(WEEKDAYS.items())]


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(admin.ModelAdmin):
    list_display = [
        "kind",
        "amount",
        "unit",
        "max_extension_amount",
        "max_extension_unit",
        "municipality",
    ]
    list_filter = ["municipality", "kind"]
    list_select_related = ["municipality"]
    fields = [
        "municipality",
        "kind",
        ("amount", "unit"),
        ("max_extension_amount", "max_extension_unit"),
    ]


class YearListFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        dates = model_admin.get_queryset(request).dates("date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in dates]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(date__year=int(value))
        return queryset


class CalendarChangeMixin:
    """Recomputes the deadlines of open letters when a calendar object is saved or deleted.

    When the object moved to another municipality, both are recomputed.
    """

    def save_model(self, request, obj: Model, form, change: bool) -> None:
        municipality_ids = {obj.municipality_id}
        if change:
            municipality_ids |= set(
                type(obj).objects.filter(pk=obj.pk).values_list("municipality_id", flat=True)
            )
        super().save_model(request, obj, form, change)
        _calendars_changed(municipality_ids)

    def delete_model(self, request, obj: Model) -> None:
        municipality_id = obj.municipality_id
        super().delete_model(request, obj)
        _calendars_changed({municipality_id})

    def delete_queryset(self, request, queryset: QuerySet) -> None:
        municipality_ids = set(queryset.values_list("municipality_id", flat=True))
        super().delete_queryset(request, queryset)
        _calendars_changed(municipality_ids)


def _calendars_changed(municipality_ids: set[int]) -> None:
    for municipality in Municipality.objects.filter(pk__in=municipality_ids):
        calendar_changed(municipality=municipality)


@admin.register(CalendarDay)
class CalendarDayAdmin(CalendarChangeMixin, admin.ModelAdmin):
    list_display = ["date", "weekday", "is_working_day", "note", "municipality"]
    list_filter = ["municipality", YearListFilter, "is_working_day"]
    list_select_related = ["municipality"]
    search_fields = ["note"]
    fields = ["municipality", "date", "is_working_day", "note"]

    @admin.display(description=_("weekday"), ordering="date")
    def weekday(self, obj: CalendarDay) -> str:
        return str(WEEKDAYS[obj.date.weekday()])


class CalendarSettingsForm(forms.ModelForm):
    weekend_days = forms.MultipleChoiceField(
        label=_("weekend days"),
        choices=ISO_WEEKDAY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CalendarSettings
        fields = ["municipality", "non_working_day_rule", "weekend_days"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.initial["weekend_days"] = list(self.instance.weekend_days)

    def clean_weekend_days(self) -> str:
        return "".join(sorted(self.cleaned_data["weekend_days"]))


@admin.register(CalendarSettings)
class CalendarSettingsAdmin(CalendarChangeMixin, admin.ModelAdmin):
    form = CalendarSettingsForm
    list_display = ["municipality", "non_working_day_rule", "weekend"]
    list_select_related = ["municipality"]

    @admin.display(description=_("weekend days"))
    def weekend(self, obj: CalendarSettings) -> str:
        return ", ".join(str(WEEKDAYS[day - 1]) for day in sorted(obj.weekend))

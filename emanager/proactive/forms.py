"""Forms of proactive publication. They check the input; services write."""

from __future__ import annotations

import datetime

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from emanager.directory.models import Body, Municipality
from emanager.letters.attachments import ALLOWED_DESCRIPTION, check_files
from emanager.proactive import rules
from emanager.proactive.choices import ItemState, Section, UpdateRule
from emanager.proactive.models import CatalogueItem, Document

EARLIEST_YEAR = 2000

PERIOD_NONE = ""
PERIOD_YEAR = "year"
PERIOD_DATES = "dates"
PERIOD_CHOICES = [
    (PERIOD_NONE, _("No period")),
    (PERIOD_YEAR, _("The whole year")),
    ("q1", _("1st quarter (January–March)")),
    ("q2", _("2nd quarter (April–June)")),
    ("q3", _("3rd quarter (July–September)")),
    ("q4", _("4th quarter (October–December)")),
    (PERIOD_DATES, _("Other dates (give them below)")),
]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def period_choice(period: rules.ReportingPeriod) -> tuple[int, str]:
    """The form's year and part for a reporting period."""
    return period.year, PERIOD_YEAR if period.is_year else f"q{period.quarter}"


class DocumentForm(forms.Form):
    """Publish a document into an item, or correct one (``document``)."""

    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        help_text=_("As the document is called, e.g. “Budget execution report, 2nd quarter 2026”."),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF is best; accepted: %(types)s. At most 10 MB.")
        % {"types": ALLOWED_DESCRIPTION},
    )
    url = forms.URLField(
        label=_("Or a link"),
        required=False,
        max_length=1000,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_(
            "Where the document is published already, e.g. on matsne.gov.ge or the "
            "municipality's website. Give a file or a link, not both."
        ),
    )
    period_year = forms.IntegerField(
        label=_("Year covered"),
        required=False,
        min_value=EARLIEST_YEAR,
        help_text=_("The year the document reports on."),
    )
    period_part = forms.ChoiceField(
        label=_("Part of the year"), choices=PERIOD_CHOICES, required=False
    )
    period_start = forms.DateField(
        label=pgettext_lazy("start of a period", "From"), required=False, widget=DateInput
    )
    period_end = forms.DateField(
        label=pgettext_lazy("end of a period", "To"),
        required=False,
        widget=DateInput,
        help_text=_("Only for other dates: the first and last day the document covers."),
    )
    entry_into_force = forms.DateField(
        label=_("Entry into force"),
        widget=DateInput,
        help_text=_("The act must be published within 10 days of this day."),
    )
    published_on = forms.DateField(
        label=_("Publication date"),
        widget=DateInput,
        help_text=_("Today, unless it was published earlier elsewhere."),
    )

    def __init__(
        self,
        *args,
        item: CatalogueItem,
        today: datetime.date,
        document: Document | None = None,
        period: rules.ReportingPeriod | None = None,
        **kwargs,
    ):
        self.item = item
        self.today = today
        self.document = document
        if document is not None:
            kwargs.setdefault("initial", _initial_from(document))
        else:
            kwargs.setdefault("initial", _initial_for(today, period))
        super().__init__(*args, **kwargs)
        self.fields["period_year"].max_value = today.year + 1
        self.fields["period_year"].widget.attrs.update(min=EARLIEST_YEAR, max=today.year + 1)
        if item.rule != UpdateRule.LEGAL_ACTS:
            del self.fields["entry_into_force"]
        if document is not None and not document.is_link:
            del self.fields["url"]
            self.fields["file"].label = _("Replace the file")
            self.fields["file"].help_text = _(
                "Optional: a corrected file in place of “%(name)s”."
            ) % {"name": document.original_name}
        elif document is not None:
            del self.fields["file"]
            self.fields["url"].label = _("Link")
            self.fields["url"].required = True

    @property
    def needs_period(self) -> bool:
        return self.item.rule in rules.SCHEDULED

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        return check_files([upload])[0]

    def clean_published_on(self):
        day = self.cleaned_data["published_on"]
        if day > self.today:
            raise forms.ValidationError(
                _("The publication date cannot be in the future."), code="future"
            )
        if day.year < EARLIEST_YEAR:
            raise forms.ValidationError(
                _("Give a publication date from %(year)s on."),
                params={"year": EARLIEST_YEAR},
                code="too_early",
            )
        return day

    def clean(self):
        cleaned = super().clean()
        if self.document is None and "file" not in self.errors and "url" not in self.errors:
            if cleaned.get("file") and cleaned.get("url"):
                self.add_error("url", _("Give a file or a link, not both."))
            elif not cleaned.get("file") and not cleaned.get("url"):
                self.add_error("file", _("Choose the file to publish, or give a link below."))
        self._clean_period(cleaned)
        return cleaned

    def _clean_period(self, cleaned) -> None:
        part = cleaned.get("period_part") or PERIOD_NONE
        year = cleaned.get("period_year")
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        cleaned["period"] = None
        if "period_year" in self.errors:
            return
        if part == PERIOD_DATES:
            if not start:
                self.add_error("period_start", _("Give the first day the document covers."))
            if not end:
                self.add_error("period_end", _("Give the last day the document covers."))
            if start and end:
                if end < start:
                    self.add_error("period_end", _("The period cannot end before it starts."))
                else:
                    cleaned["period"] = rules.ReportingPeriod(start, end)
        elif part != PERIOD_NONE:
            if year is None:
                self.add_error("period_year", _("Give the year the document covers."))
            elif part == PERIOD_YEAR:
                cleaned["period"] = rules.ReportingPeriod.of_year(year)
            else:
                cleaned["period"] = rules.ReportingPeriod.of_quarter(year, int(part[1]))
        elif start or end:
            self.add_error("period_part", _("Choose “Other dates” to give the period by its days."))
        period = cleaned["period"]
        if self.needs_period and period is None and not self._has_period_error():
            message = (
                _("Choose the quarter this document covers.")
                if self.item.rule == UpdateRule.QUARTERLY
                else _("Choose the year this document covers.")
            )
            self.add_error("period_part", message)

    def _has_period_error(self) -> bool:
        return any(
            name in self.errors
            for name in ("period_year", "period_part", "period_start", "period_end")
        )


def _initial_for(today: datetime.date, period: rules.ReportingPeriod | None) -> dict:
    """A new document: published today, covering the period the item waits for."""
    initial: dict = {"published_on": today}
    if period is not None:
        initial["period_year"], initial["period_part"] = period_choice(period)
    return initial


def _initial_from(document: Document) -> dict:
    initial = {
        "title": document.title,
        "url": document.url,
        "published_on": document.published_on,
        "entry_into_force": document.entry_into_force,
    }
    period = document.period
    if period is None:
        return initial
    standard = (
        rules.ReportingPeriod.of_year(period.year) == period
        or rules.ReportingPeriod.of_quarter(period.year, (period.start.month + 2) // 3) == period
    )
    if standard:
        initial["period_year"], initial["period_part"] = period_choice(period)
    else:
        initial.update(period_part=PERIOD_DATES, period_start=period.start, period_end=period.end)
    return initial


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it withdrawn?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with the record, e.g. “a wrong file was uploaded”."),
    )


class ItemSettingsForm(forms.Form):
    responsible_body = forms.ModelChoiceField(
        label=_("Responsible body or unit"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("None: the administrators"),
        help_text=_("Its staff publish into the item and are reminded before it falls due."),
    )
    is_applicable = forms.BooleanField(
        label=_("This information applies to the municipality"), required=False
    )
    not_applicable_reason = forms.CharField(
        label=_("If it does not apply: why"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the public pages, e.g. “The municipality has no vehicles.”"),
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_body"].queryset = Body.objects.filter(
            municipality=municipality
        ).order_by("order", "name")

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("is_applicable")
            and not (cleaned.get("not_applicable_reason") or "").strip()
        ):
            self.add_error(
                "not_applicable_reason", _("Give the reason why the item does not apply.")
            )
        return cleaned


class ItemForm(forms.Form):
    """An item of the municipality's own."""

    name_ka = forms.CharField(label=_("Name in Georgian"), max_length=300)
    name_en = forms.CharField(
        label=_("Name in English"),
        max_length=300,
        required=False,
        help_text=_("Optional; it also gives the item its address."),
    )
    name_ru = forms.CharField(label=_("Name in Russian"), max_length=300, required=False)
    section = forms.ChoiceField(label=_("Section"), choices=Section.choices)
    rule = forms.ChoiceField(label=_("Update rule"), choices=UpdateRule.choices)
    responsible_body = forms.ModelChoiceField(
        label=_("Responsible body or unit"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("None: the administrators"),
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_body"].queryset = Body.objects.filter(
            municipality=municipality
        ).order_by("order", "name")


class CatalogueFilterForm(forms.Form):
    """The filters of the catalogue and the compliance view: a GET form."""

    section = forms.ChoiceField(
        label=_("Section"), choices=[("", _("All sections")), *Section.choices], required=False
    )
    state = forms.ChoiceField(
        label=_("State"), choices=[("", _("Any state")), *ItemState.choices], required=False
    )

    def values(self) -> tuple[str, str]:
        if not self.is_valid():
            return "", ""
        return self.cleaned_data["section"], self.cleaned_data["state"]

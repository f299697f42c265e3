"""The optional filters of a download: ``?year=2026&body=city-hall``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Body, Municipality
from emanager.opendata.catalogue import ExportFilters


class ExportFilterForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year registered"),
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=_("Only the letters registered in this year; empty for every year."),
    )
    body = forms.ChoiceField(
        label=_("Body"),
        required=False,
        help_text=_("Only the letters addressed to this body; empty for every body."),
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.bodies = {body.slug: body for body in Body.objects.filter(municipality=municipality)}
        self.fields["body"].choices = [
            ("", _("All bodies")),
            *((slug, body.name) for slug, body in self.bodies.items()),
        ]
        self.fields["body"].error_messages["invalid_choice"] = _(
            "There is no body at the address “%(value)s”."
        )

    def export_filters(self) -> ExportFilters:
        """The filters chosen (call after ``is_valid()``)."""
        data = self.cleaned_data
        return ExportFilters(year=data.get("year"), body=self.bodies.get(data.get("body") or ""))

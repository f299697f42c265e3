"""The filters of the public register and of the annual report.

One filter set for both, so that the report of a year and a body counts
exactly the rows the register shows for the same year and body. The body is
chosen by its address (``?body=city-hall``) and includes the units below it.
"""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from emanager.core.freshness import cached
from emanager.directory.models import Body, Municipality
from emanager.foi import register
from emanager.foi.models import FoiRequest
from emanager.registry.selectors import indented_name


class RegisterFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label=_("Year received"),
        empty_label=_("All years"),
        method="filter_year",
    )
    body = django_filters.ChoiceFilter(
        label=_("Body"),
        empty_label=_("All bodies"),
        method="filter_body",
        help_text=_("Requests to this body or to any unit under it."),
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Outcome"),
        choices=register.OUTCOME_CHOICES,
        empty_label=_("Any outcome"),
        method="filter_outcome",
    )

    class Meta:
        model = FoiRequest
        fields = ["year", "body", "outcome"]

    def __init__(self, data=None, *args, municipality: Municipality, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.municipality = municipality
        # The bodies and the years change rarely: read once, until the data changes.
        self.tree, self.years = cached(
            municipality.pk,
            "foi:filter-choices",
            lambda: (register.body_tree(municipality), register.register_years(municipality)),
            daily=True,
        )
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in self.years]
        self.filters["body"].extra["choices"] = [
            (body.slug, indented_name(body, depth)) for body, depth in self.tree
        ]

    @property
    def chosen(self) -> dict:
        """The valid filters chosen: ``year`` (int), ``body`` (a Body), ``outcome``."""
        if not self.is_bound or not self.form.is_valid():
            return {}
        data = self.form.cleaned_data
        chosen = {}
        if data.get("year"):
            chosen["year"] = int(data["year"])
        if data.get("body"):
            chosen["body"] = self.chosen_body
        if data.get("outcome"):
            chosen["outcome"] = data["outcome"]
        return chosen

    @property
    def chosen_body(self) -> Body | None:
        """The body chosen (once the form is valid), or None."""
        slug = self.form.cleaned_data.get("body") if hasattr(self.form, "cleaned_data") else ""
        return next((body for body, _depth in self.tree if body.slug == slug), None)

    def filter_year(self, queryset, name, value):
        return register.filter_year(queryset, int(value)) if value else queryset

    def filter_body(self, queryset, name, value):
        body = self.chosen_body
        if body is None:
            return queryset
        return register.filter_bodies(queryset, register.subtree_ids(self.tree, body))

    def filter_outcome(self, queryset, name, value):
        return register.filter_outcome(queryset, value) if value else queryset


class ReportFilter(RegisterFilter):
    """The report's period and body: a year is always chosen (last year by default)."""

    class Meta:
        model = FoiRequest
        fields = ["year", "body"]

    def __init__(self, data=None, *args, municipality: Municipality, **kwargs):
        super().__init__(data, *args, municipality=municipality, **kwargs)
        del self.filters["outcome"]
        year = self.filters["year"]
        year.extra["empty_label"] = None
        year.extra["required"] = True
        year.label = _("Year")

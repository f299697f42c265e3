"""Tags of proactive publication: the back office's menu link and the label of a period."""

from __future__ import annotations

import datetime

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from emanager.proactive import rules
from emanager.staff.permissions import staff_access

register = template.Library()

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@register.inclusion_tag("proactive/_nav_link.html", takes_context=True)
def proactive_nav_link(context) -> dict:
    """The back-office menu's "Proactive publication", for the municipality's staff."""
    request = context.get("request")
    user = getattr(request, "user", None)
    municipality = getattr(request, "municipality", None)
    match = getattr(request, "resolver_match", None)
    return {
        "show": user is not None
        and municipality is not None
        and staff_access(user, municipality.pk).may_enter,
        "current": match is not None and match.view_name == "proactive:staff_catalogue",
    }


def _day(value: datetime.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


@register.filter
def period_label(period: rules.ReportingPeriod | None) -> str:
    """ "2026", "II quarter of 2026", or "01.01.2026 – 30.09.2026"; "" without a period."""
    if period is None:
        return ""
    if period == rules.ReportingPeriod.of_year(period.year):
        return _("year %(year)s") % {"year": period.year}
    quarter = (period.start.month + 2) // 3
    if period == rules.ReportingPeriod.of_quarter(period.year, quarter):
        return _("%(quarter)s quarter of %(year)s") % {
            "quarter": ROMAN[quarter],
            "year": period.year,
        }
    return f"{_day(period.start)} – {_day(period.end)}"


@register.filter
def period_list(periods) -> str:
    return ", ".join(period_label(period) for period in periods)

"""Filters for e-mail templates, whose context holds only JSON values."""

from __future__ import annotations

import datetime

from django import template

register = template.Library()


@register.filter
def from_iso(value: str) -> datetime.date | datetime.datetime | str:
    """Turn an ISO date or date-time string into a date for the ``date`` filter.

    ``{{ deadline|from_iso|date:"j F Y" }}``. A value that is no ISO date is
    returned unchanged.
    """
    if not isinstance(value, str):
        return value
    try:
        if "T" in value or " " in value.strip():
            return datetime.datetime.fromisoformat(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        return value

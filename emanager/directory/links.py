"""Absolute links to a municipality's pages, for e-mails and feeds."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.urls.base import get_script_prefix, set_script_prefix
from django.utils import translation

from emanager.directory.models import Municipality


def municipality_base_url(municipality: Municipality) -> str:
    """Where the municipality's site starts: its own host, or SITE_URL (+ /slug when shared)."""
    site = urlsplit(settings.SITE_URL)
    if municipality.domain:
        return f"{site.scheme}://{municipality.domain}"
    base = settings.SITE_URL.rstrip("/")
    if Municipality.objects.exclude(pk=municipality.pk).exists():
        base += f"/{municipality.slug}"
    return base


def absolute_url(
    municipality: Municipality, viewname: str, *, language: str, kwargs: dict | None = None
) -> str:
    previous = get_script_prefix()
    set_script_prefix("/")
    try:
        with translation.override(language):
            path = reverse(viewname, kwargs=kwargs)
    finally:
        set_script_prefix(previous)
    return municipality_base_url(municipality) + path

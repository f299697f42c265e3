from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def lang_of(obj, field: str) -> str:
    """A ``lang`` attribute when a translated field falls back to Georgian.

    A Georgian name shown on an English page must be marked as Georgian so
    that screen readers pronounce it with the right voice (WCAG 3.1.2).
    """
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if active == settings.LANGUAGE_CODE or getattr(obj, f"{field}_{active}", None):
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)

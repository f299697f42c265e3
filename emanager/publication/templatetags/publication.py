"""Tags of the publication review: the nav link, a letter's state, the highlighted original."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from emanager.publication import review
from emanager.staff.permissions import can_review, may_review

register = template.Library()


@register.simple_tag(takes_context=True)
def may_review_here(context) -> bool:
    """May the signed-in user review publication in this municipality?"""
    request = context.get("request")
    municipality = getattr(request, "municipality", None)
    if request is None or municipality is None:
        return False
    return may_review(request.user, municipality)


@register.simple_tag(takes_context=True)
def may_review_letter(context, letter) -> bool:
    request = context.get("request")
    return request is not None and can_review(request.user, letter)


@register.simple_tag
def publication_state(letter) -> review.PublicationState:
    return review.publication_state(letter)


def _segment(segment: review.Segment) -> SafeString:
    if segment.span is not None:
        label = segment.span.label
        if not segment.applied:
            label = _("%(kind)s, kept") % {"kind": label}
            return format_html(
                '<mark class="redact redact--kept"><span class="mark-label">{}</span> {}</mark>',
                label,
                segment.text,
            )
        return format_html(
            '<mark class="redact"><span class="mark-label">{}</span> {}</mark>',
            label,
            segment.text,
        )
    if segment.flag is not None:
        return format_html(
            '<mark class="flag"><span class="mark-label">{}</span> {}</mark>',
            segment.flag.label,
            segment.text,
        )
    return format_html("{}", segment.text)


@register.simple_tag
def highlighted(segments: list[review.Segment]) -> SafeString:
    """The original text, escaped, with its suggested removals and flagged words marked.

    Each mark carries a visible label (its kind or category), not only a colour.
    """
    return format_html_join("", "{}", ((_segment(segment),) for segment in segments))

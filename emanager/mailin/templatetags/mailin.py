"""The panel of answers by e-mail on the staff's page of a letter, and the nav link."""

from __future__ import annotations

from django import template

from emanager.letters.models import Letter
from emanager.letters.staff_services import OPEN_STATES
from emanager.mailin import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def mail_panel(context, letter: Letter) -> dict:
    """What the panel shows: the official, the e-mails sent and received, the action."""
    from emanager.staff.permissions import can_send_by_email

    request = context.get("request")
    user = getattr(request, "user", None)
    official = letter.addressee_official
    by_email = selectors.answers_by_email(official)
    return {
        "official": official,
        "configured": bool(selectors.reply_domain()),
        "by_email": by_email,
        "logs_in": official is not None and selectors.official_logs_in(official),
        "dispatches": list(selectors.dispatches_of(letter)),
        "received": list(selectors.inbound_of(letter)),
        "may_moderate": may_moderate_mail(context),
        "can_send": by_email
        and letter.status in OPEN_STATES
        and user is not None
        and can_send_by_email(user, letter),
    }


@register.simple_tag(takes_context=True)
def may_moderate_mail(context) -> bool:
    from emanager.staff.permissions import can_moderate_mail

    request = context.get("request")
    municipality = getattr(request, "municipality", None)
    if municipality is None or not request.user.is_authenticated:
        return False
    return can_moderate_mail(request.user, municipality)


@register.inclusion_tag("mailin/_nav_link.html", takes_context=True)
def mail_nav_link(context) -> dict:
    """The back-office link to the moderation queue, for those who keep it."""
    request = context.get("request")
    view_name = getattr(getattr(request, "resolver_match", None), "view_name", "") or ""
    current = ""
    if view_name == "mailin:queue":
        current = "page"
    elif view_name.startswith("mailin:"):
        current = "true"
    return {"show": may_moderate_mail(context), "current": current}

from django import template

from emanager.letters.choices import MessageStatus
from emanager.letters.models import Message
from emanager.staff.permissions import can_see_journal

register = template.Library()


@register.inclusion_tag("registry/_nav_link.html", takes_context=True)
def registry_nav_link(context) -> dict:
    """The back-office menu's "Registry journal", for those who may open it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    municipality = getattr(request, "municipality", None)
    match = getattr(request, "resolver_match", None)
    return {
        "show": user is not None
        and municipality is not None
        and can_see_journal(user, municipality),
        "current": match is not None and match.view_name == "registry:journal",
    }


@register.simple_tag
def sent_answers(letter, answers=None) -> list[Message]:
    """The letter's sent answers, the ones that can be printed.

    From ``answers`` (the thread the page has read already) when given, else
    from the database.
    """
    if answers is None or answers == "":  # not in the page's context
        answers = Message.objects.filter(letter=letter, is_answer=True)
    return [
        answer for answer in answers if answer.is_answer and answer.status == MessageStatus.SENT
    ]

"""``{% may_register_letters as flag %}``: may the signed-in user register letters here?"""

from django import template

from emanager.staff.permissions import can_register_letters

register = template.Library()


@register.simple_tag(takes_context=True)
def may_register_letters(context) -> bool:
    request = context.get("request")
    municipality = getattr(request, "municipality", None)
    if request is None or municipality is None:
        return False
    return can_register_letters(request.user, municipality)

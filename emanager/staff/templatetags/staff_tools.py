"""``{% may_manage_templates as flag %}``: may the signed-in user keep answer templates here?"""

from django import template

from emanager.staff.permissions import template_bodies

register = template.Library()


@register.simple_tag(takes_context=True)
def may_manage_templates(context) -> bool:
    request = context.get("request")
    municipality = getattr(request, "municipality", None)
    if request is None or municipality is None or not request.user.is_authenticated:
        return False
    return template_bodies(request.user, municipality).exists()

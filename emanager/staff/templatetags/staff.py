from django import template
from django.urls import NoReverseMatch, reverse

from emanager.staff import selectors

register = template.Library()


@register.simple_tag
def staff_letter_url(letter) -> str:
    """The staff page of a letter, or "" while the letters app does not offer one."""
    try:
        return reverse("letters:staff_letter", kwargs={"uuid": letter.uuid})
    except NoReverseMatch:
        return ""


@register.simple_tag
def deadline_state(letter, today):
    return selectors.deadline_state(letter, today=today)

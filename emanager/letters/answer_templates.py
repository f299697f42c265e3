"""Ready answers of a body: their placeholders, checked on save, filled from a letter.

A template's text may hold the placeholders of :data:`PLACEHOLDERS` in braces,
``{name}`` for example; braces serve for nothing else. Filling a template
replaces each placeholder with the letter's value, in the letter's language.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Body
from emanager.letters.models import AnswerTemplate, Letter

PLACEHOLDERS = {
    "name": _("the citizen's name"),
    "number": _("the letter's registration number"),
    "date": _("the date the letter was registered"),
    "subject": _("the letter's subject"),
    "deadline": _("the answer's deadline"),
    "official": _("the name of who answers"),
    "body": _("the name of the body"),
}

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def placeholders_check(text: str) -> None:
    """Raise ValidationError naming the unknown placeholders and the stray braces."""
    unknown = sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})
    known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    if unknown:
        raise ValidationError(
            _("Unknown placeholder: %(unknown)s. The placeholders are: %(known)s.")
            % {"unknown": ", ".join(f"{{{name}}}" for name in unknown), "known": known},
            code="unknown_placeholder",
        )
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        raise ValidationError(
            _(
                "Braces serve only for placeholders, each closed on itself, "
                "like {name}. The placeholders are: %(known)s."
            )
            % {"known": known},
            code="stray_brace",
        )


def _values(letter: Letter, official) -> dict[str, str]:
    with translation.override(letter.language):
        return {
            "name": letter.author_name,
            "number": letter.number,
            "date": date_format(timezone.localdate(letter.registered_at), "DATE_FORMAT")
            if letter.registered_at
            else "",
            "subject": letter.subject,
            "deadline": date_format(letter.deadline, "DATE_FORMAT") if letter.deadline else "",
            "official": (official.get_full_name() or official.get_username()) if official else "",
            "body": letter.addressee_body.name,
        }


def answer_template_fill(template: AnswerTemplate, *, letter: Letter, official=None) -> str:
    """The template's text with the letter's values in place of the placeholders."""
    values = _values(letter, official)
    return _PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), template.text)


@transaction.atomic
def answer_template_save(
    *, template: AnswerTemplate | None = None, body: Body, title: str, text: str, actor
) -> AnswerTemplate:
    """Create a template (``template`` None) or change one; the placeholders are checked."""
    placeholders_check(text)
    if template is None:
        template = AnswerTemplate(created_by=actor)
    template.body = body
    template.title = title
    template.text = text
    template.save()
    return template


@transaction.atomic
def answer_template_delete(*, template: AnswerTemplate) -> None:
    template.delete()

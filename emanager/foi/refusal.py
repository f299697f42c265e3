"""The written explanation of a refusal: its template, its placeholders, its PDF.

A refusal (and a partial grant, which refuses the rest) is explained in writing
within 3 days, with the applicant's rights and the appeal route: an
administrative complaint to the superior body within one month, or the court.
The text comes from the municipality's template
(:attr:`FoiSettings.refusal_template`) or, when it has none, from
:data:`DEFAULT_REFUSAL_TEMPLATE`, translated into the letter's language. Its
placeholders are filled from the request; braces serve for nothing else, and a
template with an unknown placeholder is refused when it is saved.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from emanager.foi.choices import RefusalGround
from emanager.foi.models import FoiRequest
from emanager.foi.rules import foi_settings, local_date, superior_body

__all__ = [
    "DEFAULT_REFUSAL_TEMPLATE",
    "PLACEHOLDERS",
    "refusal_file_name",
    "refusal_pdf",
    "refusal_placeholders_check",
    "refusal_text",
]

PLACEHOLDERS = {
    "name": _("the requester's name"),
    "number": _("the request's registration number"),
    "date": _("the date the request was registered"),
    "subject": _("the request's subject"),
    "ground": _("the legal ground of the refusal"),
    "explanation": _("the officer's explanation (for a partial grant: what was withheld)"),
    "body": _("the body that refused"),
    "superior": _("the superior body that reviews a complaint"),
    "official": _("the official who decided"),
}

DEFAULT_REFUSAL_TEMPLATE = _(
    "Dear {name},\n"
    "\n"
    "Your request for public information No. {number} of {date}, “{subject}”, was refused "
    "in whole or in part by {body}.\n"
    "\n"
    "Legal ground: {ground}.\n"
    "Explanation: {explanation}\n"
    "\n"
    "Your rights. Under the General Administrative Code of Georgia you may appeal against "
    "this decision:\n"
    "- by an administrative complaint to {superior}, within one month of receiving this "
    "letter; you may file it from the page of your request on this site, or on paper;\n"
    "- or by a claim to the court (the district or city court), within one month of "
    "receiving this letter.\n"
    "Requesting public information costs nothing; you may also ask again for the parts "
    "of the information that can be issued.\n"
    "\n"
    "{official}\n"
    "{body}"
)

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _known() -> str:
    return ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)


def refusal_placeholders_check(text: str) -> None:
    """Raise ValidationError naming the unknown placeholders and the stray braces."""
    unknown = sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})
    if unknown:
        raise ValidationError(
            _("Unknown placeholder: %(unknown)s. The placeholders are: %(known)s.")
            % {"unknown": ", ".join(f"{{{name}}}" for name in unknown), "known": _known()},
            code="unknown_placeholder",
        )
    rest = _PLACEHOLDER.sub("", text)
    if "{" in rest or "}" in rest:
        raise ValidationError(
            _(
                "Braces serve only for placeholders, each closed on itself, "
                "like {name}. The placeholders are: %(known)s."
            )
            % {"known": _known()},
            code="stray_brace",
        )


def _official_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def _values(request: FoiRequest) -> dict[str, str]:
    letter = request.letter
    return {
        "name": letter.author_name,
        "number": letter.number,
        "date": date_format(local_date(letter.registered_at), "DATE_FORMAT")
        if letter.registered_at
        else "",
        "subject": letter.subject,
        "ground": str(RefusalGround(request.refusal_ground).label)
        if request.refusal_ground
        else "",
        "explanation": request.refusal_explanation,
        "body": letter.addressee_body.name,
        "superior": superior_body(letter.addressee_body).name,
        "official": _official_name(request.decided_by),
    }


def refusal_text(request: FoiRequest) -> str:
    """The written explanation of the request's refusal, in the letter's language."""
    settings = foi_settings(request.letter.municipality)
    with translation.override(request.letter.language):
        template = settings.refusal_template.strip() or str(DEFAULT_REFUSAL_TEMPLATE)
        values = _values(request)
    return _PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), template)


def refusal_file_name(request: FoiRequest) -> str:
    """For example refusal-lan-si-2026-000012.pdf."""
    return f"refusal-{slugify(request.letter.number) or request.pk}.pdf"


def refusal_pdf(request: FoiRequest) -> bytes:
    """The written explanation as a letter on the letterhead, to print and post."""
    from emanager.registry.answers import Letterhead, _emblem
    from emanager.registry.exports import long_date_format
    from emanager.registry.pdf import render_pdf

    letter = request.letter
    municipality, body = letter.municipality, letter.addressee_body
    with translation.override(letter.language):
        letterhead = Letterhead(
            municipality=municipality.name,
            body=body.name,
            address=body.address or municipality.address,
            phone=body.phone or municipality.phone,
            email=body.email or municipality.email,
            website=body.website or municipality.website,
            emblem=_emblem(municipality),
        )
        context = {
            "request": request,
            "letter": letter,
            "letterhead": letterhead,
            "text": request.refusal_letter or refusal_text(request),
            "dated": local_date(request.refusal_letter_sent_at or request.decided_at)
            if (request.refusal_letter_sent_at or request.decided_at)
            else None,
            "registered_on": local_date(letter.registered_at) if letter.registered_at else None,
            "language": letter.language,
            "date_format": long_date_format(),
        }
        return render_pdf("foi/staff/refusal_pdf.html", context)

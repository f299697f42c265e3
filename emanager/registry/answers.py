"""The printed answer: an official letter a clerk can post to a citizen without e-mail."""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.text import slugify

from emanager.directory.models import Municipality
from emanager.letters.models import Message
from emanager.registry.exports import long_date_format
from emanager.registry.selectors import Signatory, answer_signatory

logger = logging.getLogger(__name__)

EMBLEM_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg"}
EMBLEM_TYPES |= {".jpeg": "image/jpeg", ".webp": "image/webp"}


@dataclass(frozen=True)
class Letterhead:
    """The top of the letter: who writes, and how to reach them."""

    municipality: str
    body: str
    address: str
    phone: str
    email: str
    website: str
    emblem: str | None  # a data: address

    @property
    def website_label(self) -> str:
        """The website as printed: lanchkhuti.gov.ge, without the scheme."""
        return self.website.split("://", 1)[-1].rstrip("/")


def _emblem(municipality: Municipality) -> str | None:
    """The emblem embedded in the document, or None (no emblem, or it cannot be read)."""
    from emanager.registry.pdf import data_uri

    if not municipality.emblem:
        return None
    name = municipality.emblem.name.lower()
    content_type = EMBLEM_TYPES.get(
        "." + name.rsplit(".", 1)[-1], mimetypes.guess_type(name)[0] or ""
    )
    if not content_type.startswith("image/"):
        return None
    try:
        with municipality.emblem.open("rb") as emblem:
            return data_uri(emblem.read(), content_type)
    except OSError:
        logger.warning("The emblem of %s cannot be read: printed without it.", municipality.slug)
        return None


def letterhead(answer: Message) -> Letterhead:
    """The municipality and the answering body, their contacts (the body's, else the
    municipality's), in the active language."""
    letter = answer.letter
    municipality, body = letter.municipality, letter.addressee_body
    return Letterhead(
        municipality=municipality.name,
        body=body.name,
        address=body.address or municipality.address,
        phone=body.phone or municipality.phone,
        email=body.email or municipality.email,
        website=body.website or municipality.website,
        emblem=_emblem(municipality),
    )


def answer_file_name(answer: Message) -> str:
    """For example answer-lan-out-2026-000012.pdf."""
    return f"answer-{slugify(answer.out_number) or answer.pk}.pdf"


def answer_pdf(answer: Message) -> bytes:
    """The answer as an official letter, in the letter's language."""
    from emanager.registry.pdf import render_pdf

    letter = answer.letter
    with translation.override(letter.language):
        signatory: Signatory = answer_signatory(answer)
        context = {
            "answer": answer,
            "letter": letter,
            "letterhead": letterhead(answer),
            "signatory": signatory,
            "sent_on": timezone.localdate(answer.sent_at) if answer.sent_at else None,
            "registered_on": (
                timezone.localdate(letter.registered_at) if letter.registered_at else None
            ),
            "language": letter.language,
            "date_format": long_date_format(),
        }
        return render_pdf("registry/pdf/answer.html", context)

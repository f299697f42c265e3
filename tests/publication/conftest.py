"""Lanchkhuti's named staff (from tests/staff), letters that allow publication, and helpers.

The clerk covers the Administrative service; the head covers the Finance
service and the Budget division below it; the official (of Finance) and the
outsider review nothing; the admin reviews everything.
"""

from __future__ import annotations

import pytest
from django.utils import translation

from emanager.letters import staff_services
from emanager.letters.choices import Publication
from emanager.letters.models import Message
from emanager.staff.models import Membership, StaffRole
from tests.staff.conftest import (  # noqa: F401  (fixtures)
    bodies,
    login,
    make_user,
    people,
    staff,
    today,
    write_letter,
)

PRIVATE_TEXT = (
    "მე, ნინო ბერიძე (პ/ნ 01024012345), მცხოვრები ქ. ლანჩხუთი, ჟორდანიას ქ. №12, "
    "გთხოვთ შეაკეთოთ გზა. ტელ: 599 12 34 56."
)


@pytest.fixture(autouse=True)
def english():
    """Messages from services and forms are in the active language; these tests read English."""
    with translation.override("en"):
        yield


@pytest.fixture
def pio(municipality, bodies):  # noqa: F811  (fixtures)
    user = make_user("pio")
    Membership.objects.create(
        user=user, municipality=municipality, body=bodies["finance"], role=StaffRole.PIO
    )
    return user


@pytest.fixture
def public_letter(write_letter, bodies):  # noqa: F811  (fixtures)
    """A letter to Finance whose author allows publication without her name."""

    def make(**fields):
        values = {
            "to": bodies["finance"],
            "publication": Publication.PUBLIC_ANONYMOUS,
            "subject": "გზის შეკეთება ჟორდანიას ქუჩაზე",
            "body": PRIVATE_TEXT,
            "author_name": "ნინო ბერიძე",
            "author_email": "nino.private@example.ge",
            "author_phone": "+995 577 11 22 33",
            "author_address": "ქ. ლანჩხუთი, ჟორდანიას ქ. №12",
            "language": "ka",
            **fields,
        }
        return write_letter(**values)

    return make


@pytest.fixture
def answer(staff):  # noqa: F811  (fixture)
    """The head of Finance answers the letter: the answer is sent at once."""

    def make(letter, body="გზა შეკეთდა. კითხვებისთვის: (0494) 22 11 33.") -> Message:
        return staff_services.letter_answer(letter=letter, actor=staff["head"], body=body, files=[])

    return make

"""Lanchkhuti's registry: named staff (from tests/staff), letters registered on given days,
and answers sent under outgoing numbers."""

from __future__ import annotations

import datetime
import io
import uuid
from zoneinfo import ZoneInfo

import pypdf
import pytest

from emanager.directory.models import PositionKind
from emanager.letters.choices import (
    Direction,
    LetterKind,
    LetterStatus,
    MessageStatus,
    Publication,
)
from emanager.letters.models import Letter, Message
from emanager.letters.numbering import outgoing_register_for
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from tests.factories import MandateFactory, PositionFactory
from tests.staff.conftest import (  # noqa: F401  (fixtures)
    bodies,
    login,
    make_user,
    people,
    staff,
    unit,
)

TBILISI = ZoneInfo("Asia/Tbilisi")


def at(day: datetime.date | str, hour: int = 10) -> datetime.datetime:
    """A moment of a day in Tbilisi."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=TBILISI)


@pytest.fixture
def write(municipality, bodies):  # noqa: F811
    """A citizen's letter, registered at ``on`` (a day or a moment)."""

    def write_(*, to=None, on="2026-03-02", **fields) -> Letter:
        moment = at(on) if isinstance(on, str | datetime.date) else on
        values = {
            "kind": LetterKind.APPLICATION,
            "subject": "გარე განათება ნიგოითში",
            "body": "რუსთაველის ქუჩაზე ოქტომბრიდან არ ანათებს ქუჩის ნათურები.",
            "addressee_body": to or bodies["finance"],
            "author_name": "ნინო ბერიძე",
            "author_email": "nino@example.ge",
            "author_address": "ნიგოითი, რუსთაველის ქ. 5",
            "publication": Publication.PRIVATE,
            "language": "ka",
            **fields,
        }
        letter, _ = letter_submit(
            municipality=municipality,
            draft=LetterDraft(**values),
            submission_key=uuid.uuid4(),
            now=moment,
        )
        return letter_confirm(letter=letter, now=moment)

    return write_


@pytest.fixture
def answer(municipality):
    """An answer of the municipality to a letter: sent under the next outgoing number
    unless another ``status`` is given (then a draft waiting for approval, say)."""
    register = outgoing_register_for(municipality=municipality)
    taken = {"sequence": 0}

    def answer_(
        letter: Letter,
        *,
        on="2026-03-10",
        author=None,
        approved_by=None,
        author_label: str = "",
        body: str = "ნათურები შეიცვალა 20 ნოემბერს. გმადლობთ შეტყობინებისთვის.",
        status: str = MessageStatus.SENT,
    ) -> Message:
        moment = at(on, 12) if isinstance(on, str | datetime.date) else on
        message = Message.objects.create(
            letter=letter,
            direction=Direction.OUTGOING,
            author=author,
            author_label=author_label,
            approved_by=approved_by,
            body=body,
            is_answer=True,
            status=status,
        )
        if status == MessageStatus.SENT:
            taken["sequence"] += 1
            message.sent_at = moment
            message.out_register = register
            message.out_year = moment.year
            message.out_sequence = taken["sequence"]
            message.out_number = register.format_number(year=moment.year, number=taken["sequence"])
            message.save()
            Letter.objects.filter(pk=letter.pk).update(
                status=LetterStatus.ANSWERED, answered_at=moment
            )
            letter.refresh_from_db()
        return message

    return answer_


@pytest.fixture
def head_official(bodies, people, staff):  # noqa: F811
    """The head user is the directory's Giorgi Beridze, Head of the Finance Service."""
    from emanager.staff.models import Membership

    Membership.objects.filter(user=staff["head"]).update(official=people["beridze"])
    MandateFactory(
        official=people["beridze"],
        position=PositionFactory(
            body=bodies["finance"],
            kind=PositionKind.HEAD,
            title_ka="ფინანსური სამსახურის უფროსი",
            title_en="Head of the Finance Service",
        ),
        start=datetime.date(2024, 1, 1),
    )
    people["beridze"].first_name_ka = "გიორგი"
    people["beridze"].last_name_ka = "ბერიძე"
    people["beridze"].save()
    return staff["head"]


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_pages(content: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(content)).pages)

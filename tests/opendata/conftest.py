"""Published letters to build open data from: the publication tests' fixtures, and helpers."""

from __future__ import annotations

import pytest

from emanager.publication import services as publication
from tests.publication.conftest import answer, english, public_letter  # noqa: F401  (fixtures)
from tests.staff.conftest import (  # noqa: F401  (fixtures)
    bodies,
    people,
    staff,
    write_letter,
)

PUBLIC_SUBJECT = "გზის შეკეთება ჟორდანიას ქუჩაზე"
PUBLIC_TEXT = "მე, [სახელი წაშლილია], გთხოვთ შეაკეთოთ გზა."
PUBLIC_ANSWER = "გზა შეკეთდა."
# What the fixtures' letters hold and no open data may show.
PRIVATE = (
    "ნინო ბერიძე",
    "01024012345",
    "599 12 34 56",
    "nino.private@example.ge",
    "+995 577 11 22 33",
    "ჟორდანიას ქ. №12",
    "(0494) 22 11 33",
)


@pytest.fixture
def publish(staff):  # noqa: F811  (fixture)
    """Publish a letter (and, with ``reply``, its answer message) as reviewed."""

    def publish_(
        letter, *, subject=PUBLIC_SUBJECT, text=PUBLIC_TEXT, reply=None, at=None, reply_at=None
    ):
        publication.letter_publish(
            letter=letter, actor=staff["head"], subject=subject, text=text, now=at
        )
        if reply is not None:
            publication.answer_publish(
                message=reply, actor=staff["head"], text=PUBLIC_ANSWER, now=reply_at
            )
        return letter

    return publish_

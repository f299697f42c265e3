"""Published letters built straight in the database, and helpers to read the archive.

The letters carry a private person's contacts and an original text that must
never reach a public page; each is published through the publication service
(which copies its registration time for the archive's order).
"""

from __future__ import annotations

import datetime
import uuid

import factory
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from factory.django import DjangoModelFactory

from emanager.letters.choices import LetterKind, LetterStatus, Publication
from emanager.letters.models import Letter
from emanager.publication import services
from tests.staff.conftest import bodies, people  # noqa: F401  (fixtures)

PRIVATE_NAME = "თამარ ქავთარაძე"
PRIVATE_EMAIL = "tamar.private@example.ge"
PRIVATE_PHONE = "+995 555 48 27 19"
PRIVATE_ADDRESS = "ქ. ლანჩხუთი, ნინოშვილის ქ. №41"
PRIVATE_TEXT = "მე, თამარ ქავთარაძე, ნინოშვილის ქ. №41-ში მცხოვრები, ვითხოვ წყლის მილის შეკეთებას."
PUBLIC_TEXT = "ვითხოვ წყლის მილის შეკეთებას [მისამართი]."
PRIVATE_DATA = (
    PRIVATE_NAME,
    PRIVATE_EMAIL,
    PRIVATE_PHONE,
    "555 48 27 19",
    "48 27 19",
    PRIVATE_ADDRESS,
    "ნინოშვილის",
    "ქავთარაძე",
    "tamar.private",
    PRIVATE_TEXT,
)


def moment(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """A local time on this day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class LetterFactory(DjangoModelFactory):
    """A registered letter from a private person who allowed publication without her name."""

    class Meta:
        model = Letter

    class Params:
        received = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=40))

    municipality = None
    kind = LetterKind.APPLICATION
    status = LetterStatus.ANSWERED
    subject = "ნინოშვილის ქუჩის წყალსადენი — თამარ ქავთარაძე"
    body = PRIVATE_TEXT
    author_name = PRIVATE_NAME
    author_email = PRIVATE_EMAIL
    author_phone = PRIVATE_PHONE
    author_address = PRIVATE_ADDRESS
    publication = Publication.PUBLIC_ANONYMOUS
    language = "ka"
    submission_key = factory.LazyFunction(uuid.uuid4)
    number = factory.Sequence(lambda n: f"A{n + 1}/26")
    registered_at = factory.LazyAttribute(lambda o: moment(o.received))
    deadline = factory.LazyAttribute(lambda o: o.received + datetime.timedelta(days=30))
    answered_at = factory.LazyAttribute(lambda o: moment(o.received + datetime.timedelta(days=12)))


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def reviewer(db):
    return get_user_model().objects.create_user("reviewer", password="x-archive-2026")


@pytest.fixture
def publish(municipality, bodies, reviewer):  # noqa: F811  (fixtures)
    """``publish(received=date, subject="...", **letter_fields)``: a published letter."""

    def make(*, subject: str = "წყალსადენის შეკეთება", **fields) -> Letter:
        fields.setdefault("addressee_body", bodies["finance"])
        letter = LetterFactory(municipality=municipality, **fields)
        services.letter_publish(letter=letter, actor=reviewer, subject=subject, text=PUBLIC_TEXT)
        return letter

    return make

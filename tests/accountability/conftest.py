"""Letters with chosen dates, for the accountability figures."""

from __future__ import annotations

import datetime
import uuid

import factory
import pytest
from django.utils import timezone
from factory.django import DjangoModelFactory

from emanager.letters.choices import LetterKind, LetterStatus, Publication
from emanager.letters.models import Letter
from emanager.surveys.models import Survey, SurveyResponse, SurveyState
from tests.factories import BodyFactory, MunicipalityFactory

# The day the figures are computed for in these tests.
TODAY = datetime.date(2026, 3, 16)


def moment(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """A local (Tbilisi) time on this day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class LetterFactory(DjangoModelFactory):
    """A registered, private letter; ``received`` is the local day of registration."""

    class Meta:
        model = Letter

    class Params:
        received = datetime.date(2026, 2, 2)

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = LetterKind.APPLICATION
    status = LetterStatus.OPEN
    addressee_body = factory.SubFactory(
        BodyFactory, municipality=factory.SelfAttribute("..municipality")
    )
    subject = "Street lighting in Nigoiti"
    body = "The street lights have not worked since October."
    author_name = "Nino Beridze"
    author_email = "nino@example.ge"
    author_address = "Nigoiti, Rustaveli st. 5"
    publication = Publication.PRIVATE
    submission_key = factory.LazyFunction(uuid.uuid4)
    number = factory.Sequence(lambda n: f"LAN-2026-{n + 1:06d}")
    registered_at = factory.LazyAttribute(lambda o: moment(o.received))
    confirmed_at = factory.SelfAttribute("registered_at")
    year = factory.LazyAttribute(lambda o: o.received.year)
    deadline = factory.LazyAttribute(lambda o: o.received + datetime.timedelta(days=10))


def answered(letter: Letter, at: datetime.datetime, *, close: bool = False) -> Letter:
    letter.answered_at = at
    letter.status = LetterStatus.CLOSED if close else LetterStatus.ANSWERED
    letter.save()
    return letter


def survey(letter: Letter, response: str = SurveyResponse.SATISFIED) -> Survey:
    return Survey.objects.create(
        letter=letter,
        state=SurveyState.ANSWERED,
        asked_at=letter.answered_at or letter.registered_at,
        response=response,
        answered_at=letter.answered_at or letter.registered_at,
    )


@pytest.fixture
def finance(municipality):
    return BodyFactory(municipality=municipality, slug="finance", name_en="Finance Service")


@pytest.fixture
def letter_to(municipality, finance):
    def make(**overrides) -> Letter:
        overrides.setdefault("addressee_body", finance)
        return LetterFactory(municipality=municipality, **overrides)

    return make

"""factory_boy factories for the directory. Translated fields are set per language."""

import datetime

import factory
from factory.django import DjangoModelFactory

from emanager.directory.models import (
    Body,
    BodyKind,
    Mandate,
    Municipality,
    Official,
    Position,
    PositionKind,
    TerritorialUnit,
)


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"municipality-{n}")
    name_ka = factory.Sequence(lambda n: f"მუნიციპალიტეტი {n}")
    name_en = factory.Sequence(lambda n: f"Municipality {n}")
    name_ru = factory.Sequence(lambda n: f"Муниципалитет {n}")
    email = "info@example.ge"


class BodyFactory(DjangoModelFactory):
    class Meta:
        model = Body

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = BodyKind.SERVICE
    slug = factory.Sequence(lambda n: f"body-{n}")
    name_ka = factory.Sequence(lambda n: f"სამსახური {n}")
    name_en = factory.Sequence(lambda n: f"Service {n}")
    name_ru = factory.Sequence(lambda n: f"Служба {n}")


class TerritorialUnitFactory(DjangoModelFactory):
    class Meta:
        model = TerritorialUnit

    municipality = factory.SubFactory(MunicipalityFactory)
    slug = factory.Sequence(lambda n: f"unit-{n}")
    name_ka = factory.Sequence(lambda n: f"სოფელი {n}")
    name_en = factory.Sequence(lambda n: f"Village {n}")
    name_ru = factory.Sequence(lambda n: f"Село {n}")


class PositionFactory(DjangoModelFactory):
    class Meta:
        model = Position

    body = factory.SubFactory(BodyFactory)
    kind = PositionKind.HEAD
    title_ka = "სამსახურის უფროსი"
    title_en = "Head of the service"
    title_ru = "Начальник службы"


class OfficialFactory(DjangoModelFactory):
    class Meta:
        model = Official

    municipality = factory.SubFactory(MunicipalityFactory)
    slug = factory.Sequence(lambda n: f"official-{n}")
    first_name_ka = "გიორგი"
    first_name_en = "Giorgi"
    first_name_ru = "Гиорги"
    last_name_ka = factory.Sequence(lambda n: f"ბერიძე{n}")
    last_name_en = factory.Sequence(lambda n: f"Beridze{n}")
    last_name_ru = factory.Sequence(lambda n: f"Беридзе{n}")


class MandateFactory(DjangoModelFactory):
    class Meta:
        model = Mandate

    official = factory.SubFactory(OfficialFactory)
    position = factory.SubFactory(PositionFactory)
    start = datetime.date(2025, 11, 10)
    end = None

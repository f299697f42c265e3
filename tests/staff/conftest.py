"""Named staff of Lanchkhuti, their letters, and a helper to build more letters.

City Hall
├── Administrative service   clerk
├── Finance service          head (head); official (official, linked to Giorgi Beridze)
│   └── Budget division
Sakrebulo                    official_elsewhere (linked to council member Eka Kvirikashvili)
admin: municipal administrator; outsider: signed in, no role.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from emanager.directory.models import BodyKind
from emanager.letters.choices import LetterKind, Publication
from emanager.letters.models import Letter
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from emanager.staff.models import Membership, StaffRole
from emanager.staff.selectors import local_today
from tests.factories import BodyFactory, OfficialFactory, TerritorialUnitFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture
def bodies(municipality):
    city_hall = BodyFactory(
        municipality=municipality, kind=BodyKind.CITY_HALL, slug="city-hall", name_en="City Hall"
    )
    finance = BodyFactory(
        municipality=municipality, parent=city_hall, slug="finance", name_en="Finance Service"
    )
    return {
        "city_hall": city_hall,
        "administrative": BodyFactory(
            municipality=municipality,
            parent=city_hall,
            slug="administrative",
            name_en="Administrative Service",
        ),
        "finance": finance,
        "budget": BodyFactory(
            municipality=municipality,
            parent=finance,
            kind=BodyKind.DIVISION,
            slug="budget",
            name_en="Budget Division",
        ),
        "sakrebulo": BodyFactory(
            municipality=municipality,
            kind=BodyKind.SAKREBULO,
            slug="sakrebulo",
            name_en="Sakrebulo",
        ),
    }


@pytest.fixture
def people(municipality):
    """Officials of the directory (not users)."""
    return {
        "beridze": OfficialFactory(
            municipality=municipality,
            slug="beridze",
            first_name_en="Giorgi",
            last_name_en="Beridze",
        ),
        "kvirikashvili": OfficialFactory(
            municipality=municipality,
            slug="kvirikashvili",
            first_name_en="Eka",
            last_name_en="Kvirikashvili",
        ),
    }


def make_user(username: str, **extra):
    return get_user_model().objects.create_user(
        username, email=f"{username}@example.ge", password=PASSWORD, **extra
    )


@pytest.fixture
def staff(municipality, bodies, people):
    """The named users, each with their membership."""
    users = {name: make_user(name) for name in ("clerk", "official", "head", "admin", "outsider")}
    users["official_elsewhere"] = make_user("official_elsewhere")
    Membership.objects.create(
        user=users["clerk"],
        municipality=municipality,
        body=bodies["administrative"],
        role=StaffRole.CLERK,
    )
    Membership.objects.create(
        user=users["official"],
        municipality=municipality,
        body=bodies["finance"],
        role=StaffRole.OFFICIAL,
        official=people["beridze"],
    )
    Membership.objects.create(
        user=users["head"], municipality=municipality, body=bodies["finance"], role=StaffRole.HEAD
    )
    Membership.objects.create(
        user=users["official_elsewhere"],
        municipality=municipality,
        body=bodies["sakrebulo"],
        role=StaffRole.OFFICIAL,
        official=people["kvirikashvili"],
    )
    Membership.objects.create(user=users["admin"], municipality=municipality, role=StaffRole.ADMIN)
    return users


@pytest.fixture
def write_letter(municipality, bodies):
    """A citizen writes a letter; registered (confirmed) unless ``confirm=False``."""

    def write(
        *, to=None, confirm: bool = True, municipality_=None, deadline=None, status=None, **fields
    ) -> Letter:
        values = {
            "kind": LetterKind.APPLICATION,
            "subject": "Street lighting in Nigoiti",
            "body": "The street lights on Rustaveli street have not worked since October.",
            "addressee_body": to or bodies["finance"],
            "author_name": "Nino Beridze",
            "author_email": "nino@example.ge",
            "author_address": "Nigoiti, Rustaveli st. 5",
            "publication": Publication.PRIVATE,
            "language": "en",
            **fields,
        }
        letter, _ = letter_submit(
            municipality=municipality_ or municipality,
            draft=LetterDraft(**values),
            submission_key=uuid.uuid4(),
        )
        if confirm:
            letter = letter_confirm(letter=letter)
        changes = {}
        if deadline is not None:
            changes["deadline"] = deadline
        if status is not None:
            changes["status"] = status
        if changes:
            Letter.objects.filter(pk=letter.pk).update(**changes)
            letter.refresh_from_db()
        return letter

    return write


@dataclass
class Mail:
    """One letter for each rule of who sees what."""

    administrative: Letter  # to the administrative service: clerk
    finance: Letter  # to the finance service: head
    to_beridze: Letter  # to the finance service, to Giorgi Beridze: head, official
    budget: Letter  # to the budget division, under finance: head
    to_kvirikashvili: Letter  # to the Sakrebulo, to Eka Kvirikashvili: official_elsewhere
    assigned: Letter  # to the Sakrebulo, assigned to official: official
    unconfirmed: Letter  # waiting for the citizen's e-mail: nobody

    def registered(self) -> list[Letter]:
        return [
            self.administrative,
            self.finance,
            self.to_beridze,
            self.budget,
            self.to_kvirikashvili,
            self.assigned,
        ]


@pytest.fixture
def mail(write_letter, bodies, people, staff) -> Mail:
    assigned = write_letter(to=bodies["sakrebulo"], subject="Assigned to the official")
    Letter.objects.filter(pk=assigned.pk).update(assignee=staff["official"])
    assigned.refresh_from_db()
    return Mail(
        administrative=write_letter(to=bodies["administrative"], subject="To the administration"),
        finance=write_letter(to=bodies["finance"], subject="To finance"),
        to_beridze=write_letter(
            to=bodies["finance"], addressee_official=people["beridze"], subject="To Beridze"
        ),
        budget=write_letter(to=bodies["budget"], subject="To the budget division"),
        to_kvirikashvili=write_letter(
            to=bodies["sakrebulo"],
            addressee_official=people["kvirikashvili"],
            subject="To Kvirikashvili",
        ),
        assigned=assigned,
        unconfirmed=write_letter(to=bodies["finance"], confirm=False, subject="Not confirmed"),
    )


@pytest.fixture
def today() -> datetime.date:
    return local_today()


@pytest.fixture
def unit(municipality):
    return TerritorialUnitFactory(municipality=municipality, slug="nigoiti", name_en="Nigoiti")


@pytest.fixture
def login(client):
    def login_(user):
        client.force_login(user)
        return client

    return login_

"""Citizens with accounts: citizen (verified), newcomer (not verified), other (verified)."""

from __future__ import annotations

import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from emanager.accounts.models import CitizenProfile
from emanager.directory.models import BodyKind
from emanager.letters.models import Letter
from emanager.letters.services import letter_confirm, letter_submit
from emanager.notifications.models import OutboxMessage
from tests.factories import BodyFactory
from tests.letters.conftest import make_draft

PASSWORD = "correct horse battery staple"


def make_citizen(email: str, name: str, *, verified: bool):
    user = get_user_model().objects.create_user(email, email=email, password=PASSWORD)
    CitizenProfile.objects.create(
        user=user,
        name=name,
        language="en",
        email_verified_at=timezone.now() if verified else None,
    )
    return user


@pytest.fixture
def citizen(db):
    return make_citizen("nino@example.ge", "Nino Beridze", verified=True)


@pytest.fixture
def newcomer(db):
    return make_citizen("levan@example.ge", "Levan Gelashvili", verified=False)


@pytest.fixture
def other(db):
    return make_citizen("tamar@example.ge", "Tamar Kapanadze", verified=True)


@pytest.fixture
def finance(municipality):
    return BodyFactory(
        municipality=municipality, kind=BodyKind.SERVICE, slug="finance", name_en="Finance"
    )


@pytest.fixture
def write_letter(municipality, finance):
    """A letter, registered unless ``confirm=False``; without an account unless ``user``."""

    def write(*, user=None, confirm: bool = True, **overrides) -> Letter:
        letter, _ = letter_submit(
            municipality=municipality,
            draft=make_draft(finance, **overrides),
            submission_key=uuid.uuid4(),
            user=user,
        )
        return letter_confirm(letter=letter) if confirm and user is None else letter

    return write


@pytest.fixture
def form_data(finance):
    return {
        "submission_key": str(uuid.uuid4()),
        "addressee": f"body:{finance.pk}",
        "kind": "application",
        "subject": "Street lighting",
        "body": "The street lights on Rustaveli street have not worked since October.",
        "author_name": "Nino Beridze",
        "author_email": "someone-else@example.ge",
        "author_phone": "",
        "author_address": "Nigoiti, Rustaveli st. 5",
        "author_unit": "",
        "publication": "private",
    }


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def verification_path(email: str) -> str:
    message = OutboxMessage.objects.filter(template="accounts/verify", to=email).latest("pk")
    return path_of(message.context["verify_url"])


@pytest.fixture(autouse=True)
def english():
    from django.utils import translation

    with translation.override("en"):
        yield

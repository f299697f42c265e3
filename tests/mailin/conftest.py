"""Answers by e-mail in Lanchkhuti: the Sakrebulo, its member Eka Kvirikashvili, who
does not log in and answers by e-mail, and the named staff.

Sakrebulo            clerk (registry clerk), head, official (Nikoloz Goguadze, who logs in)
admin: municipal administrator; outsider: signed in, no role.

The test messages in messages/*.eml are real RFC 822 files. Their reply and bounce
addresses read ``reply+REPLY_TOKEN@…`` and ``bounce+BOUNCE_TOKEN@…``: :func:`eml`
puts in the tokens of a letter.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from emanager.directory.models import BodyKind, PositionKind
from emanager.letters.choices import LetterKind, Publication
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from emanager.mailin import tokens
from emanager.staff.models import Membership, StaffRole
from tests.factories import BodyFactory, MandateFactory, OfficialFactory, PositionFactory

MESSAGES = Path(__file__).resolve().parent / "messages"
REPLY_DOMAIN = "mail.lanchkhuti.example.ge"
EKA_EMAIL = "e.kvirikashvili@lanchkhuti.example.ge"
PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def token_for(letter, official, purpose=tokens.Purpose.REPLY, today=None) -> str:
    return tokens.token_make(
        letter_id=letter.pk,
        official_id=official.pk,
        purpose=purpose,
        today=today or timezone.localdate(),
    )


def eml(name: str, letter=None, official=None, **replace: str) -> bytes:
    """The test message ``name`` with the reply and bounce tokens of ``letter`` put in."""
    raw = (MESSAGES / name).read_bytes()
    if letter is not None:
        raw = raw.replace(b"REPLY_TOKEN", token_for(letter, official).encode())
        raw = raw.replace(
            b"BOUNCE_TOKEN", token_for(letter, official, tokens.Purpose.BOUNCE).encode()
        )
    for old, new in replace.items():
        raw = raw.replace(old.encode(), new.encode())
    return raw


@pytest.fixture(autouse=True)
def mail_settings(settings):
    settings.MAIL_REPLY_DOMAIN = REPLY_DOMAIN
    settings.DEFAULT_FROM_EMAIL = "ლანჩხუთის მუნიციპალიტეტი <noreply@lanchkhuti.example.ge>"
    settings.SITE_URL = "https://emanager.example.ge"


@pytest.fixture(autouse=True)
def english():
    """Messages and reasons are read in English here."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def sakrebulo(municipality):
    return BodyFactory(
        municipality=municipality,
        kind=BodyKind.SAKREBULO,
        slug="sakrebulo",
        name_en="Sakrebulo",
        name_ka="საკრებულო",
        email="sakrebulo@lanchkhuti.example.ge",
    )


@pytest.fixture
def eka(municipality, sakrebulo):
    """A council member with an e-mail address and no user: she answers by e-mail."""
    official = OfficialFactory(
        municipality=municipality,
        slug="eka-kvirikashvili",
        first_name_en="Eka",
        last_name_en="Kvirikashvili",
        first_name_ka="ეკა",
        last_name_ka="კვირიკაშვილი",
        email=EKA_EMAIL,
    )
    MandateFactory(
        official=official,
        position=PositionFactory(body=sakrebulo, kind=PositionKind.COUNCIL_MEMBER),
    )
    return official


@pytest.fixture
def nikoloz(municipality, sakrebulo):
    """The Sakrebulo's chair: he logs in (the user ``official``)."""
    return OfficialFactory(
        municipality=municipality,
        slug="nikoloz-goguadze",
        first_name_en="Nikoloz",
        last_name_en="Goguadze",
        email="n.goguadze@lanchkhuti.example.ge",
    )


def make_user(username: str, **extra):
    return get_user_model().objects.create_user(
        username, email=f"{username}@lanchkhuti.example.ge", password=PASSWORD, **extra
    )


@pytest.fixture
def staff(municipality, sakrebulo, nikoloz):
    users = {name: make_user(name) for name in ("clerk", "head", "official", "admin", "outsider")}
    Membership.objects.create(
        user=users["clerk"], municipality=municipality, body=sakrebulo, role=StaffRole.CLERK
    )
    Membership.objects.create(
        user=users["head"], municipality=municipality, body=sakrebulo, role=StaffRole.HEAD
    )
    Membership.objects.create(
        user=users["official"],
        municipality=municipality,
        body=sakrebulo,
        role=StaffRole.OFFICIAL,
        official=nikoloz,
    )
    Membership.objects.create(user=users["admin"], municipality=municipality, role=StaffRole.ADMIN)
    return users


@pytest.fixture
def write(municipality, sakrebulo):
    """A citizen's letter to the Sakrebulo, registered; ``to`` the official addressed."""

    def write_(*, to=None, files=(), **fields):
        values = {
            "kind": LetterKind.APPLICATION,
            "subject": "Street lighting in Nigoiti",
            "body": "The street lights on Rustaveli street have not worked since October.",
            "addressee_body": sakrebulo,
            "addressee_official": to,
            "author_name": "Nino Beridze",
            "author_email": "nino@example.ge",
            "author_address": "Nigoiti, Rustaveli st. 5",
            "publication": Publication.PRIVATE,
            "language": "en",
            "files": list(files),
            **fields,
        }
        letter, _ = letter_submit(
            municipality=municipality, draft=LetterDraft(**values), submission_key=uuid.uuid4()
        )
        return letter_confirm(letter=letter)

    return write_


@pytest.fixture
def letter(write, eka):
    """A registered letter to Eka, who answers by e-mail."""
    return write(to=eka)


@pytest.fixture
def login(client):
    def login_(user):
        client.force_login(user)
        return client

    return login_

import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from emanager.directory.models import BodyKind, PositionKind
from emanager.letters.choices import LetterKind, Publication
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from tests.factories import BodyFactory, MandateFactory, OfficialFactory, PositionFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def finance(municipality):
    return BodyFactory(
        municipality=municipality,
        kind=BodyKind.SERVICE,
        slug="finance",
        name_en="Finance Service",
        email="finance@example.ge",
    )


@pytest.fixture
def head_of_finance(finance):
    official = OfficialFactory(
        municipality=finance.municipality, slug="head", email="head@example.ge"
    )
    MandateFactory(
        official=official, position=PositionFactory(body=finance, kind=PositionKind.HEAD)
    )
    return official


def make_draft(addressee_body, **overrides) -> LetterDraft:
    values = {
        "kind": LetterKind.APPLICATION,
        "subject": "Street lighting in Nigoiti",
        "body": "The street lights on Rustaveli street have not worked since October.",
        "addressee_body": addressee_body,
        "author_name": "Nino Beridze",
        "author_email": "nino@example.ge",
        "author_address": "Nigoiti, Rustaveli st. 5",
        "publication": Publication.PRIVATE,
        "language": "en",
    }
    values.update(overrides)
    return LetterDraft(**values)


@pytest.fixture
def submit(municipality, finance):
    def submit_(**overrides):
        letter, _ = letter_submit(
            municipality=municipality,
            draft=make_draft(finance, **overrides),
            submission_key=uuid.uuid4(),
        )
        return letter

    return submit_


@pytest.fixture
def registered(submit):
    def registered_(**overrides):
        return letter_confirm(letter=submit(**overrides))

    return registered_


@pytest.fixture
def pdf_upload():
    return lambda name="scan.pdf": SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture(autouse=True)
def english():
    """Messages from services are in the active language; these tests read English."""
    from django.utils import translation

    with translation.override("en"):
        yield

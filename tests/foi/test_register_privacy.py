"""Privacy of the register: a private person is named only with consent, what was asked
is shown only as published after review, and a requester's name, e-mail, phone and
address never reach the register's page, its downloads or the report."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from emanager.foi.choices import FoiOutcome, RequesterType
from emanager.foi.register import register_requests, register_rows
from emanager.letters.choices import Publication
from emanager.publication import services as publication
from tests.foi.factories import PRIVATE_DATA, FoiRequestFactory, decide

pytestmark = pytest.mark.django_db

RECEIVED = datetime.date(2025, 4, 7)
PUBLIC_SUBJECT = "გზების შეკეთების ხარჯები 2025 წელს"
NAMED = "Levan Gogoladze"


@pytest.fixture
def make(municipality, bodies):
    def make_(publication_=Publication.PRIVATE, **fields):
        request = FoiRequestFactory(
            letter__municipality=municipality,
            letter__addressee_body=bodies["finance"],
            letter__received=RECEIVED,
            letter__publication=publication_,
            **fields,
        )
        return decide(request, FoiOutcome.GRANTED, on=RECEIVED, issued_on=RECEIVED)

    return make_


def publish(request, actor, subject=PUBLIC_SUBJECT):
    publication.letter_publish(
        letter=request.letter, actor=actor, subject=subject, text="რედაქტირებული ტექსტი."
    )


def rows(municipality) -> dict[str, object]:
    found = register_rows(register_requests(municipality), municipality=municipality)
    return {row.number: row for row in found}


def test_a_private_persons_request_shows_neither_name_nor_subject(municipality, make):
    request = make()
    row = rows(municipality)[request.letter.number]
    assert row.requester == "Private person"
    assert row.summary == ""
    assert row.summary_text == "Not published"
    assert row.public_uuid is None


def test_a_published_anonymous_request_shows_the_reviewed_subject_only(municipality, make, staff):
    request = make(Publication.PUBLIC_ANONYMOUS)
    publish(request, staff["head"])
    row = rows(municipality)[request.letter.number]
    assert row.summary == PUBLIC_SUBJECT
    assert row.requester == "Private person"
    assert row.public_uuid == request.letter.uuid


def test_a_person_who_agreed_to_be_named_is_named_once_published(municipality, make, staff):
    request = make(Publication.PUBLIC_NAMED, letter__author_name=NAMED)
    assert rows(municipality)[request.letter.number].requester == "Private person"
    publish(request, staff["head"])
    assert rows(municipality)[request.letter.number].requester == NAMED


def test_withdrawn_consent_hides_the_name_and_the_subject_again(municipality, make, staff):
    request = make(Publication.PUBLIC_NAMED, letter__author_name=NAMED)
    publish(request, staff["head"])
    publication.letter_consent_withdraw(letter=request.letter)
    row = rows(municipality)[request.letter.number]
    assert row.requester == "Private person"
    assert row.summary == ""


def test_an_organisation_is_named(municipality, make):
    request = make(requester_type=RequesterType.ORGANISATION, organisation="Guria Youth Union")
    assert rows(municipality)[request.letter.number].requester == "Guria Youth Union"


@pytest.fixture
def everyone(make, staff):
    """A request of every kind of consent, the personal data the same in each."""
    make()
    unreviewed = make(Publication.PUBLIC_NAMED)
    anonymous = make(Publication.PUBLIC_ANONYMOUS)
    publish(anonymous, staff["head"])
    make(requester_type=RequesterType.ORGANISATION, organisation="Guria Youth Union")
    return unreviewed


def assert_private(text: str) -> None:
    for secret in PRIVATE_DATA:
        assert secret not in text, f"{secret!r} leaked"


def test_no_personal_data_on_the_register_page(client, everyone):
    page = client.get("/en/public-information/register/").content.decode()
    assert PUBLIC_SUBJECT in page
    assert_private(page)
    assert_private(client.get("/ka/public-information/register/").content.decode())


def test_no_personal_data_in_the_csv(client, everyone):
    content = client.get("/en/public-information/register.csv").content.decode("utf-8-sig")
    assert PUBLIC_SUBJECT in content
    assert_private(content)


def test_no_personal_data_in_the_xlsx(client, everyone):
    content = client.get("/en/public-information/register.xlsx").content
    sheet = load_workbook(io.BytesIO(content)).active
    cells = " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    assert PUBLIC_SUBJECT in cells
    assert_private(cells)


def test_no_personal_data_in_the_json(client, everyone):
    content = client.get("/en/public-information/register.json").content.decode()
    summaries = {row["summary"] for row in json.loads(content)["rows"]}
    assert summaries == {PUBLIC_SUBJECT, ""}
    assert_private(content)


def test_no_personal_data_in_the_report(client, everyone):
    query = {"year": RECEIVED.year}
    assert_private(client.get("/en/public-information/report/", query).content.decode())
    assert_private(
        client.get("/en/public-information/report.csv", query).content.decode("utf-8-sig")
    )
    pdf = client.get("/en/public-information/report.pdf", query).content
    assert_private("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def test_no_personal_data_on_the_bodys_page(client, everyone):
    assert_private(client.get("/en/public-information/finance/").content.decode())

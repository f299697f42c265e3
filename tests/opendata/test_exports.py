"""The downloads of the published letters and answers: what is in them, in each format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from emanager.opendata import catalogue
from emanager.publication import services as publication
from tests.opendata.conftest import PRIVATE, PUBLIC_ANSWER, PUBLIC_SUBJECT, PUBLIC_TEXT

pytestmark = pytest.mark.django_db


def content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response) -> list[dict]:
    raw = content(response)
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def keys(slug: str) -> list[str]:
    return [column.key for column in catalogue.dataset_by_slug(slug).columns]


@pytest.fixture
def published(public_letter, publish, answer):
    """A published letter to Finance with a published answer."""
    letter = public_letter()
    return publish(letter, reply=answer(letter))


def test_the_letters_csv_has_the_documented_columns_and_the_published_version(
    client, published, public_letter
):
    public_letter()  # allows publication, never reviewed
    response = client.get("/en/open-data/letters.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert list(rows[0]) == keys("letters")
    assert len(rows) == 1
    row = rows[0]
    assert row["letter_uuid"] == str(published.uuid)
    assert row["letter_number"] == published.number
    assert row["subject"] == PUBLIC_SUBJECT
    assert row["text"] == PUBLIC_TEXT
    assert row["author_name"] == ""
    assert row["body_slug"] == "finance"
    assert row["answers"] == "1"
    assert row["letter_url"] == f"http://testserver/en/letters/public/{published.uuid}/"


def test_the_answers_csv_has_one_row_per_published_answer(client, published):
    rows = csv_rows(client.get("/en/open-data/answers.csv"))
    assert list(rows[0]) == keys("answers")
    assert [(row["letter_uuid"], row["position"], row["text"]) for row in rows] == [
        (str(published.uuid), "1", PUBLIC_ANSWER)
    ]


def test_a_named_author_is_named_an_anonymous_one_is_not(client, public_letter, publish):
    from emanager.letters.choices import Publication

    publish(public_letter(publication=Publication.PUBLIC_NAMED, author_name="ლევან გოგოლაძე"))
    publish(public_letter())
    names = sorted(row["author_name"] for row in csv_rows(client.get("/en/open-data/letters.csv")))
    assert names == ["", "ლევან გოგოლაძე"]


def test_a_cell_that_looks_like_a_formula_stays_text(client, public_letter, publish):
    publish(public_letter(), subject='=HYPERLINK("http://evil.example")')
    row = csv_rows(client.get("/en/open-data/letters.csv"))[0]
    assert row["subject"].startswith("'=")


def test_withdrawn_consent_removes_the_letter_from_every_format(client, published):
    publication.letter_consent_withdraw(letter=published)
    assert csv_rows(client.get("/en/open-data/letters.csv")) == []
    document = json.loads(content(client.get("/en/open-data/letters.json")))
    assert document["rows"] == []
    assert content(client.get("/en/open-data/answers.csv")).decode("utf-8-sig").count("\n") == 1


def test_the_json_lists_its_columns_and_rows(client, published):
    response = client.get("/ka/open-data/letters.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    document = json.loads(content(response))
    assert [column["key"] for column in document["columns"]] == keys("letters")
    assert all(column["description"] and column["type"] for column in document["columns"])
    assert document["documentation"] == "http://testserver/ka/open-data/letters/"
    [row] = document["rows"]
    assert list(row) == keys("letters")
    assert row["subject"] == PUBLIC_SUBJECT
    assert row["registered_on"] == timezone.localdate(published.registered_at).isoformat()
    assert isinstance(row["answers"], int)


def test_the_xlsx_has_the_same_header_and_cells(client, published):
    response = client.get("/en/open-data/letters.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == keys("letters")
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["subject"] == PUBLIC_SUBJECT
    assert record["text"] == PUBLIC_TEXT


def test_filters_by_year_and_body(client, public_letter, publish, bodies):
    finance = publish(public_letter())
    publish(public_letter(to=bodies["sakrebulo"]))
    year = finance.registered_at.year
    rows = csv_rows(client.get(f"/en/open-data/letters.csv?body=finance&year={year}"))
    assert [row["letter_uuid"] for row in rows] == [str(finance.uuid)]
    assert csv_rows(client.get(f"/en/open-data/letters.csv?year={year - 1}")) == []
    response = client.get("/en/open-data/letters.csv?body=finance&year=2026")
    assert response["Content-Disposition"].endswith('letters-2026-finance.csv"')


@pytest.mark.parametrize("query", ["year=last", "year=1200", "body=nowhere"])
def test_a_bad_filter_is_explained_not_ignored(client, published, query):
    response = client.get(f"/en/open-data/letters.csv?{query}")
    assert response.status_code == 400
    assert b"correct the choices" in response.content


def test_letters_are_read_a_slice_at_a_time_and_none_is_lost(
    client, public_letter, publish, monkeypatch
):
    monkeypatch.setattr(catalogue, "SLICE", 2)
    letters = [publish(public_letter()) for _ in range(5)]
    rows = csv_rows(client.get("/en/open-data/letters.csv"))
    assert sorted(row["letter_uuid"] for row in rows) == sorted(str(x.uuid) for x in letters)
    document = json.loads(content(client.get("/en/open-data/letters.json")))
    assert len(document["rows"]) == 5


def test_no_private_value_in_any_format(client, published, public_letter):
    public_letter()  # never reviewed
    for fmt in ("csv", "json"):
        for slug in ("letters", "answers"):
            text = content(client.get(f"/en/open-data/{slug}.{fmt}")).decode("utf-8-sig")
            for secret in PRIVATE:
                assert secret not in text, (slug, fmt, secret)


@pytest.mark.parametrize(
    "path", ["/en/open-data/nothing.csv", "/en/open-data/public-information-register.csv"]
)
def test_an_unknown_dataset_or_one_published_elsewhere_is_not_found(client, published, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_the_number_of_queries_does_not_grow_with_the_letters(
    client, public_letter, publish, answer, fmt
):
    def make(count):
        for _ in range(count):
            letter = public_letter()
            publish(letter, reply=answer(letter))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            content(client.get(f"/en/open-data/letters.{fmt}"))
        return len(captured)

    make(2)
    few = queries()
    make(6)
    assert queries() == few

"""The register's downloads: CSV (UTF-8 with BOM), XLSX and JSON, each of the same
filtered rows (all of them, not one page), each documenting its columns."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
from openpyxl import load_workbook

from emanager.foi.choices import FoiOutcome
from emanager.foi.register import COLUMNS
from tests.foi.factories import FoiRequestFactory, decide

pytestmark = pytest.mark.django_db

RECEIVED = datetime.date(2025, 5, 12)


def titles() -> list[str]:
    """The column titles in the active language (English in these tests)."""
    return [str(column.title) for column in COLUMNS]


@pytest.fixture
def requests_(municipality, bodies):
    """Fifty-two requests of 2025 to finance (one granted), one of 2024 to the Sakrebulo."""
    made = [
        FoiRequestFactory(
            letter__municipality=municipality,
            letter__addressee_body=bodies["finance"],
            letter__received=RECEIVED,
        )
        for _index in range(52)
    ]
    decide(
        made[0],
        FoiOutcome.GRANTED,
        on=RECEIVED,
        issued_on=RECEIVED + datetime.timedelta(days=2),
        supplied_by='=HYPERLINK("http://x")',
        fee="0.80",
        fee_paid_on=RECEIVED,
    )
    FoiRequestFactory(
        letter__municipality=municipality,
        letter__addressee_body=bodies["sakrebulo"],
        letter__received=datetime.date(2024, 2, 2),
    )
    return made


def test_the_csv_has_a_bom_the_column_titles_and_every_filtered_row(client, requests_):
    response = client.get("/en/public-information/register.csv", {"year": 2025})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="public-information-register-2025.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0] == titles()
    assert len(table) == 1 + 52


def test_the_csv_keeps_a_formula_as_text(client, requests_):
    content = client.get("/en/public-information/register.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in content


def test_the_xlsx_has_the_same_rows(client, requests_):
    response = client.get(
        "/en/public-information/register.xlsx", {"year": 2025, "outcome": "granted"}
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="public-information-register-2025-granted.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == titles()
    [row] = values[1:]
    cells = dict(zip(titles(), row, strict=True))
    assert cells["Outcome"] == "Granted"
    assert cells["Days taken"] == 2
    assert cells["Date issued"].date() == RECEIVED + datetime.timedelta(days=2)
    assert cells["Copying fee (GEL)"] == pytest.approx(0.8)


def test_the_json_documents_its_columns_and_uses_codes(client, requests_, bodies):
    response = client.get("/en/public-information/register.json", {"body": "sakrebulo"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    document = json.loads(response.content)
    assert document["filters"] == {"year": None, "body": "sakrebulo", "outcome": None}
    assert [column["key"] for column in document["columns"]] == [c.key for c in COLUMNS]
    assert all(column["description"] for column in document["columns"])
    outcome = next(column for column in document["columns"] if column["key"] == "outcome")
    assert outcome["choices"]["deemed_refused"] == "Deemed refused (deadline missed)"
    assert document["documentation"].endswith("/en/public-information/register/columns/")
    [row] = document["rows"]
    assert row["outcome"] == "pending"
    assert row["received_on"] == "2024-02-02"
    assert row["late"] is False
    assert row["summary"] == ""
    assert row["fee"] == "0.00"


def test_the_json_is_in_the_pages_language(client, requests_):
    document = json.loads(client.get("/ka/public-information/register.json").content)
    assert document["columns"][0]["title"] != "Registration number"


def test_downloads_refuse_invalid_filters(client, requests_):
    for fmt in ("csv", "xlsx", "json"):
        response = client.get(f"/en/public-information/register.{fmt}", {"year": "abc"})
        assert response.status_code == 400


def test_the_page_links_the_downloads_with_its_filters(client, requests_):
    html = client.get("/en/public-information/register/", {"year": 2025, "page": 2})
    html = html.content.decode()
    assert 'href="/en/public-information/register.csv?year=2025"' in html
    assert 'href="/en/public-information/register.json?year=2025"' in html
    assert 'href="/en/public-information/register/columns/"' in html

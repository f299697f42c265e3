"""The journal's CSV, XLSX and PDF: the same rows as the page, readable by their programs."""

from __future__ import annotations

import csv
import datetime
import io

import openpyxl
import pytest

from emanager.letters.models import Letter
from tests.registry.conftest import pdf_pages, pdf_text

FILTERS = {"date_from": "2026-01-01", "date_to": "2026-03-31"}


@pytest.fixture
def client_(login, staff):
    return login(staff["admin"])


@pytest.fixture
def letters(write, answer, bodies):
    """Three letters in the first quarter (one answered) and one in April."""
    first = write(on="2026-01-15")
    answer(first, on="2026-01-20")
    return [
        first,
        write(on="2026-02-01", subject="ქუჩის დასუფთავება", author_name="დავით ხინთიბიძე"),
        write(on="2026-03-31", to=bodies["sakrebulo"], subject='=HYPERLINK("x")'),
        write(on="2026-04-01", subject="აპრილის წერილი"),
    ]


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_is_utf8_with_a_byte_order_mark(client_, letters):
    response = client_.get("/en/staff/registry/journal.csv", FILTERS)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="journal-lan-2026-01-01-2026-03-31.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert "ქუჩის დასუფთავება".encode() in response.content


def test_the_csv_header_is_in_the_users_language(client_, letters):
    header = csv_rows(client_.get("/ka/staff/registry/journal.csv"))[0]

    assert "თემა" in header  # Subject
    assert "სტატუსი" in header  # Status


def test_the_csv_holds_the_same_rows_as_the_page(client_, letters):
    page = client_.get("/en/staff/registry/", FILTERS).context["rows"]
    rows = csv_rows(client_.get("/en/staff/registry/journal.csv", FILTERS))

    assert rows[0][:3] == ["Number", "Date registered", "Sender"]
    assert [row[0] for row in rows[1:]] == [row.number for row in page]
    assert [row[0] for row in rows[1:]] == [letter.number for letter in letters[:3]]
    assert rows[1][1] == "2026-01-15"
    assert rows[1][7:9] == ["LAN-OUT-2026-000001", "2026-01-20"]
    assert rows[2][2:5] == [
        "დავით ხინთიბიძე",
        letters[1].addressee_body.name_en,
        "ქუჩის დასუფთავება",
    ]


def test_the_csv_holds_every_row_not_one_page(client_, write, monkeypatch):
    from emanager.registry import views

    monkeypatch.setattr(views, "ROWS_PER_PAGE", 2)
    for day in range(1, 4):
        write(on=f"2026-01-0{day}")

    rows = csv_rows(client_.get("/en/staff/registry/journal.csv", {"page": "2"}))

    assert len(rows) == 1 + 3


def test_a_subject_that_looks_like_a_formula_stays_text(client_, letters):
    rows = csv_rows(client_.get("/en/staff/registry/journal.csv", FILTERS))

    assert rows[3][4] == '\'=HYPERLINK("x")'


def test_the_xlsx_reads_back_with_dates_as_dates(client_, letters):
    response = client_.get("/en/staff/registry/journal.xlsx", FILTERS)

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].startswith("attachment; filename=")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Number", "Date registered", "Sender")
    assert [row[0] for row in rows[1:]] == [letter.number for letter in letters[:3]]
    assert rows[1][1] == datetime.datetime(2026, 1, 15)
    assert rows[1][7:9] == ("LAN-OUT-2026-000001", datetime.datetime(2026, 1, 20))
    assert rows[2][4] == "ქუჩის დასუფთავება"
    assert rows[3][4] == '=HYPERLINK("x")'
    assert sheet.cell(row=4, column=5).data_type == "s"


def test_the_xlsx_header_is_bold_and_frozen_and_the_columns_wide(client_, letters):
    content = client_.get("/en/staff/registry/journal.xlsx", FILTERS).content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active

    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.cell(row=2, column=2).number_format == "DD.MM.YYYY"
    assert sheet.column_dimensions["E"].width >= 20  # the subject


def test_the_pdf_is_titled_and_holds_the_rows(client_, letters, municipality):
    response = client_.get("/en/staff/registry/journal.pdf", FILTERS)

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="journal-lan-2026-01-01-2026-03-31.pdf"'
    )
    text = pdf_text(response.content)
    assert "Lanchkhuti Municipality" in text
    assert "Registry journal: ზოგადი რეესტრი" in text
    assert "Period: from 1 January 2026 to 31 March 2026" in text
    assert "ქუჩის დასუფთავება" in text
    for letter in letters[:3]:
        assert letter.number in text
    assert letters[3].number not in text
    assert "LAN-OUT-2026-000001" in text
    assert "Page 1 of 1" in text


def test_a_long_journal_runs_over_pages_with_the_header_on_each(client_, write):
    for day in range(1, 36):
        write(on=datetime.date(2026, 1, 1) + datetime.timedelta(days=day))

    content = client_.get("/en/staff/registry/journal.pdf").content

    pages = pdf_pages(content)
    assert pages > 1
    text = pdf_text(content)
    assert text.count("Deadline") == pages
    assert f"Page {pages} of {pages}" in text


def test_an_export_with_invalid_filters_shows_the_errors(client_, letters):
    response = client_.get(
        "/en/staff/registry/journal.csv", {"date_from": "2026-03-01", "date_to": "2026-01-01"}
    )

    assert response.status_code == 400
    assert "The end of the period cannot be before its start." in response.content.decode()


def test_the_page_links_the_exports_with_its_filters(client_, letters):
    html = client_.get("/en/staff/registry/", {**FILTERS, "page": "1"}).content.decode()

    assert (
        'href="/en/staff/registry/journal.csv?date_from=2026-01-01&amp;date_to=2026-03-31' in html
    )
    assert "journal.xlsx?date_from=2026-01-01" in html
    assert "journal.pdf?date_from=2026-01-01" in html
    assert "page=1" not in html.split("journal.csv", 1)[1].split('"', 1)[0]


def test_a_letter_closed_meanwhile_shows_its_status_in_every_export(client_, letters):
    Letter.objects.filter(pk=letters[1].pk).update(status="closed", outcome="refused")

    rows = csv_rows(client_.get("/en/staff/registry/journal.csv", FILTERS))

    assert rows[2][9] == "Closed — Refused"


def test_a_journal_too_long_to_print_sends_back_to_the_page(client_, letters, monkeypatch):
    from emanager.registry import views

    monkeypatch.setattr(views, "MAX_PDF_ROWS", 2)

    response = client_.get("/en/staff/registry/journal.pdf", FILTERS, follow=True)

    assert response.redirect_chain[0][0].startswith("/en/staff/registry/?date_from=2026-01-01")
    assert "The journal has 3 entries, too many to print at once (at most 2)." in (
        response.content.decode()
    )

"""The annual report (General Administrative Code, Article 49): its figures on a year of
requests in every outcome, per institution, the officials who refused, its PDF and CSV."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from emanager.foi import report
from tests.foi.factories import rich_register
from tests.staff.conftest import make_user

pytestmark = pytest.mark.django_db

REPORT = "/en/public-information/report/"


@pytest.fixture
def deciders(municipality):
    return {
        "head": make_user("tamar", first_name="Tamar", last_name="Kiladze"),
        "official": make_user("giorgi", first_name="Giorgi", last_name="Beridze"),
        "speaker": make_user("eka", first_name="Eka", last_name="Kvirikashvili"),
    }


@pytest.fixture
def rich(municipality, bodies, deciders):
    return rich_register(municipality, bodies, deciders)


def figures_of(lines) -> dict:
    return {line.key: line.value for line in lines}


def test_the_figures_of_a_year(municipality, rich):
    annual = report.annual_report(municipality, year=2025)
    figures = figures_of(annual.lines())
    assert figures == {
        "received": 20,
        "granted": 6,
        "partly_granted": 2,
        "partly_granted:state_secret": 0,
        "partly_granted:commercial_secret": 1,
        "partly_granted:professional_secret": 0,
        "partly_granted:personal_data": 1,
        "partly_granted:executive_privilege": 0,
        "partly_granted:unrecorded": 0,
        "refused": 4,
        "refused:state_secret": 1,
        "refused:commercial_secret": 1,
        "refused:professional_secret": 0,
        "refused:personal_data": 0,
        "refused:executive_privilege": 1,
        "refused:unrecorded": 1,
        "not_held": 2,
        "forwarded": 1,
        "clarification_requested": 1,
        "withdrawn": 1,
        "deemed_refused": 1,
        "pending": 2,
        "answered_in_time": 13,
        "answered_late": 2,
        "average_days": Decimal("3.5"),
        "complaints": 4,
        "complaints:upheld": 1,
        "complaints:partly_upheld": 1,
        "complaints:rejected": 1,
        "complaints:pending": 1,
        "fees_collected": Decimal("1.20"),
    }


def test_the_outcomes_add_up_to_the_requests_received(municipality, rich):
    total = report.annual_report(municipality, year=2025).total
    assert sum(total.outcomes.values()) == total.received


def test_the_ground_not_recorded_appears_only_when_there_is_one(municipality, rich):
    keys = {line.key for line in report.annual_report(municipality, year=2024).lines()}
    assert "refused:unrecorded" not in keys
    assert "refused:personal_data" in keys


def test_each_institution_has_its_figures(municipality, rich, bodies):
    annual = report.annual_report(municipality, year=2025)
    by_body = {body.slug: figures for body, figures in annual.by_institution}
    assert list(by_body) == ["city-hall", "sakrebulo"]
    assert by_body["city-hall"].received == 17
    assert by_body["sakrebulo"].received == 3
    assert by_body["sakrebulo"].refused == 1


def test_a_bodys_report_counts_its_units_too(municipality, rich, bodies):
    annual = report.annual_report(municipality, year=2025, body=bodies["finance"])
    assert annual.total.received == 16  # finance 15 and the budget division's 1
    assert annual.by_institution == []


def test_the_officials_who_refused(municipality, rich):
    officials = report.annual_report(municipality, year=2025).officials
    assert [(o.name, o.refused, o.partly_granted) for o in officials] == [
        ("Tamar Kiladze", 2, 1),
        ("Giorgi Beridze", 1, 1),
        ("Eka Kvirikashvili", 1, 0),
    ]


def test_the_period_is_the_year_the_requests_were_received(municipality, rich):
    assert report.annual_report(municipality, year=2024).total.received == 2


def test_the_default_year_is_the_current_one_in_the_reporting_season():
    assert report.default_year(datetime.date(2026, 10, 31)) == 2025
    assert report.default_year(datetime.date(2026, 11, 1)) == 2026
    assert report.default_year(datetime.date(2026, 12, 31)) == 2026
    assert report.default_year(datetime.date(2027, 1, 1)) == 2026


def test_the_page_opens_on_the_default_year(client, municipality):
    response = client.get(REPORT)
    assert response.status_code == 200
    assert response.context["report"].year == report.default_year()


def test_a_year_not_over_says_its_figures_are_up_to_today(client, rich):
    this_year = timezone.localdate().year
    assert report.year_in_progress(this_year)
    assert not report.year_in_progress(this_year - 1)
    page = client.get(REPORT, {"year": this_year}).content.decode()
    assert str(report.YEAR_IN_PROGRESS) in page
    page = client.get(REPORT, {"year": this_year - 1}).content.decode()
    assert str(report.YEAR_IN_PROGRESS) not in page


def test_the_report_is_due_on_10_december():
    assert report.next_due_date(datetime.date(2026, 3, 1)) == datetime.date(2026, 12, 10)
    assert report.next_due_date(datetime.date(2026, 12, 10)) == datetime.date(2026, 12, 10)
    assert report.next_due_date(datetime.date(2026, 12, 11)) == datetime.date(2027, 12, 10)


def test_the_page_shows_the_figures_the_institutions_and_the_officials(client, rich):
    page = client.get(REPORT, {"year": 2025}).content.decode()
    assert "Report on public information, 2025" in page
    assert "Requests received" in page
    assert "By public institution" in page
    assert "Tamar Kiladze" in page
    assert "10 December" in page
    assert "/en/public-information/register/?year=2025" in page


def test_the_page_of_a_body(client, rich):
    response = client.get(REPORT, {"year": 2025, "body": "sakrebulo"})
    assert response.context["report"].total.received == 3
    assert "By public institution" not in response.content.decode()


def test_an_empty_year_says_so(client, municipality):
    page = client.get(REPORT).content.decode()
    assert "No request for public information was received in" in page


def test_an_unknown_year_or_body_is_refused(client, municipality):
    assert client.get(REPORT, {"year": "1850"}).status_code == 400
    assert client.get(REPORT, {"body": "no-such-body"}).status_code == 400
    assert client.get("/en/public-information/report.csv", {"year": "x"}).status_code == 400


def test_the_csv_has_a_column_per_institution(client, rich):
    response = client.get("/en/public-information/report.csv", {"year": 2025})
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0] == ["Figure", "Lanchkhuti Municipality", "City Hall", "Sakrebulo"]
    rows = {row[0]: row[1:] for row in table[1:]}
    assert rows["Requests received"] == ["20", "17", "3"]
    assert rows["Refused"] == ["4", "3", "1"]
    assert rows["Copying fees collected (GEL)"] == ["1.20", "1.20", "0.00"]
    assert rows["Refusals decided by Tamar Kiladze (refused / partly granted)"] == ["2 / 1"]


def test_the_pdf_is_the_report(client, rich):
    response = client.get("/en/public-information/report.pdf", {"year": 2025})
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Report on public information, 2025" in text
    assert "Article 49" in text
    assert "Tamar Kiladze" in text


def test_the_pdf_in_georgian(client, rich):
    response = client.get("/ka/public-information/report.pdf", {"year": 2025})
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")

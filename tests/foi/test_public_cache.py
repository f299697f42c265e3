"""The register and the annual report are served from the cache, and a decision taken
through the service shows on them at once (the cache is keyed by the data's version)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from emanager.foi import report
from emanager.foi.choices import FoiOutcome
from emanager.foi.services import FoiDecision, foi_decide

pytestmark = pytest.mark.django_db

REGISTER = "/en/public-information/register/"
REPORT = "/en/public-information/report/"
REFUSAL = FoiDecision(
    outcome="refused",
    refusal_ground="state_secret",
    refusal_explanation="The mobilisation plan.",
)


def refuse(letter, actor) -> None:
    foi_decide(letter=letter, actor=actor, decision=REFUSAL)


@pytest.mark.parametrize("path", [REGISTER, REPORT])
def test_a_repeated_visit_is_served_from_the_cache(client, foi_letter, path):
    foi_letter()
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    assert "public information" in response.content.decode()
    # Only the municipality and the data's version: nothing that grows with the letters.
    read = {re.search(r'FROM "(\w+)"', query["sql"]).group(1) for query in queries}
    assert read <= {"directory_municipality", "core_dataversion"}


def test_deciding_a_request_changes_the_register(client, foi_letter, staff):
    letter = foi_letter()
    before = client.get(REGISTER)
    assert [row.outcome for row in before.context["rows"]] == ["pending"]
    refuse(letter, staff["head"])
    after = client.get(REGISTER)
    assert [row.outcome for row in after.context["rows"]] == [FoiOutcome.REFUSED]
    assert "State secret" in after.content.decode()


def test_a_new_request_changes_the_register_count_and_its_filtered_pages(client, foi_letter):
    first = foi_letter()
    year = {"year": timezone.localdate().year}
    assert client.get(REGISTER).context["page"].paginator.count == 1
    assert client.get(REGISTER, year).context["page"].paginator.count == 1
    second = foi_letter(subject="The contracts of the new school")
    response = client.get(REGISTER)
    assert response.context["page"].paginator.count == 2
    assert [row.number for row in response.context["rows"]] == [
        second.number,
        first.number,
    ]
    assert client.get(REGISTER, year).context["page"].paginator.count == 2


def test_deciding_a_request_changes_the_annual_report(client, foi_letter, staff):
    letter = foi_letter()
    year = {"year": timezone.localdate().year}
    total = client.get(REPORT, year).context["report"].total
    assert (total.received, total.pending, total.refused) == (1, 1, 0)
    refuse(letter, staff["head"])
    total = client.get(REPORT, year).context["report"].total
    assert (total.received, total.pending, total.refused) == (1, 0, 1)
    assert total.refused_by_ground == {"state_secret": 1}


def test_deciding_a_request_changes_the_report_download(client, foi_letter, staff):
    letter = foi_letter()
    year = {"year": timezone.localdate().year}

    def refused_figure() -> str:
        content = client.get("/en/public-information/report.csv", year).content.decode("utf-8-sig")
        rows = {row[0]: row[1] for row in csv.reader(io.StringIO(content)) if len(row) > 1}
        return rows["Refused"]

    assert refused_figure() == "0"
    refuse(letter, staff["head"])
    assert refused_figure() == "1"


def test_the_cached_report_is_the_computed_report(municipality, foi_letter, staff):
    refuse(foi_letter(), staff["head"])
    foi_letter(subject="The contracts of the new school")
    year = timezone.localdate().year
    computed = report.annual_report(municipality, year=year)
    cached = report.cached_annual_report(municipality, year=year)
    assert report.cached_annual_report(municipality, year=year).lines() == computed.lines()
    assert cached.lines() == computed.lines()
    assert cached.officials == computed.officials
    assert [(body.pk, figures) for body, figures in cached.by_institution] == [
        (body.pk, figures) for body, figures in computed.by_institution
    ]

"""The statistics per body, official and unit: the accountability figures, as documented."""

from __future__ import annotations

import csv
import io
import json

import pytest

from emanager.opendata import catalogue

pytestmark = pytest.mark.django_db

STATISTICS = ("statistics-bodies", "statistics-officials", "statistics-units")
SCOPES = {
    "statistics-bodies": "body",
    "statistics-officials": "official",
    "statistics-units": "unit",
}

accountability = pytest.importorskip(
    "emanager.accountability.selectors",
    reason="WAITING FOR emanager.accountability.selectors.statistics_rows",
)


@pytest.mark.parametrize("slug", STATISTICS)
def test_every_documented_column_is_a_figure_of_the_selector(slug, municipality, bodies):
    # Every scope's rows have the same keys; the bodies always have rows.
    [row, *_] = accountability.statistics_rows(municipality, "body")
    documented = [column.key for column in catalogue.dataset_by_slug(slug).columns]
    missing = set(documented) - set(row)
    assert not missing, f"{slug}: documented but not produced: {sorted(missing)}"


def test_the_bodies_csv_has_a_row_per_body_with_the_documented_header(client, bodies):
    response = client.get("/en/open-data/statistics-bodies.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response).decode("utf-8-sig"))))
    assert rows[0] == [c.key for c in catalogue.dataset_by_slug("statistics-bodies").columns]
    assert sorted(row[1] for row in rows[1:]) == sorted(body.slug for body in bodies.values())


def test_the_officials_json_lists_its_columns(client, people, bodies, public_letter):
    public_letter(addressee_official=people["beridze"])
    response = client.get("/en/open-data/statistics-officials.json")
    document = json.loads(b"".join(response))
    assert [c["key"] for c in document["columns"]] == [
        c.key for c in catalogue.dataset_by_slug("statistics-officials").columns
    ]
    assert all(set(row) == {c["key"] for c in document["columns"]} for row in document["rows"])

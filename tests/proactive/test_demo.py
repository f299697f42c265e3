"""The Lanchkhuti demo of proactive publication: mostly current, some late, some missing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from emanager.directory import demo_data
from emanager.directory.demo import load_demo
from emanager.directory.models import Municipality
from emanager.proactive import selectors
from emanager.proactive.choices import ItemState
from emanager.proactive.demo import load_proactive_demo
from emanager.proactive.models import CatalogueItem, Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def lanchkhuti():
    """The demo directory and its catalogue."""
    load_demo()
    municipality = Municipality.objects.get(slug=demo_data.MUNICIPALITY_SLUG)
    return municipality, load_proactive_demo(municipality)


def states(municipality) -> dict[str, str]:
    view = selectors.catalogue(municipality, on=timezone.localdate())
    return {row.item.standard_key: row.state for row in view.rows}


def test_most_items_are_current_some_late_some_missing_two_not_applicable(lanchkhuti):
    municipality, counts = lanchkhuti
    found = states(municipality)
    by_state = {state: sorted(k for k, v in found.items() if v == state) for state in ItemState}
    assert by_state[ItemState.NOT_APPLICABLE] == ["agreements", "internships"]
    assert by_state[ItemState.MISSING] == [
        "asset-declarations",
        "representation",
        "vehicle-maintenance",
    ]
    assert set(by_state[ItemState.LATE]) == {
        "bonuses",
        "business-trips",
        "mayor-normative-acts",
        "sakrebulo-report",
        "vacancies",
    }
    assert len(by_state[ItemState.CURRENT]) == len(found) - 10
    assert counts["proactive_items"] == len(found)
    assert counts["proactive_documents"] == Document.objects.count() > 100


def test_every_item_has_its_responsible_body_and_georgian_titles(lanchkhuti):
    municipality, _counts = lanchkhuti
    assert not CatalogueItem.objects.filter(
        municipality=municipality, responsible_body__isnull=True
    ).exists()
    titles = Document.objects.values_list("title", flat=True)
    assert all(any("\u10d0" <= char <= "\u10ff" for char in title) for title in titles)


def test_a_few_documents_are_pdf_files_served_by_the_site_and_loading_again_adds_nothing(
    lanchkhuti, client
):
    municipality, _counts = lanchkhuti
    files = Document.objects.exclude(file="")
    assert 3 <= files.count() <= 8
    document = files.select_related("item").first()
    response = client.get(document.get_file_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    before = Document.objects.count()
    assert load_proactive_demo(municipality)["proactive_documents"] == 0
    assert Document.objects.count() == before

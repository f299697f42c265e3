"""The public pages: the catalogue, the compliance view, each item's archive and its files."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from emanager.proactive import rules, services
from emanager.proactive.models import CatalogueItem, Document
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

D = datetime.timedelta


def last_quarters(today: datetime.date, count: int = 5) -> list[rules.ReportingPeriod]:
    period = rules.period_containing(today, "quarterly")
    found = []
    while len(found) < count:
        period = period.previous()
        found.append(period)
    return found


def test_the_catalogue_without_items_says_so(client, municipality):
    response = client.get("/en/proactive/")
    assert response.status_code == 200
    assert "has not set up its list" in response.text
    compliance = client.get("/en/proactive/compliance/")
    assert "nothing to measure" in compliance.text


def test_the_catalogue_shows_each_item_s_latest_document_by_section(
    client, catalogue, publish, today
):
    item = catalogue["budget"]
    publish(item, title="Budget 2025", published_on=today - D(days=400))
    publish(item, title="Budget 2026", published_on=today - D(days=20))
    response = client.get("/en/proactive/")
    assert response.status_code == 200
    text = response.text
    assert "<caption>Finance and budget: the latest document of each item</caption>" in text
    assert "Budget 2026" in text
    assert "Budget 2025" not in text
    assert 'href="/en/proactive/budget/"' in text
    assert "Approved budget of the municipality" in text
    assert text.count("<caption>") == 7  # every section has items


def test_the_catalogue_is_in_the_reader_s_language(client, catalogue):
    assert "Квартальный отчёт об исполнении бюджета" in client.get("/ru/proactive/").text
    assert "ბიუჯეტის შესრულების კვარტალური ანგარიში" in client.get("/ka/proactive/").text


def test_the_catalogue_filters_by_section_and_state(client, catalogue, publish, today):
    publish(catalogue["structure"], title="Structure chart", published_on=today)
    response = client.get("/en/proactive/", {"section": "general", "state": "current"})
    assert "Structure chart" in response.text
    assert "Organisational structure" in response.text
    assert "Functions and powers" not in response.text
    assert [group.section for group in response.context["sections"]] == ["general"]
    empty = client.get("/en/proactive/", {"section": "finance", "state": "current"})
    assert "No item matches these filters." in empty.text


def test_a_bad_filter_value_shows_everything(client, catalogue):
    response = client.get("/en/proactive/compliance/", {"state": "nonsense"})
    assert response.status_code == 200
    assert response.text.count("<caption>") == 7


def test_compliance_shows_the_score_its_definition_and_the_counts(
    client, catalogue, publish, today
):
    services.item_settings_set(
        item=catalogue["vehicles"],
        responsible_body=None,
        is_applicable=False,
        not_applicable_reason="The municipality has no vehicles.",
    )
    publish(catalogue["structure"], published_on=today)
    publish(catalogue["contacts"], published_on=today - D(days=500))
    response = client.get("/en/proactive/compliance/")
    assert response.status_code == 200
    summary = response.context["view"].summary
    applicable = len(catalogue) - 1
    assert (summary.current, summary.late, summary.not_applicable) == (1, 1, 1)
    assert summary.missing == applicable - 2
    assert summary.score == 100 // applicable
    text = response.text
    assert f'<p class="proactive-score__value">{summary.score}%</p>' in text
    assert f"1 of the {applicable} items that apply to the municipality are current." in text
    assert "share of the items that apply" in text
    assert "The municipality has no vehicles." in text
    assert "Never published." in text
    assert "Late since" in text


def test_compliance_shows_a_late_quarter_and_since_when(client, catalogue, publish, today):
    item = catalogue["fuel"]
    missing, *published = last_quarters(today)
    # The most recent quarter is missing only once its due date has passed.
    for period in published:
        publish(item, period=period, published_on=period.end + D(days=5))
    response = client.get("/en/proactive/compliance/", {"section": "finance"})
    row = next(row for row in response.context["view"].rows if row.item == item)
    status = row.status
    if rules.due_date(missing) < today:
        assert status.state == "late"
        assert status.missing_periods == (missing,)
        assert f"quarter of {missing.year}" in response.text
    else:
        assert status.state == "current"


def test_compliance_filters_by_state(client, catalogue, publish, today):
    publish(catalogue["structure"], published_on=today)
    response = client.get("/en/proactive/compliance/", {"state": "current"})
    rows = [row for group in response.context["sections"] for row in group.rows]
    assert [row.item.standard_key for row in rows] == ["structure"]


def test_an_item_s_archive_lists_its_documents_newest_first_page_by_page(
    client, catalogue, publish, today
):
    item = catalogue["sittings"]
    for number in range(25):
        publish(item, title=f"Minutes {number:02d}", published_on=today - D(days=number))
    first = client.get("/en/proactive/sittings/")
    assert first.status_code == 200
    assert first.context["page"].paginator.count == 25
    titles = [document.title for document in first.context["documents"]]
    assert titles[:2] == ["Minutes 00", "Minutes 01"]
    assert len(titles) == 20
    assert 'href="?page=2"' in first.text
    second = client.get("/en/proactive/sittings/", {"page": 2})
    assert [document.title for document in second.context["documents"]][-1] == "Minutes 24"
    assert "Page 2 of 2" in second.text


def test_an_empty_item_says_nothing_is_published(client, catalogue):
    response = client.get("/en/proactive/fuel/")
    assert response.status_code == 200
    assert "Nothing is published in this item yet." in response.text
    assert "Never published." in response.text


def test_a_legal_act_published_late_shows_its_delay(client, catalogue, publish, today):
    publish(
        catalogue["mayor-normative-acts"],
        title="Order 31",
        entry_into_force=today - D(days=40),
        published_on=today - D(days=20),
    )
    response = client.get("/en/proactive/mayor-normative-acts/")
    assert "days late" in response.text
    assert response.context["status"].state == "late"


def test_a_withdrawn_document_leaves_the_public_pages(client, catalogue, publish, today):
    document = publish(catalogue["structure"], title="Wrong chart", file=True)
    services.document_withdraw(document=document, actor=None, reason="A wrong file.")
    assert "Wrong chart" not in client.get("/en/proactive/").text
    assert "Wrong chart" not in client.get("/en/proactive/structure/").text
    assert client.get(f"/en/proactive/structure/{document.pk}/file/").status_code == 404


def test_a_published_file_is_served_by_the_site(client, catalogue, publish):
    document = publish(catalogue["structure"], title="Chart", file=True)
    assert document.file.name.startswith("proactive/")
    response = client.get(document.get_file_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_file_missing_from_the_storage_is_not_found(client, catalogue, publish):
    document = publish(catalogue["structure"], file=True)
    document.file.storage.delete(document.file.name)
    assert client.get(document.get_file_url()).status_code == 404


def test_a_link_document_points_to_the_other_site(client, catalogue, publish):
    publish(catalogue["budget"], title="Budget", url="https://matsne.gov.ge/ka/document/view/1")
    text = client.get("/en/proactive/budget/").text
    assert 'href="https://matsne.gov.ge/ka/document/view/1" rel="external noopener noreferrer"' in (
        text
    )


def test_another_municipality_s_items_and_files_are_not_found(client, catalogue, publish):
    document = publish(catalogue["structure"], file=True)
    other = MunicipalityFactory(slug="ozurgeti")
    services.catalogue_seed(municipality=other)
    item = CatalogueItem.objects.get(municipality=other, standard_key="structure")
    Document.objects.filter(pk=document.pk).update(item=item)
    assert client.get(f"/en/proactive/structure/{document.pk}/file/").status_code == 404
    assert client.get("/en/proactive/no-such-item/").status_code == 404


def test_a_document_dated_in_the_future_is_not_shown_yet(client, catalogue):
    Document.objects.create(
        item=catalogue["budget"],
        title="Not yet",
        url="https://lanchkhuti.gov.ge/",
        published_on=timezone.localdate() + D(days=3),
    )
    assert "Not yet" not in client.get("/en/proactive/").text

"""The staff pages: the catalogue with states, an item's page, publishing, correcting,
withdrawing, and the catalogue's settings, each with who may do it."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from emanager.proactive import rules
from emanager.proactive.choices import UpdateRule
from emanager.proactive.models import CatalogueItem, Document
from tests.proactive.conftest import pdf_upload

pytestmark = pytest.mark.django_db

D = datetime.timedelta
STAFF = "/en/proactive/staff/"


def item_url(item) -> str:
    return f"{STAFF}item/{item.slug}/"


@pytest.fixture
def fuel(catalogue, bodies):
    """A quarterly item of the finance service."""
    item = catalogue["fuel"]
    item.responsible_body = bodies["finance"]
    item.save()
    return item


def last_due_quarter(today: datetime.date) -> rules.ReportingPeriod:
    period = rules.period_containing(today, UpdateRule.QUARTERLY)
    while rules.due_date(period) >= today:
        period = period.previous()
    return period


def publish_data(period: rules.ReportingPeriod, today: datetime.date, **extra) -> dict:
    return {
        "title": "საწვავის ხარჯები",
        "period_year": period.year,
        "period_part": f"q{period.quarter}",
        "published_on": today.isoformat(),
        **extra,
    }


# --- The catalogue ----------------------------------------------------------------------


def test_the_staff_catalogue_needs_a_signed_in_staff_member(client, login, staff, catalogue):
    assert client.get(STAFF).status_code == 302
    assert login(staff["outsider"]).get(STAFF).status_code == 403


def test_an_empty_catalogue_offers_the_administrator_to_set_it_up(login, staff, municipality):
    admin = login(staff["admin"])
    page = admin.get(STAFF)
    assert "Set up the catalogue from Ordinance No. 219" in page.text
    response = admin.post(f"{STAFF}seed/", follow=True)
    assert "items of the Ordinance No. 219 list were added" in response.text
    assert CatalogueItem.objects.filter(municipality=municipality).count() > 40
    again = admin.post(f"{STAFF}seed/", follow=True)
    assert "has every item of the Ordinance No. 219 list" in again.text


def test_a_head_cannot_set_up_the_catalogue(login, staff, municipality):
    head = login(staff["head"])
    assert "An administrator, a registry clerk" in head.get(STAFF).text
    assert head.post(f"{STAFF}seed/").status_code == 403
    assert not CatalogueItem.objects.filter(municipality=municipality).exists()


def test_the_staff_catalogue_shows_states_and_filters_my_items(login, staff, fuel):
    head = login(staff["head"])
    page = head.get(STAFF)
    assert page.status_code == 200
    assert "Proactive publication" in page.text
    assert "Never published." in page.text
    mine = head.get(STAFF, {"items": "mine"})
    rows = [row for group in mine.context["sections"] for row in group.rows]
    assert [row.item for row in rows] == [fuel]


def test_the_back_office_menu_links_the_catalogue(login, staff, catalogue):
    page = login(staff["official"]).get("/en/staff/")
    assert 'href="/en/proactive/staff/"' in page.text


# --- Publishing ------------------------------------------------------------------------------


def test_the_publish_form_suggests_the_quarter_the_item_waits_for(
    login, staff, fuel, publish, today
):
    period = last_due_quarter(today)
    earlier = period
    for _ in range(3):
        earlier = earlier.previous()
        publish(fuel, period=earlier, published_on=earlier.end + D(days=5))
    page = login(staff["head"]).get(item_url(fuel))
    form = page.context["publish_form"]
    assert form.initial["period_year"] == period.year
    assert form.initial["period_part"] == f"q{period.quarter}"
    assert form.initial["published_on"] == today


def test_the_head_publishes_a_file_and_the_late_item_becomes_current(
    login, staff, fuel, publish, today
):
    period = last_due_quarter(today)
    earlier = period
    for _ in range(3):
        earlier = earlier.previous()
        publish(fuel, period=earlier, published_on=earlier.end + D(days=5))
    assert login(staff["head"]).get(item_url(fuel)).context["status"].state == "late"

    response = login(staff["head"]).post(
        item_url(fuel), {**publish_data(period, today), "file": pdf_upload()}, follow=True
    )
    assert "is published. Everyone sees it now." in response.text
    document = Document.objects.get(item=fuel, period_start=period.start)
    assert (document.period_end, document.published_by) == (period.end, staff["head"])
    assert document.content_type == "application/pdf"
    assert document.file.storage.exists(document.file.name)
    assert response.context["status"].state == "current"


def test_a_link_can_be_published_instead_of_a_file(login, staff, fuel, today):
    period = last_due_quarter(today)
    data = publish_data(period, today, url="https://lanchkhuti.gov.ge/ka/page/fuel")
    login(staff["clerk"]).post(item_url(fuel), data)
    assert Document.objects.get(item=fuel).url == "https://lanchkhuti.gov.ge/ka/page/fuel"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"url": ""}, "file", "Choose the file to publish"),
        ({"file": True, "url": "https://lanchkhuti.gov.ge/"}, "url", "not both"),
        ({"period_part": ""}, "period_part", "Choose the quarter"),
        ({"period_year": ""}, "period_year", "Give the year"),
        ({"published_on": "2099-01-01"}, "published_on", "cannot be in the future"),
        ({"url": "ftp://lanchkhuti.gov.ge/x"}, "url", "Enter a valid URL"),
        (
            {"period_part": "dates", "period_start": "2026-03-31", "period_end": "2026-01-01"},
            "period_end",
            "cannot end before it starts",
        ),
    ],
)
def test_the_publish_form_explains_what_is_wrong(login, staff, fuel, today, change, field, message):
    period = last_due_quarter(today)
    data = publish_data(period, today, url="https://lanchkhuti.gov.ge/ka/page/fuel")
    if change.pop("file", False):
        data["file"] = pdf_upload()
    data.update(change)
    response = login(staff["clerk"]).post(item_url(fuel), data)
    assert response.status_code == 400
    errors = response.context["publish_form"].errors
    assert message in " ".join(errors[field])
    assert 'id="form-errors"' in response.text
    assert not Document.objects.filter(item=fuel).exists()


def test_a_file_of_a_type_not_accepted_is_refused(login, staff, fuel, today):
    program = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    data = {**publish_data(last_due_quarter(today), today), "file": program}
    response = login(staff["clerk"]).post(item_url(fuel), data)
    assert response.status_code == 400
    assert "not a file type we accept" in " ".join(response.context["publish_form"].errors["file"])


def test_a_legal_act_needs_its_entry_into_force(login, staff, catalogue, today):
    item = catalogue["mayor-normative-acts"]
    data = {"title": "Order 5", "url": "https://matsne.gov.ge/1", "published_on": today}
    response = login(staff["clerk"]).post(item_url(item), data)
    assert response.status_code == 400
    assert "entry_into_force" in response.context["publish_form"].errors
    data["entry_into_force"] = (today - D(days=3)).isoformat()
    login(staff["clerk"]).post(item_url(item), data)
    assert Document.objects.get(item=item).entry_into_force == today - D(days=3)


def test_a_document_may_cover_other_dates(login, staff, catalogue, today):
    item = catalogue["budget-execution"]
    year = today.year - 1
    data = {
        "title": "9 months",
        "url": "https://lanchkhuti.gov.ge/",
        "period_part": "dates",
        "period_start": f"{year}-01-01",
        "period_end": f"{year}-09-30",
        "published_on": today.isoformat(),
    }
    login(staff["clerk"]).post(item_url(item), data)
    document = Document.objects.get(item=item)
    assert (document.period_start, document.period_end) == (
        datetime.date(year, 1, 1),
        datetime.date(year, 9, 30),
    )


def test_staff_of_another_body_cannot_publish(login, staff, fuel, today):
    official = login(staff["official_elsewhere"])
    page = official.get(item_url(fuel))
    assert page.status_code == 200
    assert page.context["publish_form"] is None
    data = publish_data(last_due_quarter(today), today, url="https://lanchkhuti.gov.ge/")
    assert official.post(item_url(fuel), data).status_code == 403
    assert not Document.objects.exists()


# --- Correcting and withdrawing -----------------------------------------------------------------


def test_a_document_is_corrected(login, staff, fuel, publish, today):
    period = last_due_quarter(today)
    document = publish(fuel, period=period, title="Fual", file=True)
    head = login(staff["head"])
    page = head.get(f"{STAFF}document/{document.pk}/edit/")
    assert page.context["form"].initial["period_part"] == f"q{period.quarter}"
    data = publish_data(period, today, title="Fuel costs")
    response = head.post(f"{STAFF}document/{document.pk}/edit/", data, follow=True)
    assert "was corrected" in response.text
    document.refresh_from_db()
    assert document.title == "Fuel costs"
    assert document.file  # kept


def test_a_document_is_withdrawn_only_after_confirming_with_a_reason(
    login, staff, fuel, publish, client
):
    document = publish(fuel, title="Wrong file", file=True)
    head = login(staff["head"])
    url = f"{STAFF}document/{document.pk}/withdraw/"
    confirm = head.get(url)
    assert "Withdraw “Wrong file”?" in confirm.text
    assert head.post(url, {"reason": ""}).status_code == 400
    document.refresh_from_db()
    assert not document.is_withdrawn

    response = head.post(url, {"reason": "A wrong file was uploaded."}, follow=True)
    assert "the public pages no longer show it" in response.text
    document.refresh_from_db()
    assert (document.withdrawn_by, document.withdrawal_reason) == (
        staff["head"],
        "A wrong file was uploaded.",
    )
    assert "Withdrawn on" in response.text
    assert head.get(f"{STAFF}document/{document.pk}/edit/", follow=True).status_code == 200
    assert not Document.objects.published().filter(pk=document.pk).exists()


def test_staff_of_another_body_cannot_correct_or_withdraw(login, staff, fuel, publish):
    document = publish(fuel)
    other = login(staff["official_elsewhere"])
    assert other.get(f"{STAFF}document/{document.pk}/edit/").status_code == 403
    assert other.post(f"{STAFF}document/{document.pk}/withdraw/", {"reason": "x"}).status_code == (
        403
    )
    document.refresh_from_db()
    assert not document.is_withdrawn


# --- The catalogue's settings ------------------------------------------------------------------


def test_an_item_is_marked_not_applicable_only_with_a_reason(login, staff, catalogue, bodies):
    item = catalogue["vehicles"]
    admin = login(staff["admin"])
    url = f"{item_url(item)}settings/"
    refused = admin.post(url, {"responsible_body": bodies["finance"].pk, "is_applicable": ""})
    assert refused.status_code == 400
    assert "not_applicable_reason" in refused.context["settings_form"].errors
    admin.post(
        url,
        {
            "responsible_body": bodies["finance"].pk,
            "is_applicable": "",
            "not_applicable_reason": "The City Hall has no vehicles.",
        },
    )
    item.refresh_from_db()
    assert (item.is_applicable, item.responsible_body) == (False, bodies["finance"])
    assert item.not_applicable_reason == "The City Hall has no vehicles."


def test_a_head_cannot_change_the_settings(login, staff, catalogue):
    item = catalogue["vehicles"]
    head = login(staff["head"])
    assert head.get(item_url(item)).context["settings_form"] is None
    response = head.post(f"{item_url(item)}settings/", {"is_applicable": ""})
    assert response.status_code == 403


def test_the_administrator_adds_an_item_of_the_municipality_s_own(login, staff, catalogue):
    admin = login(staff["admin"])
    assert admin.get(f"{STAFF}add/").status_code == 200
    response = admin.post(
        f"{STAFF}add/",
        {
            "name_ka": "ტურისტული ღირსშესანიშნაობები",
            "name_en": "Tourist sights",
            "name_ru": "",
            "section": "other",
            "rule": "on_change",
            "responsible_body": "",
        },
        follow=True,
    )
    assert "was added to the catalogue" in response.text
    item = CatalogueItem.objects.get(slug="tourist-sights")
    assert item.standard_key == ""
    assert login(staff["head"]).get(f"{STAFF}add/").status_code == 403


def test_an_on_change_item_is_confirmed_up_to_date(login, staff, catalogue, publish, today):
    item = catalogue["contacts"]
    publish(item, published_on=today - D(days=400))
    clerk = login(staff["clerk"])
    assert clerk.get(item_url(item)).context["status"].state == "late"
    response = clerk.post(f"{item_url(item)}confirm/", follow=True)
    assert "still up to date" in response.text
    item.refresh_from_db()
    assert (item.reviewed_on, item.reviewed_by) == (today, staff["clerk"])
    assert response.context["status"].state == "current"


def test_an_item_without_documents_cannot_be_confirmed(login, staff, catalogue):
    item = catalogue["contacts"]
    response = login(staff["clerk"]).post(f"{item_url(item)}confirm/", follow=True)
    assert "document first." in response.text
    item.refresh_from_db()
    assert item.reviewed_on is None

"""The catalogue: seeded from the Ordinance No. 219 list, once; the municipality's own items."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import translation

from emanager.proactive import services
from emanager.proactive.catalogue import STANDARD_ITEMS
from emanager.proactive.choices import Section, UpdateRule
from emanager.proactive.models import CatalogueItem
from tests.factories import BodyFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_seeding_adds_the_ordinance_list_in_three_languages(municipality):
    assert services.catalogue_seed(municipality=municipality) == len(STANDARD_ITEMS)
    assert 45 <= len(STANDARD_ITEMS) <= 60
    item = CatalogueItem.objects.get(municipality=municipality, standard_key="budget-execution")
    assert item.rule == UpdateRule.QUARTERLY
    assert item.section == Section.FINANCE
    with translation.override("en"):
        assert item.get_absolute_url() == "/en/proactive/budget-execution/"
        assert item.name == "Quarterly report on the execution of the budget"
    with translation.override("ru"):
        assert item.name == "Квартальный отчёт об исполнении бюджета"
    with translation.override("ka"):
        assert item.name == "ბიუჯეტის შესრულების კვარტალური ანგარიში"


def test_every_section_and_every_rule_has_items():
    assert {item.section for item in STANDARD_ITEMS} == set(Section)
    assert {item.rule for item in STANDARD_ITEMS} == set(UpdateRule)
    keys = [item.key for item in STANDARD_ITEMS]
    assert len(keys) == len(set(keys))
    assert all(all(name.strip() for name in item.name) for item in STANDARD_ITEMS)


def test_seeding_twice_adds_nothing_and_keeps_the_municipality_s_changes(municipality):
    services.catalogue_seed(municipality=municipality)
    item = CatalogueItem.objects.get(municipality=municipality, standard_key="vehicles")
    services.item_settings_set(
        item=item,
        responsible_body=None,
        is_applicable=False,
        not_applicable_reason="The municipality has no vehicles.",
    )
    CatalogueItem.objects.filter(pk=item.pk).update(name_ka="ავტომობილები")
    CatalogueItem.objects.filter(municipality=municipality, standard_key="fuel").delete()

    assert services.catalogue_seed(municipality=municipality) == 1
    assert services.catalogue_seed(municipality=municipality) == 0
    item.refresh_from_db()
    assert (item.name_ka, item.is_applicable) == ("ავტომობილები", False)
    assert CatalogueItem.objects.filter(municipality=municipality).count() == len(STANDARD_ITEMS)


def test_each_municipality_has_its_own_catalogue(municipality):
    other = MunicipalityFactory(slug="ozurgeti")
    services.catalogue_seed(municipality=municipality)
    services.catalogue_seed(municipality=other)
    assert CatalogueItem.objects.filter(municipality=other).count() == len(STANDARD_ITEMS)


def test_the_command_seeds_a_municipality_by_its_address(municipality):
    out = StringIO()
    call_command("seed_proactive_catalogue", "lanchkhuti", stdout=out)
    assert f"lanchkhuti: {len(STANDARD_ITEMS)} items added." in out.getvalue()
    call_command("seed_proactive_catalogue", "--all", stdout=out)
    assert "lanchkhuti: 0 items added." in out.getvalue()
    with pytest.raises(CommandError):
        call_command("seed_proactive_catalogue", "nowhere", stdout=out)


def test_an_own_item_gets_a_free_address_and_ends_its_section(municipality, catalogue):
    first = services.item_create(
        municipality=municipality,
        section=Section.GENERAL,
        rule=UpdateRule.ON_CHANGE,
        name_ka="ტურისტული მარშრუტები",
        name_en="Structure",
    )
    second = services.item_create(
        municipality=municipality,
        section=Section.GENERAL,
        rule=UpdateRule.YEARLY,
        name_ka="ტურისტული მარშრუტები 2",
    )
    assert first.slug == "structure-2"  # "structure" is the seeded item's
    assert second.slug == "item"
    general = list(CatalogueItem.objects.filter(municipality=municipality, section=Section.GENERAL))
    assert general[-2:] == [first, second]


def test_an_item_that_does_not_apply_needs_a_reason(catalogue):
    with pytest.raises(services.PublicationRefused):
        services.item_settings_set(
            item=catalogue["vehicles"], responsible_body=None, is_applicable=False
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        CatalogueItem.objects.filter(pk=catalogue["fuel"].pk).update(is_applicable=False)


def test_the_responsible_body_must_be_of_the_municipality(catalogue):
    stranger = BodyFactory(municipality=MunicipalityFactory(slug="poti"))
    with pytest.raises(services.PublicationRefused):
        services.item_settings_set(
            item=catalogue["fuel"], responsible_body=stranger, is_applicable=True
        )
    item = catalogue["fuel"]
    item.responsible_body = stranger
    with pytest.raises(ValidationError):
        item.full_clean()


@pytest.mark.parametrize("slug", ["compliance", "staff"])
def test_the_pages_own_addresses_are_reserved(catalogue, slug):
    item = catalogue["fuel"]
    item.slug = slug
    with pytest.raises(ValidationError):
        item.full_clean()


def test_the_admin_lists_and_edits_the_catalogue(client, catalogue, publish):
    from django.contrib.auth import get_user_model

    publish(catalogue["budget"])
    superuser = get_user_model().objects.create_superuser("root", "root@example.ge", "pw")
    client.force_login(superuser)
    assert client.get("/admin/proactive/catalogueitem/").status_code == 200
    page = client.get(f"/admin/proactive/catalogueitem/{catalogue['budget'].pk}/change/")
    assert page.status_code == 200
    assert "name_ru" in page.text
    assert client.get("/admin/proactive/document/").status_code == 200
    assert client.get("/admin/proactive/document/add/").status_code == 403

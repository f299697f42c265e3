"""Who edits the catalogue and who publishes into which item (emanager.staff.permissions)."""

from __future__ import annotations

import pytest

from emanager.staff.models import Membership, StaffRole
from emanager.staff.permissions import (
    can_edit_proactive_catalogue,
    can_publish_proactively,
    proactive_items_publishable_by,
)
from tests.factories import MunicipalityFactory
from tests.staff.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(catalogue, bodies):
    """Three items: of the finance service, of its budget division, and of the Sakrebulo."""
    for key, body in (
        ("salaries", bodies["finance"]),
        ("budget-execution", bodies["budget"]),
        ("sittings", bodies["sakrebulo"]),
    ):
        catalogue[key].responsible_body = body
        catalogue[key].save()
    return catalogue


@pytest.mark.parametrize(("name", "allowed"), [("admin", True), ("clerk", True), ("head", False)])
def test_administrators_and_clerks_edit_the_catalogue(staff, municipality, name, allowed):
    assert can_edit_proactive_catalogue(staff[name], municipality) is allowed


def test_a_public_information_officer_edits_the_catalogue(municipality, bodies):
    pio = make_user("pio")
    Membership.objects.create(
        user=pio, municipality=municipality, body=bodies["sakrebulo"], role=StaffRole.PIO
    )
    assert can_edit_proactive_catalogue(pio, municipality)


def test_the_clerk_and_the_administrator_publish_into_every_item(staff, items):
    for name in ("clerk", "admin"):
        assert can_publish_proactively(staff[name], items["sittings"])
        assert can_publish_proactively(staff[name], items["fuel"])  # no body set


def test_the_head_publishes_into_the_items_of_the_service_and_its_divisions(staff, items):
    head = staff["head"]
    assert can_publish_proactively(head, items["salaries"])
    assert can_publish_proactively(head, items["budget-execution"])
    assert not can_publish_proactively(head, items["sittings"])
    assert not can_publish_proactively(head, items["fuel"])


def test_an_official_publishes_into_the_items_of_their_own_body(staff, items):
    official = staff["official"]  # an official of the finance service
    assert can_publish_proactively(official, items["salaries"])
    assert not can_publish_proactively(official, items["budget-execution"])
    assert not can_publish_proactively(official, items["sittings"])
    assert can_publish_proactively(staff["official_elsewhere"], items["sittings"])


def test_a_division_s_staff_publish_into_the_items_of_the_service_above(
    municipality, bodies, items
):
    accountant = make_user("accountant")
    Membership.objects.create(
        user=accountant, municipality=municipality, body=bodies["budget"], role=StaffRole.OFFICIAL
    )
    assert can_publish_proactively(accountant, items["budget-execution"])
    assert can_publish_proactively(accountant, items["salaries"])
    assert not can_publish_proactively(accountant, items["sittings"])


def test_outsiders_and_staff_of_another_municipality_publish_nothing(staff, items):
    assert not can_publish_proactively(staff["outsider"], items["salaries"])
    other = MunicipalityFactory(slug="poti")
    stranger = make_user("stranger")
    Membership.objects.create(user=stranger, municipality=other, role=StaffRole.ADMIN)
    assert not can_publish_proactively(stranger, items["salaries"])
    assert not can_edit_proactive_catalogue(stranger, items["salaries"].municipality)


def test_the_items_a_user_publishes_into(staff, items, municipality):
    keys = set(
        proactive_items_publishable_by(staff["head"], municipality).values_list(
            "standard_key", flat=True
        )
    )
    assert keys == {"salaries", "budget-execution"}
    everything = proactive_items_publishable_by(staff["clerk"], municipality)
    assert everything.count() == len(items)
    assert not proactive_items_publishable_by(staff["outsider"], municipality).exists()

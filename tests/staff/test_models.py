"""Memberships: an administrator covers the whole municipality, every other role a body."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from emanager.staff.models import Membership, StaffRole
from tests.factories import BodyFactory, MunicipalityFactory, OfficialFactory
from tests.staff.conftest import make_user

pytestmark = pytest.mark.django_db


def test_administrator_with_a_body_is_refused(municipality, bodies):
    membership = Membership(
        user=make_user("admin"),
        municipality=municipality,
        body=bodies["finance"],
        role=StaffRole.ADMIN,
    )
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "body" in error.value.message_dict


def test_other_roles_need_a_body(municipality):
    membership = Membership(user=make_user("clerk"), municipality=municipality, role="clerk")
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "body" in error.value.message_dict


def test_body_and_official_must_belong_to_the_municipality(municipality):
    elsewhere = MunicipalityFactory(slug="ozurgeti")
    membership = Membership(
        user=make_user("head"),
        municipality=municipality,
        body=BodyFactory(municipality=elsewhere),
        role=StaffRole.HEAD,
        official=OfficialFactory(municipality=elsewhere),
    )
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert set(error.value.message_dict) == {"body", "official"}


def test_valid_memberships_pass(municipality, bodies):
    user = make_user("admin")
    Membership(user=user, municipality=municipality, role=StaffRole.ADMIN).full_clean()
    Membership(
        user=user, municipality=municipality, body=bodies["finance"], role=StaffRole.HEAD
    ).full_clean()


def test_the_database_refuses_a_body_less_clerk(municipality):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=make_user("clerk"), municipality=municipality, role=StaffRole.CLERK
        )


def test_one_administrator_membership_per_user_and_municipality(municipality):
    user = make_user("admin")
    Membership.objects.create(user=user, municipality=municipality, role=StaffRole.ADMIN)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, municipality=municipality, role=StaffRole.ADMIN)

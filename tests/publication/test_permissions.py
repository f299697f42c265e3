"""Who reviews publication: registry clerks, heads and public-information officers of the
letter's body (and the bodies above it), and administrators."""

from __future__ import annotations

import pytest

from emanager.letters.choices import Publication
from emanager.staff.permissions import can_review, letters_reviewable_by, may_review
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("clerk", True),
        ("head", True),
        ("admin", True),
        ("official", False),
        ("official_elsewhere", False),
        ("outsider", False),
    ],
)
def test_who_may_review_at_all(staff, municipality, name, expected):
    assert may_review(staff[name], municipality) is expected


def test_a_pio_reviews(pio, municipality):
    assert may_review(pio, municipality)


def test_anonymous_users_review_nothing(municipality):
    from django.contrib.auth.models import AnonymousUser

    assert not may_review(AnonymousUser(), municipality)


@pytest.mark.parametrize(
    ("body", "reviewers"),
    [
        ("finance", {"head", "admin", "pio"}),
        ("budget", {"head", "admin", "pio"}),
        ("administrative", {"clerk", "admin"}),
        ("sakrebulo", {"admin"}),
    ],
)
def test_each_letter_is_reviewed_by_its_bodys_reviewers(
    staff, pio, bodies, public_letter, body, reviewers
):
    letter = public_letter(to=bodies[body])
    users = {**staff, "pio": pio}
    assert {name for name, user in users.items() if can_review(user, letter)} == reviewers


def test_the_assignee_who_is_an_official_does_not_review(staff, public_letter, bodies):
    from emanager.letters.models import Letter

    letter = public_letter(to=bodies["sakrebulo"])
    Letter.objects.filter(pk=letter.pk).update(assignee=staff["official"])
    letter.refresh_from_db()
    assert not can_review(staff["official"], letter)


def test_an_unconfirmed_letter_is_reviewed_by_nobody(staff, write_letter):
    letter = write_letter(confirm=False, publication=Publication.PUBLIC_NAMED)
    assert not can_review(staff["admin"], letter)
    assert letter not in letters_reviewable_by(staff["admin"], letter.municipality)


def test_nobody_reviews_the_letters_of_another_municipality(staff, public_letter):
    other = MunicipalityFactory(slug="ozurgeti")
    letter = public_letter()
    assert letters_reviewable_by(staff["admin"], other).count() == 0
    letter.municipality = other
    assert not can_review(staff["admin"], letter)


def test_the_reviewable_letters_match_can_review(staff, pio, bodies, public_letter, municipality):
    letters = [public_letter(to=bodies[name]) for name in bodies]
    for user in [*staff.values(), pio]:
        listed = set(letters_reviewable_by(user, municipality))
        assert listed == {letter for letter in letters if can_review(user, letter)}

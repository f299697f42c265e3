"""Fixtures of the public-information tests.

The named staff of Lanchkhuti come from tests/staff/conftest.py (imported
here so that they serve these tests too):

City Hall                    admin (administrator) covers everything
├── Administrative service   clerk
├── Finance service          head (head); official (linked to Giorgi Beridze); pio (added here)
│   └── Budget division
Sakrebulo                    official_elsewhere
"""

from __future__ import annotations

import pytest

from emanager.letters.choices import LetterKind
from emanager.staff.models import Membership, StaffRole
from tests.staff import conftest as staff_fixtures

# The named staff and their letters, shared with tests/staff.
bodies = staff_fixtures.bodies
people = staff_fixtures.people
staff = staff_fixtures.staff
write_letter = staff_fixtures.write_letter
login = staff_fixtures.login
today = staff_fixtures.today
make_user = staff_fixtures.make_user
PASSWORD = staff_fixtures.PASSWORD


@pytest.fixture(autouse=True)
def english():
    """Messages from services are in the active language; these tests read English."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def pio(municipality, bodies, staff):
    """The public-information officer of the finance service."""
    user = make_user("pio", first_name="Nato", last_name="Kiladze")
    Membership.objects.create(
        user=user, municipality=municipality, body=bodies["finance"], role=StaffRole.PIO
    )
    return user


@pytest.fixture
def foi_letter(write_letter, bodies):
    """A citizen's public-information request to the finance service, registered."""

    def write(**fields):
        from emanager.foi.services import foi_request_for

        fields.setdefault("subject", "The budget of the road repairs in 2026")
        fields.setdefault("body", "Please send me the contracts for the road repairs of 2026.")
        letter = write_letter(kind=LetterKind.PUBLIC_INFORMATION, **fields)
        foi_request_for(letter=letter)
        letter.refresh_from_db()
        return letter

    return write

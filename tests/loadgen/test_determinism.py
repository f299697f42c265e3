from __future__ import annotations

import datetime

import pytest
from django.db import transaction

from emanager.letters.models import Event, Letter
from emanager.loadgen import generate

pytestmark = pytest.mark.django_db


def _fingerprint(seed: int) -> list:
    with transaction.atomic():
        generate(letters=150, municipalities=1, seed=seed, until=datetime.date(2026, 11, 27))
        letters = list(
            Letter.objects.order_by("registered_at", "uuid").values_list(
                "uuid", "number", "kind", "status", "outcome", "registered_at", "author_name"
            )
        )
        events = list(Event.objects.order_by("seq").values_list("seq", "kind", "created_at"))
        transaction.set_rollback(True)
    return [letters, events]


def test_the_same_seed_gives_the_same_data():
    assert _fingerprint(3) == _fingerprint(3)


def test_another_seed_gives_other_data():
    assert _fingerprint(3) != _fingerprint(4)

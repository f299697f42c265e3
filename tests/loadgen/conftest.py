"""One small generated data set per module, rolled back at its end."""

from __future__ import annotations

import datetime

import pytest
from django.db import transaction

from emanager.loadgen import generate, rebuild_derived

UNTIL = datetime.date(2026, 11, 27)
LETTERS = 400


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        report = generate(letters=LETTERS, municipalities=2, seed=7, until=UNTIL)
        rebuild_derived(report)
        yield report
        transaction.set_rollback(True)

"""Writes of the deadline calendar."""

from __future__ import annotations

import importlib
import logging

from django.db import transaction

from emanager.deadlines.models import DEFAULT_DEADLINE_RULES, DeadlineRule
from emanager.directory.models import Municipality

__all__ = ["calendar_changed", "deadline_rules_ensure"]

logger = logging.getLogger(__name__)

LETTERS_SERVICES = "emanager.letters.services"


@transaction.atomic
def deadline_rules_ensure(*, municipality: Municipality) -> list[DeadlineRule]:
    """Give the municipality a rule row for every kind of letter, from the defaults.

    Existing rows are kept as they are. Returns all the municipality's rules.
    """
    DeadlineRule.objects.bulk_create(
        [
            DeadlineRule(
                municipality=municipality,
                kind=kind,
                unit=spec.period.unit,
                amount=spec.period.amount,
                max_extension_unit=spec.max_extension.unit,
                max_extension_amount=spec.max_extension.amount,
            )
            for kind, spec in DEFAULT_DEADLINE_RULES.items()
        ],
        ignore_conflicts=True,
    )
    return list(DeadlineRule.objects.filter(municipality=municipality))


def calendar_changed(*, municipality: Municipality) -> bool:
    """The municipality's working days changed: recompute the deadlines of its open letters.

    The one place that tells the letters app; the admin calls it after a
    calendar day or the calendar settings are saved or deleted. Calls
    ``emanager.letters.services.letters_recompute_deadlines`` if the letters
    app provides it, and returns whether it did.
    """
    try:
        letters_services = importlib.import_module(LETTERS_SERVICES)
    except ModuleNotFoundError as error:
        if error.name != LETTERS_SERVICES:
            raise
        letters_services = None
    recompute = getattr(letters_services, "letters_recompute_deadlines", None)
    if recompute is None:
        logger.info(
            "Calendar of %s changed; letters_recompute_deadlines is not available.",
            municipality,
        )
        return False
    recompute(municipality=municipality)
    return True

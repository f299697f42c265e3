"""Receivers that keep the monthly figures current.

They only schedule work: the rows a change touched are recomputed once the
transaction commits, by a background task
(:func:`emanager.accountability.services.figures_schedule`),
so a rolled-back change schedules nothing that matters and a letter changed
several times in one transaction is recomputed once.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver

from emanager.accountability.services import (
    FACT_FIELDS,
    RELEVANT_FIELDS,
    figures_schedule,
    letter_facts,
    letter_keys,
)
from emanager.letters.models import Letter
from emanager.surveys.models import Survey

# Where a loaded letter counted, to recompute its old rows too when it moves
# (forwarded to another body, its registration re-dated).
SNAPSHOT = "_accountability_facts"


@receiver(post_init, sender=Letter, dispatch_uid="accountability_letter_loaded")
def letter_loaded(sender, instance: Letter, **kwargs) -> None:
    # Read from __dict__ only: a deferred field must not cost a query here.
    instance.__dict__[SNAPSHOT] = letter_facts(instance)


@receiver(post_save, sender=Letter, dispatch_uid="accountability_letter_saved")
def letter_saved(
    sender, instance: Letter, created: bool, update_fields=None, raw=False, **kwargs
) -> None:
    if raw:
        return
    if update_fields is not None and not RELEVANT_FIELDS.intersection(update_fields):
        return
    before = instance.__dict__.get(SNAPSHOT) or {}
    after = letter_facts(instance)
    if not created and before == after:
        return  # a save that changed none of the figures' columns
    instance.__dict__[SNAPSHOT] = after
    figures_schedule(keys={*letter_keys(before), *letter_keys(after)})


@receiver(post_delete, sender=Letter, dispatch_uid="accountability_letter_deleted")
def letter_deleted(sender, instance: Letter, **kwargs) -> None:
    figures_schedule(keys=letter_keys(letter_facts(instance)))


@receiver(post_save, sender=Survey, dispatch_uid="accountability_survey_saved")
def survey_saved(sender, instance: Survey, raw=False, **kwargs) -> None:
    if raw or not instance.response:
        return  # an unanswered survey (asked, reminded) counts in no figure
    facts = Letter.objects.filter(pk=instance.letter_id).values(*FACT_FIELDS).first()
    if facts is not None:
        figures_schedule(keys=letter_keys(facts))

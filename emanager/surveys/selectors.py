"""What the pages show of a letter's survey."""

from __future__ import annotations

import datetime

from django.utils import timezone

from emanager.letters.models import Letter
from emanager.surveys.forms import SurveyForm
from emanager.surveys.models import Survey
from emanager.surveys.services import survey_changeable, survey_changeable_until, survey_open


def survey_panel(letter: Letter, *, now: datetime.datetime | None = None) -> dict:
    """The survey part of the letter's private page: the survey, the form if it may be sent."""
    now = now or timezone.now()
    survey = Survey.objects.filter(letter=letter).first()
    if survey is not None:
        survey.letter = letter
        can_answer = survey_changeable(survey, now=now) and survey_open(
            letter, today=timezone.localdate(now)
        )
    else:
        can_answer = survey_open(letter, today=timezone.localdate(now))
    initial = {"response": survey.response} if survey is not None and survey.response else {}
    until = survey_changeable_until(survey) if survey is not None else None
    return {
        "survey": survey,
        "survey_form": SurveyForm(initial=initial) if can_answer else None,
        # Shown only while the 7 days to change an answer run.
        "survey_changeable_until": until if until is not None and now < until else None,
    }

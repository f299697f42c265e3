"""The demo's satisfaction surveys: a year of the daily job, and citizens answering it.

:func:`survey_demo_steps` gives dated steps for the letters demo's replay
(:func:`emanager.letters.demo.load_demo_letters`), which runs them in time
order with the letters' own steps, so that every answer lands in the timeline
at its real place. Each day the job asks and reminds at 07:00 (the e-mails are
deleted at once: nobody should receive them); the citizens answer in the
afternoon or the evening, some after the first e-mail, some after the
reminder, and about a quarter never. What they answer depends on what
happened to their letter: most are satisfied with an answer on time, fewer
with a partial grant or a refusal, and those who got nothing say so.

:func:`demo_rating_response` is the answer of the citizens who rate their
letter on its page before the survey is e-mailed (the letters demo's ``rate``
steps).
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.db.models import Max
from django.utils import timezone

from emanager.directory.models import Municipality
from emanager.letters.choices import Outcome
from emanager.letters.models import Letter
from emanager.notifications.models import OutboxMessage
from emanager.surveys.jobs import surveys_send
from emanager.surveys.models import Survey, SurveyResponse, SurveyState
from emanager.surveys.services import survey_answer

SEED = "emanager-surveys-2026"
# The demo's year of letters, and a margin for the surveys of its oldest letters.
DAYS = 380
JOB_TIME = datetime.time(7, 0)
ANSWER_TIMES = (datetime.time(12, 41), datetime.time(19, 17), datetime.time(21, 33))

_S, _N, _A, _X = (
    SurveyResponse.SATISFIED,
    SurveyResponse.NOT_ANSWERED,
    SurveyResponse.ACKNOWLEDGEMENT,
    SurveyResponse.NO_ANSWER,
)
# How citizens answer, by what became of their letter: weights of (S, N, A, X).
_AFTER_ANSWER = {
    "": (76, 12, 8, 4),
    Outcome.ANSWERED: (76, 12, 8, 4),
    Outcome.PARTLY_GRANTED: (42, 38, 14, 6),
    Outcome.REFUSED: (12, 66, 14, 8),
}
_OTHER_OUTCOME = (15, 45, 30, 10)
_NOTHING_CAME = (0, 0, 18, 82)


@dataclass(frozen=True)
class SurveyStep:
    """One dated action of the demo; ``run()`` performs it."""

    when: datetime.datetime
    run: Callable[[], object]


def _rng(letter: Letter, purpose: str) -> random.Random:
    # The demo's letters have fixed submission keys: the same choices every time.
    return random.Random(f"{SEED}:{purpose}:{letter.submission_key}")  # noqa: S311


def _pick(rng: random.Random, weights: tuple[int, int, int, int]) -> SurveyResponse:
    return rng.choices((_S, _N, _A, _X), weights=weights)[0]


def demo_rating_response(letter: Letter, *, satisfied: bool) -> SurveyResponse:
    """The response of a citizen who rates the letter on its page: satisfied or not."""
    if satisfied:
        return SurveyResponse.SATISFIED
    return _pick(_rng(letter, "rating"), (0, 70, 30, 0))


def _response(letter: Letter, now: datetime.datetime, rng: random.Random) -> SurveyResponse:
    if letter.answered_at is None or letter.answered_at > now:
        return _pick(rng, _NOTHING_CAME)
    weights = list(_AFTER_ANSWER.get(letter.outcome, _OTHER_OUTCOME))
    if letter.deadline and timezone.localdate(letter.answered_at) > letter.deadline:
        weights[0] = weights[0] * 2 // 3  # a late answer pleases fewer
    return _pick(rng, tuple(weights))


def _answer_plan(survey: Survey) -> tuple[datetime.date, datetime.time] | None:
    """When the citizen answers the e-mailed survey, or None if never."""
    rng = _rng(survey.letter, "plan")
    asked = timezone.localdate(survey.asked_at)
    roll, slot = rng.random(), rng.choice(ANSWER_TIMES)
    if roll < 0.5:
        return asked + datetime.timedelta(days=rng.randint(0, 5)), slot
    if roll < 0.75:
        # After the reminder, which goes 7 days after the question.
        return asked + datetime.timedelta(days=7 + rng.randint(0, 4)), slot
    return None


class _Schedule:
    """The planned answers, filled as the job asks: (day, time) -> the surveys answered then."""

    def __init__(self, municipality: Municipality) -> None:
        self.municipality = municipality
        self.answers: dict[tuple[datetime.date, datetime.time], list[int]] = defaultdict(list)

    def run_job(self, day: datetime.date, now: datetime.datetime) -> None:
        before = OutboxMessage.objects.aggregate(last=Max("pk"))["last"] or 0
        if not surveys_send(today=day, now=now, municipality=self.municipality):
            return
        # Invented addresses, events long past: nobody receives these.
        OutboxMessage.objects.filter(pk__gt=before, template__startswith="surveys/").delete()
        asked = Survey.objects.filter(
            letter__municipality=self.municipality, asked_at=now
        ).select_related("letter")
        for survey in asked:
            plan = _answer_plan(survey)
            if plan is not None:
                self.answers[plan].append(survey.pk)

    def answer(self, day: datetime.date, slot: datetime.time, now: datetime.datetime) -> None:
        ids = self.answers.pop((day, slot), [])
        if not ids:
            return
        for survey in Survey.objects.filter(pk__in=ids).select_related("letter").order_by("pk"):
            if survey.state == SurveyState.ANSWERED:
                continue
            response = _response(survey.letter, now, _rng(survey.letter, "response"))
            survey_answer(survey=survey, response=response, now=now)


def survey_demo_steps(*, municipality: Municipality, now: datetime.datetime) -> list[SurveyStep]:
    """The daily job and the citizens' answers of the last ``DAYS`` days, up to ``now``."""
    tz = timezone.get_default_timezone()
    today = timezone.localdate(now)
    schedule = _Schedule(municipality)
    steps: list[SurveyStep] = []
    for offset in range(DAYS, -1, -1):
        day = today - datetime.timedelta(days=offset)
        job = datetime.datetime.combine(day, JOB_TIME, tz)
        steps.append(SurveyStep(job, partial(schedule.run_job, day, job)))
        for slot in ANSWER_TIMES:
            when = datetime.datetime.combine(day, slot, tz)
            steps.append(SurveyStep(when, partial(schedule.answer, day, slot, when)))
    return [step for step in steps if step.when <= now]

"""The demo's surveys: a year of the daily job replayed with the letters, and a
realistic mix of answers, each in the timeline at its place."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest

from emanager.directory.demo import load_demo
from emanager.directory.models import Municipality
from emanager.letters.choices import EventKind
from emanager.letters.demo import load_demo_letters
from emanager.letters.models import Event, Letter
from emanager.letters.timeline import chain_verify
from emanager.notifications.models import OutboxMessage
from emanager.surveys.models import Survey, SurveyResponse, SurveyState

pytestmark = pytest.mark.django_db


# A fixed last day, so that the demo's dates (and so its random choices) are the
# same whenever the test runs.
TODAY = datetime.date(2026, 11, 26)


@pytest.fixture
def demo():
    """The letters demo, whose replay runs the survey job and the citizens' answers."""
    load_demo()
    municipality = Municipality.objects.get(slug="lanchkhuti")
    load_demo_letters(municipality=municipality, today=TODAY)
    return municipality


def test_the_demo_surveys(demo):
    surveys = Survey.objects.filter(letter__municipality=demo)
    responses = Counter(surveys.values_list("response", flat=True))
    states = Counter(surveys.values_list("state", flat=True))
    answered = states[SurveyState.ANSWERED]
    # Most are satisfied, but every other response occurs; some never answer.
    assert responses[SurveyResponse.SATISFIED] > answered / 3
    assert responses[SurveyResponse.NOT_ANSWERED] >= 1
    assert responses[SurveyResponse.NO_ANSWER] >= 1
    assert states[SurveyState.REMINDED] >= 1
    # Asked by e-mail and on the letter's page; after an answer and after a deadline.
    assert surveys.filter(asked_at__isnull=False).exists()
    assert surveys.filter(asked_at__isnull=True).exists()
    assert surveys.filter(after_answer=False).exists()
    # Letter.satisfied and the timeline follow the responses.
    for survey in surveys.filter(state=SurveyState.ANSWERED).select_related("letter"):
        assert survey.letter.satisfied is (survey.response == SurveyResponse.SATISFIED)
        last = survey.letter.events.filter(kind=EventKind.SATISFACTION).order_by("seq").last()
        assert last.data == {"response": survey.response}
        assert last.created_at == survey.answered_at
    assert not Letter.objects.filter(
        municipality=demo, survey__isnull=True, satisfied__isnull=False
    )
    # Every event in time order; nobody is e-mailed.
    assert chain_verify(demo) is None
    times = list(
        Event.objects.filter(municipality=demo).order_by("seq").values_list("created_at", flat=True)
    )
    assert times == sorted(times)
    assert not OutboxMessage.objects.filter(template__startswith="surveys/").exists()

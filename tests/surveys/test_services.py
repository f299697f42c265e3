"""survey_answer: the response, Letter.satisfied kept in step, the timeline, who may answer."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from emanager.letters.choices import EventKind, Outcome
from emanager.letters.models import Event, Letter
from emanager.letters.services import letter_withdraw
from emanager.letters.staff_services import letter_answer, letter_close, letter_reopen
from emanager.surveys.models import Survey, SurveyResponse, SurveyState
from emanager.surveys.services import SurveyClosed, survey_answer

pytestmark = pytest.mark.django_db


def satisfaction_events(letter):
    return list(Event.objects.filter(letter=letter, kind=EventKind.SATISFACTION).order_by("seq"))


def test_answering_records_the_response_and_its_time(answered):
    letter = answered()
    now = timezone.now()
    survey = survey_answer(letter=letter, response=SurveyResponse.SATISFIED, now=now)
    survey.refresh_from_db()
    assert (survey.state, survey.response, survey.answered_at) == (
        SurveyState.ANSWERED,
        SurveyResponse.SATISFIED,
        now,
    )
    assert survey.after_answer is True


@pytest.mark.parametrize(
    ("response", "satisfied"),
    [
        (SurveyResponse.SATISFIED, True),
        (SurveyResponse.NOT_ANSWERED, False),
        (SurveyResponse.ACKNOWLEDGEMENT, False),
        (SurveyResponse.NO_ANSWER, False),
    ],
)
def test_letter_satisfied_follows_the_response(answered, response, satisfied):
    letter = answered()
    survey_answer(letter=letter, response=response)
    letter.refresh_from_db()
    assert letter.satisfied is satisfied


def test_the_answer_is_an_event_of_the_citizen_in_the_timeline(answered):
    letter = answered()
    survey_answer(letter=letter, response=SurveyResponse.ACKNOWLEDGEMENT)
    [event] = satisfaction_events(letter)
    assert event.actor_label == "citizen"
    assert event.actor is None
    assert event.data == {"response": "acknowledgement"}


def test_the_survey_itself_can_be_answered(answered):
    from emanager.surveys.jobs import surveys_send

    letter = answered()
    surveys_send(today=timezone.localdate(letter.answered_at) + datetime.timedelta(days=14))
    survey = survey_answer(survey=Survey.objects.get(letter=letter), response="no_answer")
    assert survey.response == SurveyResponse.NO_ANSWER
    assert Survey.objects.count() == 1


def test_the_same_response_twice_is_recorded_once(answered):
    letter = answered()
    survey_answer(letter=letter, response=SurveyResponse.SATISFIED)
    survey_answer(letter=letter, response=SurveyResponse.SATISFIED)
    assert len(satisfaction_events(letter)) == 1


def test_the_response_can_be_changed_within_7_days(answered):
    letter = answered()
    first = timezone.now()
    survey_answer(letter=letter, response=SurveyResponse.SATISFIED, now=first)
    later = first + datetime.timedelta(days=6, hours=23)
    survey_answer(letter=letter, response=SurveyResponse.NOT_ANSWERED, now=later)
    letter.refresh_from_db()
    assert letter.satisfied is False
    assert letter.survey.response == SurveyResponse.NOT_ANSWERED
    assert [e.data["response"] for e in satisfaction_events(letter)] == [
        "satisfied",
        "not_answered",
    ]


def test_the_response_cannot_be_changed_after_7_days(answered):
    letter = answered()
    first = timezone.now()
    survey_answer(letter=letter, response=SurveyResponse.SATISFIED, now=first)
    with pytest.raises(SurveyClosed):
        survey_answer(
            letter=letter,
            response=SurveyResponse.NO_ANSWER,
            now=first + datetime.timedelta(days=7, minutes=1),
        )
    letter.refresh_from_db()
    assert (letter.satisfied, letter.survey.response) == (True, SurveyResponse.SATISFIED)


def test_a_new_answer_of_the_municipality_opens_the_survey_again(answered):
    letter = answered()
    first = timezone.now() - datetime.timedelta(days=20)
    survey_answer(letter=letter, response=SurveyResponse.NOT_ANSWERED, now=first)
    letter_close(letter=letter, actor=None, outcome=Outcome.ANSWERED)
    letter_reopen(letter=letter, actor=None, reason="The citizen says the question was missed.")
    letter_answer(letter=letter, actor=None, body="Here is the full answer.", files=[])
    survey = survey_answer(letter=letter, response=SurveyResponse.SATISFIED)
    assert survey.response == SurveyResponse.SATISFIED


def test_an_unanswered_letter_cannot_be_rated_before_the_survey_is_due(registered):
    letter = registered()
    with pytest.raises(SurveyClosed):
        survey_answer(letter=letter, response=SurveyResponse.NO_ANSWER)
    assert not Survey.objects.exists()


def test_an_unanswered_letter_can_be_rated_14_days_after_its_deadline(registered):
    letter = registered()
    Letter.objects.filter(pk=letter.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=14)
    )
    survey = survey_answer(letter=letter, response=SurveyResponse.NO_ANSWER)
    assert survey.after_answer is False
    assert survey.asked_at is None


def test_a_withdrawn_letter_takes_no_answer(answered):
    letter = answered()
    letter_withdraw(letter=letter)
    with pytest.raises(SurveyClosed):
        survey_answer(letter=letter, response=SurveyResponse.SATISFIED)


def test_an_unknown_response_is_refused(answered):
    with pytest.raises(ValueError, match="maybe"):
        survey_answer(letter=answered(), response="maybe")

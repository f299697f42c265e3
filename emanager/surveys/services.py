"""The satisfaction survey: when it is due, who may answer it, and recording the answer.

The rules, in one place:

* A letter is asked 14 days after its first answer was sent (``Letter.answered_at``),
  or, when no answer came, 14 days after its deadline while it is still open
  (``after_answer`` False). Never for an unconfirmed or withdrawn letter; not after
  a deadline for a letter closed without an answer (a duplicate, one forwarded to an
  outside body) or one waiting for the citizen's clarification.
* The citizen may answer on the letter's private page as soon as the letter is
  answered or the survey is due, and through the e-mailed link.
* An answer may be changed for 7 days after it was given, and again after the
  municipality sends a new answer (a reopened letter).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emanager.letters.choices import EventKind, LetterStatus, MessageStatus, Outcome
from emanager.letters.models import Letter
from emanager.letters.timeline import event_append
from emanager.surveys.models import Survey, SurveyResponse, SurveyState

ASK_AFTER = datetime.timedelta(days=14)
REMIND_AFTER = datetime.timedelta(days=7)
CHANGE_WINDOW = datetime.timedelta(days=7)


class SurveyClosed(Exception):
    """The survey cannot be answered (or changed) now; the message says why."""


def _takes_survey(letter: Letter) -> bool:
    """Unconfirmed and withdrawn letters are never asked and take no answer."""
    return letter.status != LetterStatus.UNCONFIRMED and letter.outcome != Outcome.WITHDRAWN


def survey_due_on(letter: Letter) -> datetime.date | None:
    """The day the survey of ``letter`` is due, or None when it is never asked."""
    if not _takes_survey(letter):
        return None
    if letter.answered_at is not None:
        return timezone.localdate(letter.answered_at) + ASK_AFTER
    if letter.status == LetterStatus.OPEN and letter.deadline is not None:
        return letter.deadline + ASK_AFTER
    return None


def _survey_of(letter: Letter) -> Survey | None:
    return Survey.objects.filter(letter=letter).first()


def survey_open(letter: Letter, *, today: datetime.date | None = None) -> bool:
    """May the citizen answer the survey of ``letter`` (for the first time) now?"""
    due = survey_due_on(letter)
    if due is None:
        return False
    return letter.answered_at is not None or due <= (today or timezone.localdate())


def survey_changeable_until(survey: Survey) -> datetime.datetime | None:
    """Until when an answered survey's response may be changed (None if not answered)."""
    if survey.answered_at is None:
        return None
    return survey.answered_at + CHANGE_WINDOW


def survey_changeable(survey: Survey, *, now: datetime.datetime | None = None) -> bool:
    """An unanswered survey, or an answer given less than 7 days ago or before a new answer."""
    if survey.state != SurveyState.ANSWERED:
        return True
    now = now or timezone.now()
    if now < survey.answered_at + CHANGE_WINDOW:
        return True
    return survey.letter.messages.filter(
        is_answer=True, status=MessageStatus.SENT, sent_at__gt=survey.answered_at
    ).exists()


@transaction.atomic
def survey_answer(
    *,
    response: SurveyResponse | str,
    letter: Letter | None = None,
    survey: Survey | None = None,
    now: datetime.datetime | None = None,
) -> Survey:
    """Record the citizen's ``response`` to the survey of ``letter`` (or ``survey``).

    Creates the survey when the citizen answers on the letter's page before it
    was e-mailed. Keeps ``Letter.satisfied`` in step (True only for
    :attr:`SurveyResponse.SATISFIED`) and appends a ``satisfaction`` event to the
    timeline. Giving the same response again changes nothing. Raises
    :class:`SurveyClosed` when the survey cannot be answered or changed now.
    """
    if (letter is None) == (survey is None):
        raise TypeError("Give either the letter or the survey.")
    response = SurveyResponse(response)
    now = now or timezone.now()
    letter_id = letter.pk if letter is not None else survey.letter_id
    letter = Letter.objects.select_for_update().get(pk=letter_id)
    survey = _survey_of(letter)
    if not _takes_survey(letter):
        raise SurveyClosed(_("This letter takes no answers to the survey."))
    if survey is None:
        if not survey_open(letter, today=timezone.localdate(now)):
            raise SurveyClosed(_("The question can be answered once your letter is answered."))
        survey = Survey(letter=letter, after_answer=letter.answered_at is not None)
    else:
        survey.letter = letter
        if not survey_changeable(survey, now=now):
            raise SurveyClosed(_("Your answer was recorded and can no longer be changed."))
        if survey.state == SurveyState.ANSWERED and survey.response == response:
            return survey
    survey.response = response
    survey.answered_at = now
    survey.state = SurveyState.ANSWERED
    survey.save()
    letter.satisfied = response == SurveyResponse.SATISFIED
    letter.save(update_fields=["satisfied"])
    event_append(
        letter=letter,
        kind=EventKind.SATISFACTION,
        actor_label="citizen",
        data={"response": str(response)},
        now=now,
    )
    return survey

"""The daily job of the survey: ask on the day it is due, remind once a week later.

Each letter is asked at most once and reminded at most once, whatever the
number of runs: the survey row is created (asking) or moved from ``asked`` to
``reminded`` (reminding) by a conditional write that one run only wins, in the
transaction that queues the e-mail, and each e-mail has its own outbox key.
A run after missed days catches up with what fell due in the last 30 days.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation

from emanager.directory.links import absolute_url
from emanager.directory.models import Municipality
from emanager.letters.choices import LetterStatus, Outcome
from emanager.letters.models import Letter
from emanager.notifications.services import notification_enqueue
from emanager.surveys.models import Survey, SurveyState
from emanager.surveys.services import ASK_AFTER, REMIND_AFTER
from emanager.surveys.tokens import survey_token

# How far back a run looks for surveys that fell due on days the job did not run.
CATCH_UP = datetime.timedelta(days=30)


def _askable(municipality: Municipality | None) -> QuerySet[Letter]:
    letters = Letter.objects.all() if municipality is None else municipality.letters.all()
    return (
        letters.exclude(status=LetterStatus.UNCONFIRMED)
        .exclude(outcome=Outcome.WITHDRAWN)
        .exclude(author_email="")
    )


def _day_after(day: datetime.date) -> datetime.datetime:
    """The local midnight that ends ``day``: a bound on the column itself (not its
    ``__date``), so that the database can use an index."""
    following = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(following)


def _language(letter: Letter) -> str:
    return letter.language if letter.language in dict(settings.LANGUAGES) else "ka"


def _mail(survey: Survey, *, template: str, key: str) -> None:
    letter = survey.letter
    language = _language(letter)
    with translation.override(language):
        municipality = str(letter.municipality.name)
    notification_enqueue(
        template=template,
        to=letter.author_email,
        language=language,
        key=f"letter:{letter.pk}:{key}",
        context={
            "number": letter.number,
            "letter_subject": letter.subject,
            "name": letter.author_name,
            "municipality": municipality,
            "after_answer": survey.after_answer,
            "survey_url": absolute_url(
                letter.municipality,
                "surveys:answer",
                language=language,
                kwargs={"token": survey_token(letter)},
            ),
        },
    )


def surveys_ask(
    *, today: datetime.date, now: datetime.datetime, municipality: Municipality | None = None
) -> int:
    """Ask every letter whose survey fell due (today or in the last 30 days); return how many."""
    due = today - ASK_AFTER
    since = due - CATCH_UP
    letters = _askable(municipality).filter(survey__isnull=True)
    after_answer = letters.filter(
        answered_at__lt=_day_after(due), answered_at__gte=_day_after(since)
    )
    without_answer = letters.filter(
        status=LetterStatus.OPEN,
        answered_at__isnull=True,
        deadline__lte=due,
        deadline__gt=since,
    )
    asked = 0
    for letter in (after_answer | without_answer).select_related("municipality").order_by("pk"):
        with transaction.atomic():
            survey, created = Survey.objects.get_or_create(
                letter=letter,
                defaults={
                    "asked_at": now,
                    "after_answer": letter.answered_at is not None,
                    "state": SurveyState.ASKED,
                },
            )
            if created:
                _mail(survey, template="surveys/question", key="survey")
                asked += 1
    return asked


def surveys_remind(
    *, today: datetime.date, now: datetime.datetime, municipality: Municipality | None = None
) -> int:
    """Remind once, a week after the question, whoever has not answered; return how many."""
    due = today - REMIND_AFTER
    surveys = (
        Survey.objects.filter(
            state=SurveyState.ASKED,
            asked_at__lt=_day_after(due),
            asked_at__gte=_day_after(due - CATCH_UP),
            letter__in=_askable(municipality),
        )
        .select_related("letter__municipality")
        .order_by("pk")
    )
    reminded = 0
    for survey in surveys:
        with transaction.atomic():
            won = Survey.objects.filter(pk=survey.pk, state=SurveyState.ASKED).update(
                state=SurveyState.REMINDED, reminded_at=now
            )
            if won:
                survey.state, survey.reminded_at = SurveyState.REMINDED, now
                _mail(survey, template="surveys/reminder", key="survey-reminder")
                reminded += 1
    return reminded


def surveys_send(
    *,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
    municipality: Municipality | None = None,
) -> int:
    """The day's questions and reminders; return how many e-mails were queued.

    ``today`` defaults to the local date of ``now`` (default: the present); with
    only ``today`` given, ``now`` is the present time of day on that day. With
    ``municipality``, only its letters (the demo); else every municipality's.
    """
    if now is None:
        now = timezone.localtime()
        if today is not None and today != now.date():
            now = now.replace(year=today.year, month=today.month, day=today.day)
    today = today or timezone.localdate(now)
    # Reminders first: a survey asked today is never reminded on the same run.
    reminded = surveys_remind(today=today, now=now, municipality=municipality)
    return reminded + surveys_ask(today=today, now=now, municipality=municipality)

"""When the survey is e-mailed: day 14 after the answer (or the deadline), one reminder a
week later, never a third e-mail, whatever the number of runs."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from emanager.letters.jobs import daily_jobs
from emanager.letters.models import Letter
from emanager.letters.services import letter_withdraw
from emanager.notifications.models import OutboxMessage
from emanager.surveys.jobs import surveys_send
from emanager.surveys.models import Survey, SurveyResponse, SurveyState
from emanager.surveys.services import survey_answer
from tests.surveys.conftest import days_after

pytestmark = pytest.mark.django_db

SURVEY_MAILS = ("surveys/question", "surveys/reminder")


def survey_mails():
    return list(OutboxMessage.objects.filter(template__in=SURVEY_MAILS).order_by("pk"))


def run_days(first: datetime.date, last: datetime.date) -> None:
    day = first
    while day <= last:
        surveys_send(today=day)
        day += datetime.timedelta(days=1)


def overdue(letter: Letter, days: int) -> Letter:
    """Move the letter's deadline ``days`` days before today."""
    deadline = timezone.localdate() - datetime.timedelta(days=days)
    Letter.objects.filter(pk=letter.pk).update(deadline=deadline)
    letter.refresh_from_db()
    return letter


def test_no_question_on_day_13(answered):
    letter = answered()
    assert surveys_send(today=days_after(letter.answered_at, 13)) == 0
    assert survey_mails() == []
    assert not Survey.objects.exists()


def test_the_question_goes_out_on_day_14_after_the_first_answer(answered):
    letter = answered()
    assert surveys_send(today=days_after(letter.answered_at, 14)) == 1
    [mail] = survey_mails()
    assert (mail.template, mail.to, mail.language) == ("surveys/question", "nino@example.ge", "en")
    assert mail.context["after_answer"] is True
    assert "/en/survey/" in mail.context["survey_url"]
    survey = letter.survey
    assert (survey.state, survey.after_answer, survey.response) == ("asked", True, "")
    assert timezone.localdate(survey.asked_at) == days_after(letter.answered_at, 14)


def test_the_day_of_the_answer_is_the_local_day(answered):
    """Answered at 01:30 in Tbilisi (21:30 UTC the day before): day 14 counts from the local day."""
    letter = answered()
    early = datetime.datetime.combine(
        timezone.localdate(letter.answered_at),
        datetime.time(1, 30),
        timezone.get_current_timezone(),
    )
    Letter.objects.filter(pk=letter.pk).update(answered_at=early)
    assert surveys_send(today=days_after(early, 13)) == 0
    assert surveys_send(today=days_after(early, 14)) == 1


def test_the_question_is_in_the_language_of_the_letter(answered):
    letter = answered(language="ka")
    surveys_send(today=days_after(letter.answered_at, 14))
    [mail] = survey_mails()
    assert mail.language == "ka"
    assert "/ka/survey/" in mail.context["survey_url"]


def test_a_letter_without_an_answer_is_asked_14_days_after_its_deadline(registered):
    letter = overdue(registered(), 13)
    assert surveys_send() == 0
    overdue(letter, 14)
    assert surveys_send() == 1
    [mail] = survey_mails()
    assert mail.context["after_answer"] is False
    assert Survey.objects.get(letter=letter).after_answer is False


def test_the_reminder_goes_a_week_later_and_nothing_after_it(answered):
    letter = answered()
    run_days(days_after(letter.answered_at, 14), days_after(letter.answered_at, 20))
    assert [m.template for m in survey_mails()] == ["surveys/question"]
    surveys_send(today=days_after(letter.answered_at, 21))
    assert [m.template for m in survey_mails()] == ["surveys/question", "surveys/reminder"]
    survey = Survey.objects.get(letter=letter)
    assert survey.state == SurveyState.REMINDED
    assert timezone.localdate(survey.reminded_at) == days_after(letter.answered_at, 21)
    run_days(days_after(letter.answered_at, 22), days_after(letter.answered_at, 90))
    assert len(survey_mails()) == 2


def test_running_twice_a_day_sends_each_mail_once(answered):
    letter = answered()
    for day in (14, 14, 21, 21):
        surveys_send(today=days_after(letter.answered_at, day))
    assert [m.template for m in survey_mails()] == ["surveys/question", "surveys/reminder"]


def test_missed_days_are_caught_up_with_one_mail_each(answered):
    letter = answered()
    assert surveys_send(today=days_after(letter.answered_at, 17)) == 1
    assert surveys_send(today=days_after(letter.answered_at, 30)) == 1
    assert surveys_send(today=days_after(letter.answered_at, 31)) == 0
    assert [m.template for m in survey_mails()] == ["surveys/question", "surveys/reminder"]


def test_letters_answered_long_before_the_job_ran_are_not_asked(answered):
    letter = answered()
    assert surveys_send(today=days_after(letter.answered_at, 14 + 30)) == 0


def test_an_answered_survey_gets_no_reminder(answered):
    letter = answered()
    surveys_send(today=days_after(letter.answered_at, 14))
    survey_answer(letter=letter, response=SurveyResponse.SATISFIED)
    run_days(days_after(letter.answered_at, 15), days_after(letter.answered_at, 30))
    assert [m.template for m in survey_mails()] == ["surveys/question"]


def test_a_survey_answered_on_the_letter_page_is_never_mailed(answered):
    letter = answered()
    survey_answer(letter=letter, response=SurveyResponse.NOT_ANSWERED)
    run_days(days_after(letter.answered_at, 14), days_after(letter.answered_at, 30))
    assert survey_mails() == []
    assert Survey.objects.get(letter=letter).asked_at is None


def test_no_question_without_an_e_mail_address(answered):
    letter = answered(author_email="")
    surveys_send(today=days_after(letter.answered_at, 14))
    assert survey_mails() == []


def test_no_question_for_withdrawn_or_unconfirmed_letters(registered, submit):
    withdrawn = overdue(registered(), 20)
    letter_withdraw(letter=withdrawn)
    unconfirmed = submit()
    Letter.objects.filter(pk=unconfirmed.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=20)
    )
    assert surveys_send() == 0
    assert not Survey.objects.exists()


def test_no_question_after_the_deadline_while_the_citizen_owes_a_clarification(registered):
    from emanager.letters.staff_services import letter_request_clarification

    letter = registered()
    letter_request_clarification(letter=letter, actor=None, body="Which street?")
    overdue(letter, 20)
    assert surveys_send() == 0


def test_no_question_after_the_deadline_for_a_duplicate(registered):
    from emanager.letters.choices import Outcome
    from emanager.letters.staff_services import letter_close

    letter = registered()
    letter_close(letter=letter, actor=None, outcome=Outcome.DUPLICATE)
    overdue(letter, 20)
    assert surveys_send() == 0


def test_the_daily_jobs_report_the_survey_mails(answered):
    letter = answered()
    report = daily_jobs(today=days_after(letter.answered_at, 14))
    assert report.surveys == 1
    assert daily_jobs(today=days_after(letter.answered_at, 14)).surveys == 0


def test_the_job_can_be_limited_to_one_municipality(answered, municipality):
    from tests.factories import MunicipalityFactory

    letter = answered()
    other = MunicipalityFactory(slug="ozurgeti", name_en="Ozurgeti")
    day = days_after(letter.answered_at, 14)
    assert surveys_send(today=day, municipality=other) == 0
    assert surveys_send(today=day, municipality=municipality) == 1

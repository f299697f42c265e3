"""The survey e-mails render in the letter's language, with the question and the signed link."""

from __future__ import annotations

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from emanager.notifications.emails import render_email
from emanager.notifications.models import OutboxMessage
from emanager.surveys.jobs import surveys_send
from emanager.surveys.tokens import letter_from_survey_token
from tests.surveys.conftest import days_after

pytestmark = pytest.mark.django_db


def rendered(message: OutboxMessage):
    return render_email(
        template=message.template,
        language=message.language,
        context=message.context,
        to=message.to,
    )


@pytest.mark.parametrize("language", ["ka", "en", "ru"])
def test_question_and_reminder_are_in_the_letters_language(answered, language):
    letter = answered(language=language)
    surveys_send(today=days_after(letter.answered_at, 14))
    surveys_send(today=days_after(letter.answered_at, 21))
    question, reminder = OutboxMessage.objects.filter(template__startswith="surveys/").order_by(
        "pk"
    )
    assert (question.template, reminder.template) == ("surveys/question", "surveys/reminder")
    for message, subject in (
        (question, "Did you get an answer to your letter %(number)s?"),
        (reminder, "Reminder: did you get an answer to your letter %(number)s?"),
    ):
        assert message.language == language
        email = rendered(message)
        html = email.alternatives[0].content
        with translation.override(language):
            assert email.subject == gettext(subject) % {"number": letter.number}
            question_text = gettext("Did you get an answer, and was it satisfactory?")
        assert question_text in email.body
        assert question_text in html
        assert message.context["survey_url"] in email.body
        assert f'href="{message.context["survey_url"]}"' in html
        assert f'lang="{language}"' in html
        assert "{{" not in email.body and "{%" not in email.body


def test_the_link_in_the_e_mail_leads_to_the_letter(answered):
    letter = answered()
    surveys_send(today=days_after(letter.answered_at, 14))
    url = OutboxMessage.objects.get(template="surveys/question").context["survey_url"]
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert letter_from_survey_token(token) == letter


def test_the_question_after_a_missed_deadline_says_so(registered):
    import datetime

    from emanager.letters.models import Letter

    letter = registered(language="en")
    Letter.objects.filter(pk=letter.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=14)
    )
    surveys_send()
    email = rendered(OutboxMessage.objects.get(template="surveys/question"))
    assert "the time for" in email.body and "ran out" in email.body
    assert "answered your letter" not in email.body

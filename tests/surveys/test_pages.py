"""The survey page of the e-mailed link, and the survey on the letter's private page."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from emanager.letters import tokens
from emanager.letters.models import Letter
from emanager.surveys.models import Survey, SurveyResponse
from emanager.surveys.services import survey_answer
from emanager.surveys.tokens import survey_token
from tests.factories import BodyFactory, MunicipalityFactory
from tests.surveys.conftest import backdate

pytestmark = pytest.mark.django_db

QUESTION = "Did you get an answer, and was it satisfactory?"


def page(letter) -> str:
    return f"/en/survey/{survey_token(letter)}/"


def track(letter) -> str:
    return f"/en/letters/track/{tokens.tracking_token(letter)}/"


def test_the_link_shows_the_question_with_its_four_answers(client, answered):
    letter = answered()
    response = client.get(page(letter))
    assert response.status_code == 200
    assert gettext(QUESTION) in response.text
    for choice in SurveyResponse:
        assert f'value="{choice.value}"' in response.text
        assert str(choice.label) in response.text
    assert letter.number in response.text


def test_sending_no_choice_shows_an_error_and_records_nothing(client, answered):
    letter = answered()
    response = client.post(page(letter), {})
    assert response.status_code == 200
    assert gettext("Choose one of the answers.") in response.text
    assert 'aria-describedby=" id_response_error"' in response.text
    assert not Survey.objects.exists()


def test_answering_records_the_choice_and_confirms_it(client, answered):
    letter = answered()
    response = client.post(page(letter), {"response": "not_answered"}, follow=True)
    assert response.redirect_chain[-1][0] == page(letter)
    assert gettext("Thank you: your answer was recorded.") in response.text
    letter.refresh_from_db()
    assert (letter.survey.response, letter.satisfied) == (SurveyResponse.NOT_ANSWERED, False)
    # Still within the 7 days: the form is there, with the answer chosen.
    assert gettext("Change my answer") in response.text
    assert re.search(r'value="not_answered"[^>]* checked', response.text)


def test_a_changed_answer_replaces_the_first(client, answered):
    letter = answered()
    client.post(page(letter), {"response": "acknowledgement"})
    client.post(page(letter), {"response": "satisfied"})
    letter.refresh_from_db()
    assert (letter.survey.response, letter.satisfied) == (SurveyResponse.SATISFIED, True)


def test_a_used_link_after_7_days_thanks_and_changes_nothing(client, answered):
    letter = backdate(answered(), days=10)
    survey_answer(
        letter=letter,
        response=SurveyResponse.SATISFIED,
        now=timezone.now() - datetime.timedelta(days=8),
    )
    response = client.get(page(letter))
    assert response.status_code == 200
    assert gettext("Thank you. The time to change this answer has passed.") in response.text
    assert "<form" not in response.text.split("<main", 1)[-1].split("</main>")[0]
    client.post(page(letter), {"response": "no_answer"})
    assert Survey.objects.get(letter=letter).response == SurveyResponse.SATISFIED


def test_a_forged_link_is_a_clear_404_page(client, answered):
    letter = answered()
    response = client.get(page(letter)[:-3] + "xx/")
    assert response.status_code == 404
    assert gettext("This link is not valid") in response.text
    assert client.post("/en/survey/forged/", {"response": "satisfied"}).status_code == 404
    assert not Survey.objects.exists()


def test_the_link_of_another_municipality_is_not_valid_here(client, answered, settings):
    other = MunicipalityFactory(slug="ozurgeti", name_en="Ozurgeti")
    body = BodyFactory(municipality=other)
    letter = answered()
    Letter.objects.filter(pk=letter.pk).update(municipality=other, addressee_body=body)
    settings.ALLOWED_HOSTS = ["*"]
    response = client.get("/lanchkhuti" + page(letter))
    assert response.status_code == 404
    assert gettext("This link is not valid") in response.text
    assert client.get("/ozurgeti" + page(letter)).status_code == 200


def test_a_letter_not_yet_due_shows_no_form(client, registered):
    letter = registered()
    response = client.get(page(letter))
    assert response.status_code == 200
    assert gettext("This question cannot be answered for this letter.") in response.text
    assert 'name="response"' not in response.text


def test_the_letter_page_asks_nothing_before_the_answer(client, registered):
    response = client.get(track(registered()))
    assert 'name="response"' not in response.text


def test_the_letter_page_asks_once_the_letter_is_answered(client, answered):
    response = client.get(track(answered()))
    assert gettext(QUESTION) in response.text
    assert response.text.count('name="response"') == len(SurveyResponse)


def test_the_letter_page_asks_once_the_survey_is_due_without_an_answer(client, registered):
    letter = registered()
    Letter.objects.filter(pk=letter.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=14)
    )
    assert 'name="response"' in client.get(track(letter)).text


def test_answering_on_the_letter_page(client, answered):
    letter = answered()
    response = client.post(f"{track(letter)}rate/", {"response": "acknowledgement"}, follow=True)
    assert gettext("Thank you: your answer was recorded.") in response.text
    letter.refresh_from_db()
    assert (letter.survey.response, letter.satisfied) == (SurveyResponse.ACKNOWLEDGEMENT, False)
    assert str(SurveyResponse.ACKNOWLEDGEMENT.label) in response.text
    # The timeline of the page lists the citizen's answer.
    assert gettext("The citizen rated the answer") in response.text


def test_no_choice_on_the_letter_page_is_an_error(client, answered):
    letter = answered()
    response = client.post(f"{track(letter)}rate/", {}, follow=True)
    assert gettext("Choose one of the answers.") in response.text
    assert not Survey.objects.exists()


def test_the_letter_page_refuses_an_answer_before_the_letter_is_answered(client, registered):
    letter = registered()
    response = client.post(f"{track(letter)}rate/", {"response": "no_answer"}, follow=True)
    assert gettext("The question can be answered once your letter is answered.") in response.text
    assert not Survey.objects.exists()


def test_the_staff_page_of_the_letter_shows_the_citizens_response(client, answered, finance):
    from tests.letters.test_staff_pages import staff_user

    head = staff_user("head", finance.municipality, finance, "head")
    letter = answered()
    client.force_login(head)
    assert (
        gettext("The citizen's opinion") not in client.get(f"/en/letters/staff/{letter.uuid}/").text
    )
    survey_answer(letter=letter, response=SurveyResponse.ACKNOWLEDGEMENT)
    response = client.get(f"/en/letters/staff/{letter.uuid}/")
    assert gettext("The citizen's opinion") in response.text
    assert str(SurveyResponse.ACKNOWLEDGEMENT.label) in response.text

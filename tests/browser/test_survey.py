"""The satisfaction survey in a browser: a citizen answers the e-mailed link at phone width
in Georgian, first forgetting to choose, with no axe-core violation, no horizontal scroll
and no blocked script on the way."""

from __future__ import annotations

import uuid

import pytest
from django.utils import translation
from playwright.sync_api import expect

from emanager.directory.models import Body
from emanager.letters.choices import LetterKind, Publication
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from emanager.letters.staff_services import letter_answer
from emanager.surveys.models import Survey, SurveyResponse
from emanager.surveys.tokens import survey_token
from tests.browser.support import PHONE, check_page

pytestmark = pytest.mark.browser


def check(tab, name: str) -> None:
    check_page(tab, f"survey-{name}")


@pytest.fixture
def answered_letter(site_url):
    body = Body.objects.get(slug="city-hall")
    draft = LetterDraft(
        kind=LetterKind.APPLICATION,
        subject="ნიგოითში ქუჩის განათება",
        body="რუსთაველის ქუჩაზე ნათურები ოქტომბრიდან არ ანათებს.",
        addressee_body=body,
        author_name="ნინო ბერიძე",
        author_email="nino@example.ge",
        author_address="ნიგოითი, რუსთაველის ქ. 5",
        publication=Publication.PRIVATE,
        language="ka",
    )
    letter, _ = letter_submit(
        municipality=body.municipality, draft=draft, submission_key=uuid.uuid4()
    )
    letter = letter_confirm(letter=letter)
    letter_answer(letter=letter, actor=None, body="ნათურები შეიცვალა.", files=[])
    return letter


def test_citizen_answers_the_survey_at_phone_width(open_tab, site_url, answered_letter):
    letter = answered_letter
    tab = open_tab(viewport=PHONE)
    page = tab.page
    response = page.goto(site_url(f"/ka/survey/{survey_token(letter)}/"))
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == "ka"
    with translation.override("ka"):
        question = translation.gettext("Did you get an answer, and was it satisfactory?")
        label = str(SurveyResponse.NOT_ANSWERED.label)
    expect(page.locator("legend")).to_have_text(question)
    check(tab, "question")

    page.locator("form.survey button[type=submit]").click()
    expect(page.locator("#id_response_error")).to_be_visible()
    check(tab, "error")
    assert not Survey.objects.exists()

    page.get_by_label(label).check()
    page.locator("form.survey button[type=submit]").click()
    expect(page.locator(".survey__current")).to_contain_text(label)
    check(tab, "answered")
    survey = Survey.objects.get(letter=letter)
    assert survey.response == SurveyResponse.NOT_ANSWERED

"""The survey page the e-mail links to: no login, the signed link is the key."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from emanager.directory.selectors import require_municipality
from emanager.letters.choices import LetterStatus
from emanager.letters.tokens import InvalidLink
from emanager.surveys.forms import SurveyForm
from emanager.surveys.selectors import survey_panel
from emanager.surveys.services import SurveyClosed, survey_answer
from emanager.surveys.tokens import letter_from_survey_token


def answer(request: HttpRequest, token: str) -> HttpResponse:
    municipality = require_municipality(request)
    try:
        letter = letter_from_survey_token(token)
    except InvalidLink:
        letter = None
    if (
        letter is None
        or letter.municipality_id != municipality.pk
        or letter.status == LetterStatus.UNCONFIRMED
    ):
        return render(request, "surveys/invalid.html", status=404)
    panel = survey_panel(letter)
    form = panel["survey_form"]
    if request.method == "POST" and form is not None:
        form = SurveyForm(request.POST)
        if form.is_valid():
            try:
                survey_answer(letter=letter, response=form.cleaned_data["response"])
            except SurveyClosed as closed:
                messages.error(request, str(closed))
            else:
                messages.success(request, _("Thank you: your answer was recorded."))
            return redirect("surveys:answer", token=token)
    context = {"letter": letter, **panel, "survey_form": form}
    return render(request, "surveys/answer.html", context)

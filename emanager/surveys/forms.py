from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emanager.surveys.models import SurveyResponse

QUESTION = _("Did you get an answer, and was it satisfactory?")


class SurveyForm(forms.Form):
    response = forms.ChoiceField(
        label=QUESTION,
        choices=SurveyResponse.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one of the answers.")},
    )

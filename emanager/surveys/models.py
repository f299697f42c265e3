"""The question put to the citizen after the answer (or after the deadline, when none came).

One survey per letter. It is asked 14 days after the first answer was sent, or
14 days after the deadline when no answer came, and asked once more a week
later if it is still unanswered. The citizen's answer feeds the accountability
pages: the share of satisfied citizens is the share of answered surveys whose
response is :attr:`SurveyResponse.SATISFIED`.

A citizen may also answer on the private page of the letter as soon as the
letter is answered (or the survey is due): that survey was never e-mailed and
has no ``asked_at``. ``answered_at`` is the time of the current response; the
citizen may change it for 7 days, and again after a new answer of the
municipality (the rules are in :mod:`emanager.surveys.services`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from emanager.letters.models import Letter


class SurveyResponse(models.TextChoices):
    SATISFIED = "satisfied", _("Yes, I got a satisfactory answer")
    NOT_ANSWERED = "not_answered", _("Yes, but my question was not answered")
    ACKNOWLEDGEMENT = "acknowledgement", _("I got only an acknowledgement")
    NO_ANSWER = "no_answer", _("No, I got no answer")


class SurveyState(models.TextChoices):
    ASKED = "asked", _("Asked")
    REMINDED = "reminded", _("Reminded")
    ANSWERED = "answered", _("Answered")


class Survey(models.Model):
    letter = models.OneToOneField(
        Letter, on_delete=models.CASCADE, related_name="survey", verbose_name=_("letter")
    )
    state = models.CharField(
        _("state"), max_length=20, choices=SurveyState.choices, default=SurveyState.ASKED
    )
    # Why it was asked: after an answer, or after a deadline passed with none.
    after_answer = models.BooleanField(_("asked after an answer"), default=True)
    # When the question was e-mailed; empty when the citizen answered on the letter's page first.
    asked_at = models.DateTimeField(_("asked at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    response = models.CharField(
        _("response"), max_length=20, choices=SurveyResponse.choices, blank=True
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")
        indexes = [
            models.Index(fields=["state", "asked_at"]),
            models.Index(fields=["response"]),
        ]

    def __str__(self) -> str:
        return f"{self.letter} ({self.get_state_display()})"

"""Forms of the staff letter page: one per action."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Body
from emanager.letters.choices import Outcome
from emanager.letters.forms import BODY_MAX, AttachmentsMixin
from emanager.letters.models import Letter

REASON_MAX = 1000


def _text(label, *, rows=6, max_length=BODY_MAX):
    return forms.CharField(
        label=label, max_length=max_length, widget=forms.Textarea(attrs={"rows": rows})
    )


class AnswerForm(AttachmentsMixin, forms.Form):
    body = _text(_("Answer"), rows=10)


class ClarifyForm(forms.Form):
    body = _text(_("What do you need to know?"))


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=get_user_model().objects.none()
    )

    def __init__(self, *args, letter: Letter, **kwargs):
        super().__init__(*args, **kwargs)
        from emanager.staff.permissions import assignable_users

        self.fields["assignee"].queryset = assignable_users(letter)
        self.fields["assignee"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )


class ForwardForm(forms.Form):
    to_body = forms.ModelChoiceField(
        label=_("Body of the municipality"), queryset=Body.objects.none(), required=False
    )
    outside = forms.CharField(
        label=_("Or a body outside the municipality"),
        max_length=300,
        required=False,
        help_text=_(
            "For example: the Ministry of Regional Development. The letter then closes here."
        ),
    )
    reason = _text(_("Reason, told to the citizen"), rows=3, max_length=REASON_MAX)

    def __init__(self, *args, letter: Letter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_body"].queryset = Body.objects.filter(
            municipality=letter.municipality
        ).exclude(pk=letter.addressee_body_id)

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("to_body")) == bool(cleaned.get("outside", "").strip()):
            raise forms.ValidationError(
                _("Choose a body of the municipality or name one outside it (one of the two).")
            )
        return cleaned


class ExtendForm(forms.Form):
    new_deadline = forms.DateField(
        label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = _text(_("Reason, told to the citizen"), rows=3, max_length=REASON_MAX)


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (value, label)
            for value, label in Outcome.choices
            if value not in (Outcome.WITHDRAWN, Outcome.FORWARDED_OUTSIDE)
        ],
    )
    ground = forms.CharField(
        label=_("Ground (required for a refusal)"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Outcome.REFUSED and not cleaned.get("ground", "").strip():
            self.add_error("ground", _("A refusal needs its legal ground."))
        return cleaned


class ReopenForm(forms.Form):
    reason = _text(_("Why is it reopened?"), rows=3, max_length=REASON_MAX)


FORMS = {
    "answer": AnswerForm,
    "clarify": ClarifyForm,
    "assign": AssignForm,
    "forward": ForwardForm,
    "extend": ExtendForm,
    "close": CloseForm,
    "reopen": ReopenForm,
}
NEEDS_LETTER = {"assign", "forward"}

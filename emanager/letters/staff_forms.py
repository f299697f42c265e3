"""Forms of the staff letter page: one per action."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Body
from emanager.letters.answer_templates import placeholders_check
from emanager.letters.choices import Outcome
from emanager.letters.forms import BODY_MAX, AttachmentsMixin
from emanager.letters.models import AnswerTemplate, Letter
from emanager.letters.selectors import answer_templates_for

REASON_MAX = 1000
NOTE_MAX = 4000


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


# The working tools of the page, beside the actions above.
class TemplateChoiceForm(forms.Form):
    """Which answer template fills the answer (a GET form: works without JavaScript)."""

    template = forms.ModelChoiceField(
        label=_("Start from a template"),
        queryset=AnswerTemplate.objects.none(),
        empty_label=_("Choose a template"),
    )

    def __init__(self, *args, letter: Letter, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["template"]
        field.queryset = answer_templates_for(letter)
        field.label_from_instance = lambda template: f"{template.title} ({template.body.name})"


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen only by the municipality's staff, never by the citizen."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "note")
        super().__init__(*args, **kwargs)


class ReviewForm(forms.Form):
    """The head's decision on an answer waiting for approval: two buttons, one remark."""

    APPROVE = "approve"
    RETURN = "return"

    message = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=[(APPROVE, _("Approve and send")), (RETURN, _("Return for changes"))],
        widget=forms.HiddenInput,
    )
    remark = forms.CharField(
        label=_("Remark for the author (needed to return the answer)"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "review")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        cleaned["remark"] = cleaned.get("remark", "").strip()
        if cleaned.get("decision") == self.RETURN and not cleaned["remark"]:
            self.add_error("remark", _("Say what should change in the answer."))
        return cleaned


class AnswerTemplateForm(forms.ModelForm):
    """A ready answer of a body; unknown placeholders are refused with the list of known ones."""

    class Meta:
        model = AnswerTemplate
        fields = ["body", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["body"].empty_label = None
        self.fields["text"].max_length = BODY_MAX
        self.fields["text"].widget.attrs["maxlength"] = str(BODY_MAX)

    def clean_text(self):
        text = self.cleaned_data["text"]
        placeholders_check(text)
        return text

    def validate_constraints(self):
        # The one constraint, (body, title) unique, told in words of the form.
        template = self.instance
        if template.body_id is None or not template.title:
            return
        taken = AnswerTemplate.objects.filter(body_id=template.body_id, title=template.title)
        if taken.exclude(pk=template.pk).exists():
            self.add_error(
                "title", _("This body already has a template with this title: choose another.")
            )


class BodyApprovalForm(forms.Form):
    answers_need_approval = forms.BooleanField(
        label=_("Answers wait for the head's approval before they are sent"), required=False
    )

"""Forms of public-information requests: the officer's actions, the settings, the complaint.

They check input and say what is wrong in words; the services
(:mod:`emanager.foi.services`, :mod:`emanager.foi.complaints`) do the writing
and check the rules again.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Body
from emanager.foi.choices import (
    ComplaintOutcome,
    ExtensionReason,
    FoiOutcome,
    PreferredForm,
    RefusalGround,
)
from emanager.foi.complaints import COMPLAINT_TEXT_MAX, DECISION_TEXT_MAX
from emanager.foi.models import FoiRequest, FoiSettings
from emanager.foi.refusal import refusal_placeholders_check
from emanager.foi.rules import EXPLAINED_OUTCOMES, local_date
from emanager.foi.services import TEXT_MAX, FoiDecision
from emanager.letters.models import Letter

__all__ = [
    "ComplaintDecisionForm",
    "ComplaintForm",
    "DecisionForm",
    "FeePaidForm",
    "FoiSettingsForm",
    "RefusalLetterForm",
    "TenDaysForm",
]

DECIDABLE = [(value, label) for value, label in FoiOutcome.choices if value != "deemed_refused"]
ISSUED = (FoiOutcome.GRANTED, FoiOutcome.PARTLY_GRANTED)


def local_date_now():
    return local_date(timezone.now())


def _textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TenDaysForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why can the information not be issued at once?"),
        choices=ExtensionReason.choices,
        widget=forms.RadioSelect,
        help_text=_("The reasons the law allows. The requester is told at once by e-mail."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "tendays")
        super().__init__(*args, **kwargs)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=DECIDABLE, widget=forms.RadioSelect)
    refusal_ground = forms.ChoiceField(
        label=_("Ground of the refusal"),
        choices=[("", _("— choose —")), *RefusalGround.choices],
        required=False,
        help_text=_("For a refusal or a partial grant: the ground from the law."),
    )
    refusal_explanation = forms.CharField(
        label=_("Explanation of the refusal"),
        max_length=TEXT_MAX,
        required=False,
        widget=_textarea(4),
        help_text=_(
            "For a refusal: why the ground applies. For a partial grant: what was withheld "
            "and why. It goes into the written explanation sent to the requester."
        ),
    )
    forward_body = forms.ModelChoiceField(
        label=_("Forwarded to a body of the municipality"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("— not inside the municipality —"),
        help_text=_("That body decides the request next, with a new 10-day limit."),
    )
    forward_outside = forms.CharField(
        label=_("Or forwarded to a body outside the municipality"),
        max_length=300,
        required=False,
        help_text=_("For example: the Ministry of Finance. The request then closes here."),
    )
    message = forms.CharField(
        label=_("Message to the requester"),
        max_length=TEXT_MAX,
        required=False,
        widget=_textarea(4),
        help_text=_(
            "Required for a forward (why) and a clarification (what to clarify); "
            "otherwise an optional note sent with the decision."
        ),
    )
    issued_on = forms.DateField(label=_("Date issued"), required=False, widget=_date())
    issued_form = forms.ChoiceField(
        label=_("Issued as"),
        choices=PreferredForm.choices,
        help_text=_("The form the requester asked for, unless they agreed to another."),
    )
    pages = forms.IntegerField(
        label=_("Paper pages copied"),
        min_value=0,
        max_value=100_000,
        initial=0,
        required=False,
        help_text=_(
            "Paper copies only: the fee is counted from the pages. Electronic copies and "
            "inspection are free."
        ),
    )
    supplied_by = forms.CharField(
        label=_("Who supplied the information"),
        max_length=250,
        required=False,
        help_text=_("The unit or person who prepared it (the public register shows it)."),
    )
    responsible = forms.CharField(label=_("Person responsible"), max_length=250, required=False)
    fee_paid_on = forms.DateField(
        label=_("Fee paid on (if already paid)"), required=False, widget=_date()
    )

    def __init__(self, *args, letter: Letter, request: FoiRequest | None, user, **kwargs):
        kwargs.setdefault("prefix", "decide")
        super().__init__(*args, **kwargs)
        self.letter = letter
        self.fields["forward_body"].queryset = Body.objects.filter(
            municipality=letter.municipality
        ).exclude(pk=letter.addressee_body_id)
        if not self.is_bound:
            self.initial.setdefault(
                "issued_form", request.preferred_form if request else PreferredForm.EMAIL_COPY
            )
            self.initial.setdefault("supplied_by", letter.addressee_body.name)
            self.initial.setdefault("responsible", user.get_full_name() or user.get_username())
            self.initial.setdefault("issued_on", local_date_now())

    def clean(self):
        cleaned = super().clean()
        outcome = cleaned.get("outcome")
        for name in ("refusal_explanation", "forward_outside", "message", "supplied_by"):
            cleaned[name] = (cleaned.get(name) or "").strip()
        cleaned["pages"] = cleaned.get("pages") or 0
        if outcome in EXPLAINED_OUTCOMES:
            if not cleaned.get("refusal_ground"):
                self.add_error(
                    "refusal_ground", _("Choose the ground of the refusal from the law.")
                )
            if not cleaned["refusal_explanation"]:
                self.add_error(
                    "refusal_explanation",
                    _("Explain the refusal: the requester has a right to know why."),
                )
        if outcome == FoiOutcome.FORWARDED:
            if bool(cleaned.get("forward_body")) == bool(cleaned["forward_outside"]):
                self.add_error(
                    "forward_body",
                    _("Choose a body of the municipality or name one outside it (one of the two)."),
                )
            if not cleaned["message"]:
                self.add_error("message", _("Tell the requester why the request is forwarded."))
        if outcome == FoiOutcome.CLARIFICATION_REQUESTED and not cleaned["message"]:
            self.add_error("message", _("Write what the requester should clarify."))
        if cleaned["pages"] and (
            outcome not in ISSUED or cleaned.get("issued_form") != PreferredForm.PAPER_COPY
        ):
            self.add_error(
                "pages",
                _(
                    "Only paper copies of issued information are counted: leave 0 for an "
                    "electronic copy, an inspection or information not issued."
                ),
            )
        paid = cleaned.get("fee_paid_on")
        if paid and not cleaned["pages"]:
            self.add_error("fee_paid_on", _("There is no fee without paper pages."))
        elif paid and paid > local_date_now():
            self.add_error("fee_paid_on", _("The day of payment cannot be in the future."))
        if (
            outcome in ISSUED
            and cleaned.get("issued_on")
            and (cleaned["issued_on"] > local_date_now())
        ):
            self.add_error("issued_on", _("The date issued cannot be in the future."))
        return cleaned

    def decision(self) -> FoiDecision:
        data = self.cleaned_data
        return FoiDecision(
            outcome=data["outcome"],
            refusal_ground=data.get("refusal_ground") or "",
            refusal_explanation=data["refusal_explanation"],
            forward_body=data.get("forward_body"),
            forward_outside=data["forward_outside"],
            message=data["message"],
            issued_on=data.get("issued_on"),
            issued_form=data["issued_form"],
            pages=data["pages"],
            supplied_by=data["supplied_by"],
            responsible=(data.get("responsible") or "").strip(),
            fee_paid_on=data.get("fee_paid_on"),
        )


class RegisterSummaryForm(forms.Form):
    """What the public register says was asked, when the letter itself is not published."""

    summary = forms.CharField(
        label=_("Summary for the public register"),
        max_length=300,
        required=False,
        widget=_textarea(2),
        help_text=_(
            "One sentence on what was asked, for the public: no names of private persons, "
            "no contacts, no addresses, no personal numbers. Leave it empty to show "
            "“Not published”. A published letter's reviewed subject takes its place."
        ),
    )

    def __init__(self, *args, letter: Letter, **kwargs):
        kwargs.setdefault("prefix", "summary")
        super().__init__(*args, **kwargs)
        self.letter = letter

    def clean_summary(self) -> str:
        from emanager.foi.services import summary_personal_data

        summary = " ".join((self.cleaned_data.get("summary") or "").split())
        found = summary_personal_data(self.letter, summary)
        if found:
            raise forms.ValidationError(
                _("The summary seems to contain personal data (%(found)s): remove it."),
                params={"found": ", ".join(found)},
                code="personal_data",
            )
        return summary


class RefusalLetterForm(forms.Form):
    SAVE = "save"
    SEND = "send"

    text = forms.CharField(
        label=_("Written explanation"),
        max_length=TEXT_MAX * 2,
        widget=_textarea(16),
        help_text=_(
            "Prepared from the municipality's template. Read it, correct it if needed, and "
            "send it: by e-mail when the requester gave an address; otherwise print it and "
            "post it, then record it as sent."
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "refusal")
        super().__init__(*args, **kwargs)

    def clean_text(self):
        return self.cleaned_data["text"].replace("\r\n", "\n").strip()


class FeePaidForm(forms.Form):
    paid_on = forms.DateField(label=_("Fee paid on"), widget=_date())

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "fee")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("paid_on", local_date_now())


class ComplaintDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision on the complaint"),
        choices=ComplaintOutcome.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Reasons of the decision"),
        max_length=DECISION_TEXT_MAX,
        widget=_textarea(8),
        help_text=_(
            "Sent to the complainant as the answer to the complaint, with its outgoing number."
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "complaint")
        super().__init__(*args, **kwargs)


class FoiSettingsForm(forms.ModelForm):
    class Meta:
        model = FoiSettings
        fields = ["fee_per_page", "refusal_template"]
        widgets = {"refusal_template": _textarea(18)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fee_per_page"].validators.append(MinValueValidator(Decimal("0")))
        self.fields["fee_per_page"].widget.attrs.update({"min": "0", "step": "0.01"})
        self.fields["refusal_template"].max_length = TEXT_MAX * 2

    def clean_refusal_template(self):
        text = self.cleaned_data["refusal_template"].replace("\r\n", "\n").strip()
        refusal_placeholders_check(text)
        return text


class ComplaintForm(forms.Form):
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Your complaint"),
        min_length=10,
        max_length=COMPLAINT_TEXT_MAX,
        widget=_textarea(10),
        help_text=_(
            "What was wrong with the handling of your request, and what you ask the "
            "superior body to do (for example: to order the information issued)."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

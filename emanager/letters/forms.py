"""The citizen's forms. They check input; services do the writing."""

from __future__ import annotations

import uuid

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from emanager.directory.models import Municipality, TerritorialUnit
from emanager.foi.request_fields import FoiRequestFieldsMixin
from emanager.letters import addressees
from emanager.letters.attachments import MAX_FILES, check_files
from emanager.letters.choices import LetterKind, Publication

SUBJECT_MAX = 200
BODY_MIN = 10
BODY_MAX = 10_000

CONSENT_TEXT = _(
    "I agree that my letter and the municipality's answer are published on this site, with my "
    "personal data (phone, e-mail, address, ID numbers) removed, and with or without my name as "
    "I chose above. I can withdraw this consent at any time, and the letter then leaves the site."
)

phone_validator = RegexValidator(
    r"^\+?[0-9 ()-]{6,20}$",
    _("Enter a phone number of digits, such as 599 12 34 56 or +995 599 12 34 56."),
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = []
        for item in files:
            cleaned.append(super().clean(item, initial))
        return cleaned


class AttachmentsMixin(forms.Form):
    files = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "Optional. Up to %(count)d files: PDF, photos or scans, Word, Excel or OpenDocument "
            "files; at most 10 MB each, 25 MB together."
        )
        % {"count": MAX_FILES},
    )

    def clean_files(self):
        return check_files(self.cleaned_data.get("files") or [])


class AddresseeField(forms.ChoiceField):
    """The list of every official, body and unit, built only when the form is shown.

    Whether a submitted value names an addressee is decided by
    ``addressees.resolve`` (in ``clean_addressee``), which accepts exactly what
    the list offers; a submitted form thus never builds the whole list.
    """

    def valid_value(self, value) -> bool:
        return True


def addressee_field(*, label, help_text) -> forms.ChoiceField:
    """The list of every official, body and unit, with a filter box added by the script."""
    return AddresseeField(
        label=label,
        help_text=help_text,
        widget=forms.Select(
            attrs={
                # Read by addressee-filter.js, which adds a filter box above the list.
                "data-filter-label": _("Narrow the list: type part of a name, position or body"),
                "data-filter-count": _("Matches in the list: %s"),
            }
        ),
    )


class LetterContentMixin:
    """Addressee, subject and text, checked alike in the citizen's form and the clerk's intake."""

    def _for_municipality(self, municipality: Municipality) -> None:
        self.municipality = municipality
        # A callable: read when the list is shown, not when a form is submitted.
        self.fields["addressee"].choices = lambda: [
            ("", _("— choose —")),
            *addressees.choices(municipality),
        ]
        self.fields["author_unit"].queryset = TerritorialUnit.objects.filter(
            municipality=municipality
        )

    def clean_addressee(self):
        target = addressees.resolve(self.municipality, self.cleaned_data["addressee"])
        if target is None:
            raise forms.ValidationError(_("Choose whom the letter is for from the list."))
        return target

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n").strip()
        if "\x00" in body:
            raise forms.ValidationError(_("The text contains characters that cannot be stored."))
        return body


class LetterForm(LetterContentMixin, AttachmentsMixin, FoiRequestFieldsMixin, forms.Form):
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    addressee = addressee_field(
        label=_("To whom"), help_text=_("An official, a body or a territorial unit.")
    )
    kind = forms.ChoiceField(
        label=_("Kind of letter"), choices=LetterKind.choices, initial=LetterKind.APPLICATION
    )
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX)
    body = forms.CharField(
        label=pgettext_lazy("letter", "Text"),
        min_length=BODY_MIN,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Plain text, at most 10,000 characters."),
    )
    author_name = forms.CharField(label=_("Your first and last name"), max_length=200)
    author_email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_("We send a confirmation link and the answer to this address."),
    )
    author_phone = forms.CharField(
        label=_("Your phone (optional)"),
        max_length=40,
        required=False,
        validators=[phone_validator],
    )
    author_address = forms.CharField(
        label=_("Your address"),
        max_length=300,
        help_text=_("The law requires the name and address of whoever writes."),
    )
    author_unit = forms.ModelChoiceField(
        label=_("Your territorial unit (optional)"),
        queryset=TerritorialUnit.objects.none(),
        required=False,
        empty_label=_("— not chosen —"),
    )
    publication = forms.ChoiceField(
        label=_("Publication"),
        choices=[
            (Publication.PRIVATE, _("Private: only the municipality sees my letter")),
            (
                Publication.PUBLIC_ANONYMOUS,
                _("Public without my name: everyone can read the letter and the answer"),
            ),
            (Publication.PUBLIC_NAMED, _("Public with my name")),
        ],
        initial=Publication.PRIVATE,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=False)

    def __init__(self, *args, municipality: Municipality, account_email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if account_email:
            # Written from a verified account: the letter goes out under its address.
            email = self.fields["author_email"]
            email.disabled = True
            email.initial = account_email
            email.help_text = _("The address of your account: the answer is sent to it.")
        self._for_municipality(municipality)
        if not self.is_bound and not self.initial.get("submission_key"):
            self.initial["submission_key"] = uuid.uuid4()

    def clean(self):
        cleaned = super().clean()
        public = (Publication.PUBLIC_NAMED, Publication.PUBLIC_ANONYMOUS)
        if cleaned.get("publication") in public and not cleaned.get("consent"):
            self.add_error(
                "consent", _("To publish the letter, tick the consent; or choose “Private”.")
            )
        return cleaned


class ReplyForm(AttachmentsMixin, forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        min_length=2,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

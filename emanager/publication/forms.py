"""Forms of the review page: names to remove, the public version, a reason."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from emanager.letters.forms import BODY_MAX
from emanager.letters.models import Letter
from emanager.publication import review

REASON_MAX = 1000
NAMES_MAX = 2000


class NamesForm(forms.Form):
    """Names of people the clerk marks for removal; the page suggests again with them."""

    names = forms.CharField(
        label=_("Names to remove"),
        required=False,
        max_length=NAMES_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One name per line, for example a neighbour or a child named in the letter. "
            "Each is found with its parts and in every case form."
        ),
    )


class PublishForm(forms.Form):
    """The public version as the clerk approves it.

    Before it is stored, the public text is checked once more: if the
    suggestions would still remove something from it, the clerk must remove it
    or confirm that it may stay (the municipality's own phone number in an
    answer, for example).
    """

    subject = forms.CharField(label=_("Public subject"), max_length=200)
    text = forms.CharField(
        label=_("Public text"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "The suggestions are applied. Edit the text as it should appear in public; "
            "the original is never shown."
        ),
    )
    names = forms.CharField(required=False, max_length=NAMES_MAX, widget=forms.HiddenInput)
    skipped = forms.CharField(required=False, max_length=20_000, widget=forms.HiddenInput)
    publish_anyway = forms.BooleanField(
        label=_("I checked the public text: publish it as it is"),
        required=False,
    )

    def __init__(self, *args, letter: Letter, with_subject: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.letter = letter
        if not with_subject:
            del self.fields["subject"]

    def clean(self):
        data = super().clean()
        text = data.get("text")
        if text is None:
            return data
        names = review.parse_names(data.get("names", ""))
        left = review.remaining(letter=self.letter, text=text, names=names)
        if "subject" in data:
            left += review.remaining(letter=self.letter, text=data["subject"], names=names)
        if left and not data.get("publish_anyway"):
            found = ", ".join(f"{span.label} “{span.text}”" for span in left[:5])
            raise forms.ValidationError(
                ngettext(
                    "The public version still contains personal data: %(found)s. Remove it, "
                    "or tick the box below if it may be published.",
                    "The public version still contains personal data: %(found)s. Remove them, "
                    "or tick the box below if they may be published.",
                    len(left),
                )
                % {"found": found},
                code="personal_data_left",
            )
        return data

    @property
    def skipped_keys(self) -> set[str]:
        return {key for key in self.cleaned_data.get("skipped", "").split() if key}


class ReasonForm(forms.Form):
    """Why publication is declined, or why a published item is taken down."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with the review. If it was published, the citizen sees it too."),
    )

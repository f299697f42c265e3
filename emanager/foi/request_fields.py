"""The fields a public-information request adds to the write form and the clerk's intake form.

The citizen (or the clerk, from the paper) says in which form they want the
information (an electronic copy, a paper copy, an inspection) and whether they
write for an organisation, and which. The fields matter only for a letter of
kind public_information; ``foi-fields.js`` shows them only then, and without
JavaScript they are always shown with a hint saying so.

This module imports nothing of the letters' forms, which use it.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emanager.foi.choices import PreferredForm, RequesterType
from emanager.letters.choices import LetterKind

__all__ = ["FoiRequestFieldsMixin"]


class FoiRequestFieldsMixin(forms.Form):
    foi_preferred_form = forms.ChoiceField(
        label=_("How do you want the information?"),
        choices=PreferredForm.choices,
        initial=PreferredForm.EMAIL_COPY,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Electronic copies and inspection are free; paper copies cost a fee per page."),
    )
    foi_requester_type = forms.ChoiceField(
        label=_("Who asks?"),
        choices=[
            (RequesterType.PERSON, _("I ask for myself")),
            (RequesterType.ORGANISATION, _("I ask on behalf of an organisation")),
        ],
        initial=RequesterType.PERSON,
        required=False,
        widget=forms.RadioSelect,
    )
    foi_organisation = forms.CharField(
        label=_("Name of the organisation"),
        max_length=250,
        required=False,
        help_text=_(
            "An organisation is named in the public register of issued information; a "
            "private person is not."
        ),
    )

    def is_foi_request(self) -> bool:
        return getattr(self, "cleaned_data", {}).get("kind") == LetterKind.PUBLIC_INFORMATION

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") != LetterKind.PUBLIC_INFORMATION:
            return cleaned
        cleaned["foi_organisation"] = " ".join((cleaned.get("foi_organisation") or "").split())
        if (
            cleaned.get("foi_requester_type") == RequesterType.ORGANISATION
            and not cleaned["foi_organisation"]
            and "foi_organisation" not in self.errors
        ):
            self.add_error(
                "foi_organisation",
                _("Name the organisation you ask for, or choose “I ask for myself”."),
            )
        return cleaned

    def foi_facts(self) -> dict[str, str]:
        """The request's facts for :func:`emanager.foi.services.foi_request_for`
        (call after ``is_valid()``)."""
        data = self.cleaned_data
        requester_type = data.get("foi_requester_type") or RequesterType.PERSON
        return {
            "requester_type": requester_type,
            "organisation": data.get("foi_organisation", "")
            if requester_type == RequesterType.ORGANISATION
            else "",
            "preferred_form": data.get("foi_preferred_form") or PreferredForm.EMAIL_COPY,
        }

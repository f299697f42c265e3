"""The clerk's form on a held e-mail: which letter it answers."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from emanager.letters.models import Letter


class AttachForm(forms.Form):
    """The registration number of the letter a held e-mail answers."""

    number = forms.CharField(
        label=_("Registration number of the letter"),
        max_length=60,
        help_text=_("The number of the letter this e-mail answers, such as LAN-2026-000123."),
        error_messages={"required": _("Enter the registration number of the letter.")},
    )

    def __init__(self, *args, letters: QuerySet[Letter], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.letters = letters
        self.letter: Letter | None = None

    def clean_number(self) -> str:
        number = " ".join(self.cleaned_data["number"].split())
        letter = self.letters.filter(number__iexact=number).first()
        if letter is None:
            raise forms.ValidationError(
                _("None of the letters you can see has the number %(number)s."),
                params={"number": number},
                code="unknown",
            )
        self.letter = letter
        return letter.number

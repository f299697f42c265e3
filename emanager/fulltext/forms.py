"""The search form of the archive: a GET form, usable without JavaScript."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Municipality
from emanager.fulltext import selectors
from emanager.fulltext.models import DocType
from emanager.letters.choices import LetterKind

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Words to search for"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        help_text=_(
            "In Georgian, English or Russian. Every word must appear, in any of its forms: "
            "“გზის” also finds “გზა” and “გზები”."
        ),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    type = forms.ChoiceField(
        label=_("Search in"),
        choices=[("", _("Letters, answers and documents")), *DocType.choices],
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Kind of letter"),
        choices=[("", _("Any kind")), *LetterKind.choices],
        required=False,
    )
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=None, required=False, empty_label=_("Any body")
    )
    year = forms.TypedChoiceField(
        label=_("Year"), coerce=int, empty_value=None, required=False, choices=()
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = selectors.indexed_bodies(municipality)
        # Read when the field is rendered or checked: not at all when the
        # form's HTML comes from the cache and no year was chosen.
        self.fields["year"].choices = lambda: [
            ("", _("Any year")),
            *((year, str(year)) for year in selectors.indexed_years(municipality)),
        ]

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "").strip() if self.is_valid() else ""

    @property
    def filtered(self) -> bool:
        data = self.cleaned_data if self.is_valid() else {}
        return any(data.get(name) for name in ("type", "kind", "body", "year"))

    def search_arguments(self) -> dict:
        """The keyword arguments of :func:`emanager.fulltext.search.search`."""
        data = self.cleaned_data
        return {
            "query": data["q"],
            "doc_type": data["type"] or None,
            "kind": data["kind"] or None,
            "body": data["body"],
            "year": data["year"],
        }

"""The archive's filters: a plain GET form, validated, that works without JavaScript.

Bodies, officials and units are chosen by their address (``?body=finance``),
the same address their directory pages have, so that a directory page can
link to "the published letters to this body". A body includes the bodies
under it. A place in the archive's order (``before``, ``after``, ``oldest``)
travels with the filters; a broken one is an error like any other.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from emanager.archive.selectors import ArchiveChoices
from emanager.letters.choices import LetterKind, LetterStatus, Outcome
from emanager.publication.selectors import Cursor
from emanager.registry.selectors import indented_name

# What a published letter can be: never unconfirmed, never withdrawn.
STATUS_CHOICES = [
    choice for choice in LetterStatus.choices if choice[0] != LetterStatus.UNCONFIRMED
]
OUTCOME_CHOICES = [choice for choice in Outcome.choices if choice[0] != Outcome.WITHDRAWN]
FILTERS = ("body", "official", "unit", "kind", "status", "outcome", "year")
BROKEN_LINK = _("This page link is not valid. Start again from the newest letters.")


class ArchiveFilterForm(forms.Form):
    body = forms.ChoiceField(
        label=_("Body"),
        required=False,
        help_text=_("Letters to this body or to any unit under it."),
    )
    official = forms.ChoiceField(label=_("Official"), required=False)
    unit = forms.ChoiceField(label=_("Territorial unit"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *LetterKind.choices]
    )
    status = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("Any state")), *STATUS_CHOICES]
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), required=False, choices=[("", _("Any outcome")), *OUTCOME_CHOICES]
    )
    year = forms.TypedChoiceField(
        label=_("Year registered"), required=False, coerce=int, empty_value=None
    )
    # Where the page starts: not shown, carried by the "Older" and "Newer" links.
    before = forms.CharField(required=False)
    after = forms.CharField(required=False)
    oldest = forms.BooleanField(required=False)

    def __init__(self, data=None, *, choices: ArchiveChoices, **kwargs):
        super().__init__(data, **kwargs)
        self.choices = choices
        self.fields["body"].choices = [
            ("", _("All bodies")),
            *((body.slug, indented_name(body, depth)) for body, depth in choices.tree),
        ]
        self.fields["official"].choices = [
            ("", _("All officials")),
            *((official.slug, official.full_name) for official in choices.officials),
        ]
        self.fields["unit"].choices = [
            ("", _("All units")),
            *((unit.slug, unit.name) for unit in choices.units),
        ]
        self.fields["year"].choices = [
            ("", _("All years")),
            *((str(year), str(year)) for year in choices.years),
        ]

    @property
    def filter_fields(self) -> list[forms.BoundField]:
        """The fields a citizen sets (the place in the order is not one of them)."""
        return [self[name] for name in FILTERS]

    def _cursor(self, name: str) -> Cursor | None:
        value = self.cleaned_data.get(name, "")
        if not value:
            return None
        cursor = Cursor.parse(value)
        if cursor is None:
            raise forms.ValidationError(BROKEN_LINK, code="cursor")
        return cursor

    def clean_before(self) -> Cursor | None:
        return self._cursor("before")

    def clean_after(self) -> Cursor | None:
        return self._cursor("after")

    @property
    def cursor_errors(self) -> list[str]:
        return [*self.errors.get("before", []), *self.errors.get("after", [])]

    @property
    def chosen(self) -> dict:
        """The valid filters chosen: ``body``, ``official``, ``unit`` as objects; the
        rest as values. Empty unless the form is valid."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        chosen: dict = {}
        if data.get("body"):
            chosen["body"] = next(b for b, _depth in self.choices.tree if b.slug == data["body"])
        if data.get("official"):
            chosen["official"] = next(
                o for o in self.choices.officials if o.slug == data["official"]
            )
        if data.get("unit"):
            chosen["unit"] = next(u for u in self.choices.units if u.slug == data["unit"])
        for name in ("kind", "status", "outcome", "year"):
            if data.get(name):
                chosen[name] = data[name]
        return chosen

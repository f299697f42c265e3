"""The journal's filters: a plain GET form, so that the page and its exports
read the same filters from the same address."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from emanager.directory.models import Municipality
from emanager.letters.choices import LetterStatus, RegisterDirection
from emanager.registry import selectors

# The longest period one journal (and its exports) covers.
MAX_PERIOD_DAYS = 3660

STATUS_CHOICES = [
    ("", _("Any status")),
    *((value, label) for value, label in LetterStatus.choices if value != LetterStatus.UNCONFIRMED),
]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class JournalFilterForm(forms.Form):
    register = forms.ModelChoiceField(
        label=_("Register"), queryset=None, empty_label=None, required=True
    )
    date_from = forms.DateField(
        label=pgettext_lazy("start of a period", "From"),
        required=False,
        widget=DateInput,
        help_text=_("First day of the period (registration or sending date)."),
    )
    date_to = forms.DateField(
        label=pgettext_lazy("end of a period", "To"),
        required=False,
        widget=DateInput,
        help_text=_("Last day of the period, included."),
    )
    body = forms.TypedChoiceField(
        label=_("Body"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Letters addressed to this body or to any unit under it."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        registers = selectors.journal_registers(municipality)
        self.fields["register"].queryset = registers
        self.fields["register"].label_from_instance = _register_label
        self.tree = selectors.body_tree(municipality)
        self.fields["body"].choices = [
            ("", _("All bodies")),
            *((body.pk, selectors.indented_name(body, depth)) for body, depth in self.tree),
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end:
            if start > end:
                self.add_error(
                    "date_to",
                    forms.ValidationError(
                        _("The end of the period cannot be before its start."),
                        code="period_reversed",
                    ),
                )
            elif (end - start).days > MAX_PERIOD_DAYS:
                self.add_error(
                    "date_to",
                    forms.ValidationError(
                        _("Choose a period of at most ten years."), code="period_too_long"
                    ),
                )
        return cleaned

    def filters(self) -> selectors.JournalFilters:
        """The valid filters; call after :meth:`is_valid`."""
        data = self.cleaned_data
        bodies = {body.pk: body for body, _depth in self.tree}
        return selectors.JournalFilters(
            register=data["register"],
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            body=bodies.get(data.get("body")),
            status=data.get("status") or "",
        )


def _register_label(register) -> str:
    if register.direction == RegisterDirection.OUTGOING:
        return f"{register.name} ({register.get_direction_display()})"
    if register.kind:
        return f"{register.name} ({register.get_kind_display()})"
    return str(register.name)


def journal_form(data, *, municipality: Municipality) -> JournalFilterForm:
    """The form bound to the request's filters; the first register when none is asked for."""
    form_data = data.copy()
    if not form_data.get("register"):
        first = selectors.journal_registers(municipality).values_list("pk", flat=True).first()
        if first is not None:
            form_data["register"] = str(first)
    form = JournalFilterForm(form_data, municipality=municipality)
    form.has_registers = bool(form_data.get("register"))
    return form

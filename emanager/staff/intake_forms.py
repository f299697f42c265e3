"""The clerk's form for a letter received on paper, in person, by phone or by e-mail.

It checks what the clerk entered; :func:`emanager.letters.intake.letter_register_on_behalf`
does the writing.
"""

from __future__ import annotations

import uuid

from django import forms
from django.conf import settings
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from emanager.core.context_processors import NATIVE_NAMES
from emanager.directory.models import Municipality, TerritorialUnit
from emanager.foi.request_fields import FoiRequestFieldsMixin
from emanager.letters.attachments import MAX_FILES
from emanager.letters.choices import Channel, LetterKind, Publication
from emanager.letters.forms import (
    BODY_MAX,
    BODY_MIN,
    SUBJECT_MAX,
    AttachmentsMixin,
    LetterContentMixin,
    MultipleFileField,
    addressee_field,
    phone_validator,
)
from emanager.letters.intake import WRITTEN_CHANNELS, IntakeDraft

# The order of the registry desk: post first, then visitors, calls and e-mail.
CHANNEL_CHOICES = [
    (Channel.PAPER, _("Paper letter, by post")),
    (Channel.IN_PERSON, _("In person, at the reception desk")),
    (Channel.PHONE, _("Phone call")),
    (Channel.EMAIL, _("Ordinary e-mail to the municipality")),
]

PUBLICATION_CHOICES = [
    (Publication.PRIVATE, _("Private: only the municipality sees the letter")),
    (
        Publication.PUBLIC_ANONYMOUS,
        _("Public without the citizen's name (the citizen consented in writing)"),
    ),
    (
        Publication.PUBLIC_NAMED,
        _("Public with the citizen's name (the citizen consented in writing)"),
    ),
]


class IntakeForm(LetterContentMixin, AttachmentsMixin, FoiRequestFieldsMixin, forms.Form):
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=CHANNEL_CHOICES,
        initial=Channel.PAPER,
        widget=forms.RadioSelect,
    )
    addressee = addressee_field(
        label=_("Addressed to"),
        help_text=_("The official, body or territorial unit the letter is written to."),
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
        help_text=_(
            "The text of the letter, or a faithful summary when its scan is attached. "
            "For a phone call: your summary of what the citizen asked."
        ),
    )
    files = MultipleFileField(
        label=_("Scanned pages and attachments"),
        required=False,
        help_text=_(
            "Scan every page of a paper letter. Up to %(count)d files: PDF, JPEG or PNG scans "
            "and photos, or the files an e-mail came with; at most 10 MB each, 25 MB together."
        )
        % {"count": MAX_FILES},
    )
    author_name = forms.CharField(label=_("Citizen's first and last name"), max_length=200)
    author_address = forms.CharField(
        label=_("Citizen's address"),
        max_length=300,
        help_text=_("The law requires the name and address of whoever writes."),
    )
    author_email = forms.EmailField(
        label=_("Citizen's e-mail (optional)"),
        required=False,
        help_text=_(
            "If given, the citizen receives the number, the deadline and the link to follow "
            "the letter by e-mail. Required for a letter received by e-mail."
        ),
    )
    author_phone = forms.CharField(
        label=_("Citizen's phone (optional)"),
        max_length=40,
        required=False,
        validators=[phone_validator],
        help_text=_("Required for a phone call, to call the citizen back."),
    )
    author_unit = forms.ModelChoiceField(
        label=_("Citizen's territorial unit (optional)"),
        queryset=TerritorialUnit.objects.none(),
        required=False,
        empty_label=_("— not chosen —"),
    )
    language = forms.ChoiceField(
        label=_("Language of the letter"),
        help_text=_("The citizen's e-mails and the printed answer are in this language."),
    )
    publication = forms.ChoiceField(
        label=_("Publication"),
        choices=PUBLICATION_CHOICES,
        initial=Publication.PRIVATE,
        widget=forms.RadioSelect,
        help_text=_(
            "Private unless the citizen consented in writing, on the letter or on a signed "
            "form. Consent cannot be taken by phone."
        ),
    )
    written_consent = forms.BooleanField(
        label=_(
            "The citizen gave consent to publication in writing, on the letter or on a signed "
            "form, and it is among the scanned pages."
        ),
        required=False,
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self._for_municipality(municipality)
        self.fields["language"].choices = [
            (code, NATIVE_NAMES.get(code, name)) for code, name in settings.LANGUAGES
        ]
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())
            self.initial.setdefault("language", (get_language() or "ka")[:2])

    def clean_author_name(self):
        return " ".join(self.cleaned_data["author_name"].split())

    def clean(self):
        cleaned = super().clean()
        channel = cleaned.get("channel")
        # A field that failed its own check keeps that message.
        if channel == Channel.PHONE and not cleaned.get("author_phone"):
            self._require(
                "author_phone",
                _("For a phone call, enter the number the citizen can be called back on."),
            )
        if channel == Channel.EMAIL and not cleaned.get("author_email"):
            self._require(
                "author_email",
                _("For a letter received by e-mail, enter the address it came from."),
            )
        if cleaned.get("publication") not in (None, Publication.PRIVATE):
            if channel and channel not in WRITTEN_CHANNELS:
                self.add_error(
                    "publication",
                    _(
                        "A letter taken by phone stays private: consent to publication must be "
                        "given in writing."
                    ),
                )
            elif not cleaned.get("written_consent"):
                self.add_error(
                    "written_consent",
                    _(
                        "To publish the letter, confirm the citizen's written consent; "
                        "or choose “Private”."
                    ),
                )
        return cleaned

    def _require(self, field: str, message: str) -> None:
        if field not in self.errors:
            self.add_error(field, message)

    def draft(self) -> IntakeDraft:
        """The letter as the service takes it (call after ``is_valid()``)."""
        data = self.cleaned_data
        target = data["addressee"]
        return IntakeDraft(
            kind=data["kind"],
            subject=data["subject"],
            body=data["body"],
            addressee_body=target.body,
            addressee_official=target.official,
            addressee_unit=target.unit,
            author_name=data["author_name"],
            author_address=data["author_address"],
            author_email=data["author_email"],
            author_phone=data["author_phone"],
            author_unit=data["author_unit"],
            language=data["language"],
            publication=data["publication"],
        )

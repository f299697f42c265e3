"""The citizen's account forms. They check input; services do the writing."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, SetPasswordMixin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from emanager.accounts.services import email_taken, normalize_email

# The username column holds the e-mail address.
EMAIL_MAX = 150

EMAIL_TAKEN = _("An account with this e-mail address exists already. Log in instead.")


class SignupForm(SetPasswordMixin, forms.Form):
    name = forms.CharField(label=_("Your first and last name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=EMAIL_MAX,
        help_text=_("We send a link to this address: follow it to verify your account."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        # Plain text: the rules as one hint, without the HTML list Django builds.
        self.fields["password1"].help_text = " ".join(
            str(text) for text in password_validation.password_validators_help_texts()
        )

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_email(self):
        email = normalize_email(self.cleaned_data["email"])
        if email_taken(email):
            raise ValidationError(EMAIL_TAKEN, code="email_taken")
        return email

    def clean(self):
        cleaned = super().clean()
        self.validate_passwords()
        # The validators compare the password with the name and the address.
        email = cleaned.get("email") or ""
        user = get_user_model()(username=email, email=email, first_name=cleaned.get("name", ""))
        self.validate_password_for_user(user)
        return cleaned


class CitizenLoginForm(AuthenticationForm):
    """Log in with the e-mail address (any case) and the password."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.label = _("E-mail")
        username.widget.attrs["autocomplete"] = "email"

    def clean_username(self):
        return normalize_email(self.cleaned_data["username"])

    def get_invalid_login_error(self):
        return ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params={"username": _("e-mail")},
        )

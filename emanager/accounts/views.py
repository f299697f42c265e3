"""The citizen's account pages: sign up, verify the e-mail, log in and out, My letters."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emanager.accounts import selectors, services, tokens
from emanager.accounts.forms import EMAIL_TAKEN, CitizenLoginForm, SignupForm
from emanager.directory.selectors import require_municipality
from emanager.letters import tokens as letter_tokens

LETTERS_PER_PAGE = 20
SESSION_SIGNED_UP = "accounts:signed_up"
LOGIN_URL = "accounts:login"


def signup(request: HttpRequest) -> HttpResponse:
    municipality = require_municipality(request)
    if request.user.is_authenticated:
        return redirect("accounts:letters")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.account_create(
                municipality=municipality,
                name=data["name"],
                email=data["email"],
                password=data["password1"],
                language=get_language() or "ka",
            )
        except services.EmailTaken:
            form.add_error("email", ValidationError(EMAIL_TAKEN, code="email_taken"))
        else:
            request.session[SESSION_SIGNED_UP] = data["email"]
            return redirect("accounts:signup_done")
    return render(request, "accounts/signup.html", {"form": form})


def signup_done(request: HttpRequest) -> HttpResponse:
    require_municipality(request)
    email = request.session.get(SESSION_SIGNED_UP)
    if email is None:
        return redirect("accounts:signup")
    return render(request, "accounts/signup_done.html", {"email": email})


def verify(request: HttpRequest, token: str) -> HttpResponse:
    require_municipality(request)
    try:
        user = tokens.user_from_verification_token(token)
    except tokens.ExpiredLink:
        return render(request, "accounts/link_expired.html", status=410)
    except tokens.InvalidLink:
        raise Http404 from None
    if request.method == "POST" and services.account_verify(user=user):
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your e-mail address is verified. Welcome!"))
        return redirect("accounts:letters")
    if user.citizen_profile.is_verified:
        # A used link logs nobody in: it may lie in a mailbox for days.
        messages.info(request, _("Your e-mail address was already verified."))
        return redirect("accounts:letters")
    # Mail scanners follow links: verification needs the button press.
    return render(request, "accounts/verify.html", {"email": user.email})


@require_POST
@login_required(login_url=LOGIN_URL)
def verification_resend(request: HttpRequest) -> HttpResponse:
    municipality = require_municipality(request)
    profile = getattr(request.user, "citizen_profile", None)
    if profile is not None and not profile.is_verified:
        services.verification_send(user=request.user, municipality=municipality)
        messages.success(
            request,
            _("We sent a new link to %(email)s.") % {"email": request.user.email},
        )
    return redirect("accounts:letters")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = CitizenLoginForm
    next_page = "accounts:letters"


class LogoutView(auth_views.LogoutView):
    next_page = "directory:home"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have logged out."))
        return response


@login_required(login_url=LOGIN_URL)
def letters(request: HttpRequest) -> HttpResponse:
    municipality = require_municipality(request)
    queryset = selectors.citizen_letters(request.user, municipality)
    page = Paginator(queryset, LETTERS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [(letter, letter_tokens.tracking_token(letter)) for letter in page.object_list]
    context = {
        "page": page,
        "rows": rows,
        "profile": getattr(request.user, "citizen_profile", None),
    }
    return render(request, "accounts/letters.html", context)

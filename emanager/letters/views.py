"""The citizen's pages: write, confirm, track."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emanager.accounts.selectors import verified_profile
from emanager.directory.selectors import require_municipality
from emanager.foi.services import foi_request_for
from emanager.letters import addressees, services, tokens
from emanager.letters.attachments import attachment_response
from emanager.letters.choices import LetterKind, LetterStatus
from emanager.letters.forms import CONSENT_TEXT, LetterForm, ReplyForm
from emanager.letters.selectors import citizen_attachments, letter_thread
from emanager.surveys.forms import SurveyForm
from emanager.surveys.selectors import survey_panel
from emanager.surveys.services import SurveyClosed, survey_answer

SESSION_SENT = "letters:sent"


def write(request: HttpRequest) -> HttpResponse:
    municipality = require_municipality(request)
    # A verified account registers its letters at once, under its own address.
    account = verified_profile(request.user)
    account_email = account.user.email if account else ""
    if request.method == "POST":
        form = LetterForm(
            request.POST, request.FILES, municipality=municipality, account_email=account_email
        )
        if form.is_valid():
            data = form.cleaned_data
            target = data["addressee"]
            draft = services.LetterDraft(
                kind=data["kind"],
                subject=data["subject"],
                body=data["body"],
                addressee_body=target.body,
                addressee_official=target.official,
                addressee_unit=target.unit,
                author_name=data["author_name"],
                author_email=account_email or data["author_email"],
                author_phone=data["author_phone"],
                author_address=data["author_address"],
                author_unit=data["author_unit"],
                publication=data["publication"],
                language=get_language() or "ka",
                consent_text=str(CONSENT_TEXT),
                files=data["files"],
            )
            letter, _created = services.letter_submit(
                municipality=municipality,
                draft=draft,
                submission_key=data["submission_key"],
                user=account.user if account else None,
            )
            if form.is_foi_request():
                foi_request_for(letter=letter, **form.foi_facts())
            if account and letter.user_id == account.user_id:
                messages.success(
                    request,
                    _("Your letter is registered with number %(number)s.")
                    % {"number": letter.number},
                )
                return redirect("letters:track", token=tokens.tracking_token(letter))
            request.session[SESSION_SENT] = letter.author_email
            return redirect("letters:sent")
    else:
        initial = {}
        to = request.GET.get("to", "")
        if addressees.resolve(municipality, to) is not None:
            initial["addressee"] = to
        if request.GET.get("kind") in LetterKind.values:
            initial["kind"] = request.GET["kind"]
        if account:
            initial["author_name"] = account.name
        form = LetterForm(initial=initial, municipality=municipality, account_email=account_email)
    return render(request, "letters/write.html", {"form": form, "account": account})


def sent(request: HttpRequest) -> HttpResponse:
    require_municipality(request)
    email = request.session.get(SESSION_SENT)
    if email is None:
        return redirect("letters:write")
    return render(request, "letters/sent.html", {"email": email})


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    municipality = require_municipality(request)
    try:
        letter = tokens.letter_from_confirmation_token(token)
    except tokens.ExpiredLink:
        return render(request, "letters/link_expired.html", status=410)
    except tokens.InvalidLink:
        raise Http404 from None
    if letter.municipality_id != municipality.pk:
        raise Http404
    if request.method != "POST":
        # Mail scanners follow links: registration needs the button press.
        if letter.status != LetterStatus.UNCONFIRMED:
            messages.info(request, _("This letter was already confirmed."))
            return redirect("letters:track", token=tokens.tracking_token(letter))
        return render(request, "letters/confirm.html", {"letter": letter})
    letter = services.letter_confirm(letter=letter)
    messages.success(
        request,
        _("Your letter is registered with number %(number)s.") % {"number": letter.number},
    )
    return redirect("letters:track", token=tokens.tracking_token(letter))


def _tracked(request: HttpRequest, token: str):
    municipality = require_municipality(request)
    try:
        letter = tokens.letter_from_tracking_token(token)
    except tokens.InvalidLink:
        raise Http404 from None
    if letter.municipality_id != municipality.pk or letter.status == LetterStatus.UNCONFIRMED:
        raise Http404
    return letter


def track(request: HttpRequest, token: str) -> HttpResponse:
    letter = _tracked(request, token)
    reply_form = ReplyForm()
    if request.method == "POST":
        reply_form = ReplyForm(request.POST, request.FILES)
        if letter.status == LetterStatus.CLOSED:
            messages.error(request, _("This letter is closed and takes no more messages."))
            return redirect("letters:track", token=token)
        if reply_form.is_valid():
            services.letter_reply(
                letter=letter,
                body=reply_form.cleaned_data["body"],
                files=reply_form.cleaned_data["files"],
            )
            messages.success(request, _("Your message was added to the letter."))
            return redirect("letters:track", token=token)
    context = {
        "letter": letter,
        "token": token,
        "reply_form": reply_form,
        **survey_panel(letter),
        **letter_thread(letter),
    }
    return render(request, "letters/track.html", context)


@require_POST
def withdraw(request: HttpRequest, token: str) -> HttpResponse:
    letter = _tracked(request, token)
    if request.POST.get("confirm") != "yes":
        return render(request, "letters/withdraw.html", {"letter": letter, "token": token})
    services.letter_withdraw(letter=letter)
    messages.success(request, _("Your letter was withdrawn."))
    return redirect("letters:track", token=token)


@require_POST
def withdraw_consent(request: HttpRequest, token: str) -> HttpResponse:
    """The citizen withdraws consent to publication (after a confirmation step)."""
    from emanager.publication.services import letter_consent_withdraw

    letter = _tracked(request, token)
    if request.POST.get("confirm") != "yes":
        context = {"letter": letter, "token": token}
        return render(request, "publication/withdraw_consent.html", context)
    letter_consent_withdraw(letter=letter)
    messages.success(
        request,
        _("Your consent is withdrawn: the letter and its answers are not published any more."),
    )
    return redirect("letters:track", token=token)


@require_POST
def rate(request: HttpRequest, token: str) -> HttpResponse:
    """The satisfaction survey, answered on the letter's page (emanager.surveys)."""
    letter = _tracked(request, token)
    form = SurveyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the answers."))
        return redirect("letters:track", token=token)
    try:
        survey_answer(letter=letter, response=form.cleaned_data["response"])
    except SurveyClosed as closed:
        messages.error(request, str(closed))
    else:
        messages.success(request, _("Thank you: your answer was recorded."))
    return redirect("letters:track", token=token)


def attachment(request: HttpRequest, token: str, pk: int) -> FileResponse:
    letter = _tracked(request, token)
    item = get_object_or_404(citizen_attachments(letter), pk=pk)
    return attachment_response(item)

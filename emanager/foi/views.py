"""The requester's side: an administrative complaint, from the request's private page."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from emanager.directory.selectors import require_municipality
from emanager.foi.complaints import complaint_file
from emanager.foi.forms import ComplaintForm
from emanager.foi.models import FoiRequest
from emanager.foi.rules import complaint_window, superior_body
from emanager.letters import tokens
from emanager.letters.choices import LetterKind, LetterStatus
from emanager.letters.models import Letter
from emanager.letters.staff_services import ActionRefused


def _tracked_request(request: HttpRequest, token: str) -> Letter:
    """The public-information request of the private link, or 404."""
    municipality = require_municipality(request)
    try:
        letter = tokens.letter_from_tracking_token(token)
    except tokens.InvalidLink:
        raise Http404 from None
    if (
        letter.municipality_id != municipality.pk
        or letter.status == LetterStatus.UNCONFIRMED
        or letter.kind != LetterKind.PUBLIC_INFORMATION
    ):
        raise Http404
    return letter


def complaint(request: HttpRequest, token: str) -> HttpResponse:
    """File an administrative complaint about the request (the link proves the requester)."""
    letter = _tracked_request(request, token)
    foi = FoiRequest.objects.filter(letter=letter).first() or FoiRequest(letter=letter)
    foi.letter = letter
    window = complaint_window(foi)
    if window.complaint is not None:
        messages.info(
            request,
            _("You have already filed a complaint about this request: %(number)s.")
            % {"number": window.complaint.letter.number},
        )
        return redirect("letters:track", token=token)
    form = ComplaintForm(request.POST or None)
    if request.method == "POST" and window.allowed and form.is_valid():
        try:
            filed = complaint_file(
                request_letter=letter,
                text=form.cleaned_data["text"],
                submission_key=form.cleaned_data["submission_key"],
            )
        except ActionRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("letters:track", token=token)
        messages.success(
            request,
            _(
                "Your complaint is registered with number %(number)s and sent to %(body)s. "
                "This is its own page: keep its address."
            )
            % {"number": filed.letter.number, "body": filed.letter.addressee_body.name},
        )
        return redirect("letters:track", token=tokens.tracking_token(filed.letter))
    context = {
        "letter": letter,
        "foi": foi,
        "token": token,
        "window": window,
        "form": form,
        "superior": superior_body(letter.addressee_body),
    }
    status = 400 if form.errors or (request.method == "POST" and not window.allowed) else 200
    return render(request, "foi/citizen/complaint.html", context, status=status)

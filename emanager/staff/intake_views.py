"""Staff intake: the clerk registers a letter received on paper, in person, by phone or e-mail."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from emanager.foi.services import foi_request_for
from emanager.letters.choices import LetterStatus
from emanager.letters.intake import letter_register_on_behalf, letter_tracking_url
from emanager.letters.models import Letter
from emanager.staff.intake_forms import IntakeForm
from emanager.staff.permissions import can_register_letters, can_view, staff_required


def _refused(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/intake_forbidden.html", status=403)


@staff_required
def register(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    if not can_register_letters(request.user, municipality):
        return _refused(request)
    if request.method == "POST":
        form = IntakeForm(request.POST, request.FILES, municipality=municipality)
        if form.is_valid():
            data = form.cleaned_data
            letter = letter_register_on_behalf(
                municipality=municipality,
                actor=request.user,
                draft=form.draft(),
                channel=data["channel"],
                files=data["files"],
                submission_key=data["submission_key"],
            )
            if form.is_foi_request():
                foi_request_for(letter=letter, **form.foi_facts())
            messages.success(
                request,
                _("The letter is registered with number %(number)s.") % {"number": letter.number},
            )
            return redirect("staff:intake_done", uuid=letter.uuid)
    else:
        form = IntakeForm(municipality=municipality)
    return render(request, "staff/intake.html", {"form": form})


@staff_required
def register_done(request: HttpRequest, uuid) -> HttpResponse:
    """The number, the deadline and the slip to hand to the citizen (for the clerk who
    registered the letter: the slip carries the private tracking link)."""
    municipality = request.municipality
    if not can_register_letters(request.user, municipality):
        return _refused(request)
    letter = get_object_or_404(
        Letter.objects.select_related(
            "addressee_body", "addressee_official", "addressee_unit"
        ).exclude(status=LetterStatus.UNCONFIRMED),
        uuid=uuid,
        municipality=municipality,
        registered_by=request.user,
    )
    context = {
        "letter": letter,
        "tracking_url": letter_tracking_url(letter),
        "can_open": can_view(request.user, letter),
    }
    return render(request, "staff/intake_done.html", context)

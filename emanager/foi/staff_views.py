"""The staff's public-information actions, on the letter's staff page, and the settings page.

The actions are forms of the panel ``foi/staff/_panel.html`` on the letter's
staff page (``letters:staff_letter``). A form with errors is shown again on that
page, in place; a rule the action breaks comes back as an error message.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from emanager.foi import complaints, refusal, services
from emanager.foi.forms import (
    ComplaintDecisionForm,
    DecisionForm,
    FeePaidForm,
    FoiSettingsForm,
    RefusalLetterForm,
    RegisterSummaryForm,
    TenDaysForm,
)
from emanager.foi.models import FoiRequest
from emanager.foi.rules import EXPLAINED_OUTCOMES, foi_settings
from emanager.letters.models import Letter
from emanager.letters.staff_services import ActionRefused
from emanager.staff.permissions import (
    can_decide_complaint,
    can_handle_foi,
    can_manage_foi_settings,
    staff_required,
)

#: The request's actions and their forms; the complaint's decision is apart.
FORMS = {
    "ten-days": TenDaysForm,
    "decide": DecisionForm,
    "refusal": RefusalLetterForm,
    "fee-paid": FeePaidForm,
    "complaint": ComplaintDecisionForm,
    "summary": RegisterSummaryForm,
}
DONE = {
    "ten-days": _("The 10 days are used; the requester was told why and until when."),
    "decide": _("The decision was recorded."),
    "refusal-save": _("The written explanation was saved. It is not sent yet."),
    "refusal-send": _("The written explanation was sent to the requester."),
    "refusal-post": _("The written explanation was recorded as sent by post."),
    "fee-paid": _("The payment of the fee was recorded."),
    "complaint": _("The decision on the complaint was sent to the complainant."),
    "summary": _("The summary for the public register was saved."),
}
DECIDED_REFUSAL = _(
    "The refusal was recorded and the requester told. Review the written explanation below "
    "and send it within 3 days."
)


def _letter_for(request: HttpRequest, uuid) -> Letter:
    from emanager.letters.staff_views import _letter_for as letter_for

    return letter_for(request, uuid)


def build_form(action: str, *, letter: Letter, user, data=None):
    """The action's form, bound to ``data`` if given."""
    cls = FORMS[action]
    args = (data,) if data is not None else ()
    if cls is DecisionForm:
        request = FoiRequest.objects.filter(letter=letter).first()
        return DecisionForm(*args, letter=letter, request=request, user=user)
    if cls is RegisterSummaryForm:
        request = FoiRequest.objects.filter(letter=letter).first()
        initial = {"summary": request.public_summary} if request else {}
        return RegisterSummaryForm(*args, letter=letter, initial=initial)
    return cls(*args)


def _back(letter: Letter) -> HttpResponse:
    return redirect(reverse("letters:staff_letter", args=[letter.uuid]) + "#foi-title")


def _may(user, letter: Letter, action: str) -> bool:
    if action == "complaint":
        return can_decide_complaint(user, letter)
    return can_handle_foi(user, letter)


@login_required
@require_POST
def request_action(request: HttpRequest, uuid, action: str) -> HttpResponse:
    from emanager.letters.staff_views import _page

    letter = _letter_for(request, uuid)
    if action not in FORMS or not _may(request.user, letter, action):
        raise Http404
    form = build_form(action, letter=letter, user=request.user, data=request.POST)
    if not form.is_valid():
        # Shown again in place, with its errors, by the panel (foi_staff_panel).
        request.foi_forms = {action: form}
        return _page(request, letter, status=400)
    try:
        done = _act(request, letter, action, form)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
        return _back(letter)
    messages.success(request, done)
    return _back(letter)


def _act(request: HttpRequest, letter: Letter, action: str, form) -> str:
    """Take the action; the confirmation to show."""
    user, data = request.user, form.cleaned_data
    if action == "ten-days":
        services.foi_ten_days_use(letter=letter, actor=user, reason=data["reason"])
    elif action == "decide":
        decided = services.foi_decide(letter=letter, actor=user, decision=form.decision())
        if decided.outcome in EXPLAINED_OUTCOMES:
            return str(DECIDED_REFUSAL)
    elif action == "refusal":
        if request.POST.get("refusal-submit") == RefusalLetterForm.SEND:
            services.foi_refusal_letter_send(letter=letter, actor=user, text=data["text"])
            return str(DONE["refusal-send" if letter.author_email else "refusal-post"])
        services.foi_refusal_letter_save(letter=letter, actor=user, text=data["text"])
        return str(DONE["refusal-save"])
    elif action == "summary":
        services.foi_summary_save(letter=letter, actor=user, summary=data["summary"])
    elif action == "fee-paid":
        services.foi_fee_paid(letter=letter, actor=user, paid_on=data["paid_on"])
    elif action == "complaint":
        complaints.complaint_decide(
            complaint_letter=letter, actor=user, outcome=data["outcome"], text=data["text"]
        )
    return str(DONE[action])


@login_required
def refusal_pdf(request: HttpRequest, uuid) -> HttpResponse:
    """The written explanation of the refusal on the letterhead, to print and post."""
    letter = _letter_for(request, uuid)
    if not can_handle_foi(request.user, letter):
        raise Http404
    foi = FoiRequest.objects.filter(letter=letter).select_related("decided_by").first()
    if foi is None or foi.outcome not in EXPLAINED_OUTCOMES:
        raise Http404
    foi.letter = letter
    response = HttpResponse(refusal.refusal_pdf(foi), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{refusal.refusal_file_name(foi)}"'
    return response


@staff_required
def foi_settings_edit(request: HttpRequest) -> HttpResponse:
    """The municipality's copying fee and refusal letter, for its administrators."""
    from emanager.foi.refusal import DEFAULT_REFUSAL_TEMPLATE, PLACEHOLDERS

    municipality = request.municipality
    if not can_manage_foi_settings(request.user, municipality):
        return render(request, "foi/staff/settings_forbidden.html", status=403)
    current = foi_settings(municipality)
    form = FoiSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.foi_settings_save(
            municipality=municipality,
            fee_per_page=form.cleaned_data["fee_per_page"],
            refusal_template=form.cleaned_data["refusal_template"],
        )
        messages.success(request, gettext("The public-information settings were saved."))
        return redirect("foi:settings")
    context = {
        "form": form,
        "placeholders": PLACEHOLDERS,
        "default_template": str(DEFAULT_REFUSAL_TEMPLATE),
    }
    return render(request, "foi/staff/settings.html", context, status=400 if form.errors else 200)

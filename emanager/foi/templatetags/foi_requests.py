"""The public-information panels: on the staff's letter page, on the requester's tracking page,
and the back-office link to the settings."""

from __future__ import annotations

from django import template

from emanager.foi.choices import FoiOutcome
from emanager.foi.forms import RefusalLetterForm
from emanager.foi.models import Complaint, FoiRequest
from emanager.foi.rules import (
    EXPLAINED_OUTCOMES,
    FINAL_OUTCOMES,
    complaint_window,
    immediate_target,
    local_date,
    refusal_explanation_due,
    superior_body,
)
from emanager.letters import tokens
from emanager.letters.choices import LetterKind, LetterStatus
from emanager.letters.models import Letter
from emanager.letters.staff_services import OPEN_STATES

register = template.Library()

WAITING = (LetterStatus.OPEN, LetterStatus.CLARIFICATION)


def _today():
    from django.utils import timezone

    return local_date(timezone.now())


def _request_of(letter: Letter) -> FoiRequest | None:
    foi = FoiRequest.objects.filter(letter=letter).select_related("decided_by").first()
    if foi is not None:
        foi.letter = letter
    return foi


def _stage(letter: Letter, foi: FoiRequest | None, today) -> str:
    """Where the request stands against "immediately, at the latest within 10 days"."""
    outcome = foi.outcome if foi else ""
    if outcome in FINAL_OUTCOMES or letter.status == LetterStatus.CLOSED:
        return "decided"
    if letter.status == LetterStatus.ANSWERED:
        return "answered"
    if outcome == FoiOutcome.DEEMED_REFUSED or (
        letter.deadline and letter.deadline < today and letter.status == LetterStatus.OPEN
    ):
        return "deemed"
    if outcome in (FoiOutcome.FORWARDED, FoiOutcome.CLARIFICATION_REQUESTED):
        return outcome
    if foi is not None and foi.extended_at is not None:
        return "ten_days"
    target = immediate_target(letter)
    if target is not None and today > target:
        return "not_immediate"
    return "today"


def _staff_request_panel(context, letter: Letter) -> dict:
    from emanager.foi.staff_views import build_form
    from emanager.staff.permissions import can_handle_foi, can_view

    request = context.get("request")
    user = getattr(request, "user", None)
    bound = getattr(request, "foi_forms", {})
    foi = _request_of(letter)
    today = _today()
    may = user is not None and can_handle_foi(user, letter)
    outcome = foi.outcome if foi else ""
    actions: dict[str, object] = {}
    if may:
        if (
            letter.status in WAITING
            and (foi is None or foi.extended_at is None)
            and outcome not in FINAL_OUTCOMES
            and outcome != FoiOutcome.DEEMED_REFUSED
            and (letter.deadline is None or letter.deadline >= today)
        ):
            actions["ten-days"] = None
        if letter.status in OPEN_STATES or (
            letter.status == LetterStatus.CLOSED and outcome in ("", FoiOutcome.DEEMED_REFUSED)
        ):
            actions["decide"] = None
        if foi is not None and foi.fee and foi.fee_paid_on is None:
            actions["fee-paid"] = None
        if letter.status != LetterStatus.UNCONFIRMED:
            actions["summary"] = None
    for action in actions:
        actions[action] = bound.get(action) or build_form(action, letter=letter, user=user)
    refusal_form = None
    if may and foi is not None and outcome in EXPLAINED_OUTCOMES and not foi.refusal_letter_sent_at:
        refusal_form = bound.get("refusal") or RefusalLetterForm(
            initial={"text": foi.refusal_letter}
        )
    refusal_due = refusal_explanation_due(foi) if foi else None
    complaints = []
    if foi is not None:
        for complaint in foi.complaints.select_related("letter").order_by("pk"):
            visible = user is not None and can_view(user, complaint.letter)
            complaints.append({"complaint": complaint, "visible": visible})
    registered = immediate_target(letter)
    decided_on = local_date(foi.decided_at) if foi and foi.decided_at else None
    return {
        "kind": "request",
        "foi": foi,
        "today": today,
        "stage": _stage(letter, foi, today),
        "target": registered,
        "decided_on": decided_on,
        "days_taken": (decided_on - registered).days if decided_on and registered else None,
        "late": bool(decided_on and letter.deadline and decided_on > letter.deadline),
        "actions": actions,
        "opened": set(bound),
        "refusal_form": refusal_form,
        "refusal_opened": "refusal" in bound,
        "refusal_due": refusal_due,
        "refusal_overdue": bool(
            refusal_due and foi and not foi.refusal_letter_sent_at and refusal_due < today
        ),
        "explained": outcome in EXPLAINED_OUTCOMES,
        "may": may,
        "complaints": complaints,
        "superior": superior_body(letter.addressee_body),
    }


def _staff_complaint_panel(context, letter: Letter, complaint: Complaint) -> dict:
    from emanager.foi.forms import ComplaintDecisionForm
    from emanager.staff.permissions import can_decide_complaint, can_view

    request = context.get("request")
    user = getattr(request, "user", None)
    bound = getattr(request, "foi_forms", {})
    form = None
    if (
        user is not None
        and not complaint.outcome
        and letter.status in OPEN_STATES
        and can_decide_complaint(user, letter)
    ):
        form = bound.get("complaint") or ComplaintDecisionForm()
    request_letter = complaint.request.letter
    return {
        "kind": "complaint",
        "complaint": complaint,
        "foi": complaint.request,
        "request_letter": request_letter,
        "request_visible": user is not None and can_view(user, request_letter),
        "form": form,
        "opened": "complaint" in bound,
    }


@register.simple_tag(takes_context=True)
def foi_staff_panel(context, letter: Letter) -> dict | None:
    """What the staff panel shows for a request or for a complaint about one; None otherwise."""
    if letter.kind == LetterKind.PUBLIC_INFORMATION:
        return _staff_request_panel(context, letter)
    if letter.kind == LetterKind.COMPLAINT:
        complaint = (
            Complaint.objects.filter(letter=letter)
            .select_related("request__letter__addressee_body", "request__decided_by")
            .first()
        )
        if complaint is not None:
            return _staff_complaint_panel(context, letter, complaint)
    return None


@register.simple_tag
def foi_track_panel(letter: Letter) -> dict | None:
    """What the requester's tracking page shows of the request (or of their complaint)."""
    if letter.kind == LetterKind.COMPLAINT:
        complaint = (
            Complaint.objects.filter(letter=letter).select_related("request__letter").first()
        )
        if complaint is None:
            return None
        return {
            "kind": "complaint",
            "complaint": complaint,
            "request_letter": complaint.request.letter,
            "request_url_token": tokens.tracking_token(complaint.request.letter),
        }
    if letter.kind != LetterKind.PUBLIC_INFORMATION:
        return None
    foi = _request_of(letter) or FoiRequest(letter=letter)
    window = complaint_window(foi)
    complaint = window.complaint
    return {
        "kind": "request",
        "foi": foi,
        "stage": _stage(letter, foi if foi.pk else None, _today()),
        "window": window,
        "complaint": complaint,
        "complaint_token": tokens.tracking_token(complaint.letter) if complaint else "",
        "superior": superior_body(letter.addressee_body),
        "explained": foi.outcome in EXPLAINED_OUTCOMES,
    }


@register.inclusion_tag("foi/staff/_nav_link.html", takes_context=True)
def foi_settings_nav_link(context) -> dict:
    """The back-office link to the public-information settings, for administrators."""
    from emanager.staff.permissions import can_manage_foi_settings

    request = context.get("request")
    municipality = getattr(request, "municipality", None)
    show = (
        municipality is not None
        and request.user.is_authenticated
        and can_manage_foi_settings(request.user, municipality)
    )
    view_name = getattr(getattr(request, "resolver_match", None), "view_name", "") or ""
    return {"show": show, "current": view_name == "foi:settings"}

"""The staff's page of one letter, and its actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from emanager.directory.selectors import require_municipality
from emanager.letters import staff_services as actions
from emanager.letters.attachments import attachment_response
from emanager.letters.choices import LetterStatus
from emanager.letters.models import Attachment, Letter
from emanager.letters.selectors import letter_thread
from emanager.letters.staff_forms import FORMS, NEEDS_LETTER

DONE = {
    "answer": _("The answer was sent to the citizen."),
    "clarify": _("The question was sent to the citizen."),
    "assign": _("The letter was assigned."),
    "forward": _("The letter was forwarded and the citizen told."),
    "extend": _("The deadline was extended and the citizen told."),
    "close": _("The letter was closed."),
    "reopen": _("The letter was reopened."),
}


def _letter_for(request: HttpRequest, uuid) -> Letter:
    from emanager.staff.permissions import can_view

    municipality = require_municipality(request)
    letter = get_object_or_404(
        Letter.objects.select_related(
            "addressee_body", "addressee_official", "addressee_unit", "author_unit", "assignee"
        ).exclude(status=LetterStatus.UNCONFIRMED),
        uuid=uuid,
        municipality=municipality,
    )
    if not can_view(request.user, letter):
        raise Http404
    return letter


def _make_form(action: str, letter: Letter, data=None, files=None):
    cls = FORMS[action]
    kwargs = {"letter": letter} if action in NEEDS_LETTER else {}
    return cls(data, files, **kwargs) if data is not None else cls(**kwargs)


def _page(request: HttpRequest, letter: Letter, bound: dict | None = None, status: int = 200):
    from emanager.staff.permissions import can_act

    forms = {
        action: (bound or {}).get(action) or _make_form(action, letter)
        for action in FORMS
        if can_act(request.user, letter, action)
    }
    today = timezone.localdate()
    context = {
        "letter": letter,
        "forms": forms,
        "overdue_days": (today - letter.deadline).days
        if letter.deadline and letter.status in (LetterStatus.OPEN, LetterStatus.CLARIFICATION)
        else 0,
        **letter_thread(letter),
    }
    return render(request, "letters/staff_letter.html", context, status=status)


@login_required
def staff_letter(request: HttpRequest, uuid) -> HttpResponse:
    return _page(request, _letter_for(request, uuid))


@login_required
@require_POST
def staff_action(request: HttpRequest, uuid, action: str) -> HttpResponse:
    from emanager.staff.permissions import can_act

    letter = _letter_for(request, uuid)
    if action not in FORMS or not can_act(request.user, letter, action):
        raise Http404
    form = _make_form(action, letter, request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, letter, bound={action: form}, status=400)
    data = form.cleaned_data
    user = request.user
    try:
        if action == "answer":
            actions.letter_answer(letter=letter, actor=user, body=data["body"], files=data["files"])
        elif action == "clarify":
            actions.letter_request_clarification(letter=letter, actor=user, body=data["body"])
        elif action == "assign":
            actions.letter_assign(letter=letter, actor=user, assignee=data["assignee"])
        elif action == "forward" and data["to_body"]:
            actions.letter_forward(
                letter=letter, actor=user, to_body=data["to_body"], reason=data["reason"]
            )
        elif action == "forward":
            actions.letter_forward_outside(
                letter=letter, actor=user, recipient=data["outside"].strip(), reason=data["reason"]
            )
        elif action == "extend":
            actions.letter_extend_deadline(
                letter=letter, actor=user, new_deadline=data["new_deadline"], reason=data["reason"]
            )
        elif action == "close":
            actions.letter_close(
                letter=letter, actor=user, outcome=data["outcome"], ground=data["ground"]
            )
        elif action == "reopen":
            actions.letter_reopen(letter=letter, actor=user, reason=data["reason"])
    except actions.ActionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("letters:staff_letter", uuid=letter.uuid)
    messages.success(request, DONE[action])
    return redirect("letters:staff_letter", uuid=letter.uuid)


@login_required
def staff_attachment(request: HttpRequest, uuid, pk: int) -> FileResponse:
    letter = _letter_for(request, uuid)
    item = get_object_or_404(Attachment, letter=letter, pk=pk)
    return attachment_response(item)

"""The staff's page of one letter, and its actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from emanager.directory.selectors import require_municipality
from emanager.letters import staff_services as actions
from emanager.letters.answer_templates import answer_template_fill
from emanager.letters.attachments import attachment_response
from emanager.letters.choices import LetterStatus, MessageStatus
from emanager.letters.models import Attachment, Letter, Message
from emanager.letters.selectors import letter_thread
from emanager.letters.staff_forms import (
    FORMS,
    NEEDS_LETTER,
    AnswerForm,
    NoteForm,
    ReviewForm,
    TemplateChoiceForm,
)

DONE = {
    "clarify": _("The question was sent to the citizen."),
    "assign": _("The letter was assigned."),
    "forward": _("The letter was forwarded and the citizen told."),
    "extend": _("The deadline was extended and the citizen told."),
    "close": _("The letter was closed."),
    "reopen": _("The letter was reopened."),
    "note": _("The note was added. Only the staff see it."),
}
# Actions of the page besides those of FORMS: their forms are built apart.
TOOLS = ("note", "review")


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


def _answer_tools(request: HttpRequest, letter: Letter, draft: Message | None) -> dict:
    """The template chooser, and the text the answer form starts with.

    ``?template=<id>`` fills the answer with that template; else an answer the
    head returned comes back to be changed.
    """
    chooser = TemplateChoiceForm(request.GET if "template" in request.GET else None, letter=letter)
    initial = None
    if chooser.is_bound and chooser.is_valid():
        initial = answer_template_fill(
            chooser.cleaned_data["template"], letter=letter, official=request.user
        )
    elif draft is not None and draft.status == MessageStatus.RETURNED:
        initial = draft.body
    has_templates = chooser.fields["template"].queryset.exists()
    return {"template_form": chooser if has_templates else None, "answer_text": initial}


def _page(request: HttpRequest, letter: Letter, bound: dict | None = None, status: int = 200):
    from emanager.staff import permissions

    bound = bound or {}
    user = request.user
    thread = letter_thread(letter, staff=True)
    draft = thread["draft"]
    pending = draft is not None and draft.status == MessageStatus.PENDING_APPROVAL
    forms = {
        action: bound.get(action) or _make_form(action, letter)
        for action in FORMS
        if permissions.can_act(user, letter, action) and not (action == "answer" and pending)
    }
    opened = {action for action, form in forms.items() if form.is_bound}
    tools = {"template_form": None}
    if "answer" in forms:
        tools = _answer_tools(request, letter, draft)
        if "answer" not in bound and tools["answer_text"] is not None:
            forms["answer"] = AnswerForm(initial={"body": tools["answer_text"]})
            opened.add("answer")
    today = timezone.localdate()
    context = {
        "letter": letter,
        "forms": forms,
        "opened": opened,
        "template_form": tools["template_form"],
        "needs_approval": permissions.answer_needs_approval(user, letter),
        "note_form": bound.get("note") or NoteForm()
        if permissions.can_act(user, letter, "note")
        else None,
        "review_form": bound.get("review") or ReviewForm(initial={"message": draft.pk})
        if pending and permissions.can_approve(user, draft)
        else None,
        "overdue_days": (today - letter.deadline).days
        if letter.deadline and letter.status in (LetterStatus.OPEN, LetterStatus.CLARIFICATION)
        else 0,
        **thread,
    }
    return render(request, "letters/staff_letter.html", context, status=status)


@login_required
def staff_letter(request: HttpRequest, uuid) -> HttpResponse:
    return _page(request, _letter_for(request, uuid))


def _answered(message: Message) -> str:
    if message.status == MessageStatus.PENDING_APPROVAL:
        return gettext(
            "The answer was submitted for the head's approval. "
            "The citizen receives it once it is approved."
        )
    return gettext("The answer was sent to the citizen with the outgoing number %(number)s.") % {
        "number": message.out_number
    }


def _review(request: HttpRequest, letter: Letter) -> HttpResponse:
    from emanager.staff.permissions import can_approve

    form = ReviewForm(request.POST)
    valid = form.is_valid()
    message = Message.objects.filter(
        letter=letter, is_answer=True, pk=form.cleaned_data.get("message")
    ).first()
    if message is None or not can_approve(request.user, message):
        raise Http404
    if not valid:
        return _page(request, letter, bound={"review": form}, status=400)
    if form.cleaned_data["decision"] == ReviewForm.APPROVE:
        message = actions.answer_approve(message=message, actor=request.user)
        done = gettext(
            "The answer was approved and sent to the citizen with the outgoing number %(number)s."
        ) % {"number": message.out_number}
    else:
        actions.answer_return(
            message=message, actor=request.user, remark=form.cleaned_data["remark"]
        )
        done = gettext("The answer was returned to its author with your remark.")
    messages.success(request, done)
    return redirect("letters:staff_letter", uuid=letter.uuid)


@login_required
@require_POST
def staff_action(request: HttpRequest, uuid, action: str) -> HttpResponse:
    from emanager.staff.permissions import can_act

    letter = _letter_for(request, uuid)
    try:
        if action == "review":
            return _review(request, letter)
        if action == "note":
            if not can_act(request.user, letter, "note"):
                raise Http404
            form = NoteForm(request.POST)
            if not form.is_valid():
                return _page(request, letter, bound={"note": form}, status=400)
            actions.note_add(letter=letter, actor=request.user, body=form.cleaned_data["body"])
            messages.success(request, DONE["note"])
            return redirect(reverse("letters:staff_letter", args=[letter.uuid]) + "#notes-title")
        if action not in FORMS or not can_act(request.user, letter, action):
            raise Http404
        form = _make_form(action, letter, request.POST, request.FILES)
        if not form.is_valid():
            return _page(request, letter, bound={action: form}, status=400)
        done = _act(request, letter, action, form.cleaned_data)
    except actions.ActionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("letters:staff_letter", uuid=letter.uuid)
    messages.success(request, done)
    return redirect("letters:staff_letter", uuid=letter.uuid)


def _act(request: HttpRequest, letter: Letter, action: str, data: dict) -> str:
    """Take one of the actions of FORMS; the confirmation to show."""
    user = request.user
    if action == "answer":
        message = actions.letter_answer(
            letter=letter, actor=user, body=data["body"], files=data["files"]
        )
        return _answered(message)
    if action == "clarify":
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
    return str(DONE[action])


@login_required
def staff_attachment(request: HttpRequest, uuid, pk: int) -> FileResponse:
    letter = _letter_for(request, uuid)
    item = get_object_or_404(Attachment, letter=letter, pk=pk)
    return attachment_response(item)

"""The publication review (staff) and the public page of one published letter."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from emanager.core.freshness import public_page
from emanager.directory.selectors import require_municipality
from emanager.letters.choices import LetterStatus, MessageStatus
from emanager.letters.models import Letter, Message
from emanager.publication import review, services
from emanager.publication.forms import NamesForm, PublishForm, ReasonForm
from emanager.publication.models import PublicAnswer, PublicLetter, ReviewState
from emanager.publication.selectors import published_letters
from emanager.staff.permissions import can_review, may_review, staff_required

ITEMS_PER_PAGE = 25

DONE = {
    ("letter", "publish"): _("The letter is published."),
    ("letter", "decline"): _("Publication of the letter is declined."),
    ("letter", "unpublish"): _(
        "The letter is removed from the public pages and waits in the review queue again."
    ),
    ("answer", "publish"): _("The answer is published with its letter."),
    ("answer", "decline"): _("Publication of the answer is declined."),
    ("answer", "unpublish"): _(
        "The answer is removed from the public pages and waits in the review queue again."
    ),
}
ACTIONS = ("publish", "decline", "unpublish")
_RELATED = ("addressee_body", "addressee_official", "addressee_unit", "municipality")


def _forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "publication/forbidden.html", status=403)


@staff_required
def queue(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    if not may_review(request.user, municipality):
        return _forbidden(request)
    rows = review.review_queue(request.user, municipality)
    page = Paginator(rows, ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "items": review.queue_items(page.object_list)}
    return render(request, "publication/queue.html", context)


def _letter(request: HttpRequest, uuid) -> Letter:
    municipality = require_municipality(request)
    letter = get_object_or_404(
        Letter.objects.select_related(*_RELATED).exclude(status=LetterStatus.UNCONFIRMED),
        uuid=uuid,
        municipality=municipality,
    )
    if not can_review(request.user, letter):
        raise Http404
    return letter


def _answer(request: HttpRequest, pk: int) -> Message:
    municipality = require_municipality(request)
    message = get_object_or_404(
        Message.objects.select_related(*(f"letter__{name}" for name in _RELATED)),
        pk=pk,
        letter__municipality=municipality,
        is_answer=True,
        status=MessageStatus.SENT,
    )
    if not can_review(request.user, message.letter):
        raise Http404
    return message


def _blocked(letter: Letter, message: Message | None, state: review.PublicationState) -> str:
    """Why the item cannot be published now; "" when it can."""
    if not state.consents:
        return str(_("The author did not allow publication, or withdrew their consent."))
    if not services.may_be_published(letter):
        return str(_("The author withdrew the letter: it is not published."))
    if message is not None and not state.is_published:
        return str(_("Publish the letter first: an answer is published only with its letter."))
    return ""


def _page(
    request: HttpRequest,
    *,
    letter: Letter,
    message: Message | None = None,
    names: list[str] | None = None,
    skipped: set[str] | None = None,
    bound: dict | None = None,
    resuggested: bool = False,
    status: int = 200,
) -> HttpResponse:
    names = names or []
    skipped = skipped or set()
    bound = bound or {}
    state = review.publication_state(letter)
    item = "answer" if message is not None else "letter"
    if message is None:
        public = state.public
    else:
        public = PublicAnswer.objects.filter(message=message).first()
    draft = review.review_draft(letter=letter, message=message, names=names, skipped=skipped)
    publish_form = bound.get("publish")
    if publish_form is None:
        initial = {
            "subject": draft.public_subject,
            "text": draft.public_text,
            "names": "\n".join(names),
            "skipped": " ".join(sorted(skipped)),
        }
        if public is not None and public.state == ReviewState.PUBLISHED and not resuggested:
            # Published already: the clerk edits the public version as it stands.
            initial["text"] = public.public_text
            if isinstance(public, PublicLetter):
                initial["subject"] = public.public_subject
        publish_form = PublishForm(initial=initial, letter=letter, with_subject=message is None)
    context = {
        "item": item,
        "letter": letter,
        "message": message,
        "state": state,
        "public": public,
        "draft": draft,
        "blocked": _blocked(letter, message, state),
        "names_form": bound.get("names") or NamesForm(initial={"names": "\n".join(names)}),
        "publish_form": publish_form,
        "decline_form": bound.get("decline") or ReasonForm(prefix="decline"),
        "unpublish_form": bound.get("unpublish") or ReasonForm(prefix="unpublish"),
    }
    return render(request, "publication/review.html", context, status=status)


def _suggest(request: HttpRequest, *, letter: Letter, message: Message | None) -> HttpResponse:
    """The clerk marked names or left suggestions out: suggest again."""
    form = NamesForm(request.POST)
    if not form.is_valid():
        return _page(request, letter=letter, message=message, bound={"names": form}, status=400)
    offered = set(request.POST.getlist("offered"))
    applied = set(request.POST.getlist("apply"))
    return _page(
        request,
        letter=letter,
        message=message,
        names=review.parse_names(form.cleaned_data["names"]),
        skipped=offered - applied,
        resuggested=True,
    )


@staff_required
def review_letter(request: HttpRequest, uuid) -> HttpResponse:
    letter = _letter(request, uuid)
    if request.method == "POST":
        return _suggest(request, letter=letter, message=None)
    return _page(request, letter=letter)


@staff_required
def review_answer(request: HttpRequest, pk: int) -> HttpResponse:
    message = _answer(request, pk)
    if request.method == "POST":
        return _suggest(request, letter=message.letter, message=message)
    return _page(request, letter=message.letter, message=message)


def _act(
    request: HttpRequest, *, letter: Letter, message: Message | None, action: str
) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    item = "answer" if message is not None else "letter"
    back = (
        redirect("publication:answer", pk=message.pk)
        if message is not None
        else redirect("publication:letter", uuid=letter.uuid)
    )
    user = request.user
    if action == "publish":
        form = PublishForm(request.POST, letter=letter, with_subject=message is None)
        if not form.is_valid():
            names = review.parse_names(form.data.get("names", ""))
            skipped = {key for key in form.data.get("skipped", "").split() if key}
            return _page(
                request,
                letter=letter,
                message=message,
                names=names,
                skipped=skipped,
                bound={"publish": form},
                resuggested=True,
                status=400,
            )
        names = review.parse_names(form.cleaned_data["names"])
        draft = review.review_draft(
            letter=letter, message=message, names=names, skipped=form.skipped_keys
        )
        audit = {"redactions": draft.redactions(), "flags": draft.flag_records()}
    else:
        form = ReasonForm(request.POST, prefix=action)
        if not form.is_valid():
            return _page(request, letter=letter, message=message, bound={action: form}, status=400)
    try:
        if message is None and action == "publish":
            services.letter_publish(
                letter=letter,
                actor=user,
                subject=form.cleaned_data["subject"],
                text=form.cleaned_data["text"],
                **audit,
            )
        elif message is None and action == "decline":
            services.letter_decline(letter=letter, actor=user, reason=form.cleaned_data["reason"])
        elif message is None:
            services.letter_unpublish(letter=letter, actor=user, reason=form.cleaned_data["reason"])
        elif action == "publish":
            services.answer_publish(
                message=message, actor=user, text=form.cleaned_data["text"], **audit
            )
        elif action == "decline":
            services.answer_decline(message=message, actor=user, reason=form.cleaned_data["reason"])
        else:
            services.answer_unpublish(
                message=message, actor=user, reason=form.cleaned_data["reason"]
            )
    except services.PublicationRefused as refusal:
        messages.error(request, str(refusal))
        return back
    messages.success(request, DONE[(item, action)])
    return back


@staff_required
@require_POST
def letter_action(request: HttpRequest, uuid, action: str) -> HttpResponse:
    return _act(request, letter=_letter(request, uuid), message=None, action=action)


@staff_required
@require_POST
def answer_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    message = _answer(request, pk)
    return _act(request, letter=message.letter, message=message, action=action)


@never_cache
@public_page
def public_letter(request: HttpRequest, uuid) -> HttpResponse:
    """A published letter, read only through the published path; 404 for anything else.

    Never cached by browsers or proxies: a letter whose author withdraws
    consent must leave at once. The server's own page cache is safe: the
    withdrawal itself changes the data version (emanager.core.freshness).
    """
    municipality = require_municipality(request)
    letter = published_letters(municipality).get(uuid)
    if letter is None:
        raise Http404
    context = {"published": letter, "nav_section": "archive"}
    return render(request, "publication/public_letter.html", context)

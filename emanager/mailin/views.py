"""The moderation queue of e-mails received, and the panel's action on a letter's page."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable

import magic
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emanager.directory.selectors import require_municipality
from emanager.letters.attachments import attachment_response, check_files
from emanager.letters.staff_services import OPEN_STATES
from emanager.mailin import selectors, services
from emanager.mailin.choices import InboundStatus
from emanager.mailin.forms import AttachForm
from emanager.mailin.models import InboundMail
from emanager.staff import permissions

PER_PAGE = 25


def moderator_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Staff of the municipality who keep its mail (clerks, administrators); 403 for others."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        denied = permissions.require_staff(request)
        if denied is not None:
            return denied
        if not permissions.can_moderate_mail(request.user, request.municipality):
            return render(request, "mailin/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _inbound_for(request: HttpRequest, pk: int) -> InboundMail:
    visible = permissions.inbound_mail_visible_to(request.user, request.municipality)
    return get_object_or_404(visible.select_related("letter", "official", "moderated_by"), pk=pk)


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    mail = permissions.inbound_mail_visible_to(request.user, municipality)
    show_all = request.GET.get("show") == "all"
    page = Paginator(selectors.mail_queue(mail, show_all=show_all), PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "show_all": show_all,
        "counts": selectors.status_counts(mail),
        "bouncing": list(selectors.bouncing_officials(municipality)),
    }
    return render(request, "mailin/queue.html", context)


def _file_rows(inbound: InboundMail) -> list[dict]:
    """The e-mail's files, each with the problem that keeps it out of an answer, if any."""
    rows = []
    for index, item in enumerate(selectors.mail_files(inbound), start=1):
        problem = ""
        try:
            check_files([SimpleUploadedFile(item.name, item.data, item.content_type)])
        except ValidationError as error:
            problem = " ".join(error.messages)
        rows.append({"index": index, "name": item.name, "size": len(item.data), "problem": problem})
    return rows


def _detail_page(
    request: HttpRequest, inbound: InboundMail, form: AttachForm | None = None, status: int = 200
) -> HttpResponse:
    letters = permissions.letters_visible_to(request.user, request.municipality)
    held = inbound.status == InboundStatus.HELD
    suggestion = selectors.suggested_letter(inbound, letters) if held else None
    if form is None and held:
        form = AttachForm(
            initial={"number": suggestion.number if suggestion else ""}, letters=letters
        )
    context = {
        "inbound": inbound,
        "files": _file_rows(inbound),
        "held": held,
        "form": form,
        "suggestion": suggestion,
    }
    return render(request, "mailin/detail.html", context, status=status)


@moderator_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, _inbound_for(request, pk))


@moderator_required
def attach(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the confirmation page for the letter chosen; POST with confirm=yes: attach."""
    inbound = _inbound_for(request, pk)
    if inbound.status != InboundStatus.HELD:
        messages.error(request, _("This e-mail is no longer waiting for a decision."))
        return redirect("mailin:detail", pk=inbound.pk)
    data = request.POST if request.method == "POST" else request.GET
    letters = permissions.letters_visible_to(request.user, request.municipality)
    form = AttachForm(data, letters=letters)
    if form.is_valid():
        letter = form.letter
        if not permissions.can_act(request.user, letter, "answer"):
            form.add_error(
                "number", _("You may not answer letter %(number)s.") % {"number": letter.number}
            )
        elif letter.status not in OPEN_STATES:
            form.add_error(
                "number",
                _("Letter %(number)s is closed: reopen it first to give it an answer.")
                % {"number": letter.number},
            )
    if not form.is_valid():
        return _detail_page(request, inbound, form=form, status=400)
    letter = form.letter
    if request.method != "POST" or request.POST.get("confirm") != "yes":
        return render(request, "mailin/attach_confirm.html", {"inbound": inbound, "letter": letter})
    try:
        result = services.inbound_attach(inbound=inbound, letter=letter, actor=request.user)
    except services.MailRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("mailin:detail", pk=inbound.pk)
    messages.success(
        request,
        _("The e-mail became the answer to letter %(number)s.") % {"number": letter.number},
    )
    if result.left_out:
        messages.warning(
            request,
            _("Files left out of the answer: %(problems)s")
            % {"problems": " ".join(result.left_out)},
        )
    return redirect("letters:staff_letter", uuid=letter.uuid)


@moderator_required
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the confirmation page; POST: discard the held e-mail."""
    inbound = _inbound_for(request, pk)
    if request.method != "POST":
        if inbound.status != InboundStatus.HELD:
            return redirect("mailin:detail", pk=inbound.pk)
        return render(request, "mailin/discard_confirm.html", {"inbound": inbound})
    try:
        services.inbound_discard(inbound=inbound, actor=request.user)
    except services.MailRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("mailin:detail", pk=inbound.pk)
    messages.success(request, _("The e-mail was discarded. It stays on record; nothing was sent."))
    return redirect("mailin:queue")


@moderator_required
def mail_file(request: HttpRequest, pk: int, index: int) -> FileResponse:
    """A file of a received e-mail, as a download (never shown in the browser)."""
    files = selectors.mail_files(_inbound_for(request, pk))
    if not 1 <= index <= len(files):
        raise Http404
    item = files[index - 1]
    response = FileResponse(io.BytesIO(item.data), as_attachment=True, filename=item.name)
    response["Content-Type"] = magic.from_buffer(item.data[:8192], mime=True)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def send_to_official(request: HttpRequest, uuid) -> HttpResponse:
    """The panel's action: e-mail the letter (again) to the official who answers by e-mail."""
    municipality = require_municipality(request)
    letter = get_object_or_404(
        permissions.letters_visible_to(request.user, municipality).select_related(
            "addressee_official", "addressee_body", "municipality"
        ),
        uuid=uuid,
    )
    if not permissions.can_send_by_email(request.user, letter):
        raise Http404
    back = reverse("letters:staff_letter", kwargs={"uuid": letter.uuid}) + "#mail-title"
    if not selectors.answers_by_email(letter.addressee_official):
        messages.error(request, _("The official of this letter does not answer by e-mail."))
        return redirect(back)
    try:
        dispatch = services.letter_email_official(letter=letter, actor=request.user)
    except services.MailRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(back)
    messages.success(
        request,
        _("The letter was e-mailed to %(official)s at %(address)s.")
        % {"official": dispatch.official.full_name, "address": dispatch.to},
    )
    return redirect(back)


def official_file(request: HttpRequest, token: str) -> FileResponse:
    """A file of a letter, for the official who got the letter by e-mail (a signed link)."""
    municipality = require_municipality(request)
    attachment = selectors.official_file(token)
    if attachment is None or attachment.letter.municipality_id != municipality.pk:
        raise Http404
    return attachment_response(attachment)

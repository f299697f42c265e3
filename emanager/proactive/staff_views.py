"""Staff pages of proactive publication: the catalogue with each item's state, an item with
its documents and the publish form, correcting and withdrawing a document.

Any staff member of the municipality sees these pages (what they show is
public anyway); who may change what is decided in
:mod:`emanager.staff.permissions`.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emanager.deadlines.selectors import calendar_for
from emanager.proactive import rules, selectors, services
from emanager.proactive.choices import UpdateRule
from emanager.proactive.forms import (
    CatalogueFilterForm,
    DocumentForm,
    ItemForm,
    ItemSettingsForm,
    WithdrawForm,
)
from emanager.proactive.models import CatalogueItem, Document
from emanager.staff.permissions import (
    can_edit_proactive_catalogue,
    can_publish_proactively,
    proactive_items_publishable_by,
    staff_required,
)

MINE = "mine"


def _forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "proactive/forbidden.html", status=403)


@staff_required
def catalogue(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    today = timezone.localdate()
    view = selectors.catalogue(municipality, on=today)
    form = CatalogueFilterForm(request.GET)
    section, state = form.values()
    rows = view.filtered(section=section, state=state)
    mine = request.GET.get("items") == MINE
    if mine:
        own = set(
            proactive_items_publishable_by(request.user, municipality).values_list("pk", flat=True)
        )
        rows = [row for row in rows if row.item.pk in own]
    return render(
        request,
        "proactive/staff/catalogue.html",
        {
            "view": view,
            "form": form,
            "sections": view.sections(rows),
            "mine": mine,
            "filtered": bool(section or state or mine),
            "may_edit": can_edit_proactive_catalogue(request.user, municipality),
            "today": today,
        },
    )


@staff_required
@require_POST
def seed(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    if not can_edit_proactive_catalogue(request.user, municipality):
        return _forbidden(request)
    created = services.catalogue_seed(municipality=municipality)
    if created:
        messages.success(
            request,
            _("%(count)s items of the Ordinance No. 219 list were added to the catalogue.")
            % {"count": created},
        )
    else:
        messages.info(request, _("The catalogue has every item of the Ordinance No. 219 list."))
    return redirect("proactive:staff_catalogue")


@staff_required
def add_item(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    if not can_edit_proactive_catalogue(request.user, municipality):
        return _forbidden(request)
    form = ItemForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = services.item_create(
            municipality=municipality,
            section=data["section"],
            rule=data["rule"],
            name_ka=data["name_ka"],
            name_en=data["name_en"],
            name_ru=data["name_ru"],
            responsible_body=data["responsible_body"],
        )
        messages.success(
            request, _("The item “%(name)s” was added to the catalogue.") % {"name": created.name}
        )
        return redirect("proactive:staff_item", slug=created.slug)
    return render(
        request,
        "proactive/staff/item_form.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


def _item_page(
    request: HttpRequest,
    entry: CatalogueItem,
    *,
    publish_form: DocumentForm | None = None,
    settings_form: ItemSettingsForm | None = None,
    status: int = 200,
) -> HttpResponse:
    municipality = request.municipality
    today = timezone.localdate()
    calendar = calendar_for(municipality)
    documents = list(
        entry.documents.select_related("published_by", "withdrawn_by").order_by(
            "-published_on", "-pk"
        )
    )
    published = [document for document in documents if not document.is_withdrawn]
    for document in documents:
        document.item = entry
        document.delay = selectors.publication_delay(document, calendar)
    inputs = [document.for_rules() for document in published]
    item_status = rules.item_status(
        rule=entry.rule,
        documents=inputs,
        on=today,
        applicable=entry.is_applicable,
        reviewed_on=entry.reviewed_on,
        calendar=calendar,
    )
    may_publish = can_publish_proactively(request.user, entry)
    may_edit = can_edit_proactive_catalogue(request.user, municipality)
    if may_publish and publish_form is None:
        period = rules.period_to_publish(
            rule=entry.rule, documents=inputs, on=today, calendar=calendar
        )
        publish_form = DocumentForm(item=entry, today=today, period=period)
    if may_edit and settings_form is None:
        settings_form = ItemSettingsForm(
            municipality=municipality,
            initial={
                "responsible_body": entry.responsible_body,
                "is_applicable": entry.is_applicable,
                "not_applicable_reason": entry.not_applicable_reason,
            },
        )
    return render(
        request,
        "proactive/staff/item.html",
        {
            "item": entry,
            "status": item_status,
            "upcoming": rules.next_due(
                rule=entry.rule,
                documents=inputs,
                on=today,
                reviewed_on=entry.reviewed_on,
                calendar=calendar,
            ),
            "documents": documents,
            "may_publish": may_publish,
            "may_edit": may_edit,
            "may_confirm": may_publish and entry.rule == UpdateRule.ON_CHANGE and bool(published),
            "publish_form": publish_form if may_publish else None,
            "settings_form": settings_form if may_edit else None,
        },
        status=status,
    )


@staff_required
def item(request: HttpRequest, slug: str) -> HttpResponse:
    """The item, its documents, and (POST) publishing a new one."""
    entry = selectors.item_for_staff(request.municipality, slug)
    if request.method != "POST":
        return _item_page(request, entry)
    if not can_publish_proactively(request.user, entry):
        return _forbidden(request)
    today = timezone.localdate()
    form = DocumentForm(request.POST, request.FILES, item=entry, today=today)
    if not form.is_valid():
        return _item_page(request, entry, publish_form=form, status=400)
    data = form.cleaned_data
    period = data["period"]
    try:
        document = services.document_publish(
            item=entry,
            actor=request.user,
            title=data["title"],
            published_on=data["published_on"],
            file=data.get("file"),
            url=data.get("url") or "",
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            entry_into_force=data.get("entry_into_force"),
        )
    except services.PublicationRefused as refusal:
        form.add_error(None, str(refusal))
        return _item_page(request, entry, publish_form=form, status=400)
    messages.success(
        request, _("“%(title)s” is published. Everyone sees it now.") % {"title": document.title}
    )
    return redirect("proactive:staff_item", slug=entry.slug)


@staff_required
@require_POST
def item_settings(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = request.municipality
    entry = selectors.item_for_staff(municipality, slug)
    if not can_edit_proactive_catalogue(request.user, municipality):
        return _forbidden(request)
    form = ItemSettingsForm(request.POST, municipality=municipality)
    if not form.is_valid():
        return _item_page(request, entry, settings_form=form, status=400)
    data = form.cleaned_data
    services.item_settings_set(
        item=entry,
        responsible_body=data["responsible_body"],
        is_applicable=data["is_applicable"],
        not_applicable_reason=data["not_applicable_reason"],
    )
    messages.success(request, _("The item's settings were saved."))
    return redirect("proactive:staff_item", slug=entry.slug)


@staff_required
@require_POST
def item_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    entry = selectors.item_for_staff(request.municipality, slug)
    if not can_publish_proactively(request.user, entry):
        return _forbidden(request)
    try:
        services.item_confirm_current(item=entry, actor=request.user)
    except services.PublicationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, _("Recorded: the item was checked today and is still up to date.")
        )
    return redirect("proactive:staff_item", slug=entry.slug)


def _document(request: HttpRequest, pk: int) -> tuple[Document, bool]:
    document = selectors.staff_document(request.municipality, pk)
    return document, can_publish_proactively(request.user, document.item)


@staff_required
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document, allowed = _document(request, pk)
    if not allowed:
        return _forbidden(request)
    if document.is_withdrawn:
        messages.error(request, _("A withdrawn document cannot be changed."))
        return redirect("proactive:staff_item", slug=document.item.slug)
    today = timezone.localdate()
    form = DocumentForm(
        request.POST or None,
        request.FILES or None,
        item=document.item,
        today=today,
        document=document,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        period = data["period"]
        try:
            services.document_update(
                document=document,
                title=data["title"],
                published_on=data["published_on"],
                file=data.get("file"),
                url=data.get("url") or "",
                period_start=period.start if period else None,
                period_end=period.end if period else None,
                entry_into_force=data.get("entry_into_force"),
            )
        except (services.PublicationRefused, ValidationError) as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("The document “%(title)s” was corrected.") % {"title": document.title}
            )
            return redirect("proactive:staff_item", slug=document.item.slug)
    return render(
        request,
        "proactive/staff/document_form.html",
        {"form": form, "document": document, "item": document.item},
        status=400 if form.is_bound else 200,
    )


@staff_required
def document_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the confirmation; POST: withdraw the document from the public pages."""
    document, allowed = _document(request, pk)
    if not allowed:
        return _forbidden(request)
    if document.is_withdrawn:
        messages.info(request, _("The document was withdrawn already."))
        return redirect("proactive:staff_item", slug=document.item.slug)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_withdraw(
                document=document, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except services.PublicationRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("“%(title)s” was withdrawn: the public pages no longer show it.")
                % {"title": document.title},
            )
        return redirect("proactive:staff_item", slug=document.item.slug)
    return render(
        request,
        "proactive/staff/document_withdraw.html",
        {"form": form, "document": document, "item": document.item},
        status=400 if form.is_bound else 200,
    )

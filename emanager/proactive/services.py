"""Writes of proactive publication: the catalogue, and the documents published into it.

Views check who may act (:mod:`emanager.staff.permissions`) before they call
these; the services check what is being written.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from emanager.directory.models import Body, Municipality
from emanager.letters.attachments import CheckedFile
from emanager.proactive.catalogue import STANDARD_ITEMS
from emanager.proactive.choices import Section, UpdateRule
from emanager.proactive.models import RESERVED_ITEM_SLUGS, CatalogueItem, Document

__all__ = [
    "PublicationRefused",
    "catalogue_seed",
    "document_publish",
    "document_update",
    "document_withdraw",
    "item_confirm_current",
    "item_create",
    "item_settings_set",
]

# Seeded items are numbered 10, 20, 30...: room for the municipality's own between them.
ORDER_STEP = 10


class PublicationRefused(Exception):
    """The write cannot be done; the message says why, for the staff member."""


@transaction.atomic
def catalogue_seed(*, municipality: Municipality) -> int:
    """Add the Ordinance No. 219 items the municipality's catalogue lacks; return how many.

    Idempotent: an item seeded before (found by its key) is left as the
    municipality changed it, even when it was renamed or marked not applicable.
    """
    existing = set(
        CatalogueItem.objects.filter(municipality=municipality)
        .exclude(standard_key="")
        .values_list("standard_key", flat=True)
    )
    taken = set(
        CatalogueItem.objects.filter(municipality=municipality).values_list("slug", flat=True)
    )
    created = 0
    for index, standard in enumerate(STANDARD_ITEMS, start=1):
        if standard.key in existing:
            continue
        name_ka, name_en, name_ru = standard.name
        CatalogueItem.objects.create(
            municipality=municipality,
            section=standard.section,
            standard_key=standard.key,
            slug=_unique_slug(standard.key, taken),
            name_ka=name_ka,
            name_en=name_en,
            name_ru=name_ru,
            rule=standard.rule,
            order=index * ORDER_STEP,
        )
        created += 1
    return created


def _unique_slug(candidate: str, taken: set[str]) -> str:
    candidate = (candidate or "item")[:70].strip("-") or "item"
    slug, number = candidate, 2
    while slug in taken or slug in RESERVED_ITEM_SLUGS:
        slug = f"{candidate}-{number}"
        number += 1
    taken.add(slug)
    return slug


def _check_body(municipality: Municipality, body: Body | None) -> None:
    if body is not None and body.municipality_id != municipality.pk:
        raise PublicationRefused(_("The body belongs to another municipality."))


@transaction.atomic
def item_create(
    *,
    municipality: Municipality,
    section: Section | str,
    rule: UpdateRule | str,
    name_ka: str,
    name_en: str = "",
    name_ru: str = "",
    responsible_body: Body | None = None,
) -> CatalogueItem:
    """Add an item of the municipality's own, at the end of its section."""
    _check_body(municipality, responsible_body)
    items = CatalogueItem.objects.filter(municipality=municipality)
    taken = set(items.values_list("slug", flat=True))
    last_in_section = items.filter(section=section).aggregate(last=Max("order"))["last"]
    last = items.aggregate(last=Max("order"))["last"] or 0
    return CatalogueItem.objects.create(
        municipality=municipality,
        section=Section(section),
        rule=UpdateRule(rule),
        slug=_unique_slug(slugify(name_en) or "item", taken),
        name_ka=name_ka.strip(),
        name_en=name_en.strip(),
        name_ru=name_ru.strip(),
        responsible_body=responsible_body,
        # Right after the section's last item (its seeded numbers leave room).
        order=(last_in_section + 1) if last_in_section is not None else last + ORDER_STEP,
    )


@transaction.atomic
def item_settings_set(
    *,
    item: CatalogueItem,
    responsible_body: Body | None,
    is_applicable: bool,
    not_applicable_reason: str = "",
) -> CatalogueItem:
    """Set who is responsible for the item and whether it applies (with the reason if not)."""
    _check_body(item.municipality, responsible_body)
    reason = not_applicable_reason.strip()
    if not is_applicable and not reason:
        raise PublicationRefused(_("Give the reason why the item does not apply."))
    item.responsible_body = responsible_body
    item.is_applicable = is_applicable
    item.not_applicable_reason = "" if is_applicable else reason
    item.save(update_fields=["responsible_body", "is_applicable", "not_applicable_reason"])
    return item


@transaction.atomic
def item_confirm_current(
    *, item: CatalogueItem, actor, on: datetime.date | None = None
) -> CatalogueItem:
    """Record that an on-change item was checked and is still up to date on ``on``."""
    if item.rule != UpdateRule.ON_CHANGE:
        raise PublicationRefused(
            _("Only an item updated when it changes is confirmed; publish the new document.")
        )
    if not item.documents.published().exists():
        raise PublicationRefused(_("Publish the item's document first."))
    item.reviewed_on = on or timezone.localdate()
    item.reviewed_by = actor
    item.save(update_fields=["reviewed_on", "reviewed_by"])
    return item


def _store_file(document: Document, checked: CheckedFile) -> None:
    document.original_name = checked.upload.name[:255]
    document.content_type = checked.content_type
    document.size = checked.size
    document.sha256 = checked.sha256
    document.file.save(checked.upload.name, checked.upload, save=False)


def _check_source(file: CheckedFile | None, url: str) -> None:
    if (file is None) == (not url):
        raise PublicationRefused(_("Give either a file or a link, not both."))


@transaction.atomic
def document_publish(
    *,
    item: CatalogueItem,
    actor,
    title: str,
    published_on: datetime.date,
    file: CheckedFile | None = None,
    url: str = "",
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    entry_into_force: datetime.date | None = None,
) -> Document:
    """Publish a file (checked already: see :func:`emanager.letters.attachments.check_files`)
    or a link into the item.

    The file goes to the public media storage: it is a public document.
    """
    _check_source(file, url)
    document = Document(
        item=item,
        title=" ".join(title.split()),
        url=url,
        period_start=period_start,
        period_end=period_end,
        published_on=published_on,
        entry_into_force=entry_into_force,
        published_by=actor,
    )
    if file is not None:
        _store_file(document, file)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        if document.file:
            document.file.delete(save=False)
        raise
    return document


@transaction.atomic
def document_update(
    *,
    document: Document,
    title: str,
    published_on: datetime.date,
    file: CheckedFile | None = None,
    url: str = "",
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    entry_into_force: datetime.date | None = None,
) -> Document:
    """Correct a published document: its title, dates, link, or its file (replaced by a new one).

    A file document keeps its file unless ``file`` replaces it; a link
    document takes ``url``. The replaced file stays in the storage, like a
    withdrawn one.
    """
    if document.is_withdrawn:
        raise PublicationRefused(_("A withdrawn document cannot be changed."))
    if document.is_link and file is None and not url:
        raise PublicationRefused(_("Give the document's link."))
    document.title = " ".join(title.split())
    document.published_on = published_on
    document.period_start = period_start
    document.period_end = period_end
    document.entry_into_force = entry_into_force
    if file is not None:
        document.url = ""
        _store_file(document, file)
    elif document.is_link:
        document.url = url
    document.save()
    return document


@transaction.atomic
def document_withdraw(*, document: Document, actor, reason: str) -> Document:
    """Take a document off the public pages, with the reason; it stays in the record."""
    reason = reason.strip()
    if not reason:
        raise PublicationRefused(_("Say why the document is withdrawn."))
    updated = Document.objects.filter(pk=document.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), withdrawn_by=actor, withdrawal_reason=reason
    )
    if not updated:
        raise PublicationRefused(_("The document was withdrawn already."))
    document.refresh_from_db()
    # Saved once more so that whoever follows documents (the search index) hears of it.
    document.save(update_fields=["withdrawn_at"])
    return document

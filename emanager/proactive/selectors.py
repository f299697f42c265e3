"""Reads of proactive publication: the catalogue with each item's state, and the archive.

Every public read of documents goes through ``Document.objects.published()``:
a withdrawn document cannot leak onto a public page by a forgotten filter.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from emanager.deadlines.calendar import WorkCalendar
from emanager.deadlines.selectors import calendar_for
from emanager.directory.models import Municipality
from emanager.proactive import rules
from emanager.proactive.choices import ItemState, Section
from emanager.proactive.models import CatalogueItem, Document

__all__ = [
    "CatalogueRow",
    "CatalogueView",
    "catalogue",
    "item_archive",
    "item_for_staff",
    "public_item",
    "published_document",
]


@dataclass
class CatalogueRow:
    item: CatalogueItem
    status: rules.Status
    latest: Document | None
    documents: list[Document] = field(default_factory=list, repr=False)

    @property
    def state(self) -> ItemState:
        return self.status.state


@dataclass
class SectionRows:
    section: Section
    rows: list[CatalogueRow]

    @property
    def id(self) -> str:
        return f"section-{self.section.value.replace('_', '-')}"


@dataclass
class CatalogueView:
    on: datetime.date
    rows: list[CatalogueRow]
    summary: rules.Compliance

    def sections(self, rows: list[CatalogueRow] | None = None) -> list[SectionRows]:
        """The rows (all, or those given) grouped by section, in the annex's order."""
        grouped: dict[Section, list[CatalogueRow]] = defaultdict(list)
        for row in self.rows if rows is None else rows:
            grouped[Section(row.item.section)].append(row)
        return [SectionRows(section, grouped[section]) for section in Section if grouped[section]]

    def filtered(self, *, section: str = "", state: str = "") -> list[CatalogueRow]:
        return [
            row
            for row in self.rows
            if (not section or row.item.section == section) and (not state or row.state == state)
        ]


def _status(
    item: CatalogueItem, documents: list[Document], on: datetime.date, calendar: WorkCalendar
) -> rules.Status:
    return rules.item_status(
        rule=item.rule,
        documents=[document.for_rules() for document in documents],
        on=on,
        applicable=item.is_applicable,
        reviewed_on=item.reviewed_on,
        calendar=calendar,
    )


def catalogue(
    municipality: Municipality,
    *,
    on: datetime.date,
    items: QuerySet[CatalogueItem] | None = None,
    calendar: WorkCalendar | None = None,
) -> CatalogueView:
    """Every item of the municipality's catalogue with its state on ``on`` and its latest
    document; three queries and the calendar's two."""
    if items is None:
        items = CatalogueItem.objects.filter(municipality=municipality)
    items = list(items.select_related("responsible_body").order_by("order", "pk"))
    by_item: dict[int, list[Document]] = defaultdict(list)
    documents = (
        Document.objects.published()
        .filter(item__in=[item.pk for item in items], published_on__lte=on)
        .order_by("-published_on", "-pk")
    )
    for document in documents:
        by_item[document.item_id].append(document)
    calendar = calendar or calendar_for(municipality)
    rows = []
    for item in items:
        item_documents = by_item[item.pk]
        for document in item_documents:
            document.item = item  # for its file's address, without a query
        rows.append(
            CatalogueRow(
                item=item,
                status=_status(item, item_documents, on, calendar),
                latest=item_documents[0] if item_documents else None,
                documents=item_documents,
            )
        )
    return CatalogueView(on=on, rows=rows, summary=rules.compliance(row.state for row in rows))


def public_item(municipality: Municipality, slug: str) -> CatalogueItem:
    return get_object_or_404(
        CatalogueItem.objects.select_related("responsible_body"),
        municipality=municipality,
        slug=slug,
    )


def item_for_staff(municipality: Municipality, slug: str) -> CatalogueItem:
    return public_item(municipality, slug)


def item_archive(item: CatalogueItem) -> QuerySet[Document]:
    """The item's published documents, the newest first."""
    return item.documents.published().order_by("-published_on", "-pk")


def item_status(
    item: CatalogueItem, *, on: datetime.date, calendar: WorkCalendar | None = None
) -> rules.Status:
    documents = list(item.documents.published().filter(published_on__lte=on))
    return _status(item, documents, on, calendar or calendar_for(item.municipality))


def published_document(municipality: Municipality, slug: str, pk: int) -> Document:
    """A published document of the municipality, for its public file; 404 otherwise."""
    document = (
        Document.objects.published()
        .select_related("item")
        .filter(pk=pk, item__slug=slug, item__municipality=municipality)
        .first()
    )
    if document is None or not document.file:
        raise Http404("No such document.")
    return document


def staff_document(municipality: Municipality, pk: int) -> Document:
    """Any document of the municipality, withdrawn ones too, for the staff pages."""
    return get_object_or_404(
        Document.objects.select_related("item", "published_by", "withdrawn_by"),
        pk=pk,
        item__municipality=municipality,
    )


def publication_delay(document: Document, calendar: WorkCalendar) -> int | None:
    return rules.publication_delay(document.for_rules(), document.item.rule, calendar)

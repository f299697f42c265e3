"""Keeping the search index equal to what is public, and nothing more.

Every entry is (re)built from the public path: a letter's entries from
:func:`published_letters` (so a letter that is not published, or whose
author withdrew consent, has none), a document's from
``Document.objects.published()``. Reindexing a letter or a document reads
its public version afresh and replaces its entries; it never reads the
original letter.

Changes reach the index after their transaction commits: the signal
receivers (connected in :class:`emanager.fulltext.apps.FulltextConfig`)
only note which letters and documents changed; one callback per commit
reindexes them all.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from emanager.fulltext.models import DocType, SearchDocument
from emanager.fulltext.query import language_of
from emanager.letters.models import Letter, Message
from emanager.proactive.models import Document
from emanager.publication.selectors import PublishedLetter, published_letters

__all__ = [
    "document_reindex",
    "index_rebuild",
    "letter_reindex",
    "schedule_document",
    "schedule_letter",
]

logger = logging.getLogger(__name__)

# PostgreSQL's text-search configuration for each language; Georgian has no stemmer.
CONFIGS = {"en": "english", "ru": "russian", "ka": "simple"}
# Private-use characters the backends mark matches with (see backends.py): a
# text must not contain them.
MARKERS = ("\ue000", "\ue001")


def _clean(text: str) -> str:
    for marker in MARKERS:
        text = text.replace(marker, "")
    return text.replace("\x00", "")


def _entry(**fields) -> SearchDocument:
    fields["title"] = _clean(fields.get("title", ""))
    fields["text"] = _clean(fields.get("text", ""))
    language = language_of(f"{fields['title']} {fields['text']}")
    return SearchDocument(language=language, config=CONFIGS[language], **fields)


def _letter_entries(letter_id: int, published: PublishedLetter) -> list[SearchDocument]:
    common = {
        "municipality_id": published.body.municipality_id,
        "letter_id": letter_id,
        "letter_uuid": published.uuid,
        "kind": published.kind,
        "body": published.body,
        "year": published.registered_on.year if published.registered_on else None,
    }
    entries = [
        _entry(
            doc_type=DocType.LETTER,
            number=published.number,
            title=published.subject,
            text=published.text,
            date=published.registered_on,
            **common,
        )
    ]
    for position, answer in enumerate(published.answers, start=1):
        entries.append(
            _entry(
                doc_type=DocType.ANSWER,
                answer_position=position,
                number=answer.out_number,
                text=answer.text,
                date=timezone.localdate(answer.sent_at) if answer.sent_at else None,
                **common,
            )
        )
    return entries


@transaction.atomic
def letter_reindex(letter_id: int) -> int:
    """Replace the letter's entries by its public version now; none if it is not public.

    Returns the number of entries written.
    """
    SearchDocument.objects.filter(letter_id=letter_id).delete()
    published = list(published_letters().filter(letters=[letter_id]))
    if not published:
        return 0
    entries = _letter_entries(letter_id, published[0])
    SearchDocument.objects.bulk_create(entries)
    return len(entries)


def _document_entry(document: Document) -> SearchDocument:
    item = document.item
    return _entry(
        municipality_id=item.municipality_id,
        doc_type=DocType.DOCUMENT,
        document=document,
        title=document.title,
        body_id=item.responsible_body_id,
        year=document.published_on.year,
        date=document.published_on,
    )


@transaction.atomic
def document_reindex(document_id: int) -> int:
    """Replace the document's entry by its title now; none if it was withdrawn."""
    SearchDocument.objects.filter(document_id=document_id).delete()
    document = Document.objects.published().select_related("item").filter(pk=document_id).first()
    if document is None:
        return 0
    SearchDocument.objects.create(**_fields(_document_entry(document)))
    return 1


def _fields(entry: SearchDocument) -> dict:
    return {
        field.attname: getattr(entry, field.attname)
        for field in SearchDocument._meta.concrete_fields
        if not field.primary_key and field.attname not in ("vector", "indexed_at")
    }


@transaction.atomic
def index_rebuild(*, batch_size: int = 200) -> int:
    """Empty the index and fill it again from everything public now. Returns the entry count."""
    SearchDocument.objects.all().delete()
    total = 0
    letters = published_letters()
    # Read by the archive's cursor, not by offset: each batch costs the same.
    page = letters.page(batch_size)
    while page.letters:
        # The path yields public addresses, not keys: the keys of these letters only.
        ids = dict(
            Letter.objects.filter(uuid__in=[letter.uuid for letter in page.letters]).values_list(
                "uuid", "pk"
            )
        )
        entries = []
        for letter in page.letters:
            entries.extend(_letter_entries(ids[letter.uuid], letter))
        SearchDocument.objects.bulk_create(entries)
        total += len(entries)
        if page.older is None:
            break
        page = letters.page(batch_size, before=page.older)
    documents = Document.objects.published().select_related("item").order_by("pk")
    entries = [_document_entry(document) for document in documents]
    SearchDocument.objects.bulk_create(entries, batch_size=batch_size)
    return total + len(entries)


# --- After commit: what changed is reindexed once --------------------------

_pending = threading.local()


def _queue() -> dict[str, set[int]]:
    if not hasattr(_pending, "queue"):
        _pending.queue = {"letters": set(), "documents": set()}
    return _pending.queue


def _flush() -> None:
    queue = _queue()
    letters, documents = set(queue["letters"]), set(queue["documents"])
    queue["letters"].clear()
    queue["documents"].clear()
    for letter_id in sorted(letters):
        letter_reindex(letter_id)
    for document_id in sorted(documents):
        document_reindex(document_id)


def _schedule(kind: str, ids: Iterable[int]) -> None:
    _queue()[kind].update(ids)
    # Every change asks; the first callback to run does the work of all. After
    # a rollback the ids stay queued and are reindexed (harmlessly) at the next commit.
    transaction.on_commit(_flush, robust=True)


def schedule_letter(letter_id: int) -> None:
    """Reindex the letter once the current transaction commits."""
    _schedule("letters", [letter_id])


def schedule_document(document_id: int) -> None:
    """Reindex the document once the current transaction commits."""
    _schedule("documents", [document_id])


# --- Signal receivers (connected in apps.py) --------------------------------


def on_letter_changed(sender, instance, **kwargs) -> None:
    """A letter was saved (consent, status, addressee...) or deleted."""
    schedule_letter(instance.pk)


def on_public_letter_changed(sender, instance, **kwargs) -> None:
    """A letter's public version was published, changed, taken down or deleted."""
    schedule_letter(instance.letter_id)


def on_public_answer_changed(sender, instance, **kwargs) -> None:
    """An answer's public version was published, changed, taken down or deleted."""
    letter_id = (
        Message.objects.filter(pk=instance.message_id).values_list("letter_id", flat=True).first()
    )
    if letter_id is not None:
        schedule_letter(letter_id)


def on_document_changed(sender, instance, **kwargs) -> None:
    """A proactively published document was published, edited, withdrawn or deleted."""
    schedule_document(instance.pk)


def on_item_changed(sender, instance, **kwargs) -> None:
    """An item of the catalogue changed (its responsible body): its documents follow."""
    _schedule("documents", instance.documents.values_list("pk", flat=True))

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

import functools
import logging
import threading
from collections.abc import Iterable

from django.db import connection, transaction
from django.utils import timezone
from psycopg import sql

from emanager.core.freshness import changed
from emanager.directory.models import Municipality
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


# Public texts repeat (the same answer to many letters): their language is found once.
_language = functools.lru_cache(maxsize=65536)(language_of)


def _entry(**fields) -> dict:
    """The fields (by attribute name) of one index entry, cleaned, with its language."""
    fields["title"] = _clean(fields.get("title", ""))
    fields["text"] = _clean(fields.get("text", ""))
    language = _language(f"{fields['title']} {fields['text']}")
    return {"language": language, "config": CONFIGS[language], **fields}


def _letter_entries(letter_id: int, published: PublishedLetter) -> list[dict]:
    common = {
        "municipality_id": published.body.municipality_id,
        "letter_id": letter_id,
        "letter_uuid": published.uuid,
        "kind": published.kind,
        "body_id": published.body.pk,
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
    removed, _by_model = SearchDocument.objects.filter(letter_id=letter_id).delete()
    # Iterated, not list()-ed: the published path would count its rows first.
    published = next(iter(published_letters().filter(letters=[letter_id])), None)
    entries = _letter_entries(letter_id, published) if published is not None else []
    SearchDocument.objects.bulk_create([SearchDocument(**entry) for entry in entries])
    if removed or entries:
        # Search pages are cached under the data version: change it once this
        # commits. A letter that was and stays outside the index (a private
        # letter, the usual case) changes nothing.
        changed(Letter.objects.filter(pk=letter_id).values_list("municipality_id", flat=True))
    return len(entries)


def _document_entry(document: Document) -> dict:
    item = document.item
    return _entry(
        municipality_id=item.municipality_id,
        doc_type=DocType.DOCUMENT,
        document_id=document.pk,
        title=document.title,
        body_id=item.responsible_body_id,
        year=document.published_on.year,
        date=document.published_on,
    )


@transaction.atomic
def document_reindex(document_id: int) -> int:
    """Replace the document's entry by its title now; none if it was withdrawn."""
    SearchDocument.objects.filter(document_id=document_id).delete()
    changed(Document.objects.filter(pk=document_id).values_list("item__municipality_id", flat=True))
    document = Document.objects.published().select_related("item").filter(pk=document_id).first()
    if document is None:
        return 0
    SearchDocument.objects.create(**_document_entry(document))
    return 1


class _Writer:
    """Writes entries in bulk, as the per-document path would write them.

    On PostgreSQL by ``COPY`` of the same columns (the trigger fills ``vector``
    as for any insert); elsewhere by ``bulk_create``. A column an entry does
    not set gets the field's default; ``indexed_at`` the time of the rebuild.
    """

    def __init__(self) -> None:
        self.fields = [
            field
            for field in SearchDocument._meta.concrete_fields
            if not field.primary_key and field.attname != "vector"
        ]
        now = timezone.now()
        self.defaults = {
            field.attname: now if field.attname == "indexed_at" else field.get_default()
            for field in self.fields
        }

    def write(self, entries: list[dict]) -> int:
        if connection.vendor != "postgresql":
            SearchDocument.objects.bulk_create([SearchDocument(**entry) for entry in entries])
            return len(entries)
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(SearchDocument._meta.db_table),
            sql.SQL(", ").join(sql.Identifier(field.column) for field in self.fields),
        )
        defaults = self.defaults
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for entry in entries:
                copy.write_row([entry.get(name, default) for name, default in defaults.items()])
        return len(entries)


@transaction.atomic
def index_rebuild(*, batch_size: int = 200) -> int:
    """Empty the index and fill it again from everything public now. Returns the entry count."""
    SearchDocument.objects.all().delete()
    writer = _Writer()
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
        total += writer.write(entries)
        if page.older is None:
            break
        page = letters.page(batch_size, before=page.older)
    documents = Document.objects.published().select_related("item").order_by("pk")
    total += writer.write([_document_entry(document) for document in documents])
    changed(Municipality.objects.values_list("pk", flat=True))
    return total


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

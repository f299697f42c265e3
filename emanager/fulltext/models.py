"""The search index: one row per public text, copied from the public path only.

Rows are written by :mod:`emanager.fulltext.indexing` from
:func:`emanager.publication.selectors.published_letters` (the reviewed
subject and text of a letter, and the reviewed texts of its published
answers) and from ``Document.objects.published()`` (the titles of
proactively published documents), and nothing else: the original letter,
its author and their contacts never reach this table.

Each database searches the rows its own way (see :mod:`emanager.fulltext.backends`):
PostgreSQL through the ``vector`` column, which a trigger keeps up to date;
SQLite through the FTS5 table ``fulltext_fts``, which triggers keep up to date.
Both are made by migration 0002, for the database in use only.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emanager.directory.models import Body, Municipality
from emanager.letters.models import Letter
from emanager.proactive.models import Document


class DocType(models.TextChoices):
    LETTER = "letter", _("Letter")
    ANSWER = "answer", _("Answer")
    DOCUMENT = "document", _("Published document")


class TsVectorField(models.Field):
    """PostgreSQL's ``tsvector``; an always-empty text column on SQLite, which uses FTS5."""

    description = "Text-search vector (PostgreSQL)"

    def db_type(self, connection) -> str:
        return "tsvector" if connection.vendor == "postgresql" else "text"


class SearchDocument(models.Model):
    """One public text that search finds: a letter, one of its answers, or a document's title."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    doc_type = models.CharField(_("type"), max_length=10, choices=DocType.choices)
    letter = models.ForeignKey(
        Letter,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("letter"),
    )
    # The letter's public address (its uuid), for the link.
    letter_uuid = models.UUIDField(_("letter address"), null=True, blank=True)
    # Which published answer of the letter (1, 2, ...); 0 for the letter itself.
    answer_position = models.PositiveSmallIntegerField(_("answer"), default=0)
    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )
    # The language the text is written in (by its script), and the PostgreSQL
    # text-search configuration that goes with it.
    language = models.CharField(_("language"), max_length=5)
    config = models.CharField(_("search configuration"), max_length=20)
    number = models.CharField(_("number"), max_length=60, blank=True)
    title = models.TextField(_("title"), blank=True)
    text = models.TextField(_("text"), blank=True)
    kind = models.CharField(_("kind"), max_length=30, blank=True)
    body = models.ForeignKey(
        Body,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("body"),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    vector = TsVectorField(null=True, blank=True, editable=False)
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.CheckConstraint(
                condition=(Q(letter__isnull=False) & Q(document__isnull=True))
                | (Q(letter__isnull=True) & Q(document__isnull=False)),
                name="fulltext_letter_or_document",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "doc_type", "year"]),
            models.Index(fields=["municipality", "kind"]),
            # (Migration 0003 adds the index of the results' order,
            # fulltext_newest, in each database's own terms.)
            # The years the search's filter offers (see selectors.py).
            models.Index(fields=["municipality", "year"], name="fulltext_years"),
        ]

    def __str__(self) -> str:
        return f"{self.get_doc_type_display()}: {self.title[:60]}"

"""Reads for the staff's side of the review: the queue, a letter's state, the review draft.

Nothing here writes. The public never reads through this module: public pages
use :mod:`emanager.publication.selectors`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import CharField, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from emanager.directory.models import Municipality
from emanager.letters.choices import EventKind, MessageStatus, Outcome, Publication
from emanager.letters.models import Event, Letter, Message
from emanager.publication import redaction
from emanager.publication.models import PublicAnswer, PublicLetter, ReviewState
from emanager.publication.services import PUBLIC_CHOICES, may_be_published

MAX_NAMES = 30


# --- The queue -------------------------------------------------------------------------


def _waiting(prefix: str = "") -> Q:
    """Not reviewed yet, or sent back to the queue (unpublished)."""
    return Q(**{f"{prefix}public_version__isnull": True}) | Q(
        **{f"{prefix}public_version__state": ReviewState.PENDING}
    )


def _consenting(letters: QuerySet[Letter]) -> QuerySet[Letter]:
    return letters.filter(publication__in=PUBLIC_CHOICES).exclude(outcome=Outcome.WITHDRAWN)


def review_queue(user, municipality: Municipality) -> QuerySet:
    """Rows ``(item, pk, since)`` of what waits for this user's review, oldest first.

    ``item`` is "letter" (pk of a Letter, since its registration) or "answer"
    (pk of a Message, since it was sent). Turn a page of rows into objects
    with :func:`queue_items`.
    """
    from emanager.staff.permissions import letters_reviewable_by

    letters = _consenting(letters_reviewable_by(user, municipality))
    letter_rows = (
        letters.filter(_waiting())
        .annotate(item=Value("letter", output_field=CharField()), since=F("registered_at"))
        .order_by()
        .values_list("item", "pk", "since")
    )
    answer_rows = (
        Message.objects.filter(
            letter__in=letters.values("pk"), is_answer=True, status=MessageStatus.SENT
        )
        .filter(_waiting())
        .annotate(
            item=Value("answer", output_field=CharField()),
            since=Coalesce("sent_at", "created_at"),
        )
        .order_by()
        .values_list("item", "pk", "since")
    )
    return letter_rows.union(answer_rows, all=True).order_by("since", "item", "pk")


@dataclass(frozen=True)
class QueueItem:
    item: str  # "letter" or "answer"
    letter: Letter
    since: datetime.datetime | None
    message: Message | None = None
    # For an answer: is its letter published (so that the answer may be)?
    letter_published: bool = False

    @property
    def is_answer(self) -> bool:
        return self.item == "answer"


def queue_items(rows: Iterable[tuple]) -> list[QueueItem]:
    """The objects of a page of :func:`review_queue` rows, in the same order."""
    rows = list(rows)
    letter_ids = [pk for item, pk, _since in rows if item == "letter"]
    message_ids = [pk for item, pk, _since in rows if item == "answer"]
    related = ("addressee_body", "addressee_official", "addressee_unit")
    letters = Letter.objects.select_related(*related).in_bulk(letter_ids)
    messages = Message.objects.select_related(*(f"letter__{name}" for name in related)).in_bulk(
        message_ids
    )
    published = set(
        PublicLetter.objects.filter(
            letter_id__in=[m.letter_id for m in messages.values()], state=ReviewState.PUBLISHED
        ).values_list("letter_id", flat=True)
    )
    items = []
    for item, pk, since in rows:
        if item == "letter" and pk in letters:
            items.append(QueueItem(item, letters[pk], since))
        elif item == "answer" and pk in messages:
            message = messages[pk]
            items.append(
                QueueItem(
                    item,
                    message.letter,
                    since,
                    message=message,
                    letter_published=message.letter_id in published,
                )
            )
    return items


# --- The state of one letter ------------------------------------------------------------


@dataclass(frozen=True)
class AnswerState:
    message: Message
    public: PublicAnswer | None

    @property
    def state(self) -> str:
        return self.public.state if self.public else ReviewState.PENDING

    @property
    def state_label(self) -> str:
        return str(ReviewState(self.state).label)


@dataclass(frozen=True)
class PublicationState:
    """Where a letter and its answers stand in the review, for the staff's pages."""

    letter: Letter
    public: PublicLetter | None
    answers: tuple[AnswerState, ...]
    consent_withdrawn_at: datetime.datetime | None

    @property
    def consents(self) -> bool:
        return self.letter.publication in PUBLIC_CHOICES

    @property
    def state(self) -> str:
        return self.public.state if self.public else ReviewState.PENDING

    @property
    def state_label(self) -> str:
        return str(ReviewState(self.state).label)

    @property
    def is_published(self) -> bool:
        """Shown in public now: reviewed and published, and the consent still holds."""
        return may_be_published(self.letter) and self.state == ReviewState.PUBLISHED

    @property
    def is_named(self) -> bool:
        return self.letter.publication == Publication.PUBLIC_NAMED


def publication_state(letter: Letter) -> PublicationState:
    public = PublicLetter.objects.filter(letter=letter).select_related("reviewed_by").first()
    answers = Message.objects.filter(
        letter=letter, is_answer=True, status=MessageStatus.SENT
    ).order_by("created_at", "pk")
    public_answers = {
        answer.message_id: answer for answer in PublicAnswer.objects.filter(message__letter=letter)
    }
    withdrawn = (
        Event.objects.filter(letter=letter, kind=EventKind.CONSENT_WITHDRAWN)
        .order_by("-seq")
        .values_list("created_at", flat=True)
        .first()
    )
    return PublicationState(
        letter=letter,
        public=public,
        answers=tuple(AnswerState(m, public_answers.get(m.pk)) for m in answers),
        consent_withdrawn_at=withdrawn,
    )


# --- The review draft: suggestions applied -----------------------------------------------


def parse_names(raw: str) -> list[str]:
    """Names the clerk typed: one per line (or separated by commas or semicolons)."""
    names = [part.strip() for part in re.split(r"[\n,;]+", raw or "")]
    unique = list(dict.fromkeys(name for name in names if name))
    return unique[:MAX_NAMES]


def names_to_remove(letter: Letter, marked: Iterable[str] = ()) -> list[str]:
    """The clerk's names, and the author's unless they chose to be named."""
    names = list(marked)
    if letter.publication != Publication.PUBLIC_NAMED and letter.author_name:
        names.append(letter.author_name)
    return names


def contacts_of(letter: Letter) -> list[str]:
    return [c for c in (letter.author_email, letter.author_phone, letter.author_address) if c]


@dataclass(frozen=True)
class Suggestion:
    field: str  # "subject" or "text"
    span: redaction.Span
    applied: bool

    @property
    def key(self) -> str:
        return f"{self.field}:{self.span.key}"


@dataclass(frozen=True)
class Segment:
    """A piece of the original text for the review page: plain, to remove, or flagged."""

    text: str
    span: redaction.Span | None = None
    flag: redaction.Flag | None = None
    applied: bool = True


def segments(
    text: str,
    spans: Iterable[redaction.Span],
    flags: Iterable[redaction.Flag],
    skipped: Iterable[str] = (),
    field: str = "text",
) -> list[Segment]:
    """The text cut at the suggested spans and the flagged words (a flag inside a span
    shows as the span)."""
    spans = list(spans)
    skipped = set(skipped)
    marks: list[tuple[int, int, redaction.Span | None, redaction.Flag | None]] = [
        (span.start, span.end, span, None) for span in spans
    ]
    for flag in flags:
        if all(flag.end <= s.start or flag.start >= s.end for s in spans):
            marks.append((flag.start, flag.end, None, flag))
    marks.sort(key=lambda mark: mark[0])
    out: list[Segment] = []
    position = 0
    for start, end, span, flag in marks:
        if start > position:
            out.append(Segment(text[position:start]))
        applied = span is None or f"{field}:{span.key}" not in skipped
        out.append(Segment(text[start:end], span=span, flag=flag, applied=applied))
        position = end
    if position < len(text):
        out.append(Segment(text[position:]))
    return out


@dataclass
class ReviewDraft:
    """What the review page proposes for one letter or answer."""

    language: str
    original_subject: str
    original_text: str
    suggestions: list[Suggestion]
    # (field, flag): the words of special categories in the subject and the text.
    flags: list[tuple[str, redaction.Flag]]
    public_subject: str
    public_text: str
    subject_segments: list[Segment] = field(default_factory=list)
    text_segments: list[Segment] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return [suggestion.key for suggestion in self.suggestions]

    def redactions(self) -> list[dict]:
        """The applied suggestions for the audit: where and what kind, not the text."""
        return [
            {
                "field": s.field,
                "kind": str(s.span.kind),
                "start": s.span.start,
                "end": s.span.end,
            }
            for s in self.suggestions
            if s.applied
        ]

    def flag_records(self) -> list[dict]:
        return [
            {"field": name, "category": flag.category, "word": flag.text, "start": flag.start}
            for name, flag in self.flags
        ]

    @property
    def flag_summary(self) -> list[tuple[str, list[str]]]:
        """Each category found, with its words (each once), in the order of the categories."""
        words: dict[str, list[str]] = {}
        for _name, flag in self.flags:
            found = words.setdefault(flag.category, [])
            if flag.text.lower() not in (word.lower() for word in found):
                found.append(flag.text)
        return [
            (str(category.label), words[category.value])
            for category in redaction.Category
            if category.value in words
        ]


def review_draft(
    *,
    letter: Letter,
    message: Message | None = None,
    names: Iterable[str] = (),
    skipped: Iterable[str] = (),
) -> ReviewDraft:
    """The suggestions for a letter (or, with ``message``, for one of its answers) and the
    public version with every suggestion applied but the ``skipped`` ones (by key)."""
    skipped = set(skipped)
    remove = names_to_remove(letter, names)
    contacts = contacts_of(letter)
    fields = {"text": message.body if message is not None else letter.body}
    if message is None:
        fields["subject"] = letter.subject
    suggestions: list[Suggestion] = []
    public: dict[str, str] = {}
    cut: dict[str, list[Segment]] = {}
    flagged: list[tuple[str, redaction.Flag]] = []
    for name in ("subject", "text"):
        if name not in fields:
            continue
        original = fields[name]
        spans = redaction.suggest(original, names=remove, contacts=contacts)
        found = [Suggestion(name, span, f"{name}:{span.key}" not in skipped) for span in spans]
        suggestions.extend(found)
        public[name] = redaction.apply(
            original, [s.span for s in found if s.applied], language=letter.language
        )
        flags = redaction.flags(original)
        flagged.extend((name, flag) for flag in flags)
        cut[name] = segments(original, spans, flags, skipped, field=name)
    return ReviewDraft(
        language=letter.language,
        original_subject=fields.get("subject", ""),
        original_text=fields["text"],
        suggestions=suggestions,
        flags=flagged,
        public_subject=public.get("subject", ""),
        public_text=public["text"],
        subject_segments=cut.get("subject", []),
        text_segments=cut["text"],
    )


def remaining(*, letter: Letter, text: str, names: Iterable[str] = ()) -> list[redaction.Span]:
    """What the suggestions would still remove from a public text the clerk edited."""
    return redaction.suggest(
        text, names=names_to_remove(letter, names), contacts=contacts_of(letter)
    )

"""Reads for the registry journal and the printed answers. Nothing here writes.

The journal of an incoming register lists its letters; the journal of the
outgoing register lists the answers sent under its numbers. Both give the same
columns (:class:`JournalRow`), so that the page and its CSV, XLSX and PDF
exports show the same rows, whatever the register.

A user sees in the journal only the letters
:func:`emanager.staff.permissions.letters_visible_to` gives them.
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from emanager.directory.models import Body, Mandate, Municipality
from emanager.letters.choices import LetterStatus, MessageStatus, RegisterDirection
from emanager.letters.models import Letter, Message, Register
from emanager.staff.models import Membership
from emanager.staff.permissions import can_view, letters_visible_to

# --- Registers and bodies (the choices of the journal's filters) ---------------


def journal_registers(municipality: Municipality) -> QuerySet[Register]:
    """The municipality's registers: incoming first (the general one first), then outgoing."""
    return Register.objects.filter(municipality=municipality).order_by(
        "direction", "kind", "name", "pk"
    )


def body_tree(municipality: Municipality) -> list[tuple[Body, int]]:
    """The municipality's bodies in tree order, each with its depth (one query)."""
    bodies = list(Body.objects.filter(municipality=municipality))
    children: dict[int | None, list[Body]] = defaultdict(list)
    for body in bodies:
        children[body.parent_id].append(body)
    result: list[tuple[Body, int]] = []
    seen: set[int] = set()

    def walk(parent_id: int | None, depth: int) -> None:
        for body in children[parent_id]:
            if body.pk not in seen:
                seen.add(body.pk)
                result.append((body, depth))
                walk(body.pk, depth + 1)

    walk(None, 0)
    return result


def subtree_ids(tree: list[tuple[Body, int]], body: Body) -> set[int]:
    """The body and every body below it, read from :func:`body_tree`."""
    found: set[int] = set()
    inside_depth: int | None = None
    for candidate, depth in tree:
        if inside_depth is not None:
            if depth <= inside_depth:
                break
            found.add(candidate.pk)
        elif candidate.pk == body.pk:
            inside_depth = depth
            found.add(candidate.pk)
    return found or {body.pk}


def indented_name(body: Body, depth: int) -> str:
    """The body's name indented by its depth, for a choice list that shows the tree."""
    return "\u2003" * depth + body.name


# --- The journal -----------------------------------------------------------------


@dataclass(frozen=True)
class JournalFilters:
    """What the journal shows. The period is of registration (incoming) or of
    sending (outgoing), both days included; ``body`` includes its sub-bodies."""

    register: Register
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    body: Body | None = None
    status: str = ""


@dataclass(frozen=True)
class JournalRow:
    """One line of a journal, in the same columns for every register.

    For an incoming register: the letter's number and registration date, its
    sender, and the number and date of the answer sent to it. For the
    outgoing register: the answer's number and date, its recipient, and the
    number and date of the letter it answers.
    """

    number: str
    date: datetime.date | None
    correspondent: str
    addressee: str
    subject: str
    assignee: str
    deadline: datetime.date | None
    linked_number: str
    linked_date: datetime.date | None
    status: str
    channel: str
    letter_uuid: uuid.UUID


def journal_columns(register: Register) -> list[str]:
    """The column headings of a register's journal, in the active language."""
    if register.direction == RegisterDirection.OUTGOING:
        return [
            _("Outgoing number"),
            _("Date sent"),
            _("Recipient"),
            _("Answered by"),
            _("Subject"),
            _("Assignee"),
            _("Deadline"),
            _("In reply to (number)"),
            _("In reply to (date)"),
            _("Status"),
            _("Letter received by"),
        ]
    return [
        _("Number"),
        _("Date registered"),
        _("Sender"),
        _("Addressee"),
        _("Subject"),
        _("Assignee"),
        _("Deadline"),
        _("Answer number"),
        _("Answer date"),
        _("Status"),
        _("Received by"),
    ]


def row_values(row: JournalRow) -> list:
    """A row's cells in the order of :func:`journal_columns`."""
    return [
        row.number,
        row.date,
        row.correspondent,
        row.addressee,
        row.subject,
        row.assignee,
        row.deadline,
        row.linked_number,
        row.linked_date,
        row.status,
        row.channel,
    ]


def _day_start(day: datetime.date, *, after: int = 0) -> datetime.datetime:
    """Midnight at the start of the day (``after`` days later), in the local time zone."""
    return timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=after), datetime.time.min)
    )


_LETTER_RELATIONS = ("addressee_body", "addressee_official", "addressee_unit", "assignee")


def journal_entries(user, municipality: Municipality, filters: JournalFilters) -> QuerySet:
    """The filtered entries of a journal, sorted by number, in one query.

    Letters for an incoming register (each annotated with ``answer_number``
    and ``answer_sent_at``, of its latest sent answer), sent answers for the
    outgoing one. Turn them into rows with :func:`journal_rows`.
    """
    visible = letters_visible_to(user, municipality)
    body_ids = (
        subtree_ids(body_tree(filters.body.municipality), filters.body)
        if filters.body is not None
        else None
    )
    if filters.register.direction == RegisterDirection.OUTGOING:
        answers = Message.objects.filter(
            out_register=filters.register,
            is_answer=True,
            status=MessageStatus.SENT,
            letter__in=visible.values("pk"),
        ).select_related(*(f"letter__{name}" for name in _LETTER_RELATIONS))
        if filters.date_from:
            answers = answers.filter(sent_at__gte=_day_start(filters.date_from))
        if filters.date_to:
            answers = answers.filter(sent_at__lt=_day_start(filters.date_to, after=1))
        if body_ids is not None:
            answers = answers.filter(letter__addressee_body_id__in=body_ids)
        if filters.status:
            answers = answers.filter(letter__status=filters.status)
        return answers.order_by("out_year", "out_sequence", "sent_at", "pk")

    sent = Message.objects.filter(
        letter=OuterRef("pk"), is_answer=True, status=MessageStatus.SENT
    ).order_by("-sent_at", "-pk")
    letters = (
        visible.filter(register=filters.register)
        .select_related(*_LETTER_RELATIONS)
        .annotate(
            answer_number=Subquery(sent.values("out_number")[:1]),
            answer_sent_at=Subquery(sent.values("sent_at")[:1]),
        )
    )
    if filters.date_from:
        letters = letters.filter(registered_at__gte=_day_start(filters.date_from))
    if filters.date_to:
        letters = letters.filter(registered_at__lt=_day_start(filters.date_to, after=1))
    if body_ids is not None:
        letters = letters.filter(addressee_body_id__in=body_ids)
    if filters.status:
        letters = letters.filter(status=filters.status)
    return letters.order_by("year", "sequence", "registered_at", "pk")


def _local_date(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment is not None else None


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _addressee(letter: Letter) -> str:
    parts = []
    if letter.addressee_official is not None:
        parts.append(letter.addressee_official.full_name)
    if letter.addressee_unit is not None:
        parts.append(letter.addressee_unit.name)
    parts.append(letter.addressee_body.name)
    return ", ".join(parts)


def _status(letter: Letter) -> str:
    if letter.outcome:
        return f"{letter.get_status_display()} — {letter.get_outcome_display()}"
    return str(letter.get_status_display())


def journal_row(entry: Letter | Message) -> JournalRow:
    """The journal line of a letter (incoming) or of a sent answer (outgoing)."""
    if isinstance(entry, Message):
        letter = entry.letter
        return JournalRow(
            number=entry.out_number,
            date=_local_date(entry.sent_at),
            correspondent=letter.author_name,
            addressee=_addressee(letter),
            subject=letter.subject,
            assignee=_person(letter.assignee),
            deadline=letter.deadline,
            linked_number=letter.number,
            linked_date=_local_date(letter.registered_at),
            status=_status(letter),
            channel=str(letter.get_channel_display()),
            letter_uuid=letter.uuid,
        )
    return JournalRow(
        number=entry.number,
        date=_local_date(entry.registered_at),
        correspondent=entry.author_name,
        addressee=_addressee(entry),
        subject=entry.subject,
        assignee=_person(entry.assignee),
        deadline=entry.deadline,
        linked_number=getattr(entry, "answer_number", None) or "",
        linked_date=_local_date(getattr(entry, "answer_sent_at", None)),
        status=_status(entry),
        channel=str(entry.get_channel_display()),
        letter_uuid=entry.uuid,
    )


def journal_rows(entries: Iterable[Letter | Message]) -> Iterator[JournalRow]:
    for entry in entries:
        yield journal_row(entry)


# --- Printed answers -------------------------------------------------------------


def printable_answer(user, municipality: Municipality, pk: int) -> Message:
    """A sent answer of the municipality that this user may see; 404 for anything else."""
    answer = get_object_or_404(
        Message.objects.select_related(
            "letter__municipality",
            "letter__addressee_body",
            "letter__author_unit",
            "author",
            "approved_by",
        ).exclude(letter__status=LetterStatus.UNCONFIRMED),
        pk=pk,
        is_answer=True,
        status=MessageStatus.SENT,
        letter__municipality=municipality,
    )
    if not can_view(user, answer.letter):
        raise Http404
    return answer


@dataclass(frozen=True)
class Signatory:
    name: str
    position: str = ""


def answer_signatory(answer: Message, *, on: datetime.date | None = None) -> Signatory:
    """Who signs a printed answer: the head who approved it, else its author.

    Their name and position come from the official of the directory their
    membership links them to (a position in the letter's body first); a user
    linked to no official signs with their own name; an answer that came by
    e-mail from an official who does not log in, with the sender's label.
    Read in the active language.
    """
    user = answer.approved_by or answer.author
    if user is None:
        return Signatory(name=answer.author_label)
    letter = answer.letter
    membership = (
        Membership.objects.filter(
            user=user, municipality_id=letter.municipality_id, official__isnull=False
        )
        .select_related("official")
        .order_by("pk")
        .first()
    )
    if membership is None:
        return Signatory(name=_person(user))
    official = membership.official
    day = on or _local_date(answer.sent_at) or timezone.localdate()
    mandates = list(
        Mandate.objects.current(day).filter(official=official).select_related("position")
    )
    mandates.sort(key=lambda mandate: mandate.position.body_id != letter.addressee_body_id)
    return Signatory(
        name=official.full_name, position=mandates[0].position.title if mandates else ""
    )

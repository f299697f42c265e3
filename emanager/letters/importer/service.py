"""The import itself: rows checked, letters written in batches, counters raised; all or nothing."""

from __future__ import annotations

import datetime
import json
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from emanager.directory.models import Body, Municipality
from emanager.letters import numbering
from emanager.letters.choices import (
    Channel,
    Direction,
    EventKind,
    LetterKind,
    LetterStatus,
    MessageStatus,
    Outcome,
    Publication,
    RegisterDirection,
)
from emanager.letters.importer.errors import ImportFailed, ImportReport, ImportSetupError, RowError
from emanager.letters.importer.mapping import FIELDS, find_header, header_key, mapping_merge
from emanager.letters.importer.reading import cell_text, open_table
from emanager.letters.importer.values import (
    clean_number,
    format_pattern,
    noon,
    parse_date,
    parse_number,
    split_number_and_date,
    subject_of,
)
from emanager.letters.models import (
    DEFAULT_NUMBER_FORMAT,
    ChainHead,
    Event,
    Letter,
    Message,
    Register,
    RegisterCounter,
)
from emanager.letters.timeline import event_digest

BATCH_SIZE = 500


IMPORT_LABEL = "import"


def import_register_for(
    *,
    municipality: Municipality,
    kind: str,
    prefix: str | None = None,
    number_format: str | None = None,
    name: str | None = None,
    language: str = "ka",
) -> Register:
    """The incoming register the imported numbers belong to.

    Without ``prefix``: the one letters of ``kind`` are numbered in (its own, else the
    general one). With ``prefix``: the municipality's incoming register with that prefix,
    else a new register of ``kind`` with that prefix and ``number_format``.
    """
    if prefix is None:
        return numbering.register_for(municipality=municipality, kind=kind)
    registers = Register.objects.filter(
        municipality=municipality, direction=RegisterDirection.INCOMING
    )
    found = registers.filter(prefix=prefix).order_by("pk").first()
    if found is not None:
        return found
    taken = registers.filter(kind=kind).first()
    if taken is not None:
        raise ImportSetupError(
            _(
                "The municipality already has a register for this kind of letter, "
                "“%(name)s” (prefix %(prefix)s); import into it with --register %(prefix)s, "
                "or choose another --kind."
            )
            % {"name": taken.name, "prefix": taken.prefix}
        )
    number_format = number_format or DEFAULT_NUMBER_FORMAT
    try:
        number_format.format(prefix=prefix, year=2000, yy="00", number=1)
    except (KeyError, ValueError, IndexError) as error:
        raise ImportSetupError(
            _("The number format “%(format)s” is not valid: %(error)s")
            % {"format": number_format, "error": error}
        ) from error
    if format_pattern(number_format, prefix) is None:
        raise ImportSetupError(
            _("The number format needs {number}; it may use {prefix}, {year} and {yy}.")
        )
    return Register.objects.create(
        municipality=municipality,
        kind=kind,
        direction=RegisterDirection.INCOMING,
        prefix=prefix,
        number_format=number_format,
        name=name or _default_register_name(kind, prefix, language),
    )


def _default_register_name(kind: str, prefix: str, language: str) -> str:
    with translation.override(language):
        return _("%(kind)s: imported register %(prefix)s") % {
            "kind": LetterKind(kind).label,
            "prefix": prefix,
        }


@dataclass
class _Row:
    line: int
    number: str
    year: int
    sequence: int
    received: datetime.date
    issued: datetime.date | None
    requester: str
    summary: str
    supplied_by: str
    responsible: str
    address: str
    body: Body
    original: dict[str, str]


@dataclass
class _Context:
    municipality: Municipality
    kind: str
    register: Register
    pattern: re.Pattern | None
    default_body: Body | None
    bodies: dict[str, Body]
    language: str
    user: Any
    source: str
    today: datetime.date
    headers: list[str]
    columns: dict[str, int]
    column_label: Callable[[int], str]
    deadlines: dict[datetime.date, datetime.date] = field(default_factory=dict)
    calendar: Any = None
    spec: Any = None


def _bodies_by_name(municipality: Municipality) -> dict[str, Body]:
    """The municipality's bodies by slug, short name and name in each language."""
    names: dict[str, Body] = {}
    for body in Body.objects.filter(municipality=municipality):
        for value in (body.slug, body.short_name, body.name_ka, body.name_en, body.name_ru):
            if value:
                names.setdefault(header_key(value), body)
    return names


def _column(ctx: _Context, name: str) -> str:
    index = ctx.columns[name]
    header = ctx.headers[index] if index < len(ctx.headers) else ""
    return f"{ctx.column_label(index)} “{header}”"


def _parse_row(ctx: _Context, line: int, cells: list[Any]) -> tuple[_Row | None, list[RowError]]:
    errors: list[RowError] = []

    def fail(name: str, message: str) -> None:
        errors.append(RowError(line=line, column=_column(ctx, name), message=message))

    def cell(name: str) -> Any:
        index = ctx.columns.get(name)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def text(name: str) -> str:
        value = cell_text(cell(name))
        limit = FIELDS[name].max_length
        if FIELDS[name].required and not value:
            fail(name, _("the %(field)s is empty.") % {"field": FIELDS[name].label})
        elif limit and len(value) > limit:
            fail(
                name,
                _("the %(field)s is longer than %(limit)s characters.")
                % {"field": FIELDS[name].label, "limit": limit},
            )
        return value

    def date(name: str, raw: Any) -> datetime.date | None:
        try:
            day = parse_date(raw)
        except ValueError as error:
            fail(name, str(error))
            return None
        if day is not None and day > ctx.today:
            fail(name, _("%(date)s is in the future.") % {"date": day.isoformat()})
            return None
        return day

    combined = ctx.columns["number"] == ctx.columns["received"]
    raw_number = cell_text(cell("number"))
    if combined:
        raw_number, received = split_number_and_date(raw_number)
        if received is None and raw_number:
            fail("received", _("no date received (dd.mm.yyyy) after the number."))
        elif received is not None and received > ctx.today:
            fail("received", _("%(date)s is in the future.") % {"date": received.isoformat()})
    else:
        received = None
        if not cell_text(cell("received")):
            fail("received", _("the %(field)s is empty.") % {"field": FIELDS["received"].label})
        else:
            received = date("received", cell("received"))
    number = clean_number(raw_number)
    if not number:
        fail("number", _("the %(field)s is empty.") % {"field": FIELDS["number"].label})
    elif len(number) > FIELDS["number"].max_length:
        fail(
            "number",
            _("the %(field)s is longer than %(limit)s characters.")
            % {"field": FIELDS["number"].label, "limit": FIELDS["number"].max_length},
        )
    requester = text("requester")
    summary = text("summary")
    issued = date("issued", cell("issued")) if "issued" in ctx.columns else None
    supplied_by = text("supplied_by") if "supplied_by" in ctx.columns else ""
    responsible = text("responsible") if "responsible" in ctx.columns else ""
    address = text("address") if "address" in ctx.columns else ""

    body = ctx.default_body
    if "body" in ctx.columns and cell_text(cell("body")):
        body = ctx.bodies.get(header_key(cell("body")))
        if body is None:
            fail(
                "body",
                _("no body of the municipality is called “%(name)s”.")
                % {"name": cell_text(cell("body"))},
            )
    elif body is None:
        fail("body", _("no addressee body (and no --body given)."))

    year = sequence = 0
    if number and received is not None:
        try:
            year, sequence = parse_number(number, received=received, pattern=ctx.pattern)
        except ValueError as error:
            fail("number", str(error))
    if received is not None and issued is not None and issued < received:
        fail(
            "issued",
            _("the date issued (%(issued)s) is before the date received (%(received)s).")
            % {"issued": issued.isoformat(), "received": received.isoformat()},
        )
    if errors:
        return None, errors
    original = {
        ctx.headers[index] or ctx.column_label(index): cell_text(value)
        for index, value in enumerate(cells)
        if index < len(ctx.headers) and cell_text(value)
    }
    return (
        _Row(
            line=line,
            number=number,
            year=year,
            sequence=sequence,
            received=received,
            issued=issued,
            requester=requester,
            summary=summary,
            supplied_by=supplied_by,
            responsible=responsible,
            address=address,
            body=body,
            original=original,
        ),
        [],
    )


def _taken_in_register(ctx: _Context, batch: list[_Row]) -> list[RowError]:
    """Rows whose number is already given in the register (by a letter in the database)."""
    errors = []
    by_year: dict[int, dict[int, _Row]] = {}
    for row in batch:
        by_year.setdefault(row.year, {})[row.sequence] = row
    for year, rows in by_year.items():
        existing = Letter.objects.filter(
            register=ctx.register, year=year, sequence__in=list(rows)
        ).values_list("sequence", "number")
        for sequence, number in existing:
            row = rows[sequence]
            errors.append(
                RowError(
                    line=row.line,
                    column=_column(ctx, "number"),
                    message=_(
                        "%(number)s is already in the register “%(register)s” "
                        "(letter %(existing)s: sequence %(sequence)s of %(year)s)."
                    )
                    % {
                        "number": row.number,
                        "register": ctx.register.name,
                        "existing": number,
                        "sequence": sequence,
                        "year": year,
                    },
                )
            )
    return errors


def _deadline(ctx: _Context, received: datetime.date) -> datetime.date:
    """What :func:`~emanager.deadlines.selectors.deadline_for` gives, with the calendar
    and the period loaded once (the way that module computes many deadlines)."""
    from emanager.deadlines.selectors import calendar_for, deadline_spec_for, registration_date

    if received not in ctx.deadlines:
        if ctx.calendar is None:
            ctx.calendar = calendar_for(ctx.municipality)
            ctx.spec = deadline_spec_for(municipality=ctx.municipality, kind=ctx.kind)
        ctx.deadlines[received] = ctx.calendar.due_date(registration_date(noon(received)), ctx.spec)
    return ctx.deadlines[received]


def _write(ctx: _Context, batch: list[_Row]) -> None:
    letters = []
    for row in batch:
        registered_at = noon(row.received)
        issued_at = noon(row.issued) if row.issued else None
        letters.append(
            Letter(
                municipality=ctx.municipality,
                kind=ctx.kind,
                status=LetterStatus.CLOSED if issued_at else LetterStatus.OPEN,
                outcome=Outcome.ANSWERED if issued_at else "",
                addressee_body=row.body,
                subject=subject_of(row.summary),
                body=row.summary,
                author_name=row.requester,
                author_address=row.address,
                language=ctx.language,
                channel=Channel.IMPORT,
                registered_by=ctx.user,
                publication=Publication.PRIVATE,
                submission_key=uuid.uuid4(),
                register=ctx.register,
                year=row.year,
                sequence=row.sequence,
                number=row.number,
                registered_at=registered_at,
                deadline=_deadline(ctx, row.received),
                answered_at=issued_at,
                closed_at=issued_at,
            )
        )
    Letter.objects.bulk_create(letters, batch_size=BATCH_SIZE)
    # created_at is auto_now_add: date the letters by their reception instead.
    Letter.objects.filter(pk__in=[letter.pk for letter in letters]).update(
        created_at=F("registered_at")
    )

    with translation.override(ctx.language):
        note = _("Information issued (imported record).")
    answers = [
        Message(
            letter=letter,
            direction=Direction.OUTGOING,
            author_label=row.supplied_by,
            body=note,
            is_answer=True,
            status=MessageStatus.SENT,
            source=Channel.IMPORT,
            sent_at=letter.answered_at,
        )
        for letter, row in zip(letters, batch, strict=True)
        if row.issued
    ]
    Message.objects.bulk_create(answers, batch_size=BATCH_SIZE)
    Message.objects.filter(pk__in=[answer.pk for answer in answers]).update(created_at=F("sent_at"))

    _timeline_append(
        ctx,
        [
            (
                letter,
                {
                    "source": ctx.source,
                    "line": row.line,
                    "number": row.number,
                    "received": row.received.isoformat(),
                    "issued": row.issued.isoformat() if row.issued else None,
                    "supplied_by": row.supplied_by,
                    "responsible": row.responsible,
                    "row": row.original,
                },
            )
            for letter, row in zip(letters, batch, strict=True)
        ],
    )


def _timeline_append(ctx: _Context, entries: list[tuple[Letter, dict]]) -> None:
    """One ``imported`` event per letter, appended to the chain as a batch.

    The same chain as :func:`emanager.letters.timeline.event_append` makes, one
    event after the other (its head locked, each event hashing the previous
    one, digests by :func:`~emanager.letters.timeline.event_digest`), but with
    one INSERT for the batch instead of four queries a letter: thousands of
    rows import in seconds. The events are stamped with the present time, so
    they come after every event already in the chain; ``manage.py verify_log``
    checks the result like any other part of the chain.
    """
    municipality_id = ctx.municipality.pk
    ChainHead.objects.bulk_create(
        [ChainHead(municipality_id=municipality_id)], ignore_conflicts=True
    )
    head = ChainHead.objects.select_for_update().get(municipality_id=municipality_id)
    now = timezone.now()
    actor = ctx.user if ctx.user is not None and ctx.user.is_authenticated else None
    actor_label = "" if actor else IMPORT_LABEL
    events = []
    seq, prev_hash = head.last_seq, head.last_hash
    for letter, data in entries:
        seq += 1
        event = Event(
            municipality_id=municipality_id,
            letter=letter,
            seq=seq,
            kind=EventKind.IMPORTED,
            actor=actor,
            actor_label=actor_label,
            data=json.loads(json.dumps(data, default=str)),
            created_at=now,
            prev_hash=prev_hash,
        )
        event.hash = event_digest(
            municipality_id=municipality_id,
            letter_id=letter.pk,
            seq=seq,
            kind=event.kind,
            actor_id=actor.pk if actor else None,
            actor_label=actor_label,
            data=event.data,
            created_at=now,
            prev_hash=prev_hash,
        )
        prev_hash = event.hash
        events.append(event)
    Event.objects.bulk_create(events, batch_size=BATCH_SIZE)
    head.last_seq, head.last_hash = seq, prev_hash
    head.save(update_fields=["last_seq", "last_hash"])


def _raise_counters(ctx: _Context, batch: list[_Row], report: ImportReport) -> None:
    """Each year's counter to at least the largest sequence written; never lowered.

    Done batch by batch, with the letters: the counter row stays locked until the
    import commits, so a letter registered meanwhile waits and then continues after
    the imported numbers instead of colliding with them.
    """
    highest: dict[int, int] = {}
    for row in batch:
        highest[row.year] = max(highest.get(row.year, 0), row.sequence)
    counters = RegisterCounter.objects.filter(register=ctx.register)
    new_years = [year for year in highest if year not in report.counters]
    if new_years:
        before = dict(counters.filter(year__in=new_years).values_list("year", "last_number"))
        for year in new_years:
            report.counters[year] = (before.get(year, 0), before.get(year, 0))
        RegisterCounter.objects.bulk_create(
            [RegisterCounter(register=ctx.register, year=year) for year in new_years],
            ignore_conflicts=True,
        )
    for year, sequence in sorted(highest.items()):
        counters.filter(year=year, last_number__lt=sequence).update(last_number=sequence)
        first, last = report.counters[year]
        report.counters[year] = (first, max(last, sequence))


def register_import(
    *,
    path: str | Path,
    municipality: Municipality,
    kind: str = LetterKind.PUBLIC_INFORMATION,
    body: Body | None = None,
    register_prefix: str | None = None,
    number_format: str | None = None,
    register_name: str | None = None,
    mapping: dict[str, list[str] | None] | None = None,
    dry_run: bool = False,
    language: str = "ka",
    user=None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    on_row: Callable[[], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import a historical register file; all or nothing.

    Raises :class:`ImportSetupError` when the import cannot start (file, header row,
    mapping, options) and :class:`ImportFailed`, with every row error in its report,
    when a row is wrong; in both cases nothing is written. ``dry_run`` checks and
    counts everything, writes it, then rolls it back. ``on_row`` is called after each
    row (a progress bar); ``on_total`` once with about how many rows follow the header,
    when that is known.
    """
    path = Path(path)
    if kind not in LetterKind.values:
        raise ImportSetupError(_("Unknown kind “%(kind)s”.") % {"kind": kind})
    if body is not None and body.municipality_id != municipality.pk:
        raise ImportSetupError(_("The body belongs to another municipality."))
    columns_mapping = mapping_merge(mapping or {})
    report = ImportReport(source=path.name, dry_run=dry_run)

    with open_table(path, encoding=encoding, delimiter=delimiter, sheet=sheet) as table:
        header_line, headers, columns = find_header(table, columns_mapping)
        if table.total and on_total:
            on_total(max(table.total - header_line, 0))
        report.header_line = header_line
        if "body" not in columns and body is None:
            raise ImportSetupError(
                _("Give the addressee body with --body, or map a column of bodies.")
            )
        try:
            with transaction.atomic():
                register = import_register_for(
                    municipality=municipality,
                    kind=kind,
                    prefix=register_prefix,
                    number_format=number_format,
                    name=register_name,
                    language=language,
                )
                report.register = f"{register.name} ({register.prefix})"
                ctx = _Context(
                    municipality=municipality,
                    kind=kind,
                    register=register,
                    pattern=format_pattern(register.number_format, register.prefix),
                    default_body=body,
                    bodies=_bodies_by_name(municipality) if "body" in columns else {},
                    language=language,
                    user=user,
                    source=path.name,
                    today=timezone.localdate(timezone.now(), timezone.get_default_timezone()),
                    headers=[cell_text(h) for h in headers],
                    columns=columns,
                    column_label=table.column_label,
                )
                _import_rows(ctx, table.rows, report, on_row)
                if report.errors:
                    raise ImportFailed(report)
                if dry_run:
                    transaction.set_rollback(True)
                else:
                    # Rows are written in bulk, which no signal follows: the
                    # statistics are rebuilt once the import is committed.
                    transaction.on_commit(lambda: _statistics_rebuild(municipality))
        except IntegrityError as error:
            # A letter was registered in the same register and year during the import.
            raise ImportSetupError(
                _("A letter took one of the imported numbers during the import; run it again.")
            ) from error
    return report


def _statistics_rebuild(municipality: Municipality) -> None:
    from emanager.accountability.services import figures_rebuild

    figures_rebuild(municipality=municipality)


def _import_rows(
    ctx: _Context,
    rows: Iterator[tuple[int, list[Any]]],
    report: ImportReport,
    on_row: Callable[[], None] | None,
) -> None:
    """Check every row; write them batch by batch while no row has failed."""
    seen: dict[tuple[int, int], tuple[int, str]] = {}
    batch: list[_Row] = []

    def flush() -> None:
        report.errors.extend(_taken_in_register(ctx, batch))
        if not report.errors:
            _write(ctx, batch)
            _raise_counters(ctx, batch, report)
        batch.clear()

    for line, cells in rows:
        if not any(cell_text(c) for c in cells):
            continue
        report.rows_read += 1
        row, errors = _parse_row(ctx, line, cells)
        if row is not None:
            key = (row.year, row.sequence)
            if key in seen:
                first_line, first_number = seen[key]
                errors.append(
                    RowError(
                        line=line,
                        column=_column(ctx, "number"),
                        message=_(
                            "%(number)s repeats the number of line %(first)s (%(other)s: "
                            "sequence %(sequence)s of %(year)s)."
                        )
                        % {
                            "number": row.number,
                            "first": first_line,
                            "other": first_number,
                            "sequence": row.sequence,
                            "year": row.year,
                        },
                    )
                )
            else:
                seen[key] = (line, row.number)
                batch.append(row)
                report.per_year[row.year] += 1
                if row.issued:
                    report.closed += 1
                else:
                    report.left_open += 1
        report.errors.extend(errors)
        if len(batch) >= BATCH_SIZE:
            flush()
        if on_row is not None:
            on_row()
    if batch:
        flush()
    report.errors.sort(key=lambda error: error.line)
    report.imported = sum(report.per_year.values()) if not report.errors else 0

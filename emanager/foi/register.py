"""The public register of issued public information: reads only, nothing here writes.

Every row is generated from a public-information request (:class:`FoiRequest`)
and its letter; nothing of it is typed twice. A request is in the register
once its letter is registered (it has a number); it stays there whatever its
outcome, so that the register, filtered by year and body, gives exactly the
requests the annual report (:mod:`emanager.foi.report`) counts.

Lanchkhuti's columns, and what the public sees in each:

* the registration number and the date received (the local date of registration);
* the requester: an organisation by the name it gave; a private person by
  name only if they agreed to publication with their name and the letter is
  published (the reviewed name from :func:`published_letters`); otherwise
  just "Private person";
* the summary of what was asked: the reviewed, redacted public subject when
  the letter is published through :func:`published_letters`; otherwise the
  summary the officer wrote for the register (checked for personal data when
  saved); otherwise nothing ("Not published"). The citizen's own subject is
  never shown: it may name people or places, and only a reviewer can tell;
* the date issued, who supplied the information and the person responsible,
  as the officer recorded them; and the official who took the decision.

Plus the outcome (with the legal ground of a refusal and the body a request
was forwarded to), the deadline, the days taken and whether the answer was
late, the copying fee and the complaints with their outcomes.

The rows are read with ``values()`` over a fixed list of fields, like the
published path itself: the requester's name, e-mail, phone and address and the
letter's text are never read here, so no page or export can show them.
"""

from __future__ import annotations

import datetime
import uuid as uuid_module
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from emanager.core.freshness import cached
from emanager.directory.models import Body, Municipality
from emanager.foi.choices import ComplaintOutcome, FoiOutcome, RefusalGround, RequesterType
from emanager.foi.models import Complaint, FoiRequest
from emanager.letters.choices import LetterKind, LetterStatus
from emanager.publication.selectors import PublishedLetter, published_letters
from emanager.registry import selectors as registry_selectors
from emanager.registry.selectors import subtree_ids

__all__ = [
    "ANSWER_OUTCOMES",
    "COLUMNS",
    "OUTCOME_CHOICES",
    "PENDING",
    "Column",
    "RegisterRow",
    "body_tree",
    "register_requests",
    "register_rows",
    "register_years",
    "subtree_ids",
]

#: The outcome of a request that is not decided yet.
PENDING = "pending"
PENDING_LABEL = _("Not decided yet")
OUTCOME_CHOICES = [*FoiOutcome.choices, (PENDING, PENDING_LABEL)]

#: The outcomes that answer a request: "answered late" counts these, when they
#: came after the deadline. A deemed refusal is counted on its own; a
#: clarification request or a withdrawal answers nothing.
ANSWER_OUTCOMES = frozenset(
    {
        FoiOutcome.GRANTED,
        FoiOutcome.PARTLY_GRANTED,
        FoiOutcome.REFUSED,
        FoiOutcome.NOT_HELD,
        FoiOutcome.FORWARDED,
    }
)

PRIVATE_PERSON = _("Private person")
ORGANISATION = _("Organisation")
NOT_PUBLISHED = _("Not published")

# The only fields read, under the names the rows use.
_FIELDS = {
    "id": "pk",
    "letter_id": "letter_id",
    "letter_uuid": "letter__uuid",
    "number": "letter__number",
    "registered_at": "letter__registered_at",
    "deadline": "letter__deadline",
    "body_id": "letter__addressee_body_id",
    "requester_type": "requester_type",
    "organisation": "organisation",
    "outcome": "outcome",
    "decided_at": "decided_at",
    "decided_by_first_name": "decided_by__first_name",
    "decided_by_last_name": "decided_by__last_name",
    "refusal_ground": "refusal_ground",
    "forwarded_to": "forwarded_to",
    "public_summary": "public_summary",
    "issued_on": "issued_on",
    "supplied_by": "supplied_by",
    "responsible": "responsible",
    "fee": "fee",
    "fee_paid_on": "fee_paid_on",
}


# --- Which requests ------------------------------------------------------------


def register_requests(municipality: Municipality) -> QuerySet[FoiRequest]:
    """The municipality's registered public-information requests, newest first."""
    return (
        FoiRequest.objects.filter(
            letter__municipality=municipality,
            letter__kind=LetterKind.PUBLIC_INFORMATION,
            letter__registered_at__isnull=False,
        )
        .exclude(letter__status=LetterStatus.UNCONFIRMED)
        .order_by("-letter__registered_at", "-pk")
    )


def filter_year(requests: QuerySet[FoiRequest], year: int) -> QuerySet[FoiRequest]:
    """Requests registered in this calendar year (in the local time zone)."""
    return requests.filter(letter__registered_at__year=year)


def filter_bodies(requests: QuerySet[FoiRequest], body_ids: Iterable[int]) -> QuerySet[FoiRequest]:
    return requests.filter(letter__addressee_body_id__in=list(body_ids))


def filter_outcome(requests: QuerySet[FoiRequest], outcome: str) -> QuerySet[FoiRequest]:
    """Requests with this outcome; :data:`PENDING`: those not decided yet."""
    if outcome == PENDING:
        return requests.filter(Q(outcome="") | Q(outcome__isnull=True))
    return requests.filter(outcome=outcome)


def register_years(municipality: Municipality) -> list[int]:
    """The years to choose from: from the first year with a request (or last year)
    to this year, newest first.

    Finding the first request may read the whole register (unless letters are
    indexed by municipality, kind and registration time), so the list is cached
    until the municipality's data changes, and for the day (the year changes).
    """

    def compute() -> list[int]:
        this_year = timezone.localdate().year
        first = (
            register_requests(municipality)
            .order_by("letter__registered_at")
            .values_list("letter__registered_at", flat=True)
            .first()
        )
        start = min(timezone.localdate(first).year, this_year - 1) if first else this_year - 1
        return list(range(this_year, start - 1, -1))

    return cached(municipality.pk, "foi:register-years", compute, daily=True)


# --- The bodies ------------------------------------------------------------------


def body_tree(municipality: Municipality) -> list[tuple[Body, int]]:
    """The municipality's bodies in tree order with their depth (one query)."""
    return registry_selectors.body_tree(municipality)


def institutions(tree: list[tuple[Body, int]]) -> dict[int, Body]:
    """Each body's public institution: the body at the top of its branch (the
    Sakrebulo, the City Hall, a municipal legal entity)."""
    roots: dict[int, Body] = {}
    current: Body | None = None
    for body, depth in tree:
        if depth == 0:
            current = body
        roots[body.pk] = current or body
    return roots


# --- The rows ----------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterRow:
    """One request as the public register shows it."""

    number: str
    received_on: datetime.date
    body: Body
    requester: str
    requester_type: str
    # The reviewed public subject; "" when the letter is not published.
    summary: str
    # The published letter's address, when it is published.
    public_uuid: uuid_module.UUID | None
    outcome: str
    refusal_ground: str
    forwarded_to: str
    deadline: datetime.date | None
    decided_on: datetime.date | None
    issued_on: datetime.date | None
    supplied_by: str
    responsible: str
    decided_by: str
    fee: Decimal
    fee_paid_on: datetime.date | None
    # The outcome of each complaint against the handling ("" while undecided).
    complaints: tuple[str, ...] = ()

    @property
    def outcome_label(self) -> str:
        if self.outcome == PENDING:
            return str(PENDING_LABEL)
        return str(FoiOutcome(self.outcome).label)

    @property
    def refusal_ground_label(self) -> str:
        return str(RefusalGround(self.refusal_ground).label) if self.refusal_ground else ""

    @property
    def answered_on(self) -> datetime.date | None:
        """When the request was answered: the date issued, else the date of the decision.
        None unless it was answered (granted, refused, ...): while it is pending, for a
        deemed refusal (nobody answered), a clarification request or a withdrawal."""
        if self.outcome not in ANSWER_OUTCOMES:
            return None
        return self.issued_on or self.decided_on

    @property
    def days_taken(self) -> int | None:
        """Calendar days from registration to the answer (0: the same day)."""
        answered = self.answered_on
        return (answered - self.received_on).days if answered is not None else None

    @property
    def late(self) -> bool:
        """Answered (granted, refused, ...) after the deadline."""
        answered = self.answered_on
        return (
            self.outcome in ANSWER_OUTCOMES
            and answered is not None
            and self.deadline is not None
            and answered > self.deadline
        )

    @property
    def fee_collected(self) -> Decimal:
        """The copying fee, once it is paid; 0 before."""
        return self.fee if self.fee_paid_on is not None else Decimal("0")

    @property
    def summary_text(self) -> str:
        return self.summary or str(NOT_PUBLISHED)

    @property
    def complaint_labels(self) -> list[str]:
        return [
            str(ComplaintOutcome(outcome).label) if outcome else str(_("Not decided yet"))
            for outcome in self.complaints
        ]


def _values(requests: QuerySet[FoiRequest]) -> Iterator[dict]:
    names = list(_FIELDS)
    for values in requests.values_list(*_FIELDS.values()):
        yield dict(zip(names, values, strict=True))


def _local(moment: datetime.datetime | None, zone: datetime.tzinfo) -> datetime.date | None:
    """The local date of a moment (``timezone.localdate`` with the zone looked up
    once for all the rows, not once per row: a year's report reads thousands)."""
    return moment.astimezone(zone).date() if moment is not None else None


def _requester(values: dict, published_name: str) -> str:
    if values["requester_type"] == RequesterType.ORGANISATION:
        return values["organisation"] or str(ORGANISATION)
    return published_name or str(PRIVATE_PERSON)


# More rows than this (an export), and the published letters are matched by a
# subquery instead of a list of ids.
_ID_LIST_MAX = 500


def _published(
    municipality: Municipality, requests: QuerySet[FoiRequest], rows: list[dict]
) -> dict[uuid_module.UUID, PublishedLetter]:
    """The published versions of these requests' letters, through the one published path."""
    if len(rows) <= _ID_LIST_MAX or requests.query.is_sliced:
        letters: Any = [values["letter_id"] for values in rows]
    else:
        letters = requests.order_by().values("letter_id")
    found = published_letters(municipality).filter(
        kind=LetterKind.PUBLIC_INFORMATION, letters=letters
    )
    return {letter.uuid: letter for letter in found}


def register_rows(
    requests: QuerySet[FoiRequest],
    *,
    municipality: Municipality,
    texts: bool = True,
    tree: list[tuple[Body, int]] | None = None,
) -> list[RegisterRow]:
    """The rows of these requests, in their order, in a constant number of queries.

    ``texts=False`` leaves out what only the pages and exports show (the
    published summary and a named requester's name): the report counts
    without them. ``tree`` (from :func:`body_tree`) saves reading the bodies again.
    """
    rows = list(_values(requests))
    if not rows:
        return []
    request_ids = [values["id"] for values in rows]
    if tree is not None:
        bodies = {body.pk: body for body, _depth in tree}
    else:
        bodies = Body.objects.in_bulk({values["body_id"] for values in rows})
    complaints: dict[int, list[str]] = defaultdict(list)
    # Many rows (the report of a year, an export): the requests by a subquery,
    # not a list of thousands of ids.
    chosen: Any = request_ids
    if len(rows) > _ID_LIST_MAX and not requests.query.is_sliced:
        chosen = requests.order_by().values("pk")
    for request_id, outcome in (
        Complaint.objects.filter(request_id__in=chosen)
        .order_by("pk")
        .values_list("request_id", "outcome")
    ):
        complaints[request_id].append(outcome or "")
    published: dict[uuid_module.UUID, PublishedLetter] = {}
    if texts:
        published = _published(municipality, requests, rows)
    zone = timezone.get_current_timezone()
    result = []
    for values in rows:
        public = published.get(values["letter_uuid"])
        decided_by = " ".join(
            part
            for part in (values["decided_by_first_name"], values["decided_by_last_name"])
            if part
        )
        result.append(
            RegisterRow(
                number=values["number"],
                received_on=values["registered_at"].astimezone(zone).date(),
                body=bodies[values["body_id"]],
                requester=_requester(values, public.name if public else ""),
                requester_type=values["requester_type"],
                summary=public.subject if public else (values["public_summary"] if texts else ""),
                public_uuid=public.uuid if public else None,
                outcome=values["outcome"] or PENDING,
                refusal_ground=values["refusal_ground"] or "",
                forwarded_to=values["forwarded_to"] or "",
                deadline=values["deadline"],
                decided_on=_local(values["decided_at"], zone),
                issued_on=values["issued_on"],
                supplied_by=values["supplied_by"] or "",
                responsible=values["responsible"] or "",
                decided_by=decided_by,
                fee=values["fee"] if values["fee"] is not None else Decimal("0"),
                fee_paid_on=values["fee_paid_on"],
                complaints=tuple(complaints[values["id"]]),
            )
        )
    return result


# --- The columns of the exports ------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column of the register's downloads, documented on the columns page and in JSON.

    ``cell`` gives the value for a spreadsheet (words in the active language);
    ``data`` the value for JSON (codes that do not change with the language,
    listed in ``choices``), by default the same as ``cell``.
    """

    key: str
    title: Promise
    description: Promise
    cell: Callable[[RegisterRow], Any]
    data: Callable[[RegisterRow], Any] | None = None
    choices: tuple[tuple[str, Any], ...] = ()

    def json_value(self, row: RegisterRow) -> Any:
        value = (self.data or self.cell)(row)
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, Decimal):
            return f"{value:.2f}"
        return value


def _yes_no(value: bool) -> str:
    return str(_("yes")) if value else str(_("no"))


COLUMNS: tuple[Column, ...] = (
    Column(
        "number",
        _("Registration number"),
        _("The number the request was registered under."),
        lambda row: row.number,
    ),
    Column(
        "received_on",
        _("Date received"),
        _("The date the request was registered; the time limits run from it."),
        lambda row: row.received_on,
    ),
    Column(
        "body",
        _("Body"),
        _("The body of the municipality the request is addressed to."),
        lambda row: row.body.name,
    ),
    Column(
        "requester",
        _("Requester"),
        _(
            "An organisation by its name. A private person by name only if they agreed to "
            "publication with their name and the request is published; otherwise "
            "“Private person”."
        ),
        lambda row: row.requester,
    ),
    Column(
        "summary",
        _("Information requested"),
        _(
            "The subject of the request as published after review, with personal data "
            "removed. “Not published” (empty in JSON) when the requester did not agree to "
            "publication or the review is not done: the requester's own words are never shown."
        ),
        lambda row: row.summary_text,
        data=lambda row: row.summary,
    ),
    Column(
        "outcome",
        _("Outcome"),
        _("How the request was decided."),
        lambda row: row.outcome_label,
        data=lambda row: row.outcome,
        choices=tuple(OUTCOME_CHOICES),
    ),
    Column(
        "refusal_ground",
        _("Ground of refusal"),
        _("For a refusal or a partial grant: the legal ground of the refusal."),
        lambda row: row.refusal_ground_label,
        data=lambda row: row.refusal_ground,
        choices=tuple(RefusalGround.choices),
    ),
    Column(
        "forwarded_to",
        _("Forwarded to"),
        _("For a forwarded request: the competent body it was sent to."),
        lambda row: row.forwarded_to,
    ),
    Column(
        "deadline",
        _("Deadline"),
        _("The last day to answer (10 days when the time is used; the law asks for at once)."),
        lambda row: row.deadline,
    ),
    Column(
        "decided_on",
        _("Date decided"),
        _("The date of the decision on the request."),
        lambda row: row.decided_on,
    ),
    Column(
        "issued_on",
        _("Date issued"),
        _("The date the information was issued to the requester."),
        lambda row: row.issued_on,
    ),
    Column(
        "days_taken",
        _("Days taken"),
        _(
            "Calendar days from registration to the date issued (or, without one, to the "
            "decision); 0 is the same day. Empty until the request is answered (granted, "
            "refused, not held or forwarded): for a deemed refusal too."
        ),
        lambda row: row.days_taken,
    ),
    Column(
        "late",
        _("Answered late"),
        _("Whether the answer (a grant, refusal, ...) came after the deadline."),
        lambda row: _yes_no(row.late),
        data=lambda row: row.late,
    ),
    Column(
        "supplied_by",
        _("Supplied by"),
        _("The unit or official who supplied the information."),
        lambda row: row.supplied_by,
    ),
    Column(
        "responsible",
        _("Person responsible"),
        _("The official responsible for the request."),
        lambda row: row.responsible,
    ),
    Column(
        "decided_by",
        _("Decided by"),
        _("The official who took the decision; empty for a deemed refusal."),
        lambda row: row.decided_by,
    ),
    Column(
        "fee",
        _("Copying fee (GEL)"),
        _("The fee for paper copies; electronic copies are free."),
        lambda row: row.fee,
    ),
    Column(
        "fee_paid_on",
        _("Fee paid on"),
        _("The date the copying fee was paid."),
        lambda row: row.fee_paid_on,
    ),
    Column(
        "complaints",
        _("Complaints"),
        _(
            "The administrative complaints against the handling of the request, each with "
            "its outcome."
        ),
        lambda row: "; ".join(row.complaint_labels),
        data=lambda row: list(row.complaints),
        choices=tuple(ComplaintOutcome.choices),
    ),
)

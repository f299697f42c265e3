"""The law's rules for public-information requests, as reads: nothing here writes.

* **Immediately, at the latest within 10 days.** Information is issued at once
  (the target is the day of registration); the letter's deadline, from the
  deadline rules (:mod:`emanager.deadlines`, 10 calendar days by default, no
  extension), is the legal limit. Using the 10 days needs a reason from the
  law (:class:`~emanager.foi.choices.ExtensionReason`) and the requester is told.
* **The written explanation of a refusal within 3 days.** Counted in calendar
  days from the day of the decision, as the General Administrative Code counts
  periods; a third day that is not a working day moves to the next working day
  (the municipality's rule for deadlines on non-working days).
* **An administrative complaint within 1 month.** Against a refusal, a partial
  grant, a deemed refusal or a missed deadline, to the superior body
  (:func:`superior_body`), within one month of the decision (of the day after
  the missed deadline, for a request never answered).
* **Copies.** Paper copies cost the municipality's fee per page; electronic
  copies and inspection are free.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from emanager.deadlines.choices import DeadlineUnit
from emanager.directory.models import Body, BodyKind, Municipality
from emanager.foi.choices import FoiOutcome, PreferredForm
from emanager.foi.models import Complaint, FoiRequest, FoiSettings
from emanager.letters.choices import LetterKind, LetterStatus
from emanager.letters.models import Letter

__all__ = [
    "COMPLAINABLE_OUTCOMES",
    "EXPLAINED_OUTCOMES",
    "FINAL_OUTCOMES",
    "REFUSAL_EXPLANATION_DAYS",
    "ComplaintWindow",
    "complaint_window",
    "copy_fee",
    "foi_settings",
    "immediate_target",
    "is_foi_letter",
    "local_date",
    "refusal_explanation_due",
    "superior_body",
]

REFUSAL_EXPLANATION_DAYS = 3
COMPLAINT_MONTHS = 1

#: The outcomes that need the written explanation with the applicant's rights.
EXPLAINED_OUTCOMES = frozenset({FoiOutcome.REFUSED, FoiOutcome.PARTLY_GRANTED})
#: The outcomes an administrative complaint may be filed against.
COMPLAINABLE_OUTCOMES = frozenset(
    {FoiOutcome.REFUSED, FoiOutcome.PARTLY_GRANTED, FoiOutcome.DEEMED_REFUSED}
)
#: The outcomes that end the request (the letter closes with them).
FINAL_OUTCOMES = frozenset(
    {
        FoiOutcome.GRANTED,
        FoiOutcome.PARTLY_GRANTED,
        FoiOutcome.REFUSED,
        FoiOutcome.NOT_HELD,
        FoiOutcome.WITHDRAWN,
    }
)
#: Bodies whose decisions go, when they have no parent, to the City Hall.
_UNDER_CITY_HALL = frozenset(
    {BodyKind.SERVICE, BodyKind.DIVISION, BodyKind.LEGAL_ENTITY, BodyKind.OTHER}
)


def is_foi_letter(letter: Letter) -> bool:
    return letter.kind == LetterKind.PUBLIC_INFORMATION


def local_date(moment: datetime.datetime) -> datetime.date:
    """The date of a moment in the installation's time zone."""
    return timezone.localdate(moment, timezone.get_default_timezone())


def foi_settings(municipality: Municipality) -> FoiSettings:
    """The municipality's settings; unsaved defaults when it has none (nothing is written)."""
    found = FoiSettings.objects.filter(municipality=municipality).first()
    return found or FoiSettings(municipality=municipality)


def copy_fee(*, pages: int, form: str, fee_per_page: Decimal) -> Decimal:
    """The copying fee: pages times the fee per page for paper copies; else free."""
    if form != PreferredForm.PAPER_COPY or pages <= 0:
        return Decimal("0.00")
    return (fee_per_page * pages).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def immediate_target(letter: Letter) -> datetime.date | None:
    """The day the information should be issued when it is issued "immediately": the
    day of registration."""
    return local_date(letter.registered_at) if letter.registered_at else None


def refusal_explanation_due(request: FoiRequest) -> datetime.date | None:
    """The last day to send the written explanation of a refusal (3 days, see above)."""
    from emanager.deadlines.selectors import calendar_for

    if request.outcome not in EXPLAINED_OUTCOMES or request.decided_at is None:
        return None
    calendar = calendar_for(request.letter.municipality)
    return calendar.deadline(
        local_date(request.decided_at), DeadlineUnit.CALENDAR_DAYS, REFUSAL_EXPLANATION_DAYS
    )


def superior_body(body: Body) -> Body:
    """Where an administrative complaint against the body's handling goes.

    * a body with a parent: the parent (a division to its service, a service to
      the City Hall, a commission or the apparatus to the Sakrebulo);
    * a top-level service, division, municipal legal entity or other body: the
      City Hall, whose head is the Mayor;
    * the City Hall and the Sakrebulo, and any body when the municipality has no
      City Hall: the body itself, whose head reviews the complaint (there is no
      superior body inside the municipality; the court remains open).
    """
    if body.parent_id is not None:
        return body.parent
    if body.kind in _UNDER_CITY_HALL:
        city_hall = (
            Body.objects.filter(
                municipality_id=body.municipality_id, kind=BodyKind.CITY_HALL, parent__isnull=True
            )
            .order_by("order", "pk")
            .first()
        )
        if city_hall is not None:
            return city_hall
    return body


@dataclass(frozen=True)
class ComplaintWindow:
    """Whether the requester may file a complaint now, why, and until when."""

    allowed: bool
    # What the complaint would be against ("" when there is nothing to complain of).
    against: str
    # Why not, for the requester (empty when allowed).
    reason: str
    opens_on: datetime.date | None = None
    last_day: datetime.date | None = None
    complaint: Complaint | None = None


def _missed_deadline(request: FoiRequest, today: datetime.date) -> datetime.date | None:
    """The day after a missed deadline, or None when the deadline was kept (or runs)."""
    letter = request.letter
    if letter.deadline is None:
        return None
    if request.outcome == FoiOutcome.DEEMED_REFUSED:
        return letter.deadline + datetime.timedelta(days=1)
    if request.decided_at is not None and request.outcome:
        decided = local_date(request.decided_at)
        return decided if decided > letter.deadline else None
    if letter.status == LetterStatus.OPEN and letter.deadline < today:
        return letter.deadline + datetime.timedelta(days=1)
    return None


def complaint_window(request: FoiRequest, today: datetime.date | None = None) -> ComplaintWindow:
    """May the requester complain about this request today?"""
    from emanager.deadlines.selectors import calendar_for

    today = today or local_date(timezone.now())
    existing = (
        request.complaints.select_related("letter").order_by("pk").first()
        if request.pk is not None
        else None
    )
    if existing is not None:
        return ComplaintWindow(
            allowed=False,
            against="",
            reason=str(_("You have already filed a complaint about this request.")),
            complaint=existing,
        )
    opens_on = None
    against = ""
    if request.outcome in (FoiOutcome.REFUSED, FoiOutcome.PARTLY_GRANTED) and request.decided_at:
        opens_on = local_date(request.decided_at)
        against = str(FoiOutcome(request.outcome).label)
    missed = _missed_deadline(request, today)
    if missed is not None and opens_on is None:
        opens_on = missed
        against = str(
            FoiOutcome.DEEMED_REFUSED.label
            if request.outcome in ("", FoiOutcome.DEEMED_REFUSED, FoiOutcome.FORWARDED)
            else _("The deadline was missed")
        )
    if opens_on is None:
        return ComplaintWindow(
            allowed=False,
            against="",
            reason=str(
                _(
                    "A complaint can be filed against a refusal, a partial grant, or a missed "
                    "deadline: there is none of these for this request."
                )
            ),
        )
    calendar = calendar_for(request.letter.municipality)
    last_day = calendar.deadline(opens_on, DeadlineUnit.MONTHS, COMPLAINT_MONTHS)
    if today > last_day:
        return ComplaintWindow(
            allowed=False,
            against=against,
            reason=str(
                _(
                    "The month for an administrative complaint ended on %(date)s. You may "
                    "still go to court, or write a new request."
                )
            )
            % {"date": date_format(last_day, "SHORT_DATE_FORMAT")},
            opens_on=opens_on,
            last_day=last_day,
        )
    return ComplaintWindow(
        allowed=True, against=against, reason="", opens_on=opens_on, last_day=last_day
    )

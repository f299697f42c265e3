"""The daily jobs of public-information requests, run with the letters' daily jobs
(``manage.py run_daily_jobs``; see :mod:`emanager.letters.jobs`).

1. Every registered public-information letter gets its request, and the outcome
   of one closed another way (:func:`emanager.foi.services.foi_requests_sync`).
2. A request whose deadline passed without a decision is recorded as a deemed
   refusal (:func:`emanager.foi.services.foi_deemed_refusals_record`).
3. The officer who refused is reminded, once a day, of the written explanation
   not sent yet: due 3 calendar days after the decision (moved to the next
   working day when the third day is a day off), and every day after, until it
   is sent.

Each e-mail has a key with the day in it: running the jobs twice on one day
sends nothing twice, and records nothing twice.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from emanager.directory.links import absolute_url
from emanager.foi.models import FoiRequest
from emanager.foi.rules import EXPLAINED_OUTCOMES, local_date, refusal_explanation_due
from emanager.foi.services import foi_deemed_refusals_record, foi_requests_sync
from emanager.letters.services import _notify

__all__ = ["FoiDailyReport", "foi_daily_jobs", "foi_refusal_reminders"]

STAFF_LANGUAGE = "ka"


@dataclass
class FoiDailyReport:
    synced: int = 0
    deemed_refused: int = 0
    refusal_reminders: int = 0


def _recipient(request: FoiRequest) -> str:
    letter = request.letter
    if request.decided_by_id and request.decided_by.email:
        return request.decided_by.email
    if letter.assignee_id and letter.assignee.email:
        return letter.assignee.email
    return letter.addressee_body.email


def foi_refusal_reminders(*, today: datetime.date | None = None) -> int:
    """One e-mail a day to each officer with refusals whose written explanation is not sent."""
    today = today or local_date(timezone.now())
    waiting = (
        FoiRequest.objects.filter(
            outcome__in=EXPLAINED_OUTCOMES,
            refusal_letter_sent_at__isnull=True,
            decided_at__isnull=False,
        )
        .select_related(
            "decided_by", "letter__municipality", "letter__assignee", "letter__addressee_body"
        )
        .order_by("decided_at", "pk")
    )
    by_recipient: dict[tuple[int, str], list[dict]] = defaultdict(list)
    names: dict[int, str] = {}
    for request in waiting:
        address = _recipient(request)
        if not address:
            continue
        letter = request.letter
        due = refusal_explanation_due(request)
        names[letter.municipality_id] = letter.municipality.name
        by_recipient[(letter.municipality_id, address.lower())].append(
            {
                "number": letter.number,
                "subject": letter.subject,
                "due": due.isoformat(),
                "overdue": due < today,
                "url": absolute_url(
                    letter.municipality,
                    "letters:staff_letter",
                    language=STAFF_LANGUAGE,
                    kwargs={"uuid": str(letter.uuid)},
                )
                + "#foi-title",
            }
        )
    for (municipality_id, address), items in by_recipient.items():
        with transaction.atomic():
            _notify(
                template="foi/refusal_reminder",
                to=address,
                language=STAFF_LANGUAGE,
                key=f"foi-refusal-reminder:{address}:{today.isoformat()}",
                context={"municipality": names[municipality_id], "items": items},
            )
    return len(by_recipient)


def foi_daily_jobs(*, today: datetime.date | None = None) -> FoiDailyReport:
    return FoiDailyReport(
        synced=foi_requests_sync(),
        deemed_refused=foi_deemed_refusals_record(today=today),
        refusal_reminders=foi_refusal_reminders(today=today),
    )

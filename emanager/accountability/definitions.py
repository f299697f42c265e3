"""The exact definitions behind every accountability figure.

Everything the pages, the ranking and the open-data export show is computed
from these functions, and ``tests/accountability/test_definitions.py`` pins
each of them. The ranking page explains them in words (``method.html``).

Which letters count
    Every registered letter (whatever its publication choice: only counts are
    shown, never content), except letters still waiting for the author's
    e-mail confirmation and letters the author withdrew. A letter counts for the
    body it is addressed to, for the official when one was addressed (so an
    official's letters count for the body too), for the territorial unit when
    one was addressed, and for the municipality. It counts in the month (local
    time, Asia/Tbilisi) it was registered in.

Answered
    The first answer sent to the citizen (``Letter.answered_at``).

On time
    The first answer's local date is on or before the deadline. A letter with
    no deadline recorded is on time when answered.

Days to answer
    Calendar days from the local date of registration to the local date of
    the first answer (answered on the day of registration: 0 days).

Due
    The letters the on-time rate is taken over: answered letters, and letters
    not answered whose deadline has passed (deadline before today). A letter
    still within its deadline and not answered does not count yet; one past its
    deadline with no answer counts as not on time, even if it was closed.

On-time rate
    answered on time / due, shown only when at least ``MIN_LETTERS`` letters
    are due, so that a body with two letters is not ranked above one with two
    hundred.

Median and 90th percentile of days to answer
    Over answered letters, by the nearest-rank method: the p-th percentile is
    the smallest value with at least p % of the values at or below it, that is
    the value at rank ceil(p / 100 × n) of the n values sorted ascending. The
    median is the 50th percentile (for an even count, the lower middle value).

Open now, overdue now
    Open: registered and waiting (status open, or clarification asked).
    Overdue: open and its deadline is before today.

Satisfied share
    satisfied / answered surveys: the share of the citizens who answered the
    satisfaction question with "yes, I got a satisfactory answer", shown only
    when at least ``MIN_SURVEYS`` citizens answered.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.utils import timezone

from emanager.letters.choices import LetterStatus, Outcome

MIN_LETTERS = 5
MIN_SURVEYS = 5
OPEN_STATUSES = frozenset({LetterStatus.OPEN, LetterStatus.CLARIFICATION})


def local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def is_counted(*, registered_at, status: str, outcome: str) -> bool:
    """Is a letter counted at all (registered, confirmed, not withdrawn)?"""
    return (
        registered_at is not None
        and status != LetterStatus.UNCONFIRMED
        and outcome != Outcome.WITHDRAWN
    )


def month_of(registered_at: datetime.datetime) -> datetime.date:
    """The first day of the local month the letter was registered in."""
    return local_date(registered_at).replace(day=1)


def days_to_answer(registered_at: datetime.datetime, answered_at: datetime.datetime) -> int:
    return (local_date(answered_at) - local_date(registered_at)).days


def answered_on_time(answered_at: datetime.datetime, deadline: datetime.date | None) -> bool:
    return deadline is None or local_date(answered_at) <= deadline


def deadline_passed(deadline: datetime.date | None, today: datetime.date) -> bool:
    return deadline is not None and deadline < today


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


def rate(part: int, whole: int, minimum: int) -> float | None:
    """part / whole, or None when fewer than ``minimum`` (and at least one) count."""
    if whole < max(minimum, 1):
        return None
    return part / whole


def percentile(histogram: Mapping[int, int], p: int) -> int | None:
    """The p-th percentile (nearest rank) of the values counted in ``histogram``.

    ``histogram`` maps a value to how many times it occurs. None when empty.
    """
    total = sum(histogram.values())
    if total == 0:
        return None
    rank = max(1, -(-p * total // 100))  # ceil(p * total / 100), at least 1
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    raise AssertionError("unreachable")  # pragma: no cover


def median(histogram: Mapping[int, int]) -> int | None:
    return percentile(histogram, 50)

"""Daily jobs: reminders to officials, a digest for heads, expiry of unconfirmed letters.

Run them once a day with ``manage.py run_daily_jobs`` from cron, or let the
task worker run them (``manage.py run_daily_jobs --enqueue``). Each e-mail has
a key with the day in it, so running the jobs twice on one day sends nothing
twice.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from emanager.directory.links import absolute_url
from emanager.letters.choices import LetterStatus
from emanager.letters.models import Letter
from emanager.letters.services import _notify, letters_expire_unconfirmed

DUE_SOON_DAYS = 2
STAFF_LANGUAGE = "ka"
WAITING = (LetterStatus.OPEN,)  # a letter waiting for the citizen's clarification is not due


@dataclass
class DailyReport:
    reminders: int = 0
    digests: int = 0
    expired: int = 0
    # Public-information requests (emanager.foi.jobs).
    foi_deemed_refused: int = 0
    foi_refusal_reminders: int = 0
    # Proactive publication (emanager.proactive.jobs).
    proactive_reminders: int = 0
    # Satisfaction survey e-mails: questions and reminders (emanager.surveys.jobs).
    surveys: int = 0


def _item(letter: Letter, today: datetime.date) -> dict:
    return {
        "number": letter.number,
        "subject": letter.subject,
        "deadline": letter.deadline.isoformat(),
        "overdue_days": max(0, (today - letter.deadline).days),
        "url": absolute_url(
            letter.municipality,
            "letters:staff_letter",
            language=STAFF_LANGUAGE,
            kwargs={"uuid": str(letter.uuid)},
        ),
    }


def _recipient(letter: Letter) -> str:
    if letter.assignee_id and letter.assignee.email:
        return letter.assignee.email
    if letter.addressee_official_id and letter.addressee_official.email:
        return letter.addressee_official.email
    return letter.addressee_body.email


def letters_remind(*, today: datetime.date | None = None) -> int:
    """One e-mail a day to each official with letters due within 2 days or overdue."""
    today = today or timezone.localdate()
    letters = (
        Letter.objects.filter(
            status__in=WAITING,
            deadline__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
        )
        .select_related("municipality", "assignee", "addressee_official", "addressee_body")
        .order_by("deadline", "pk")
    )
    by_recipient: dict[tuple[int, str], list[Letter]] = defaultdict(list)
    for letter in letters:
        address = _recipient(letter)
        if address:
            by_recipient[(letter.municipality_id, address.lower())].append(letter)
    for (_municipality, address), batch in by_recipient.items():
        with transaction.atomic():
            _notify(
                template="letters/reminder",
                to=address,
                language=STAFF_LANGUAGE,
                key=f"reminder:{address}:{today.isoformat()}",
                context={
                    "municipality": batch[0].municipality.name,
                    "count": len(batch),
                    "overdue": [_item(x, today) for x in batch if x.deadline < today],
                    "due_soon": [_item(x, today) for x in batch if x.deadline >= today],
                },
            )
    return len(by_recipient)


def letters_digest(*, today: datetime.date | None = None) -> int:
    """One e-mail a day to each head: yesterday's new letters, what is open, due and overdue."""
    from emanager.staff.models import Membership, StaffRole
    from emanager.staff.permissions import letters_visible_to

    today = today or timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    sent = 0
    heads = (
        Membership.objects.filter(role=StaffRole.HEAD, user__is_active=True)
        .exclude(user__email="")
        .select_related("user", "municipality")
        .order_by("user_id")
    )
    seen: set[tuple[int, int]] = set()
    for membership in heads:
        user, municipality = membership.user, membership.municipality
        if (user.pk, municipality.pk) in seen:
            continue
        seen.add((user.pk, municipality.pk))
        letters = letters_visible_to(user, municipality).select_related("municipality")
        waiting = letters.filter(status__in=WAITING)
        overdue = list(waiting.filter(deadline__lt=today).order_by("deadline")[:50])
        context = {
            "municipality": municipality.name,
            "new": letters.filter(registered_at__date=yesterday).count(),
            "open": waiting.count(),
            "due_soon": waiting.filter(
                deadline__gte=today, deadline__lte=today + datetime.timedelta(days=DUE_SOON_DAYS)
            ).count(),
            "overdue": [_item(letter, today) for letter in overdue],
            "inbox_url": absolute_url(municipality, "staff:inbox", language=STAFF_LANGUAGE),
        }
        if not (context["new"] or context["open"]):
            continue
        with transaction.atomic():
            _notify(
                template="letters/digest",
                to=user.email,
                language=STAFF_LANGUAGE,
                key=f"digest:{user.pk}:{municipality.pk}:{today.isoformat()}",
                context=context,
            )
        sent += 1
    return sent


def daily_jobs(*, today: datetime.date | None = None) -> DailyReport:
    from emanager.foi.jobs import foi_daily_jobs
    from emanager.proactive.jobs import proactive_remind
    from emanager.surveys.jobs import surveys_send

    # First the deemed refusals, so that today's reminders and digests see them.
    foi = foi_daily_jobs(today=today)
    return DailyReport(
        reminders=letters_remind(today=today),
        digests=letters_digest(today=today),
        expired=letters_expire_unconfirmed(),
        foi_deemed_refused=foi.deemed_refused,
        foi_refusal_reminders=foi.refusal_reminders,
        proactive_reminders=proactive_remind(today=today),
        surveys=surveys_send(today=today),
    )

"""The daily reminder of proactive publication, run by ``manage.py run_daily_jobs``.

An item is reminded a week before its due date (:data:`rules.REMINDER_DAYS_BEFORE`)
and on the due date, when the period due is not published yet: a quarterly or
yearly item for its next period, an on-change item before its year without an
update ends. Legal acts have no calendar and are not reminded, nor are items
marked not applicable.

Who is reminded: the active staff (any role) of the item's responsible body
who have an e-mail address; when there is none, or no body is set, the
municipality's administrators. Each recipient gets one e-mail a day listing
their items.

Each stage of an item's due date is reminded once (a :class:`Reminder` row
records it), whatever day the job first runs within the week, and however
often it runs: running it twice on a day sends nothing twice.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation

from emanager.deadlines.selectors import calendar_for
from emanager.directory.links import absolute_url
from emanager.directory.models import Municipality
from emanager.notifications.services import notification_enqueue
from emanager.proactive import rules
from emanager.proactive.choices import ReminderStage, UpdateRule
from emanager.proactive.models import CatalogueItem, Document, Reminder
from emanager.staff.models import StaffRole

__all__ = ["proactive_remind", "reminder_recipients"]

STAFF_LANGUAGE = "ka"


@dataclass(frozen=True)
class _Due:
    item: CatalogueItem
    upcoming: rules.Upcoming
    stage: ReminderStage


def reminder_recipients(item: CatalogueItem) -> list[str]:
    """The addresses reminded of the item: its body's staff, else the administrators."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, memberships__municipality_id=item.municipality_id)
        .exclude(email="")
    )
    if item.responsible_body_id is not None:
        addresses = _addresses(users.filter(memberships__body_id=item.responsible_body_id))
        if addresses:
            return addresses
    return _addresses(users.filter(memberships__role=StaffRole.ADMIN))


def _addresses(users) -> list[str]:
    return sorted({email.lower() for email in users.values_list("email", flat=True)})


def _stage(upcoming: rules.Upcoming, today: datetime.date) -> ReminderStage | None:
    days_left = (upcoming.due - today).days
    if days_left == 0:
        return ReminderStage.DUE
    if 0 < days_left <= rules.REMINDER_DAYS_BEFORE:
        return ReminderStage.SOON
    return None


def _due_items(municipality: Municipality, today: datetime.date) -> list[_Due]:
    items = list(
        CatalogueItem.objects.filter(municipality=municipality, is_applicable=True)
        .exclude(rule=UpdateRule.LEGAL_ACTS)
        .order_by("order", "pk")
    )
    if not items:
        return []
    documents: dict[int, list[rules.PublishedDocument]] = defaultdict(list)
    for document in Document.objects.published().filter(item__in=items, published_on__lte=today):
        documents[document.item_id].append(document.for_rules())
    sent = set(
        Reminder.objects.filter(item__in=items, due__gte=today).values_list(
            "item_id", "due", "stage"
        )
    )
    calendar = calendar_for(municipality)
    found = []
    for item in items:
        upcoming = rules.next_due(
            rule=item.rule,
            documents=documents[item.pk],
            on=today,
            reviewed_on=item.reviewed_on,
            calendar=calendar,
        )
        if upcoming is None or upcoming.covered:
            continue
        stage = _stage(upcoming, today)
        if stage is None or (item.pk, upcoming.due, stage) in sent:
            continue
        found.append(_Due(item, upcoming, stage))
    return found


def _context_item(due: _Due, today: datetime.date) -> dict:
    item, period = due.item, due.upcoming.period
    with translation.override(STAFF_LANGUAGE):
        name = item.name
    return {
        "name": name,
        "due": due.upcoming.due.isoformat(),
        "days_left": (due.upcoming.due - today).days,
        "period_year": period.year if period else None,
        "period_quarter": (period.quarter or 0) if period else None,
        "url": absolute_url(
            item.municipality,
            "proactive:staff_item",
            language=STAFF_LANGUAGE,
            kwargs={"slug": item.slug},
        ),
    }


def _remind(municipality: Municipality, today: datetime.date) -> int:
    by_address: dict[str, list[_Due]] = defaultdict(list)
    due_items = _due_items(municipality, today)
    recipients = {}
    for due in due_items:
        due.item.municipality = municipality
        recipients[due.item.pk] = reminder_recipients(due.item)
        for address in recipients[due.item.pk]:
            by_address[address].append(due)
    with transaction.atomic():
        for due in due_items:
            Reminder.objects.get_or_create(
                item=due.item,
                due=due.upcoming.due,
                stage=due.stage,
                defaults={"sent_on": today, "recipients": len(recipients[due.item.pk])},
            )
        catalogue_url = absolute_url(
            municipality, "proactive:staff_catalogue", language=STAFF_LANGUAGE
        )
        with translation.override(STAFF_LANGUAGE):
            municipality_name = municipality.name
        for address, batch in by_address.items():
            what = ",".join(f"{due.item.pk}:{due.upcoming.due}:{due.stage}" for due in batch)
            digest = hashlib.sha256(f"{address}|{what}".encode()).hexdigest()[:32]
            notification_enqueue(
                template="proactive/reminder",
                to=address,
                language=STAFF_LANGUAGE,
                key=f"proactive:reminder:{today.isoformat()}:{digest}",
                context={
                    "municipality": municipality_name,
                    "items": [_context_item(due, today) for due in batch],
                    "catalogue_url": catalogue_url,
                },
            )
    return len(by_address)


def proactive_remind(*, today: datetime.date | None = None) -> int:
    """Remind the responsible units of the items falling due; return how many e-mails."""
    today = today or timezone.localdate()
    municipalities = Municipality.objects.filter(
        pk__in=CatalogueItem.objects.values("municipality_id")
    ).order_by("pk")
    return sum(_remind(municipality, today) for municipality in municipalities)

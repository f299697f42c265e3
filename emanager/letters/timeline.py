"""The append-only, hash-chained timeline of letters.

Every event of a municipality carries the SHA-256 of the previous event of
the same municipality. Appending locks the municipality's chain head, so the
chain stays linear when letters are handled at the same moment.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from emanager.core.freshness import changed
from emanager.directory.models import Municipality
from emanager.letters.choices import EventKind
from emanager.letters.models import ChainHead, Event, Letter

GENESIS = "0" * 64


def event_digest(
    *,
    municipality_id: int,
    letter_id: int,
    seq: int,
    kind: str,
    actor_id: int | None,
    actor_label: str,
    data: dict,
    created_at,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        {
            "municipality": municipality_id,
            "letter": letter_id,
            "seq": seq,
            "kind": kind,
            "actor": actor_id,
            "actor_label": actor_label,
            "data": data,
            "created_at": created_at.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
            "prev": prev_hash,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _digest_of(event: Event) -> str:
    return event_digest(
        municipality_id=event.municipality_id,
        letter_id=event.letter_id,
        seq=event.seq,
        kind=event.kind,
        actor_id=event.actor_id,
        actor_label=event.actor_label,
        data=event.data,
        created_at=event.created_at,
        prev_hash=event.prev_hash,
    )


def event_append(
    *,
    letter: Letter,
    kind: EventKind,
    actor=None,
    actor_label: str = "",
    data: dict | None = None,
    now: datetime.datetime | None = None,
) -> Event:
    """Append an event to the letter's municipality's chain; ``now`` is its time.

    ``now`` (default: ``timezone.now()``) lets a caller that replays history,
    such as the demo generator, date the event in the past. The chain orders
    events by ``seq``, not by time: a caller that passes ``now`` must append
    the events of a municipality in increasing ``now`` order, across all its
    letters, and never earlier than the newest event already in the chain, or
    the timeline would list events out of their real order.
    """
    (event,) = events_append(
        letter=letter,
        events=[NewEvent(kind=kind, actor=actor, actor_label=actor_label, data=data)],
        now=now,
    )
    return event


@dataclass(frozen=True)
class NewEvent:
    kind: EventKind
    actor: object = None
    actor_label: str = ""
    data: dict | None = None


@transaction.atomic
def events_append(
    *, letter: Letter, events: list[NewEvent], now: datetime.datetime | None = None
) -> list[Event]:
    """Append several events of one letter, in this order, under one lock of the chain.

    As :func:`event_append` does for one event, with one lock, one insert and
    one update of the chain head for all of them.
    """
    ChainHead.objects.bulk_create(
        [ChainHead(municipality_id=letter.municipality_id)], ignore_conflicts=True
    )
    head = ChainHead.objects.select_for_update().get(municipality_id=letter.municipality_id)
    created_at = now or timezone.now()
    rows = []
    for new in events:
        actor = new.actor
        event = Event(
            municipality_id=letter.municipality_id,
            letter=letter,
            seq=head.last_seq + 1,
            kind=new.kind,
            actor=actor if actor is not None and actor.is_authenticated else None,
            actor_label=new.actor_label,
            data=json.loads(json.dumps(new.data or {}, default=str)),
            created_at=created_at,
            prev_hash=head.last_hash,
        )
        event.hash = _digest_of(event)
        head.last_seq = event.seq
        head.last_hash = event.hash
        rows.append(event)
    Event.objects.bulk_create(rows)
    head.save(update_fields=["last_seq", "last_hash"])
    # bulk_create sends no post_save: the public pages' data version is changed here.
    changed([letter.municipality_id])
    return rows


@dataclass
class BrokenLink:
    municipality: Municipality
    seq: int
    reason: str


def chain_verify(municipality: Municipality) -> BrokenLink | None:
    """Recompute the municipality's chain; the first broken link, or None."""
    expected_prev = GENESIS
    expected_seq = 1
    for event in Event.objects.filter(municipality=municipality).order_by("seq").iterator():
        if event.seq != expected_seq:
            return BrokenLink(municipality, expected_seq, "an event is missing")
        if event.prev_hash != expected_prev:
            return BrokenLink(municipality, event.seq, "it does not follow the previous event")
        if _digest_of(event) != event.hash:
            return BrokenLink(municipality, event.seq, "its content was changed")
        expected_prev = event.hash
        expected_seq += 1
    head = ChainHead.objects.filter(municipality=municipality).first()
    if head is not None and (head.last_seq != expected_seq - 1 or head.last_hash != expected_prev):
        return BrokenLink(municipality, expected_seq, "the newest events were removed")
    return None

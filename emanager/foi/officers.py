"""Who answers for public information in a body: its public-information officer.

Each public institution names one officer (General Administrative Code,
chapter III). The officer of a body is looked for, nearest first:

1. a staff member with the public-information role over the body or over a
   body above it, linked to an official of the directory;
2. the holder of a public-information officer's position in the directory, in
   the body or in a body above it;
3. such a position in a unit below the body (the Sakrebulo's officer sits in
   its apparatus).

None found: the body's page gives the body's own contacts instead.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from emanager.directory.models import Body, Mandate, Official, Position, PositionKind
from emanager.staff.models import Membership, StaffRole

__all__ = ["Officer", "responsible_officers"]


@dataclass(frozen=True)
class Officer:
    official: Official
    # Where the role is held: the body itself, one above it or one below it.
    body: Body
    # The position of the directory, when the officer was found by it.
    position: Position | None = None


def _chain(body: Body, by_id: dict[int, Body]) -> list[Body]:
    """The body and the bodies above it, nearest first."""
    chain, seen = [], set()
    current: Body | None = body
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        chain.append(current)
        current = by_id.get(current.parent_id) if current.parent_id else None
    return chain


def _below(body: Body, tree: list[tuple[Body, int]]) -> list[Body]:
    """The bodies below this one, in tree order (nearest levels first)."""
    found: list[tuple[int, Body]] = []
    inside: int | None = None
    for candidate, depth in tree:
        if inside is not None:
            if depth <= inside:
                break
            found.append((depth, candidate))
        elif candidate.pk == body.pk:
            inside = depth
    return [candidate for _depth, candidate in sorted(found, key=lambda item: item[0])]


def responsible_officers(body: Body, tree: list[tuple[Body, int]]) -> list[Officer]:
    """The public-information officers of this body, in two queries.

    ``tree`` is the municipality's bodies with their depth
    (:func:`emanager.foi.register.body_tree`).
    """
    by_id = {candidate.pk: candidate for candidate, _depth in tree}
    by_id.setdefault(body.pk, body)
    chain = _chain(body, by_id)
    below = _below(body, tree)
    memberships: dict[int, list[Official]] = defaultdict(list)
    for membership in (
        Membership.objects.filter(
            municipality_id=body.municipality_id,
            role=StaffRole.PIO,
            body_id__in=[candidate.pk for candidate in chain],
            official__isnull=False,
            user__is_active=True,
        )
        .select_related("official")
        .order_by("pk")
    ):
        if membership.official not in memberships[membership.body_id]:
            memberships[membership.body_id].append(membership.official)
    positions: dict[int, list[tuple[Official, Position]]] = defaultdict(list)
    for mandate in (
        Mandate.objects.current(timezone.localdate())
        .filter(
            position__kind=PositionKind.PUBLIC_INFORMATION_OFFICER,
            position__body_id__in=[candidate.pk for candidate in chain + below],
        )
        .select_related("official", "position")
        .order_by("position__order", "official__last_name", "pk")
    ):
        positions[mandate.position.body_id].append((mandate.official, mandate.position))
    for level in chain:
        if memberships[level.pk]:
            return [Officer(official=official, body=level) for official in memberships[level.pk]]
        if positions[level.pk]:
            return [
                Officer(official=official, body=level, position=position)
                for official, position in positions[level.pk]
            ]
    for level in below:
        if positions[level.pk]:
            return [
                Officer(official=official, body=level, position=position)
                for official, position in positions[level.pk]
            ]
    return []

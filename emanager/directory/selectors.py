"""Reads of the directory. Views call these; nothing here writes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from emanager.directory.models import (
    Body,
    BodyKind,
    Mandate,
    Municipality,
    Official,
    Position,
    PositionKind,
    TerritorialUnit,
)

LEADING_POSITION_KINDS = (
    PositionKind.MAYOR,
    PositionKind.CHAIR,
    PositionKind.HEAD,
    PositionKind.REPRESENTATIVE,
)


def require_municipality(request) -> Municipality:
    """The request's municipality, or 404 on a shared host's bare root."""
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        raise Http404("No municipality at this address.")
    return municipality


def municipality_list() -> QuerySet[Municipality]:
    return Municipality.objects.order_by("name")


def _current_mandates() -> QuerySet[Mandate]:
    return Mandate.objects.current(timezone.localdate()).select_related(
        "official", "position", "position__body", "position__territorial_unit"
    )


def _by_name(mandate: Mandate) -> tuple[str, str]:
    # In Python: the database would sort by the Georgian column on every page,
    # since modeltranslation does not rewrite ordering across relations.
    return (mandate.official.last_name.casefold(), mandate.official.first_name.casefold())


@dataclass
class BodyNode:
    body: Body
    depth: int
    children: list[BodyNode] = field(default_factory=list)
    heads: list[Mandate] = field(default_factory=list)


def body_tree(municipality: Municipality) -> list[BodyNode]:
    """All bodies of the municipality as a forest, with who leads each one."""
    bodies = list(Body.objects.filter(municipality=municipality).order_by("order", "name"))
    heads: dict[int, list[Mandate]] = defaultdict(list)
    for mandate in _current_mandates().filter(
        position__body__municipality=municipality,
        position__kind__in=LEADING_POSITION_KINDS,
        position__territorial_unit__isnull=True,
    ):
        heads[mandate.position.body_id].append(mandate)
    nodes = {body.pk: BodyNode(body=body, depth=0, heads=heads[body.pk]) for body in bodies}
    roots: list[BodyNode] = []
    for body in bodies:
        node = nodes[body.pk]
        parent = nodes.get(body.parent_id) if body.parent_id else None
        if parent is None:
            roots.append(node)
        else:
            parent.children.append(node)

    def set_depth(node: BodyNode, depth: int) -> None:
        node.depth = depth
        for child in node.children:
            set_depth(child, depth + 1)

    for root in roots:
        set_depth(root, 0)
    return roots


@dataclass
class PositionHolders:
    position: Position
    mandates: list[Mandate]


@dataclass
class BodyDetail:
    body: Body
    ancestors: list[Body]
    children: list[Body]
    positions: list[PositionHolders]
    members_by_group: list[tuple[Body | None, list[Mandate]]]


def body_detail(municipality: Municipality, slug: str) -> BodyDetail:
    body = get_object_or_404(Body.objects.filter(municipality=municipality), slug=slug)
    all_bodies = {b.pk: b for b in Body.objects.filter(municipality=municipality)}
    ancestors: list[Body] = []
    parent_id = body.parent_id
    while parent_id is not None and parent_id in all_bodies and len(ancestors) < 20:
        ancestors.insert(0, all_bodies[parent_id])
        parent_id = all_bodies[parent_id].parent_id
    children = sorted(
        (b for b in all_bodies.values() if b.parent_id == body.pk), key=lambda b: (b.order, b.name)
    )
    positions = list(
        body.positions.prefetch_related(
            Prefetch(
                "mandates",
                queryset=_current_mandates(),
                to_attr="current_mandates",
            )
        ).select_related("territorial_unit")
    )
    holders = [
        PositionHolders(p, sorted(p.current_mandates, key=_by_name))
        for p in positions
        if p.current_mandates
    ]
    members_by_group: list[tuple[Body | None, list[Mandate]]] = []
    if body.kind == BodyKind.SAKREBULO:
        members_by_group = _council_members_by_faction(body, children)
    return BodyDetail(body, ancestors, children, holders, members_by_group)


def _council_members_by_faction(
    council: Body, children: list[Body]
) -> list[tuple[Body | None, list[Mandate]]]:
    """Council members grouped by faction (members of no faction last)."""
    members = sorted(_current_mandates().filter(position__body=council), key=_by_name)
    factions = [child for child in children if child.kind == BodyKind.FACTION]
    faction_of: dict[int, Body] = {}
    for mandate in _current_mandates().filter(position__body__in=factions):
        faction_of[mandate.official_id] = mandate.position.body
    groups: dict[int | None, list[Mandate]] = defaultdict(list)
    seen: set[int] = set()
    for mandate in members:
        if mandate.official_id in seen:
            continue
        seen.add(mandate.official_id)
        faction = faction_of.get(mandate.official_id)
        groups[faction.pk if faction else None].append(mandate)
    result: list[tuple[Body | None, list[Mandate]]] = [
        (faction, groups[faction.pk]) for faction in factions if groups.get(faction.pk)
    ]
    if groups.get(None):
        result.append((None, groups[None]))
    return result


@dataclass
class OfficialDetail:
    official: Official
    mandates: list[Mandate]
    past_mandates: list[Mandate]
    factions: list[Mandate]
    commissions: list[Mandate]
    is_council_member: bool


def official_detail(municipality: Municipality, slug: str) -> OfficialDetail:
    official = get_object_or_404(Official.objects.filter(municipality=municipality), slug=slug)
    today = timezone.localdate()
    all_mandates = list(
        official.mandates.select_related(
            "position", "position__body", "position__territorial_unit"
        ).order_by("position__body__order", "position__order")
    )
    current = [m for m in all_mandates if m.is_current(today)]
    past = [m for m in all_mandates if not m.is_current(today)]
    factions = [m for m in current if m.position.body.kind == BodyKind.FACTION]
    commissions = [m for m in current if m.position.body.kind == BodyKind.COMMISSION]
    main = [m for m in current if m not in factions and m not in commissions]
    return OfficialDetail(
        official=official,
        mandates=main,
        past_mandates=past,
        factions=factions,
        commissions=commissions,
        is_council_member=any(m.position.kind == PositionKind.COUNCIL_MEMBER for m in current),
    )


def official_list(municipality: Municipality) -> QuerySet[Official]:
    return (
        Official.objects.filter(municipality=municipality)
        .prefetch_related(Prefetch("mandates", queryset=_current_mandates(), to_attr="current"))
        .order_by("last_name", "first_name")
    )


def unit_list(municipality: Municipality) -> list[TerritorialUnit]:
    units = list(TerritorialUnit.objects.filter(municipality=municipality))
    by_unit: dict[int, list[Mandate]] = defaultdict(list)
    for mandate in _current_mandates().filter(position__territorial_unit__in=units):
        by_unit[mandate.position.territorial_unit_id].append(mandate)
    for unit in units:
        unit.representatives = by_unit[unit.pk]
    return units


def unit_detail(municipality: Municipality, slug: str) -> TerritorialUnit:
    unit = get_object_or_404(TerritorialUnit.objects.filter(municipality=municipality), slug=slug)
    unit.representatives = list(_current_mandates().filter(position__territorial_unit=unit))
    return unit


def leadership(municipality: Municipality) -> list[Mandate]:
    """The Mayor and the Sakrebulo chair, for the home page."""
    return list(
        _current_mandates()
        .filter(
            position__body__municipality=municipality,
            position__kind__in=(PositionKind.MAYOR, PositionKind.CHAIR),
            position__body__kind__in=(BodyKind.CITY_HALL, BodyKind.SAKREBULO),
        )
        .order_by("position__body__order")
    )


# --- Search ------------------------------------------------------------------


@dataclass
class SearchResults:
    query: str
    officials: list[tuple[Official, list[Mandate]]]
    bodies: list[Body]
    units: list[TerritorialUnit]

    @property
    def total(self) -> int:
        return len(self.officials) + len(self.bodies) + len(self.units)


MIN_QUERY_LENGTH = 2


def normalize(text: str) -> str:
    """Case-fold for matching: also maps Georgian Mtavruli capitals to Mkhedruli."""
    return " ".join(text.casefold().split())


def _texts(obj, *fields: str) -> list[str]:
    return [getattr(obj, f"{name}_{lang}") or "" for name in fields for lang in ("ka", "en", "ru")]


def directory_search(municipality: Municipality, query: str) -> SearchResults:
    """Officials, bodies and units whose names contain the query.

    Matching is done in Python on case-folded text in all three languages,
    because SQLite folds only ASCII letters and neither database folds
    Georgian Mtavruli. A municipality's directory is small (hundreds of rows),
    so reading it whole is cheap. Each word of the query must occur, in any
    position of any word (Georgian has rich suffixes, so a stem must match).
    """
    terms = normalize(query).split()
    results = SearchResults(query=query, officials=[], bodies=[], units=[])
    if not terms or len("".join(terms)) < MIN_QUERY_LENGTH:
        return results

    def matches(haystack: list[str]) -> bool:
        text = normalize(" ".join(haystack))
        return all(term in text for term in terms)

    bodies = list(Body.objects.filter(municipality=municipality))
    body_text = {b.pk: _texts(b, "name", "short_name") for b in bodies}
    units = list(TerritorialUnit.objects.filter(municipality=municipality))
    unit_text = {u.pk: _texts(u, "name", "center", "settlements") for u in units}

    for official in official_list(municipality):
        haystack = _texts(official, "first_name", "last_name")
        for mandate in official.current:
            haystack += _texts(mandate.position, "title")
            haystack += body_text.get(mandate.position.body_id, [])
            if mandate.position.territorial_unit_id:
                haystack += unit_text.get(mandate.position.territorial_unit_id, [])
        if matches(haystack):
            results.officials.append((official, official.current))
    results.bodies = [b for b in bodies if matches(body_text[b.pk])]
    results.bodies.sort(key=lambda b: (b.order, b.name))
    results.units = [u for u in units if matches(unit_text[u.pk])]
    return results

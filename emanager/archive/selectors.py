"""Reads of the public archive: the choices of its filters and the letters they select.

The letters come through :func:`emanager.publication.selectors.published_letters`
only, so the archive shows nothing the published path does not allow.
"""

from __future__ import annotations

from dataclasses import dataclass

from emanager.directory.models import Body, Municipality, Official, TerritorialUnit
from emanager.publication.selectors import PublishedLetters, published_letters
from emanager.registry import selectors as registry_selectors

__all__ = ["ArchiveChoices", "archive_choices", "archive_letters"]


@dataclass(frozen=True)
class ArchiveChoices:
    """What the archive's filters offer (four queries, whatever the size of the archive)."""

    tree: list[tuple[Body, int]]
    officials: list[Official]
    units: list[TerritorialUnit]
    years: list[int]


def archive_choices(municipality: Municipality) -> ArchiveChoices:
    return ArchiveChoices(
        tree=registry_selectors.body_tree(municipality),
        officials=list(Official.objects.filter(municipality=municipality)),
        units=list(TerritorialUnit.objects.filter(municipality=municipality)),
        years=published_letters(municipality).years(),
    )


def archive_letters(
    municipality: Municipality, chosen: dict, *, tree: list[tuple[Body, int]]
) -> PublishedLetters:
    """The published letters of the municipality that the chosen filters select.

    ``chosen``: any of ``body`` (a Body: its letters and those of the bodies
    under it), ``official``, ``unit``, ``kind``, ``status``, ``outcome``, ``year``.
    """
    letters = published_letters(municipality)
    lookups: dict = {}
    if chosen.get("body") is not None:
        lookups["bodies"] = sorted(registry_selectors.subtree_ids(tree, chosen["body"]))
    if chosen.get("official") is not None:
        lookups["official"] = chosen["official"]
    if chosen.get("unit") is not None:
        lookups["unit"] = chosen["unit"]
    for name in ("kind", "status", "outcome"):
        if chosen.get(name):
            lookups[name] = chosen[name]
    if chosen.get("year"):
        lookups["registered_year"] = chosen["year"]
    return letters.filter(**lookups) if lookups else letters

"""Whom a citizen can write to: officials, bodies and territorial units."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from emanager.directory.models import Body, Municipality, Official, PositionKind, TerritorialUnit


@dataclass(frozen=True)
class Addressee:
    body: Body
    official: Official | None = None
    unit: TerritorialUnit | None = None


def choices(municipality: Municipality) -> list[tuple[str, list[tuple[str, str]]]]:
    from emanager.directory.selectors import official_list

    officials = []
    for official in official_list(municipality):
        if not official.current:
            continue
        position = official.current[0].position
        officials.append((f"official:{official.pk}", f"{official.full_name} — {position.title}"))
    bodies = [
        (f"body:{body.pk}", body.name)
        for body in Body.objects.filter(municipality=municipality).order_by("order", "name")
    ]
    units = [
        (f"unit:{unit.pk}", unit.name)
        for unit in TerritorialUnit.objects.filter(municipality=municipality)
    ]
    return [(_("Officials"), officials), (_("Bodies"), bodies), (_("Territorial units"), units)]


def resolve(municipality: Municipality, value: str) -> Addressee | None:
    kind, _sep, raw_id = (value or "").partition(":")
    if not raw_id.isdigit():
        return None
    pk = int(raw_id)
    if kind == "body":
        body = Body.objects.filter(municipality=municipality, pk=pk).first()
        return Addressee(body=body) if body else None
    if kind == "official":
        official = Official.objects.filter(municipality=municipality, pk=pk).first()
        if official is None:
            return None
        mandate = official.mandates.current().select_related("position__body").first()
        if mandate is None:
            return None
        return Addressee(body=mandate.position.body, official=official)
    if kind == "unit":
        unit = TerritorialUnit.objects.filter(municipality=municipality, pk=pk).first()
        if unit is None:
            return None
        position = unit.positions.filter(kind=PositionKind.REPRESENTATIVE).first()
        holder = None
        body = None
        if position is not None:
            body = position.body
            current = position.mandates.current().select_related("official").first()
            holder = current.official if current else None
        if body is None:
            body = Body.objects.filter(municipality=municipality, kind="city_hall").first()
        if body is None:
            return None
        return Addressee(body=body, official=holder, unit=unit)
    return None


def encode(obj) -> str:
    if isinstance(obj, Official):
        return f"official:{obj.pk}"
    if isinstance(obj, TerritorialUnit):
        return f"unit:{obj.pk}"
    return f"body:{obj.pk}"

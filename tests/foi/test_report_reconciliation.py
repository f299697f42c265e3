"""The annual report reconciles exactly with the public register.

Every figure of the report (of the municipality, of each public institution
and of a service) is recounted here from the rows of the register's JSON
download for the same year and body, as anyone could recount it; and each
outcome is checked once more against the register filtered by that outcome.
Done on a rich year of requests, and on the demo data.
"""

from __future__ import annotations

import importlib
import io
import json
from collections import Counter
from decimal import Decimal

import pytest
from django.utils import timezone

from emanager.foi import report
from emanager.foi.choices import ComplaintOutcome, FoiOutcome, RefusalGround
from emanager.foi.register import ANSWER_OUTCOMES, PENDING, body_tree
from tests.foi.factories import rich_register
from tests.staff.conftest import make_user

pytestmark = pytest.mark.django_db

REGISTER_JSON = "/en/public-information/register.json"


def register_rows(client, **filters) -> list[dict]:
    query = {key: value for key, value in filters.items() if value is not None}
    response = client.get(REGISTER_JSON, query)
    assert response.status_code == 200, response.content[:500]
    return json.loads(response.content)["rows"]


def recount(rows: list[dict]) -> dict:
    """Every report figure, counted from register rows."""
    outcomes = Counter(row["outcome"] for row in rows)
    figures: dict = {"received": len(rows)}
    for outcome in FoiOutcome.values:
        figures[outcome] = outcomes[outcome]
    figures["pending"] = outcomes[PENDING]
    unrecorded = any(
        not row["refusal_ground"]
        for row in rows
        if row["outcome"] in (FoiOutcome.PARTLY_GRANTED, FoiOutcome.REFUSED)
    )
    for outcome in (FoiOutcome.PARTLY_GRANTED, FoiOutcome.REFUSED):
        grounds = Counter(row["refusal_ground"] for row in rows if row["outcome"] == outcome)
        for ground in RefusalGround.values:
            figures[f"{outcome}:{ground}"] = grounds[ground]
        if unrecorded:  # a line of its own only when there are such refusals
            figures[f"{outcome}:unrecorded"] = grounds[""]
    answered = [
        row for row in rows if row["outcome"] in ANSWER_OUTCOMES and row["days_taken"] is not None
    ]
    figures["answered_late"] = sum(1 for row in answered if row["late"])
    figures["answered_in_time"] = sum(1 for row in answered if not row["late"])
    figures["average_days"] = (
        (Decimal(sum(row["days_taken"] for row in answered)) / len(answered)).quantize(
            Decimal("0.1")
        )
        if answered
        else None
    )
    complaints = Counter(outcome for row in rows for outcome in row["complaints"])
    figures["complaints"] = sum(complaints.values())
    for outcome in ComplaintOutcome.values:
        figures[f"complaints:{outcome}"] = complaints[outcome]
    figures["complaints:pending"] = complaints[""]
    figures["fees_collected"] = sum(
        (Decimal(row["fee"]) for row in rows if row["fee_paid_on"]), Decimal("0.00")
    )
    return figures


def recount_officials(rows: list[dict]) -> list[tuple[str, int, int]]:
    counts: dict[str, list[int]] = {}
    for row in rows:
        if row["outcome"] in (FoiOutcome.REFUSED, FoiOutcome.PARTLY_GRANTED):
            pair = counts.setdefault(row["decided_by"] or str(report.NAME_NOT_RECORDED), [0, 0])
            pair[0 if row["outcome"] == FoiOutcome.REFUSED else 1] += 1
    return sorted(
        ((name, refused, part) for name, (refused, part) in counts.items()),
        key=lambda item: (-(item[1] + item[2]), item[0]),
    )


def report_figures(figures: report.Figures) -> dict:
    """The report's lines by key; the outcome lines are keyed by the outcome's code."""
    return {line.key: line.value for line in figures.lines()}


def assert_reconciles(client, municipality, year: int, body=None) -> report.AnnualReport:
    annual = report.annual_report(municipality, year=year, body=body)
    slug = body.slug if body is not None else None
    rows = register_rows(client, year=year, body=slug)
    expected = recount(rows)
    got = report_figures(annual.total)
    assert set(got) == set(expected), f"{year} {slug}: {set(got) ^ set(expected)}"
    for key, value in expected.items():
        assert got[key] == value, f"{year} {slug}: {key} is {got[key]} in the report, {value} rows"
    assert [(o.name, o.refused, o.partly_granted) for o in annual.officials] == (
        recount_officials(rows)
    )
    # Each outcome once more, through the register's own outcome filter.
    for outcome in [*FoiOutcome.values, PENDING]:
        filtered = register_rows(client, year=year, body=slug, outcome=outcome)
        assert len(filtered) == expected[outcome], f"{year} {slug}: {outcome}"
    return annual


def assert_everything_reconciles(client, municipality, years) -> int:
    """The municipality's report, and each institution's, for each year. Returns how
    many requests were checked."""
    checked = 0
    tree = body_tree(municipality)
    for year in years:
        annual = assert_reconciles(client, municipality, year)
        checked += annual.total.received
        for institution, figures in annual.by_institution:
            own = assert_reconciles(client, municipality, year, institution)
            assert own.total.lines() == figures.lines(
                unrecorded_grounds=bool(
                    own.total.refused_by_ground[""] or own.total.partly_by_ground[""]
                )
            )
        assert sum(f.received for _b, f in annual.by_institution) == annual.total.received
        for body, depth in tree:
            if depth == 1:
                assert_reconciles(client, municipality, year, body)
    return checked


def test_the_report_reconciles_with_the_register(client, municipality, bodies):
    deciders = {
        "head": make_user("tamar", first_name="Tamar", last_name="Kiladze"),
        "official": make_user("giorgi", first_name="Giorgi", last_name="Beridze"),
        "speaker": make_user("eka", first_name="Eka", last_name="Kvirikashvili"),
    }
    rich_register(municipality, bodies, deciders)
    this_year = timezone.localdate().year
    checked = assert_everything_reconciles(client, municipality, [2024, 2025, this_year])
    assert checked == 2 + 20 + 2


def _demo_loader():
    try:
        module = importlib.import_module("emanager.foi.demo")
    except ModuleNotFoundError:
        return None
    return getattr(module, "load_foi_demo", None)


def test_the_report_reconciles_with_the_register_on_the_demo(client):
    load_foi_demo = _demo_loader()
    if load_foi_demo is None:
        pytest.skip(
            "emanager.foi.demo.load_foi_demo does not exist yet (written with the request "
            "handling); this check runs once it does."
        )
    import inspect

    from django.core.management import call_command

    from emanager.directory import demo_data
    from emanager.directory.models import Municipality
    from emanager.foi.models import FoiRequest

    call_command("load_demo", stdout=io.StringIO())
    municipality = Municipality.objects.get(slug=demo_data.MUNICIPALITY_SLUG)
    # It loads once: nothing more happens here when load_demo has loaded it already.
    if inspect.signature(load_foi_demo).parameters:
        load_foi_demo(municipality)
    else:
        load_foi_demo()
    years = sorted(
        {
            timezone.localdate(moment).year
            for moment in FoiRequest.objects.filter(
                letter__municipality=municipality, letter__registered_at__isnull=False
            ).values_list("letter__registered_at", flat=True)
        }
    )
    checked = assert_everything_reconciles(client, municipality, years)
    assert checked > 0, "the demo has no public-information request"

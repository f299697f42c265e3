"""Registration numbers: sequential per municipality, register and year.

A number is taken inside the transaction that registers the letter, by one
upsert of the counter row: the row stays locked until that transaction
commits, so concurrent registrations queue up on it, and a registration that
rolls back gives its number back with it. Numbers are never reused or skipped.
"""

from __future__ import annotations

from django.db import connection, transaction

from emanager.directory.models import Municipality
from emanager.letters.choices import RegisterDirection
from emanager.letters.models import Register, RegisterCounter


def register_for(*, municipality: Municipality, kind: str) -> Register:
    """The register of a letter kind: its own, else the general one (created if missing)."""
    registers = {
        r.kind: r
        for r in Register.objects.filter(
            municipality=municipality, direction=RegisterDirection.INCOMING, kind__in=[kind, ""]
        )
    }
    if kind in registers:
        return registers[kind]
    if "" in registers:
        return registers[""]
    Register.objects.bulk_create(
        [
            Register(
                municipality=municipality,
                kind="",
                name="ზოგადი რეესტრი",
                prefix=(municipality.slug[:3] or "REG").upper(),
            )
        ],
        ignore_conflicts=True,
    )
    return Register.objects.get(
        municipality=municipality, direction=RegisterDirection.INCOMING, kind=""
    )


def outgoing_register_for(*, municipality: Municipality) -> Register:
    """The register of the municipality's outgoing letters (created if missing)."""
    Register.objects.bulk_create(
        [
            Register(
                municipality=municipality,
                direction=RegisterDirection.OUTGOING,
                kind="",
                name="გასული კორესპონდენცია",
                prefix=f"{(municipality.slug[:3] or 'REG').upper()}-OUT",
            )
        ],
        ignore_conflicts=True,
    )
    return Register.objects.get(
        municipality=municipality, direction=RegisterDirection.OUTGOING, kind=""
    )


# The statement that takes a number; the table name is the model's own, not input.
_COUNTERS = f'"{RegisterCounter._meta.db_table}"'
_TAKE_NUMBER = (
    f"INSERT INTO {_COUNTERS} (register_id, year, last_number) VALUES (%s, %s, 1) "  # noqa: S608
    "ON CONFLICT (register_id, year) "
    f"DO UPDATE SET last_number = {_COUNTERS}.last_number + 1 "
    "RETURNING last_number"
)


def number_take(*, register: Register, year: int) -> int:
    """The next number of the register for the year. Call inside a transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("number_take must run inside the registering transaction.")
    # One statement takes the number: it creates the year's counter at 1, or
    # adds one to it, and returns the number, holding the counter's row lock
    # until the registering transaction ends (PostgreSQL; SQLite >= 3.35).
    with connection.cursor() as cursor:
        cursor.execute(_TAKE_NUMBER, [register.pk, year])
        return cursor.fetchone()[0]

"""Background tasks of the accountability app: thin wrappers around services."""

from __future__ import annotations

import datetime

from django.tasks import task

from emanager.accountability.services import Key, figures_recompute


@task
def recompute_figures(*, keys: list[list]) -> int:
    """Recompute these monthly rows from the letters; return how many were asked.

    Idempotent: each row is computed afresh from the letters as they are when
    the task runs, so a task run twice, or late, leaves the same figures.
    """
    figures_recompute(
        keys=[
            Key(municipality_id, scope, object_id, datetime.date.fromisoformat(month))
            for municipality_id, scope, object_id, month in keys
        ]
    )
    return len(keys)

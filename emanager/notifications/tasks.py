"""Background tasks of the outbox: thin wrappers around the services."""

from __future__ import annotations

from django.tasks import task

from emanager.notifications import services


@task
def deliver_outbox_message(message_id: int) -> str | None:
    status = services.outbox_deliver(message_id=message_id)
    return None if status is None else str(status)


@task
def sweep_outbox() -> dict[str, int]:
    result = services.outbox_sweep()
    return {"unstuck": result.unstuck, "queued": result.queued}

"""Audit tasks of the background queue (toolkit/queue.py): reads are audited off the request path."""

from datetime import UTC, datetime

from flask import g, has_request_context

from ..queue import app_context, huey
from .chain import append_queued


@huey.task(retries=3, retry_delay=1)
def append_audit_events(events: list[dict]) -> None:
    """Append the audit events of reads (queued, so the read path never waits for a chain lock)."""
    with app_context():
        append_queued(events)


def current_request_id() -> str | None:
    """The request's id (X-Request-ID) that audit events carry, or None outside a request (CLI, worker)."""
    return g.get("request_id") if has_request_context() else None


def queue_event(action: str, record_type: str, record_id: str | None, *, actor, outcome: str = "ok",
                also_for: str | None = None) -> None:
    """Hand an event to the render/audit queue: appended to the actor's chain (and, with `also_for`, to that
    practice's chain too) by a background worker, stamped with the time and request id of now."""
    request_id = current_request_id()
    base = dict(actor_id=actor.id, action=action, record_type=record_type, record_id=record_id, outcome=outcome,
                request_id=request_id, at=datetime.now(UTC).isoformat())
    events = [{**base, "practice_id": actor.practice_id}]
    if also_for and also_for != actor.practice_id:
        events.append({**base, "practice_id": also_for})
    append_audit_events(events)

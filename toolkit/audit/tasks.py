"""Audit tasks of the background queue (toolkit/queue.py)."""

from ..queue import app_context, huey


@huey.task(retries=3, retry_delay=1)
def append_audit_events(events: list[dict]) -> None:
    """Append the audit events of reads (queued, so the read path never waits for a chain lock)."""
    from .services import append_queued

    with app_context():
        append_queued(events)

"""Audit on the background queue: only the drain of read events that version 2 queued (issue 21) and a
queue may still hold after an upgrade. New read events are recorded before their response (audit/reads.py)
and never wait behind renders."""

from ..queue import app_context, huey
from .chain import append_queued
from .reads import note_event

# The name other packages import (auth, groups, web, agendas): events are no longer queued, see reads.py.
queue_event = note_event


@huey.task(retries=1_000_000, retry_delay=5)
def append_audit_events(events: list[dict]) -> None:
    """Append read events left in the queue by version 2; retried without a practical cap until the
    database takes them."""
    with app_context():
        append_queued(events)

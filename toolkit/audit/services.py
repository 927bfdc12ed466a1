"""Writing the audit trail. Writes are recorded by services in the same transaction as the change; reads
that show clinical data (`record()` with a read action, or `note_event` directly) are recorded before the
response leaves, in the request's transaction (audit/reads.py)."""

from datetime import UTC, datetime

from .chain import append
from .reads import current_request_id, note_event

# Actions that only show data: their events are appended after the view, before the response is sent, so
# the chain's lock is held only for the commit that ends the request.
READ_ACTIONS = frozenset({"read", "list", "export"})


def record(action: str, record_type: str, record_id: str | None, *, actor, outcome: str = "ok") -> dict | None:
    """A write's event: appended to the actor's practice chain in the caller's transaction (concurrent
    requests extend it one after another), so the change and its event commit together. A read's event is
    appended when the view is done and committed before the response is sent (`note_event`)."""
    if action in READ_ACTIONS:
        note_event(action, record_type, record_id, actor=actor, outcome=outcome)
        return None
    request_id = current_request_id()
    return append(practice_id=actor.practice_id, actor_id=actor.id, action=action, record_type=record_type,
                  record_id=record_id, outcome=outcome, request_id=request_id, at=datetime.now(UTC))


def record_denied(action: str, record_type: str, record_id: str | None, *, actor) -> None:
    """A refused attempt's event (a plain therapist overriding towards clear, resolving a crisis alert...).
    It must outlive the refusal that rolls the request back, so it is kept like a read's event: appended when
    the request has failed and rolled back, and committed before the error answer leaves (audit/reads.py).
    The service only raises; it never commits."""
    note_event(action, record_type, record_id, actor=actor, outcome="denied")

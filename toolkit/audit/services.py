"""Writing the audit trail. Writes are recorded by services in the same transaction as the change; reads
that show clinical data (`record()` with a read action, or `queue_event` directly) are handed to the
background queue, so the read path never takes a practice's chain lock."""

from datetime import UTC, datetime

from .chain import append
from .tasks import current_request_id, queue_event

# Actions that only show data: their events go through the queue (issue 21), stamped with the request's
# time and id, and are appended to the chain by the queue's worker.
READ_ACTIONS = frozenset({"read", "list", "export"})


def record(action: str, record_type: str, record_id: str | None, *, actor, outcome: str = "ok") -> dict | None:
    """A write's event: appended to the actor's practice chain in the caller's transaction (concurrent
    requests extend it one after another), so the change and its event commit together. A read's event is
    queued instead (`queue_event`): the request takes no chain lock."""
    if action in READ_ACTIONS:
        queue_event(action, record_type, record_id, actor=actor, outcome=outcome)
        return None
    request_id = current_request_id()
    return append(practice_id=actor.practice_id, actor_id=actor.id, action=action, record_type=record_type,
                  record_id=record_id, outcome=outcome, request_id=request_id, at=datetime.now(UTC))

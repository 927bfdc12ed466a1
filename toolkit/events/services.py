"""The change feed: append an event (in the transaction of its cause) and read a page after a cursor."""

from datetime import UTC, datetime

from sqlalchemy import func, select

from .. import signals
from ..common.query import lock_practice
from ..common.zones import aware
from ..extensions import db
from .models import Event

MAX_PAGE = 500


def emit(*, practice_id: str, type: str, data: dict, at: datetime | None = None) -> Event:
    """Append one event to the practice's feed with the next cursor, and send `signals.event_recorded`.

    The practice's row lock comes first (common/query.lock_practice, the same row lock as the audit chain's,
    so the two never wait on each other in opposite orders), then the last cursor is
    read: a second writer of the practice waits at the lock until this transaction ends, so cursors are
    given, and become visible, in commit order, with no gap (a rolled-back cursor is given again)."""
    lock_practice(practice_id)
    last = db.session.scalar(select(func.max(Event.seq)).where(Event.practice_id == practice_id)
                             .execution_options(all_practices=True))
    event = Event(practice_id=practice_id, seq=(last or 0) + 1, type=type, data=data, at=at or datetime.now(UTC))
    db.session.add(event)
    db.session.flush()
    signals.event_recorded.send(None, event=event)
    return event


def page(*, after: int, limit: int) -> tuple[list[Event], int]:
    """The caller's practice's events after the cursor `after`, oldest first, and the cursor to resume from."""
    rows = list(db.session.scalars(select(Event).where(Event.seq > after).order_by(Event.seq).limit(limit)))
    return rows, rows[-1].seq if rows else after


def present(event: Event) -> dict:
    return {"cursor": event.seq, "id": event.id, "type": event.type, "at": aware(event.at), "data": event.data}

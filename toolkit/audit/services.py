"""Writing the audit trail. Called by services in the same transaction as the change it records."""

from datetime import UTC, datetime

from flask import g, has_request_context
from sqlalchemy import bindparam, insert, select, text

from ..auth.models import Practice
from ..common.models import new_id
from ..extensions import db
from .models import AuditEvent
from .rules import GENESIS, event_hash


def _lock_chain(practice_id: str) -> None:
    """Serialise writers of one practice's chain until the transaction ends.

    PostgreSQL: FOR NO KEY UPDATE on the practice row. It does not conflict with the KEY SHARE lock an
    INSERT of a row referencing the practice already holds (FOR UPDATE would, and two such requests
    deadlock). SQLite: a no-op write takes the database's write lock before the last event is read
    (reads before a transaction's first write take no lock, so two writers could read the same seq)."""
    if db.session.get_bind().dialect.name == "sqlite":
        db.session.execute(text("UPDATE practices SET name = name WHERE id = :id"), {"id": practice_id})
    else:
        db.session.execute(select(Practice.id).where(Practice.id == practice_id).with_for_update(key_share=True))


def record(action: str, record_type: str, record_id: str | None, *, actor, outcome: str = "ok") -> dict:
    """Append one event to the actor's practice chain; concurrent requests extend it one after another.
    Reads audit too, so this runs on hot paths: plain Core statements, no unit-of-work flush."""
    practice_id = actor.practice_id
    _lock_chain(practice_id)
    last = db.session.execute(_LAST_EVENT, {"practice_id": practice_id}).first()
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
    at = datetime.now(UTC)
    request_id = g.get("request_id") if has_request_context() else None
    event = dict(practice_id=practice_id, seq=seq, actor_id=actor.id, action=action, record_type=record_type,
                 record_id=record_id, outcome=outcome, request_id=request_id, at=at)
    event.update(id=new_id(), prev_hash=prev, hash=event_hash(prev, **event))
    db.session.execute(insert(AuditEvent.__table__), event)
    return event


_LAST_EVENT = (select(AuditEvent.__table__.c.seq, AuditEvent.__table__.c.hash)
               .where(AuditEvent.__table__.c.practice_id == bindparam("practice_id"))
               .order_by(AuditEvent.__table__.c.seq.desc()).limit(1))

"""Writing the audit trail. Called by services in the same transaction as the change it records."""

from datetime import UTC, datetime

from flask import g, has_request_context
from sqlalchemy import select

from ..auth.models import Practice
from ..extensions import db
from .models import AuditEvent
from .rules import GENESIS, event_hash


def record(action: str, record_type: str, record_id: str | None, *, actor, outcome: str = "ok") -> AuditEvent:
    """Append one event to the actor's practice chain. The practice row is locked (PostgreSQL) so
    concurrent requests extend the chain one after another."""
    practice_id = actor.practice_id
    db.session.execute(select(Practice.id).where(Practice.id == practice_id).with_for_update())
    last = db.session.execute(
        select(AuditEvent.seq, AuditEvent.hash).where(AuditEvent.practice_id == practice_id)
        .order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
    at = datetime.now(UTC)
    request_id = g.get("request_id") if has_request_context() else None
    event = AuditEvent(practice_id=practice_id, seq=seq, actor_id=actor.id, action=action,
                       record_type=record_type, record_id=record_id, outcome=outcome, request_id=request_id,
                       at=at, prev_hash=prev)
    event.hash = event_hash(prev, practice_id=practice_id, seq=seq, actor_id=actor.id, action=action,
                            record_type=record_type, record_id=record_id, outcome=outcome,
                            request_id=request_id, at=at)
    db.session.add(event)
    db.session.flush()
    return event

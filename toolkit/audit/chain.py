"""The audit chain writer: append one event to a practice's HMAC chain and move its head anchor, in the
caller's transaction. Below both the services that record writes and the queue task that appends reads."""

from datetime import UTC, datetime
from typing import Any

from flask import current_app
from sqlalchemy import bindparam, insert, select, text, update

from ..common.models import new_id
from ..common.query import rowcount
from ..extensions import db
from .anchors import anchor_path, note_head
from .models import PRACTICES, AuditAnchor, AuditEvent
from .rules import GENESIS, anchor_mac, event_hash


def audit_key() -> bytes:
    return current_app.config["AUDIT_KEY"].encode()


def _lock_chain(practice_id: str) -> None:
    """Serialise writers of one practice's chain until the transaction ends.

    PostgreSQL: FOR NO KEY UPDATE on the practice row. It does not conflict with the KEY SHARE lock an
    INSERT of a row referencing the practice already holds (FOR UPDATE would, and two such requests
    deadlock). SQLite: a no-op write takes the database's write lock before the last event is read
    (reads before a transaction's first write take no lock, so two writers could read the same seq)."""
    conn = db.session.connection()
    if conn.dialect.name == "sqlite":
        conn.execute(text("UPDATE practices SET name = name WHERE id = :id"), {"id": practice_id})
    else:
        conn.execute(select(PRACTICES.c.id).where(PRACTICES.c.id == practice_id).with_for_update(key_share=True))


def append(*, practice_id: str, actor_id: str | None, action: str, record_type: str, record_id: str | None,
           outcome: str, request_id: str | None, at: datetime) -> dict:
    """Append one event to `practice_id`'s chain and move its head anchor, in the caller's transaction.
    Plain Core statements on the session's connection (lock, read the head, insert, move the anchor): no
    unit-of-work flush, and none of the ORM's per-statement work (these tables are not ORM-scoped)."""
    key = audit_key()
    _lock_chain(practice_id)
    conn = db.session.connection()
    last = conn.execute(_LAST_EVENT, {"practice_id": practice_id}).first()
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
    event: dict[str, Any] = dict(practice_id=practice_id, seq=seq, actor_id=actor_id, action=action,
                                 record_type=record_type, record_id=record_id, outcome=outcome,
                                 request_id=request_id, at=at)
    event.update(id=new_id(), prev_hash=prev, hash=event_hash(prev, key=key, **event))
    conn.execute(insert(AuditEvent.__table__), event)
    anchor = dict(seq=seq, hash=event["hash"], updated_at=at,
                  mac=anchor_mac(key=key, practice_id=practice_id, seq=seq, head=event["hash"]))
    moved = rowcount(conn.execute(update(AuditAnchor.__table__)
                                  .where(AuditAnchor.__table__.c.practice_id == practice_id).values(**anchor)))
    if not moved:
        conn.execute(insert(AuditAnchor.__table__).values(practice_id=practice_id, **anchor))
    note_head(db.session, practice_id=practice_id, seq=seq, head=event["hash"], at=at, path=anchor_path(), key=key)
    return event


def anchor_empty_chain(practice_id: str) -> None:
    """A new practice's anchor before its first event: a practice without an anchor is a wiped trail."""
    key = audit_key()
    now = datetime.now(UTC)
    db.session.execute(insert(AuditAnchor.__table__).values(
        practice_id=practice_id, seq=0, hash=GENESIS, updated_at=now,
        mac=anchor_mac(key=key, practice_id=practice_id, seq=0, head=GENESIS)))
    note_head(db.session, practice_id=practice_id, seq=0, head=GENESIS, at=now, path=anchor_path(), key=key)


def append_queued(events: list[dict]) -> None:
    """Append events handed over as dicts (`at` as ISO text), each practice's chain in its own transaction,
    and commit: the drain of read events a version-2 queue may still hold (audit/tasks.py)."""
    for event in events:
        append(**{**event, "at": datetime.fromisoformat(event["at"])})
        db.session.commit()


_LAST_EVENT = (select(AuditEvent.__table__.c.seq, AuditEvent.__table__.c.hash)
               .where(AuditEvent.__table__.c.practice_id == bindparam("practice_id"))
               .order_by(AuditEvent.__table__.c.seq.desc()).limit(1))

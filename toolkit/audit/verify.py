"""Verify every practice's audit trail: each chain against its HMACs, its head against the anchor kept
outside the table, and against the newest head in the anchor file outside the database (audit/anchors.py)
(`flask --app app audit verify`, exit 1 on a problem). Reads across practices, explicitly."""

from pathlib import Path

from sqlalchemy import select

from .anchors import newest_heads
from .models import PRACTICES, AuditAnchor, AuditEvent
from .rules import GENESIS, verify_chain


def verify_audit_chains(session, key: bytes, anchor_file: Path | None = None) -> tuple[int, int, list[str]]:
    """(events checked, practices checked, problems) over every practice's chain and its head anchor,
    read unscoped. `key` is the AUDIT_KEY the chain was written with; `anchor_file` the file of heads
    written outside the database (None: not compared)."""
    practice_ids = session.scalars(select(PRACTICES.c.id).order_by(PRACTICES.c.id)).all()
    anchors = {a.practice_id: a for a in session.execute(select(AuditAnchor.__table__)).all()}
    heads, problems = newest_heads(anchor_file, key=key) if anchor_file is not None else ({}, [])
    events = 0
    for practice_id in practice_ids:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.practice_id == practice_id).order_by(AuditEvent.seq)
            .execution_options(all_practices=True)).all()
        events += len(rows)
        found = verify_chain(rows, key=key, anchor=anchors.get(practice_id), anchored=True)
        found += outside_head_problems(rows, heads.get(practice_id))
        problems += [f"practice {practice_id}: {problem}" for problem in found]
    problems += [f"practice {practice_id}: in the anchor file (head seq {head['seq']}, {head['at']}) but not in "
                 "the database: the practice and its trail were deleted"
                 for practice_id, head in sorted(heads.items()) if practice_id not in set(practice_ids)]
    return events, len(practice_ids), problems


def outside_head_problems(rows, head: dict | None) -> list[str]:
    """The database must still hold the newest head the anchor file saw, with the same hash."""
    if head is None:
        return []
    seq = int(head["seq"])
    if seq == 0:
        return [] if head["hash"] == GENESIS else ["the anchor file's empty head is not the genesis hash"]
    by_seq = {row.seq: row.hash for row in rows}
    if seq not in by_seq:
        last = max(by_seq, default=0)
        return [f"the trail ends at seq {last} but the anchor file saw seq {seq} at {head['at']}: "
                "events were deleted (or the database restored from an older backup)"]
    if by_seq[seq] != head["hash"]:
        return [f"event seq {seq} is not the one the anchor file saw at {head['at']}: the trail was rewritten"]
    return []

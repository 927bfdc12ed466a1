"""The audit hash chain: plain functions, tested directly."""

import hashlib
from datetime import datetime

GENESIS = "0" * 64


def event_hash(prev_hash: str, *, practice_id: str, seq: int, actor_id: str | None, action: str,
               record_type: str, record_id: str | None, outcome: str, request_id: str | None,
               at: datetime) -> str:
    fields = [prev_hash, practice_id, str(seq), actor_id or "", action, record_type, record_id or "", outcome,
              request_id or "", at.isoformat(timespec="microseconds")]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def verify_chain(rows) -> list[str]:
    """Problems found in one practice's events, ordered by seq (empty list: the chain is intact)."""
    problems, prev, expected_seq = [], GENESIS, 1
    for row in rows:
        if row.seq != expected_seq:
            problems.append(f"event {row.id}: seq {row.seq}, expected {expected_seq} (a row is missing)")
        if row.prev_hash != prev:
            problems.append(f"event {row.id} (seq {row.seq}): previous hash does not match")
        recomputed = event_hash(row.prev_hash, practice_id=row.practice_id, seq=row.seq, actor_id=row.actor_id,
                                action=row.action, record_type=row.record_type, record_id=row.record_id,
                                outcome=row.outcome, request_id=row.request_id, at=row.at)
        if recomputed != row.hash:
            problems.append(f"event {row.id} (seq {row.seq}): contents changed since it was written")
        prev, expected_seq = row.hash, row.seq + 1
    return problems

"""The audit chain: plain functions, tested directly.

Each event's hash is an HMAC-SHA256 keyed by `AUDIT_KEY`, a secret kept outside the database, over the
previous event's hash and the event's fields: someone with write access to the database but not the key
cannot edit a row and recompute the chain. The head of each practice's chain (its last seq and hash) is
also kept outside the audited table, in `audit_anchors`, sealed with the same key, so deleting the newest
rows, or a practice's whole trail, no longer leaves a valid-looking shorter chain."""

import hashlib
import hmac
from datetime import datetime

GENESIS = "0" * 64


def event_hash(prev_hash: str, *, key: bytes, practice_id: str, seq: int, actor_id: str | None, action: str,
               record_type: str, record_id: str | None, outcome: str, request_id: str | None,
               at: datetime) -> str:
    fields = [prev_hash, practice_id, str(seq), actor_id or "", action, record_type, record_id or "", outcome,
              request_id or "", at.isoformat(timespec="microseconds")]
    return hmac.new(key, "\x1f".join(fields).encode(), hashlib.sha256).hexdigest()


def anchor_mac(*, key: bytes, practice_id: str, seq: int, head: str) -> str:
    """Seal of a practice's chain head: the anchor cannot be moved without the key."""
    return hmac.new(key, "\x1f".join(["anchor", practice_id, str(seq), head]).encode(), hashlib.sha256).hexdigest()


def verify_chain(rows, *, key: bytes, anchor=None, anchored: bool = False) -> list[str]:
    """Problems found in one practice's events, ordered by seq (empty list: the chain is intact).

    With `anchored=True` the practice's head anchor (`anchor`: seq, hash, mac; None when missing) must
    exist, be sealed with the key and point at the last row."""
    problems, prev, expected_seq = [], GENESIS, 1
    rows = list(rows)
    for row in rows:
        if row.seq != expected_seq:
            problems.append(f"event {row.id}: seq {row.seq}, expected {expected_seq} (a row is missing)")
        if row.prev_hash != prev:
            problems.append(f"event {row.id} (seq {row.seq}): previous hash does not match")
        recomputed = event_hash(row.prev_hash, key=key, practice_id=row.practice_id, seq=row.seq,
                                actor_id=row.actor_id, action=row.action, record_type=row.record_type,
                                record_id=row.record_id, outcome=row.outcome, request_id=row.request_id, at=row.at)
        if not hmac.compare_digest(recomputed, row.hash):
            problems.append(f"event {row.id} (seq {row.seq}): contents changed since it was written "
                            "(or it was not written with this AUDIT_KEY)")
        prev, expected_seq = row.hash, row.seq + 1
    if anchored:
        problems += _anchor_problems(rows, key=key, anchor=anchor)
    return problems


def _anchor_problems(rows, *, key: bytes, anchor) -> list[str]:
    last_seq, last_hash = (rows[-1].seq, rows[-1].hash) if rows else (0, GENESIS)
    if anchor is None:
        return ["the head anchor is missing (the trail or its anchor was deleted)"]
    practice_id = anchor.practice_id
    if not hmac.compare_digest(anchor_mac(key=key, practice_id=practice_id, seq=anchor.seq, head=anchor.hash),
                               anchor.mac):
        return ["the head anchor was changed outside the service"]
    if anchor.seq > last_seq:
        return [f"the trail ends at seq {last_seq} but its anchor is at seq {anchor.seq}: "
                f"the newest {anchor.seq - last_seq} event(s) were deleted"]
    if anchor.seq < last_seq:
        return [f"events after seq {anchor.seq} (the anchored head) were added outside the service"]
    if not hmac.compare_digest(anchor.hash, last_hash):
        return [f"the last event (seq {last_seq}) is not the one the anchor recorded"]
    return []

"""The audit hash chain (toolkit/audit/rules.py): no app, no database."""

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from toolkit.audit.rules import GENESIS, anchor_mac, event_hash, verify_chain

T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
KEY = b"unit-test-audit-key-0123456789abcdef"


@dataclass(frozen=True)
class Row:
    id: str
    practice_id: str
    seq: int
    actor_id: str | None
    action: str
    record_type: str
    record_id: str | None
    outcome: str
    request_id: str | None
    at: datetime
    prev_hash: str
    hash: str


def fields_of(row: Row) -> dict:
    return {"practice_id": row.practice_id, "seq": row.seq, "actor_id": row.actor_id, "action": row.action,
            "record_type": row.record_type, "record_id": row.record_id, "outcome": row.outcome,
            "request_id": row.request_id, "at": row.at}


def chain(n=4, practice_id="practice-1"):
    rows, prev = [], GENESIS
    for i in range(1, n + 1):
        data = {"practice_id": practice_id, "seq": i, "actor_id": f"therapist-{i % 2}", "action": "read",
                "record_type": "participant", "record_id": f"p-{i}", "outcome": "ok", "request_id": f"req-{i}",
                "at": T0 + timedelta(seconds=i)}
        h = event_hash(prev, key=KEY, **data)
        rows.append(Row(id=f"e{i}", prev_hash=prev, hash=h, **data))
        prev = h
    return rows


def rehash(row: Row) -> Row:
    return replace(row, hash=event_hash(row.prev_hash, key=KEY, **fields_of(row)))


def test_genesis():
    assert GENESIS == "0" * 64


def test_hash_is_an_hmac_sha256_hex_and_deterministic():
    row = chain(1)[0]
    h = event_hash(GENESIS, key=KEY, **fields_of(row))
    assert h == row.hash and len(h) == 64 and int(h, 16) >= 0


@pytest.mark.parametrize("field,value", [
    ("practice_id", "practice-2"), ("seq", 9), ("actor_id", "someone-else"), ("actor_id", None),
    ("action", "update"), ("record_type", "screening"), ("record_id", "p-999"), ("record_id", None),
    ("outcome", "denied"), ("request_id", "req-x"), ("request_id", None),
    ("at", T0 + timedelta(microseconds=1)),
])
def test_every_field_changes_the_hash(field, value):
    row = chain(1)[0]
    data = {**fields_of(row), field: value}
    assert event_hash(GENESIS, key=KEY, **data) != row.hash


def test_previous_hash_changes_the_hash():
    row = chain(1)[0]
    assert event_hash("1" * 64, key=KEY, **fields_of(row)) != row.hash


def test_time_is_hashed_as_written_so_rows_must_be_read_back_in_utc():
    # The hash covers the ISO text of `at`: the same instant shown in another zone hashes differently,
    # which is why UTCDateTime hands every row back in UTC.
    row = chain(1)[0]
    shifted = row.at.astimezone(timezone(timedelta(hours=2)))
    assert shifted == row.at
    assert event_hash(GENESIS, key=KEY, **{**fields_of(row), "at": shifted}) != row.hash
    assert verify_chain(key=KEY, rows=[replace(row, at=shifted)]) != []


def test_fields_cannot_shift_into_each_other():
    row = chain(1)[0]
    a = event_hash(GENESIS, key=KEY, **{**fields_of(row), "action": "read", "record_type": "participant"})
    b = event_hash(GENESIS, key=KEY, **{**fields_of(row), "action": "readparticipant", "record_type": ""})
    assert a != b


def test_intact_chain_has_no_problems():
    assert verify_chain(key=KEY, rows=chain(5)) == []
    assert verify_chain(key=KEY, rows=[]) == []


def test_changed_content_is_found():
    rows = chain(4)
    rows[2] = replace(rows[2], action="delete")
    problems = verify_chain(key=KEY, rows=rows)
    assert len(problems) == 1
    assert "e3" in problems[0] and "changed" in problems[0]


def test_rehashed_edit_breaks_the_next_link():
    rows = chain(4)
    rows[1] = rehash(replace(rows[1], record_id="p-other"))
    problems = verify_chain(key=KEY, rows=rows)
    assert problems and all("e2" not in p for p in problems)
    assert any("e3" in p and "previous hash" in p for p in problems)


def test_deleted_row_is_found():
    rows = chain(4)
    del rows[1]
    problems = verify_chain(key=KEY, rows=rows)
    assert any("missing" in p and "e3" in p for p in problems)
    assert any("previous hash" in p for p in problems)


def test_deleted_last_row_is_not_detectable_by_the_chain_alone_but_by_the_anchor():
    rows = chain(4)
    assert verify_chain(key=KEY, rows=rows[:3]) == []
    head = anchor_of(rows)
    assert verify_chain(key=KEY, rows=rows, anchor=head, anchored=True) == []
    problems = verify_chain(key=KEY, rows=rows[:3], anchor=head, anchored=True)
    assert problems and "deleted" in problems[0]


def test_a_wiped_trail_is_found_by_its_anchor():
    head = anchor_of(chain(4))
    assert "deleted" in verify_chain(key=KEY, rows=[], anchor=head, anchored=True)[0]
    assert "missing" in verify_chain(key=KEY, rows=[], anchor=None, anchored=True)[0]


def test_a_moved_anchor_is_found():
    rows = chain(4)
    moved = replace(anchor_of(rows), seq=3, hash=rows[2].hash)  # pointed back at seq 3 without the key
    assert "changed outside" in verify_chain(key=KEY, rows=rows[:3], anchor=moved, anchored=True)[0]


def test_rows_added_after_the_anchor_are_found():
    rows = chain(4)
    assert "added outside" in verify_chain(key=KEY, rows=rows, anchor=anchor_of(rows[:3]), anchored=True)[0]


def test_deleted_first_row_is_found():
    problems = verify_chain(key=KEY, rows=chain(3)[1:])
    assert any("expected 1" in p for p in problems)
    assert any("e2" in p and "previous hash" in p for p in problems)


def test_reordered_rows_are_found():
    rows = chain(4)
    rows[1], rows[2] = rows[2], rows[1]
    assert verify_chain(key=KEY, rows=rows)


def test_inserted_row_is_found():
    rows = chain(3)
    fake = rehash(replace(rows[1], id="fake", record_id="p-fake"))
    problems = verify_chain(key=KEY, rows=rows[:2] + [fake] + rows[2:])
    assert problems


def test_forged_hash_without_recomputing_is_found():
    rows = chain(3)
    rows[2] = replace(rows[2], hash="f" * 64)
    assert any("e3" in p for p in verify_chain(key=KEY, rows=rows))


def test_a_forgery_recomputed_without_the_key_is_found():
    # Someone with the database but not AUDIT_KEY rewrites the chain with plain SHA-256 or another key.
    rows = chain(3)
    forged, prev = [], GENESIS
    for row in rows:
        row = replace(row, prev_hash=prev, outcome="ok" if row.seq != 2 else "denied")
        row = replace(row, hash=event_hash(row.prev_hash, key=b"guessed-key", **fields_of(row)))
        forged.append(row)
        prev = row.hash
    problems = verify_chain(key=KEY, rows=forged)
    assert len(problems) == 3 and all("AUDIT_KEY" in p for p in problems)


@dataclass(frozen=True)
class Anchor:
    practice_id: str
    seq: int
    hash: str
    mac: str


def anchor_of(rows) -> Anchor:
    last = rows[-1]
    return Anchor(practice_id=last.practice_id, seq=last.seq, hash=last.hash,
                  mac=anchor_mac(key=KEY, practice_id=last.practice_id, seq=last.seq, head=last.hash))

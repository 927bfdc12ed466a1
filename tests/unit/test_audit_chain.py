"""The audit hash chain (toolkit/audit/rules.py): no app, no database."""

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from toolkit.audit.rules import GENESIS, event_hash, verify_chain

T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


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
        h = event_hash(prev, **data)
        rows.append(Row(id=f"e{i}", prev_hash=prev, hash=h, **data))
        prev = h
    return rows


def rehash(row: Row) -> Row:
    return replace(row, hash=event_hash(row.prev_hash, **fields_of(row)))


def test_genesis():
    assert GENESIS == "0" * 64


def test_hash_is_sha256_hex_and_deterministic():
    row = chain(1)[0]
    h = event_hash(GENESIS, **fields_of(row))
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
    assert event_hash(GENESIS, **data) != row.hash


def test_previous_hash_changes_the_hash():
    row = chain(1)[0]
    assert event_hash("1" * 64, **fields_of(row)) != row.hash


def test_time_is_hashed_as_written_so_rows_must_be_read_back_in_utc():
    # The hash covers the ISO text of `at`: the same instant shown in another zone hashes differently,
    # which is why UTCDateTime hands every row back in UTC.
    row = chain(1)[0]
    shifted = row.at.astimezone(timezone(timedelta(hours=2)))
    assert shifted == row.at
    assert event_hash(GENESIS, **{**fields_of(row), "at": shifted}) != row.hash
    assert verify_chain([replace(row, at=shifted)]) != []


def test_fields_cannot_shift_into_each_other():
    row = chain(1)[0]
    a = event_hash(GENESIS, **{**fields_of(row), "action": "read", "record_type": "participant"})
    b = event_hash(GENESIS, **{**fields_of(row), "action": "readparticipant", "record_type": ""})
    assert a != b


def test_intact_chain_has_no_problems():
    assert verify_chain(chain(5)) == []
    assert verify_chain([]) == []


def test_changed_content_is_found():
    rows = chain(4)
    rows[2] = replace(rows[2], action="delete")
    problems = verify_chain(rows)
    assert len(problems) == 1
    assert "e3" in problems[0] and "changed" in problems[0]


def test_rehashed_edit_breaks_the_next_link():
    rows = chain(4)
    rows[1] = rehash(replace(rows[1], record_id="p-other"))
    problems = verify_chain(rows)
    assert problems and all("e2" not in p for p in problems)
    assert any("e3" in p and "previous hash" in p for p in problems)


def test_deleted_row_is_found():
    rows = chain(4)
    del rows[1]
    problems = verify_chain(rows)
    assert any("missing" in p and "e3" in p for p in problems)
    assert any("previous hash" in p for p in problems)


def test_deleted_last_row_is_not_detectable_by_the_chain_alone():
    # Truncation at the end leaves a valid shorter chain: documented limit of a hash chain.
    assert verify_chain(chain(4)[:3]) == []


def test_deleted_first_row_is_found():
    problems = verify_chain(chain(3)[1:])
    assert any("expected 1" in p for p in problems)
    assert any("e2" in p and "previous hash" in p for p in problems)


def test_reordered_rows_are_found():
    rows = chain(4)
    rows[1], rows[2] = rows[2], rows[1]
    assert verify_chain(rows)


def test_inserted_row_is_found():
    rows = chain(3)
    fake = rehash(replace(rows[1], id="fake", record_id="p-fake"))
    problems = verify_chain(rows[:2] + [fake] + rows[2:])
    assert problems


def test_forged_hash_without_recomputing_is_found():
    rows = chain(3)
    rows[2] = replace(rows[2], hash="f" * 64)
    assert any("e3" in p for p in verify_chain(rows))


def test_fully_recomputed_forgery_passes_verify_but_changes_the_head():
    # Rewriting every later row's hash gives a self-consistent chain: only an external copy of the head
    # hash can catch that. The head must differ, so an anchored head does.
    rows = chain(3)
    forged, prev = [], GENESIS
    for row in rows:
        row = rehash(replace(row, prev_hash=prev, outcome="ok" if row.seq != 2 else "denied"))
        forged.append(row)
        prev = row.hash
    assert verify_chain(forged) == []
    assert forged[-1].hash != rows[-1].hash

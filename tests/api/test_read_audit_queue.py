"""Audited reads take no chain lock on the request path (issue 21): reading a participant, a screening
history, a screening or a plan's clearance queues its event; the queue's worker appends it to the chain
later, and the trail stays complete and verifiable."""

import pytest
from sqlalchemy import event

from tests.helpers import CLEAR, verify_audit
from toolkit.audit import chain as audit_chain
from toolkit.audit import tasks
from toolkit.extensions import db

CHAIN_SQL = ("update practices", "for no key update", "insert into audit_events", "update audit_anchors")


@pytest.fixture
def queued(monkeypatch):
    """Events handed to the queue, kept instead of being run at once (as a real consumer would, later)."""
    kept = []
    monkeypatch.setattr(tasks, "append_audit_events", lambda events: kept.append(events))
    return kept


@pytest.fixture
def statements(app):
    seen = []
    with app.app_context():
        engine = db.engine

    def on_execute(conn, cursor, statement, *args):
        seen.append(" ".join(statement.lower().split()))

    event.listen(engine, "before_cursor_execute", on_execute)
    yield seen
    event.remove(engine, "before_cursor_execute", on_execute)


def test_audited_reads_take_no_chain_lock_and_their_events_complete_the_chain(app, client, admin, setup, queued,  # noqa: F811
                                                                                statements):
    _group, plan, members = setup([CLEAR, CLEAR])
    person = members[0]
    reads = [f"/api/v1/participants/{person['id']}", f"/api/v1/participants/{person['id']}/screenings",
             f"/api/v1/screenings/{person['screening']['id']}", f"/api/v1/plans/{plan['id']}/clearance"]
    queued.clear()
    for path in reads:
        statements.clear()
        r = client.get(path, headers={**admin["headers"], "X-Request-ID": f"read-{len(queued)}"})
        assert r.status_code == 200, (path, r.get_json())
        chain = [s for s in statements if any(marker in s for marker in CHAIN_SQL)]
        assert chain == [], (path, chain)
    assert [(e[0]["action"], e[0]["record_type"]) for e in queued] == [
        ("read", "participant"), ("list", "screening"), ("read", "screening"), ("read", "plan_clearance")]
    assert [e[0]["request_id"] for e in queued] == ["read-0", "read-1", "read-2", "read-3"]
    # The worker appends them: the chain verifies and holds every read, stamped with the time of the read.
    with app.app_context():
        for events in queued:
            audit_chain.append_queued(events)
    code, output = verify_audit(app)
    assert code == 0, output
    trail = client.get("/api/v1/audit-events", headers=admin["headers"], query_string={"page_size": 100}).get_json()
    assert {"read-0", "read-1", "read-2", "read-3"} <= {e["request_id"] for e in trail}


def test_writes_still_append_in_their_own_transaction(client, admin, create_participant, queued, statements):
    create_participant()
    assert any("insert into audit_events" in s for s in statements)
    assert not any(e[0]["action"] == "create" for e in queued)

"""Audited reads are durable with the disclosure (issue 28, point 1): a read's event is appended in the
request's transaction and committed before the answer leaves; when that commit fails the answer is a 503
that shows nothing. Nothing waits in the background queue (read audits never wait behind renders)."""

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from tests.helpers import cli
from tests.helpers import verify_audit as verify
from toolkit.audit import reads
from toolkit.extensions import db

CLEAR = {}  # a screening's overrides: none (every item at its lowest answer); `setup` is a conftest fixture
CHAIN_SQL = ("update practices", "for no key update", "insert into audit_events", "update audit_anchors")


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


def trail(client, admin):
    return client.get("/api/v1/audit-events", headers=admin["headers"], query_string={"page_size": 100}).get_json()


def test_every_audited_read_is_in_the_trail_when_its_answer_arrives(app, client, admin, setup, statements):  # noqa: F811
    _group, plan, members = setup([CLEAR, CLEAR])
    person = members[0]
    reads_ = [f"/api/v1/participants/{person['id']}", f"/api/v1/participants/{person['id']}/screenings",
              f"/api/v1/screenings/{person['screening']['id']}", f"/api/v1/plans/{plan['id']}/clearance"]
    for n, path in enumerate(reads_):
        statements.clear()
        r = client.get(path, headers={**admin["headers"], "X-Request-ID": f"read-{n}"})
        assert r.status_code == 200, (path, r.get_json())
        chain = [s for s in statements if any(marker in s for marker in CHAIN_SQL)]
        assert chain, (path, statements)  # appended on the request path, not queued
        assert f"read-{n}" in {e["request_id"] for e in trail(client, admin)}, path
    code, output = verify(app)
    assert code == 0, output


def test_a_read_whose_event_cannot_be_committed_answers_503_and_shows_nothing(app, client, admin, create_participant,
                                                                             monkeypatch):
    person = create_participant(display_name="Withheld Person")

    def database_gone(**event):
        raise OperationalError("INSERT INTO audit_events", {}, Exception("the database went away"))

    monkeypatch.setattr(reads, "append", database_gone)
    r = client.get(f"/api/v1/participants/{person['id']}", headers={**admin["headers"], "X-Request-ID": "gone-1"})
    assert r.status_code == 503 and r.headers["Retry-After"]
    assert "Withheld" not in r.get_data(as_text=True)
    monkeypatch.undo()
    # The event is not dropped: it waits where verify, /readyz and an admin see it, until it is appended.
    assert client.get("/readyz").status_code == 503
    code, output = verify(app)
    assert code == 1 and "could not be written" in output
    assert cli(app, "audit", "replay").exit_code == 0
    kept = [e for e in trail(client, admin) if e["request_id"] == "gone-1"]
    assert [(e["action"], e["outcome"]) for e in kept] == [("read", "withheld")]
    assert verify(app)[0] == 0 and client.get("/readyz").status_code == 200
    assert client.get(f"/api/v1/participants/{person['id']}", headers=admin["headers"]).status_code == 200


def test_a_denied_attempt_is_recorded_for_both_practices(app, client, admin, other, create_participant):
    foreign = create_participant(by=other)
    r = client.get(f"/api/v1/participants/{foreign['id']}", headers={**admin["headers"], "X-Request-ID": "peek-1"})
    assert r.status_code == 404
    mine = [e for e in trail(client, admin) if e["request_id"] == "peek-1"]
    theirs = [e for e in trail(client, other) if e["request_id"] == "peek-1"]
    assert [e["outcome"] for e in mine] == ["denied"] and [e["outcome"] for e in theirs] == ["denied"]


def test_writes_still_append_in_their_own_transaction(client, admin, create_participant, statements):
    create_participant()
    assert any("insert into audit_events" in s for s in statements)

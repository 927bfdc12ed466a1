"""The audit trail against someone with database access (issue 15): HMAC chain keyed outside the database,
head anchors, PostgreSQL grants, denied attempts that do not reveal existence, imports that refuse foreign
rows, and files created 0600."""

import hashlib
import json
import os
import stat
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from tests.factories import activity, build_practice, fresh_app
from tests.helpers import cli, execute, export, if_match
from tests.helpers import verify_audit as verify
from toolkit.extensions import db

PARTICIPANTS = "/api/v1/participants"
ROOT = Path(__file__).resolve().parents[2]






def test_deleting_the_newest_events_is_found(app, client, admin, other, create_participant):
    activity(client, admin, create_participant)
    activity(client, other, create_participant)
    assert verify(app)[0] == 0
    [(last,)] = execute(app, "SELECT max(seq) FROM audit_events WHERE practice_id = :p", p=admin["practice_id"])
    execute(app, "DELETE FROM audit_events WHERE practice_id = :p AND seq >= :s", p=admin["practice_id"], s=last - 1)
    code, output = verify(app)
    assert code == 1 and admin["practice_id"] in output and "newest 2 event(s) were deleted" in output
    assert other["practice_id"] not in output


def test_wiping_a_practices_trail_is_found(app, client, admin, other, create_participant):
    activity(client, admin, create_participant)
    execute(app, "DELETE FROM audit_events WHERE practice_id = :p", p=admin["practice_id"])
    code, output = verify(app)
    assert code == 1 and "deleted" in output
    execute(app, "DELETE FROM audit_anchors WHERE practice_id = :p", p=admin["practice_id"])
    code, output = verify(app)
    assert code == 1 and "anchor is missing" in output


def test_editing_and_recomputing_the_hashes_without_the_key_is_found(app, client, admin, create_participant):
    activity(client, admin, create_participant)
    rows = execute(app, "SELECT id, practice_id, seq, actor_id, action, record_type, record_id, outcome, "
                        "request_id, at FROM audit_events WHERE practice_id = :p ORDER BY seq", p=admin["practice_id"])
    from datetime import UTC, datetime

    prev = "0" * 64
    for row in rows:
        at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(str(row.at))
        at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
        action = "list" if row.seq == 2 else row.action
        fields = [prev, row.practice_id, str(row.seq), row.actor_id or "", action, row.record_type,
                  row.record_id or "", row.outcome, row.request_id or "", at.isoformat(timespec="microseconds")]
        new = hashlib.sha256("\x1f".join(fields).encode()).hexdigest()
        execute(app, "UPDATE audit_events SET action = :a, prev_hash = :p, hash = :h WHERE id = :id",
                a=action, p=prev, h=new, id=row.id)
        prev = new
    execute(app, "UPDATE audit_anchors SET hash = :h WHERE practice_id = :p", h=prev, p=admin["practice_id"])
    code, output = verify(app)
    assert code == 1 and "AUDIT_KEY" in output and "anchor was changed" in output


def test_a_different_audit_key_does_not_verify(make_config, app, client, admin, create_participant):
    activity(client, admin, create_participant, n=1)
    from toolkit import create_app

    other_key = create_app(make_config(AUDIT_KEY="another-audit-key-" + "x" * 32))
    try:
        assert verify(other_key)[0] == 1
    finally:
        with other_key.app_context():
            db.engine.dispose()


def test_the_anchors_are_in_the_backup(app, client, admin, create_participant, tmp_path, database):
    if database[0] != "sqlite":
        pytest.skip("the SQLite backup file is read directly; PostgreSQL backups are pg_dump of every table")
    activity(client, admin, create_participant, n=1)
    target = tmp_path / "backup.sqlite3"
    assert cli(app, "backup", str(target)).exit_code == 0
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    conn = sa.create_engine(f"sqlite:///{target}").connect()
    try:
        [(count,)] = conn.execute(sa.text("SELECT count(*) FROM audit_anchors WHERE practice_id = :p"),
                                  {"p": admin["practice_id"]}).all()
        assert count == 1
    finally:
        conn.close()


def test_exports_are_created_0600(app, client, admin, create_participant, tmp_path):
    activity(client, admin, create_participant, n=1)
    path = tmp_path / "export.json"
    path.write_text("old")
    os.chmod(path, 0o644)
    assert cli(app, "export", "--practice-id", admin["practice_id"], "--output", str(path)).exit_code == 0
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    fresh = tmp_path / "fresh.json"
    assert cli(app, "export", "--practice-id", admin["practice_id"], "--output", str(fresh)).exit_code == 0
    assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o600


@pytest.mark.parametrize("tamper", ["admin_in_other_practice", "member_of_foreign_group", "builtin_module"])
def test_import_refuses_rows_of_another_practice(app, client, admin, other, create_participant, create_group,
                                                 tmp_path, tamper):
    build_practice(client, admin, create_participant, create_group)
    document = export(app, admin["practice_id"], tmp_path / "doc.json")
    document["exported_at"] = "2026-01-01T00:00:00+00:00"
    if tamper == "admin_in_other_practice":
        planted = dict(document["therapists"][0], id=str(uuid.uuid4()), email="planted@example.org",
                       practice_id=other["practice_id"], role="admin")
        document["therapists"].append(planted)
    elif tamper == "member_of_foreign_group":
        document["group_members"][0]["group_id"] = str(uuid.uuid4())
    else:
        document["modules"][0]["practice_id"] = None
    (tmp_path / "bad.json").write_text(json.dumps(document))
    second = fresh_app(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    try:
        result = cli(second, "import", str(tmp_path / "bad.json"))
        assert result.exit_code == 1 and "do not belong to practice" in result.output, result.output
        with second.app_context():
            assert db.session.execute(sa.text("SELECT count(*) FROM therapists")).scalar() == 0
    finally:
        with second.app_context():
            db.session.remove()
            db.engine.dispose()


def test_import_refuses_an_edited_trail(app, client, admin, create_participant, create_group, tmp_path):
    build_practice(client, admin, create_participant, create_group)
    document = export(app, admin["practice_id"], tmp_path / "doc.json")
    document["exported_at"] = "2026-01-01T00:00:00+00:00"
    document["audit_events"][0]["action"] = "nothing"
    (tmp_path / "bad.json").write_text(json.dumps(document))
    second = fresh_app(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    try:
        result = cli(second, "import", str(tmp_path / "bad.json"))
        assert result.exit_code == 1 and "does not verify" in result.output
    finally:
        with second.app_context():
            db.session.remove()
            db.engine.dispose()


def statements(app, action) -> list[str]:
    seen = []

    def before(conn, cursor, statement, parameters, context, executemany):
        seen.append(" ".join(statement.split())[:60])

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", before)
    return seen


def test_unknown_and_foreign_ids_take_the_same_path(app, client, admin, other, create_participant):
    foreign = create_participant(by=admin)["id"]
    missing = str(uuid.uuid4())
    # Warm up both paths (first-use statement compilation), then compare the SQL each one runs.
    for pid in (foreign, missing):
        client.get(f"{PARTICIPANTS}/{pid}", headers=other["headers"])
    runs = [statements(app, lambda p=pid: client.get(f"{PARTICIPANTS}/{p}", headers=other["headers"]))
            for pid in (foreign, missing)]
    # The only difference: the foreign attempt is also written to the victim practice's trail.
    # (Tasks run eagerly here; in a deployment the request only queues one task either way.)
    assert len(runs[0]) - len(runs[1]) == 4, (runs[0], runs[1])  # lock, head, insert, move the anchor
    request_path = len(runs[1]) - 4
    assert runs[0][:request_path] == runs[1][:request_path]


def test_reads_of_clinical_data_are_audited(client, admin, create_participant, create_group):
    group = create_group(name="Audited", kind="retreat", capacity=5)
    person = create_participant()
    assert client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                       json={"participant_id": person["id"]}).status_code == 201
    assert client.get(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"]).status_code == 200
    assert client.get(f"/api/v1/groups/{group['id']}/agenda?format=json",
                      headers=admin["headers"]).status_code == 200
    assert client.get(f"/api/v1/groups/{group['id']}/agenda?format=json&audience=participant",
                      headers=admin["headers"]).status_code == 200
    assert client.delete(f"/api/v1/groups/{group['id']}/members/{person['id']}",
                         headers=admin["headers"]).status_code == 204
    events = client.get("/api/v1/audit-events", headers=admin["headers"],
                        query_string={"page_size": 100}).get_json()
    seen = [(e["action"], e["record_type"]) for e in reversed(events)]
    for expected in [("login", "therapist"), ("enrol", "group_membership"), ("list", "group_members"),
                     ("read", "group_agenda"), ("remove", "group_membership")]:
        assert expected in seen, (expected, seen)
    assert seen.count(("read", "group_agenda")) == 1  # the participant handout shows no clinical data


def test_therapist_changes_are_audited(client, admin, create_therapist):
    therapist = create_therapist()
    changing = if_match(client, f"/api/v1/therapists/{therapist['id']}", admin["headers"])
    r = client.patch(f"/api/v1/therapists/{therapist['id']}", headers=changing,
                     json={"trauma_informed": True})
    assert r.status_code == 200, r.get_json()
    changing = if_match(client, f"/api/v1/therapists/{therapist['id']}", admin["headers"])
    assert client.delete(f"/api/v1/therapists/{therapist['id']}", headers=changing).status_code == 204
    events = client.get("/api/v1/audit-events", headers=admin["headers"],
                        query_string={"record_id": therapist["id"]}).get_json()
    actions = {e["action"] for e in events}
    assert {"create", "update", "deactivate"} <= actions


# --- grants on PostgreSQL ---------------------------------------------------------------------------------


def grant_statements(role: str) -> list[str]:
    text = (ROOT / "migrations" / "grants.sql").read_text()
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip().replace(':"app_role"', f'"{role}"') for s in text.split(";") if s.strip()]


def test_the_service_role_cannot_update_or_delete_audit_rows(on_postgres, app, client, admin, create_participant,
                                                              db_url):
    activity(client, admin, create_participant, n=1)
    role = f"toolkit_app_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(f'CREATE ROLE "{role}" NOLOGIN'))
            for statement in grant_statements(role):
                conn.execute(sa.text(statement))
        for forbidden in ("UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events",
                          "TRUNCATE audit_events"):
            with engine.connect() as conn:
                conn.execute(sa.text(f'SET ROLE "{role}"'))
                with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
                    conn.execute(sa.text(forbidden))
                conn.rollback()
        # The service still works as that role: reads and writes, and appending to the trail.
        from toolkit import create_app
        from toolkit.config import Config

        def as_role(dbapi_conn, record):
            with dbapi_conn.cursor() as cursor:
                cursor.execute(f'SET ROLE "{role}"')
            dbapi_conn.commit()  # a SET inside a transaction that is rolled back would be undone

        service = create_app(Config(SQLALCHEMY_DATABASE_URI=db_url, RATELIMIT_ENABLED=False))
        with service.app_context():
            event.listen(db.engine, "connect", as_role)
            db.engine.dispose()
        web = service.test_client()
        pid = client.post(PARTICIPANTS, headers=admin["headers"], json={"display_name": "Via role"}).get_json()["id"]
        assert web.get(f"{PARTICIPANTS}/{pid}", headers=admin["headers"]).status_code == 200
        with service.app_context():
            [(who,)] = db.session.execute(sa.text("SELECT current_user")).all()
            assert who == role
            db.session.remove()
            db.engine.dispose()
        assert verify(app)[0] == 0
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP OWNED BY "{role}"'))
            conn.execute(sa.text(f'DROP ROLE IF EXISTS "{role}"'))
        engine.dispose()

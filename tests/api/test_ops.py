"""Operations (issue 9 points 9 and 11): `audit verify` finds tampering, denied cross-practice attempts are
audited, backup/restore round trips, and a practice's JSON export imports into another database."""

import json
import shutil
import uuid

import pytest
import sqlalchemy as sa

from tests.conftest import PASSWORD
from tests.factories import build_practice, fresh_app
from tests.helpers import cli, execute, export
from toolkit.extensions import db

PARTICIPANTS = "/api/v1/participants"






def some_activity(client, admin, other, create_participant):
    for who in (admin, other):
        for _ in range(2):
            pid = create_participant(by=who)["id"]
            assert client.get(f"{PARTICIPANTS}/{pid}", headers=who["headers"]).status_code == 200


# --- audit verify -----------------------------------------------------------------------------------------


def test_audit_verify_intact(app, client, admin, other, create_participant):
    some_activity(client, admin, other, create_participant)
    result = cli(app, "audit", "verify")
    assert result.exit_code == 0, result.output
    # 2 creates and 2 reads per practice, and each admin's login.
    assert "audit chain intact: 10 events in 2 practices" in result.output


def test_audit_verify_finds_an_edited_row(app, client, admin, other, create_participant):
    some_activity(client, admin, other, create_participant)
    [(event_id,)] = execute(app, "SELECT id FROM audit_events WHERE practice_id = :p AND seq = 2",
                            p=admin["practice_id"])
    execute(app, "UPDATE audit_events SET action = 'x' WHERE id = :id", id=event_id)
    result = cli(app, "audit", "verify")
    assert result.exit_code == 1
    assert event_id in result.output and "contents changed" in result.output


def test_audit_verify_finds_a_deleted_row(app, client, admin, other, create_participant):
    some_activity(client, admin, other, create_participant)
    execute(app, "DELETE FROM audit_events WHERE practice_id = :p AND seq = 2", p=other["practice_id"])
    result = cli(app, "audit", "verify")
    assert result.exit_code == 1
    assert "a row is missing" in result.output and other["practice_id"] in result.output


def test_audit_verify_finds_a_rewritten_hash(app, client, admin, create_participant):
    """Recomputing one row's own hash after an edit is not enough: the next row no longer links to it."""
    some_activity(client, admin, admin, create_participant)
    execute(app, "UPDATE audit_events SET hash = :h WHERE practice_id = :p AND seq = 1",
            h="f" * 64, p=admin["practice_id"])
    result = cli(app, "audit", "verify")
    assert result.exit_code == 1
    assert "previous hash does not match" in result.output


# --- denied cross-practice attempts ------------------------------------------------------------------------


def denied_events(client, who, record_id):
    r = client.get("/api/v1/audit-events", headers=who["headers"], query_string={"record_id": record_id})
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def test_cross_practice_read_and_write_are_audited_as_denied(app, client, admin, other, create_participant):
    pid = create_participant(by=admin)["id"]
    assert client.get(f"{PARTICIPANTS}/{pid}", headers=other["headers"]).status_code == 404
    r = client.patch(f"{PARTICIPANTS}/{pid}", headers={**other["headers"], "If-Match": "*"},
                     json={"notes": "mine now"})
    assert r.status_code == 404

    events = denied_events(client, other, pid)
    assert [(e["action"], e["outcome"], e["record_type"], e["actor_id"]) for e in events] == [
        ("write", "denied", "participant", other["therapist_id"]),
        ("read", "denied", "participant", other["therapist_id"]),
    ]
    # The owner's admins see who tried, the participant is unchanged and both chains still verify.
    victim = [(e["action"], e["outcome"], e["actor_id"]) for e in denied_events(client, admin, pid)
              if e["outcome"] == "denied"]
    assert victim == [("write", "denied", other["therapist_id"]), ("read", "denied", other["therapist_id"])]
    assert client.get(f"{PARTICIPANTS}/{pid}", headers=admin["headers"]).get_json()["notes"] is None
    assert cli(app, "audit", "verify").exit_code == 0


def test_unknown_and_foreign_ids_leave_the_same_trail(client, admin, other, create_participant):
    foreign, missing = create_participant(by=admin)["id"], str(uuid.uuid4())
    shapes = []
    for record_id in (foreign, missing):
        r = client.get(f"{PARTICIPANTS}/{record_id}", headers=other["headers"])
        assert r.status_code == 404
        [event] = denied_events(client, other, record_id)
        shapes.append({k: v for k, v in event.items() if k not in ("id", "seq", "at", "record_id", "request_id")})
    assert shapes[0] == shapes[1] and shapes[0]["outcome"] == "denied"


# --- backup and restore ------------------------------------------------------------------------------------


def participant_names(client, who):
    r = client.get(PARTICIPANTS, headers=who["headers"], query_string={"page_size": 100})
    return sorted(p["display_name"] for p in r.get_json())


def backup_round_trip(app, client, admin, create_participant, path):
    create_participant(display_name="Kept")
    result = cli(app, "backup", str(path))
    assert result.exit_code == 0, result.output
    create_participant(display_name="Added after the backup")
    assert participant_names(client, admin) == ["Added after the backup", "Kept"]

    refused = cli(app, "restore", str(path))
    assert refused.exit_code == 1 and "--yes" in refused.output
    result = cli(app, "restore", str(path), "--yes")
    assert result.exit_code == 0, result.output
    assert participant_names(client, admin) == ["Kept"]
    assert cli(app, "audit", "verify").exit_code == 0


def test_sqlite_backup_and_restore(app, client, admin, create_participant, tmp_path, database):
    if database[0] != "sqlite":
        pytest.skip("the SQLite backup")
    backup_round_trip(app, client, admin, create_participant, tmp_path / "backup.sqlite3")


def test_sqlite_restore_refuses_a_file_that_is_not_a_backup(app, tmp_path, database):
    if database[0] != "sqlite":
        pytest.skip("the SQLite backup")
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    result = cli(app, "restore", str(junk), "--yes")
    assert result.exit_code == 1 and "not" in result.output


def test_postgres_backup_and_restore(on_postgres, app, client, admin, create_participant, tmp_path):
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore are not on PATH")
    backup_round_trip(app, client, admin, create_participant, tmp_path / "backup.dump")


# --- export and import -------------------------------------------------------------------------------------











def test_export_import_round_trip(app, client, admin, other, create_participant, create_group, tmp_path):
    builtin = build_practice(client, admin, create_participant, create_group)
    build_practice(client, other, create_participant, create_group)  # must not leak into admin's export
    first = export(app, admin["practice_id"], tmp_path / "first.json")

    assert first["format"] == "inner-child-toolkit-export" and first["version"] == 1
    assert first["practice"]["id"] == admin["practice_id"]
    assert {len(first[k]) for k in ("participants",)} == {3}
    assert len(first["group_members"]) == 2 and len(first["group_facilitators"]) == 1
    assert len(first["modules"]) == 1 and len(first["screening_overrides"]) == 1
    assert len(first["crisis_reviews"]) == 1 and first["crisis_reviews"][0]["follow_up_on"] == "2099-01-02"
    for key in ("therapists", "participants", "groups", "modules", "plans", "screenings", "audit_events"):
        assert {row["practice_id"] for row in first[key]} == {admin["practice_id"]}, key
    assert [i["builtin_module_slug"] for i in first["plan_items"]] == [builtin["slug"], None, None]
    assert first["plan_items"][1]["module_id"] == first["modules"][0]["id"]
    assert first["participants"][0]["created_at"].endswith("+00:00")
    assert first["participants"][0]["date_of_birth"] == "1980-02-03"

    second = fresh_app(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    try:
        result = cli(second, "import", str(tmp_path / "first.json"))
        assert result.exit_code == 0, result.output
        assert export(second, admin["practice_id"], tmp_path / "second.json") == first

        again = cli(second, "import", str(tmp_path / "first.json"))
        assert again.exit_code == 1 and "already exists" in again.output

        other_client = second.test_client()
        r = other_client.post("/api/v1/auth/login", json={"email": admin["email"], "password": PASSWORD})
        assert r.status_code == 200, r.get_json()
        headers = {"Authorization": f"Bearer {r.get_json()['access_token']}"}
        plans = other_client.get("/api/v1/plans", headers=headers).get_json()
        assert [i["title"] for i in plans[0]["items"]][0] == builtin["title"]
        verified = cli(second, "audit", "verify")
        assert verified.exit_code == 0, verified.output
    finally:
        with second.app_context():
            db.session.remove()
            db.engine.dispose()


def test_import_is_all_or_nothing(app, client, admin, create_participant, create_group, tmp_path):
    build_practice(client, admin, create_participant, create_group)
    document = export(app, admin["practice_id"], tmp_path / "doc.json")
    document["exported_at"] = "2026-01-01T00:00:00+00:00"
    document["plan_items"][0]["builtin_module_slug"] = "no-such-module"
    (tmp_path / "bad.json").write_text(json.dumps(document))
    second = fresh_app(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    try:
        result = cli(second, "import", str(tmp_path / "bad.json"))
        assert result.exit_code == 1 and "no-such-module" in result.output
        with second.app_context():
            assert db.session.execute(sa.text("SELECT count(*) FROM practices")).scalar() == 0
    finally:
        with second.app_context():
            db.session.remove()
            db.engine.dispose()


def test_export_of_an_unknown_practice_fails(app):
    result = cli(app, "export", "--practice-id", "nope")
    assert result.exit_code == 1 and "no practice" in result.output

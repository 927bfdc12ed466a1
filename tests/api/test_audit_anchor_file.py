"""Chain heads outside the database (issue 28, point 5): every head is appended to an append-only file
(0600) and logged; `audit verify` compares the database with it, so a deleted tail with an older anchor
row restored, and a practice deleted with its whole trail, are both found."""

import json
import logging
import os
import stat
from pathlib import Path

import pytest

from tests.factories import activity
from tests.helpers import execute
from tests.helpers import verify_audit as verify
from toolkit.extensions import db


def anchor_file(app) -> Path:
    return Path(app.config["AUDIT_ANCHOR_PATH"])


def test_every_head_is_appended_to_a_private_file_and_logged(app, client, admin, create_participant, caplog):
    with caplog.at_level(logging.INFO, logger="toolkit.audit.anchor"):
        activity(client, admin, create_participant, n=2)
    path = anchor_file(app)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    heads = [json.loads(line) for line in path.read_text().splitlines()]
    [(last,)] = execute(app, "SELECT max(seq) FROM audit_events WHERE practice_id = :p", p=admin["practice_id"])
    mine = [h["seq"] for h in heads if h["practice_id"] == admin["practice_id"]]
    assert mine == sorted(mine) and mine[-1] == last and 0 in mine  # from the empty chain to the newest head
    assert sum(1 for r in caplog.records if r.getMessage().startswith("audit anchor ")) >= 4
    assert verify(app)[0] == 0


def test_a_deleted_tail_with_an_older_anchor_restored_is_found(app, client, admin, create_participant):
    activity(client, admin, create_participant, n=1)
    [old] = execute(app, "SELECT seq, hash, mac, updated_at FROM audit_anchors WHERE practice_id = :p",
                    p=admin["practice_id"])
    activity(client, admin, create_participant, n=2)
    # Someone with database access deletes the newest events and puts back the anchor of a backup.
    execute(app, "DELETE FROM audit_events WHERE practice_id = :p AND seq > :s", p=admin["practice_id"], s=old.seq)
    execute(app, "UPDATE audit_anchors SET seq = :s, hash = :h, mac = :m, updated_at = :u WHERE practice_id = :p",
            s=old.seq, h=old.hash, m=old.mac, u=old.updated_at, p=admin["practice_id"])
    code, output = verify(app)
    assert code == 1 and admin["practice_id"] in output and f"trail ends at seq {old.seq}" in output, output
    assert "anchor file saw" in output


def test_a_practice_deleted_with_its_trail_is_found(app, client, admin, other, create_participant):
    activity(client, other, create_participant, n=1)
    assert verify(app)[0] == 0
    with app.app_context():
        tables = [t for t in reversed(db.metadata.sorted_tables) if "practice_id" in t.c]
        for table in tables:
            db.session.execute(table.delete().where(table.c.practice_id == other["practice_id"]))
        therapists = db.metadata.tables["therapists"]
        db.session.execute(therapists.delete().where(therapists.c.practice_id == other["practice_id"]))
        practices = db.metadata.tables["practices"]
        db.session.execute(practices.delete().where(practices.c.id == other["practice_id"]))
        db.session.commit()
    code, output = verify(app)
    assert code == 1 and other["practice_id"] in output and "not in the database" in output, output
    assert admin["practice_id"] not in output


def test_a_forged_line_in_the_file_is_reported(app, client, admin, create_participant):
    activity(client, admin, create_participant, n=1)
    with anchor_file(app).open("a") as fh:
        fh.write(json.dumps({"practice_id": admin["practice_id"], "seq": 99, "hash": "f" * 64,
                             "at": "2027-01-01T00:00:00+00:00", "mac": "0" * 64}) + "\n")
    code, output = verify(app)
    assert code == 1 and "not sealed with this AUDIT_KEY" in output


def test_a_restore_is_noted_in_the_file_and_later_deletions_are_still_found(app, client, admin, create_participant,
                                                                            tmp_path, database):
    if database[0] != "sqlite":
        pytest.skip("backup and restore of SQLite run in process; PostgreSQL's go through pg_dump")
    from tests.helpers import cli

    activity(client, admin, create_participant, n=1)
    backup = tmp_path / "backup.sqlite3"
    assert cli(app, "backup", str(backup)).exit_code == 0
    activity(client, admin, create_participant, n=1)  # events the restore will take away
    assert cli(app, "restore", str(backup), "--yes").exit_code == 0
    last = json.loads(anchor_file(app).read_text().splitlines()[-1])
    assert last["restored"] is True and last["practice_id"] == admin["practice_id"]
    assert verify(app)[0] == 0  # the operator's restore is not an attack
    activity(client, admin, create_participant, n=2)
    execute(app, "DELETE FROM audit_events WHERE practice_id = :p AND seq = (SELECT max(seq) FROM audit_events "
                 "WHERE practice_id = :p)", p=admin["practice_id"])
    code, output = verify(app)
    assert code == 1 and "anchor file saw" in output

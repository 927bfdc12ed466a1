"""Fault test of issue 28, point 1: the database stopped for 30 s in the middle of 30 audited reads; every
read that disclosed data has its event afterwards (30 of 30), and no answer given during the outage
showed the record.

How the database is stopped, faithfully for each engine, while the app keeps running in this process:
* PostgreSQL: connections to the test's own database are refused (`ALLOW_CONNECTIONS false`) and every
  open one is ended (`pg_terminate_backend`), as a restart does; then allowed again.
* SQLite: every pooled connection is closed and the database file (with its WAL) is moved away with a
  directory left at its path, so opening it fails as for a missing disk; then the file is put back.
"""

import time
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from tests.helpers import execute
from toolkit.extensions import db

OUTAGE_SECONDS = 30
READS = 30


@contextmanager
def database_stopped(app, db_url):
    url = sa.make_url(db_url)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if url.get_backend_name() == "postgresql":
        admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'ALTER DATABASE "{url.database}" WITH ALLOW_CONNECTIONS false'))
            conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": url.database})
        try:
            yield
        finally:
            with admin.connect() as conn:
                conn.execute(sa.text(f'ALTER DATABASE "{url.database}" WITH ALLOW_CONNECTIONS true'))
            admin.dispose()
    else:
        path = Path(url.database)
        moved = path.with_name(path.name + ".stopped")
        path.rename(moved)
        path.mkdir()  # opening the database now fails ("unable to open database file")
        try:
            yield
        finally:
            path.rmdir()
            moved.rename(path)


def test_thirty_audited_reads_across_a_30_second_outage_all_have_their_event(app, client, admin, db_url,
                                                                            create_participant):
    person = create_participant(display_name="Outage Person")
    url = f"/api/v1/participants/{person['id']}"
    disclosed: list[str] = []
    refused = 0

    def read(n: int) -> bool:
        nonlocal refused
        request_id = f"outage-read-{n}-{len(disclosed)}-{refused}"
        r = client.get(url, headers={**admin["headers"], "X-Request-ID": request_id})
        if r.status_code == 200:
            assert r.get_json()["display_name"] == "Outage Person"
            disclosed.append(request_id)
            return True
        assert "Outage Person" not in r.get_data(as_text=True), r.status_code  # nothing shown without its event
        refused += 1
        return False

    pending = list(range(READS))
    for n in pending[:10]:
        assert read(n)
    started = time.monotonic()
    with database_stopped(app, db_url):
        for n in pending[10:20]:  # spread over the outage
            assert not read(n)
            time.sleep(max(0.0, (n - 9) * OUTAGE_SECONDS / 10 - (time.monotonic() - started)))
    for n in pending[10:]:  # the refused reads are asked again, as a client would
        assert read(n)
    assert len(disclosed) == READS and refused == 10

    rows = execute(app, "SELECT request_id FROM audit_events WHERE practice_id = :p AND action = 'read' "
                        "AND outcome = 'ok' AND record_type = 'participant' AND record_id = :r",
                   p=admin["practice_id"], r=person["id"])
    recorded = [row.request_id for row in rows]
    assert sorted(recorded) == sorted(disclosed)  # 30 disclosures, 30 events, each with its own request

"""Pooled connections without a pre-ping on every request (issue 21): a connection idle longer than
DB_PING_IDLE_SECONDS is pinged on checkout and replaced if dead; a busy one is not pinged, and when it
turns out dead the pool is dropped, so only that request fails and the next one connects anew."""

import sqlalchemy as sa

from toolkit import create_app
from toolkit.extensions import db


def _kill_backends(url: str) -> int:
    """Terminate every other session on the app's database, as a database restart would."""
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        killed = conn.execute(sa.text(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()")).scalar()
    engine.dispose()
    return killed


def _app(make_config, idle_seconds):
    app = create_app(make_config(DB_PING_IDLE_SECONDS=idle_seconds))
    app.config["TESTING"] = True
    return app


def test_an_idle_dead_connection_is_replaced_before_the_request_uses_it(on_postgres, make_config, db_url, admin):
    app = _app(make_config, 0.0)  # every checkout counts as idle here: each one is pinged
    client = app.test_client()
    assert client.get("/api/v1/me", headers=admin["headers"]).status_code == 200
    assert _kill_backends(db_url) >= 1
    assert client.get("/api/v1/me", headers=admin["headers"]).status_code == 200
    with app.app_context():
        db.engine.dispose()


def test_a_busy_connection_is_not_pinged_and_a_dead_one_costs_one_request(on_postgres, make_config, db_url, admin):
    app = _app(make_config, 3600.0)
    client = app.test_client()
    assert client.get("/api/v1/me", headers=admin["headers"]).status_code == 200
    assert _kill_backends(db_url) >= 1
    # No ping: the request meets the dead connection itself (answered in the error shape) ...
    first = client.get("/api/v1/me", headers=admin["headers"])
    assert first.status_code >= 500 and "code" in first.get_json()
    # ... and SQLAlchemy dropped the pool on that disconnect, so the next request is served.
    assert client.get("/api/v1/me", headers=admin["headers"]).status_code == 200
    with app.app_context():
        db.engine.dispose()

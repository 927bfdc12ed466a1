"""The fixed cost of an authenticated request (issue 21 point 1): one SQL statement for the login, its
therapist and practice; a token that passed once is still refused once expired, revoked or tampered (tokens
are verified by flask-jwt-extended on every request, issue 33 point 2); the rate limiter's hooks only on the
routes that carry a limit."""

import time
from datetime import timedelta

from flask_limiter import Limiter
from sqlalchemy import event

from toolkit import create_app
from toolkit.extensions import db

ME = "/api/v1/me"


def test_me_runs_one_statement_and_answers_the_callers_account(app, client, admin):
    statements = []

    def seen(conn, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    client.get(ME, headers=admin["headers"])
    event.listen(engine, "before_cursor_execute", seen)
    try:
        r = client.get(ME, headers=admin["headers"])
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    body = r.get_json()
    assert r.status_code == 200 and body["id"] == admin["therapist_id"]
    assert body["practice"] == {"id": admin["practice_id"], "name": "Test practice", "contact": None,
                                "emergency_contact": None}
    assert body["role"] == "admin"
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1, statements


def test_a_verified_token_is_still_refused_once_it_expires(make_config, admin):
    app = create_app(make_config(JWT_ACCESS_TOKEN_EXPIRES=timedelta(seconds=2)))
    client = app.test_client()
    token = client.post("/api/v1/auth/login", json={"email": admin["email"], "password": "correct-horse-battery-staple"}
                        ).get_json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(ME, headers=headers).status_code == 200
    assert client.get(ME, headers=headers).status_code == 200
    time.sleep(2.2)
    r = client.get(ME, headers=headers)
    assert r.status_code == 401 and "expired" in r.get_json()["message"]


def test_a_verified_token_is_refused_after_logout_and_a_tampered_copy_never_passes(client, admin):
    token = admin["access_token"]
    assert client.get(ME, headers=admin["headers"]).status_code == 200
    head, claims, signature = token.split(".")
    tampered = f"{head}.{claims}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}"
    assert client.get(ME, headers={"Authorization": f"Bearer {tampered}"}).status_code == 401
    assert client.post("/api/v1/auth/logout", headers=admin["headers"]).status_code == 204
    assert client.get(ME, headers=admin["headers"]).status_code == 401


def test_the_limiters_hooks_run_only_on_limited_routes(make_config, admin, monkeypatch):
    calls = []
    original = Limiter._check_request_limit

    def counting(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Limiter, "_check_request_limit", counting)
    app = create_app(make_config(RATELIMIT_ENABLED=True))
    client = app.test_client()
    r = client.get(ME, headers=admin["headers"])
    assert r.status_code == 200 and calls == [] and "X-RateLimit-Limit" not in r.headers
    login = client.post("/api/v1/auth/login", json={"email": admin["email"], "password": "wrong-password-here"})
    assert login.status_code == 401 and calls and login.headers["X-RateLimit-Limit"] == "5"  # per account


def test_me_opens_no_transaction_on_a_server_database(app, client, admin, database):
    """PostgreSQL: the login is read with AUTOCOMMIT, so GET /me costs one round trip (no BEGIN, no
    ROLLBACK). SQLite reads it on the session's connection (a file)."""
    seen = []

    def before(conn, cursor, statement, *args):
        seen.append((statement.split()[0].upper(), conn.get_execution_options().get("isolation_level")))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        assert client.get(ME, headers=admin["headers"]).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", before)
    expected = "AUTOCOMMIT" if database[0] == "postgresql" else None
    assert seen == [("SELECT", expected)], seen


def test_a_connection_left_in_a_transaction_by_a_connect_hook_still_serves(on_postgres, make_config, admin):
    """Such a connection cannot switch to AUTOCOMMIT: the login is read on the session's connection instead."""
    app = create_app(make_config())

    def leaves_a_transaction_open(dbapi_conn, record):
        with dbapi_conn.cursor() as cursor:
            cursor.execute("SELECT 1")

    with app.app_context():
        event.listen(db.engine, "connect", leaves_a_transaction_open)
        db.engine.dispose()
    try:
        r = app.test_client().get(ME, headers=admin["headers"])
        assert r.status_code == 200 and r.get_json()["id"] == admin["therapist_id"]
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()

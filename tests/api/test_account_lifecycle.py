"""The account lifecycle (issue 28 point 8): refresh rotation with a grace window, password change and reset,
an admin's reset, the caller's logins, TOTP enrolment and the two-step sign-in, per-account lockout, a 503 on
database loss, and a deactivated therapist's feeds and logins ended."""

import threading
import time
from datetime import UTC, datetime, timedelta

import pyotp
import pytest
import sqlalchemy as sa

from tests.conftest import PASSWORD
from tests.helpers import assert_error, if_match
from toolkit import create_app, signals
from toolkit.extensions import db

API = "/api/v1"
LOGIN, REFRESH, ME = f"{API}/auth/login", f"{API}/auth/refresh", f"{API}/me"
NEW_PASSWORD = "kitten-orbit-lantern-59"


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def login(client, email, password=PASSWORD, user_agent=None):
    headers = {"User-Agent": user_agent} if user_agent else {}
    return client.post(LOGIN, json={"email": email, "password": password}, headers=headers)


@pytest.fixture
def resets():
    """Every reset link sent, as the notifications package's receiver would get it."""
    sent = []

    def receiver(sender, *, therapist, url, **kwargs):
        sent.append({"sender": sender, "therapist_id": therapist.id, "email": therapist.email, "url": url})

    signals.password_reset_requested.connect(receiver)
    yield sent
    signals.password_reset_requested.disconnect(receiver)


def _secret(url: str) -> str:
    return url.rsplit("token=", 1)[1]


def _set(app, statement: str, **params) -> None:
    with app.app_context():
        with db.engine.begin() as conn:
            conn.execute(sa.text(statement), params)


# --- refresh rotation with a grace window ---------------------------------------------------------------------

def test_two_concurrent_refreshes_with_one_token_both_keep_the_login(app, client, admin):
    """Two tabs of one browser refresh at once with the same refresh token: both get the same new pair, and
    the login goes on (it used to end: the second was taken for theft)."""
    start, answers = threading.Barrier(2), []

    def refresh():
        own = app.test_client()
        start.wait()
        answers.append(own.post(REFRESH, headers=bearer(admin["refresh_token"])))

    threads = [threading.Thread(target=refresh) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in answers] == [200, 200], [r.get_json() for r in answers]
    first, second = (r.get_json() for r in answers)
    assert first == second  # the very same pair
    assert client.get(ME, headers=bearer(first["access_token"])).status_code == 200
    again = client.post(REFRESH, headers=bearer(first["refresh_token"]))
    assert again.status_code == 200
    assert client.get(ME, headers=bearer(again.get_json()["access_token"])).status_code == 200


def test_a_refresh_token_reused_after_the_grace_window_ends_the_login(app, client, admin):
    first = client.post(REFRESH, headers=bearer(admin["refresh_token"])).get_json()
    _set(app, "UPDATE login_sessions SET refreshed_at = :at", at=datetime.now(UTC) - timedelta(seconds=31))
    reused = client.post(REFRESH, headers=bearer(admin["refresh_token"]))
    assert_error(reused, 401)
    assert "already used" in reused.get_json()["message"]
    for token in (first["access_token"], admin["access_token"]):
        assert_error(client.get(ME, headers=bearer(token)), 401)
    assert_error(client.post(REFRESH, headers=bearer(first["refresh_token"])), 401)


def test_a_refresh_token_two_rotations_old_ends_the_login_even_within_the_window(client, admin):
    first = client.post(REFRESH, headers=bearer(admin["refresh_token"])).get_json()
    second = client.post(REFRESH, headers=bearer(first["refresh_token"])).get_json()
    assert_error(client.post(REFRESH, headers=bearer(admin["refresh_token"])), 401)
    assert_error(client.get(ME, headers=bearer(second["access_token"])), 401)


# --- passwords -------------------------------------------------------------------------------------------------

def test_changing_the_password_ends_every_other_login(client, admin):
    other_device = login(client, admin["email"]).get_json()
    r = client.post(f"{API}/auth/password", headers=admin["headers"],
                    json={"current_password": PASSWORD, "new_password": NEW_PASSWORD})
    assert r.status_code == 204, r.get_json()
    assert client.get(ME, headers=admin["headers"]).status_code == 200  # this login goes on
    assert_error(client.get(ME, headers=bearer(other_device["access_token"])), 401)
    assert_error(client.post(REFRESH, headers=bearer(other_device["refresh_token"])), 401)
    assert_error(login(client, admin["email"]), 401)
    assert login(client, admin["email"], NEW_PASSWORD).status_code == 200


def test_a_password_change_needs_the_current_password_and_a_strong_new_one(client, admin):
    wrong = assert_error(client.post(f"{API}/auth/password", headers=admin["headers"],
                                     json={"current_password": "not-my-password-1", "new_password": NEW_PASSWORD}), 422)
    assert "current_password" in wrong["errors"]
    weak = assert_error(client.post(f"{API}/auth/password", headers=admin["headers"],
                                    json={"current_password": PASSWORD, "new_password": "Summer2024!!"}), 422)
    assert "new_password" in weak["errors"]
    assert login(client, admin["email"]).status_code == 200  # nothing changed


def test_a_reset_link_is_sent_only_for_an_account_and_the_answer_is_the_same(client, admin, resets):
    known = client.post(f"{API}/auth/password-reset", json={"email": admin["email"].upper()})
    unknown = client.post(f"{API}/auth/password-reset", json={"email": "nobody-here@example.org"})
    assert known.status_code == unknown.status_code == 202
    assert known.get_data() == unknown.get_data()
    assert len(resets) == 1 and resets[0]["therapist_id"] == admin["therapist_id"] and resets[0]["sender"] is None
    assert resets[0]["url"].startswith("http://localhost/reset-password#token=")


def test_a_reset_link_works_once_and_ends_every_login(app, client, admin, resets):
    client.post(f"{API}/auth/password-reset", json={"email": admin["email"]})
    secret = _secret(resets[-1]["url"])
    with app.app_context():
        stored = db.session.execute(sa.text("SELECT secret_hash FROM account_tokens")).scalars().all()
    assert stored and secret not in stored  # only its hash is kept
    weak = assert_error(client.post(f"{API}/auth/password-reset/{secret}", json={"new_password": "Summer2024!!"}), 422)
    assert "new_password" in weak["errors"]
    assert client.post(f"{API}/auth/password-reset/{secret}", json={"new_password": NEW_PASSWORD}).status_code == 204
    assert_error(client.get(ME, headers=admin["headers"]), 401)
    assert login(client, admin["email"], NEW_PASSWORD).status_code == 200
    assert_error(client.post(f"{API}/auth/password-reset/{secret}", json={"new_password": "another-" + NEW_PASSWORD}),
                 404)


def test_an_expired_reset_link_is_refused(app, client, admin, resets):
    client.post(f"{API}/auth/password-reset", json={"email": admin["email"]})
    _set(app, "UPDATE account_tokens SET expires_at = :at", at=datetime.now(UTC) - timedelta(seconds=1))
    assert_error(client.post(f"{API}/auth/password-reset/{_secret(resets[-1]['url'])}",
                             json={"new_password": NEW_PASSWORD}), 404)
    assert login(client, admin["email"]).status_code == 200


def test_an_admin_sends_a_reset_to_a_therapist_of_the_practice_only(client, admin, other, create_therapist, resets):
    therapist = create_therapist()
    r = client.post(f"{API}/therapists/{therapist['id']}/password-reset", headers=admin["headers"])
    assert r.status_code == 202 and resets[-1]["therapist_id"] == therapist["id"]
    assert resets[-1]["sender"].id == admin["therapist_id"]
    assert client.get(ME, headers=therapist["headers"]).status_code == 200  # nothing ends until it is used
    assert_error(client.post(f"{API}/therapists/{admin['therapist_id']}/password-reset",
                             headers=therapist["headers"]), 403)
    assert_error(client.post(f"{API}/therapists/{therapist['id']}/password-reset", headers=other["headers"]), 404)
    assert len(resets) == 1


# --- the caller's logins ------------------------------------------------------------------------------------------

def test_list_and_end_ones_own_logins(client, admin, other):
    firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    phone = login(client, admin["email"], user_agent=firefox).get_json()
    listed = client.get(f"{API}/me/sessions", headers=admin["headers"]).get_json()
    assert len(listed) == 2 and sum(s["current"] for s in listed) == 1
    theirs = next(s for s in listed if not s["current"])
    assert theirs["user_agent"] == "Firefox on Linux" and theirs["last_used_at"]
    assert_error(client.delete(f"{API}/me/sessions/{theirs['id']}", headers=other["headers"]), 404)
    assert client.delete(f"{API}/me/sessions/{theirs['id']}", headers=admin["headers"]).status_code == 204
    assert_error(client.get(ME, headers=bearer(phone["access_token"])), 401)
    assert_error(client.delete(f"{API}/me/sessions/{theirs['id']}", headers=admin["headers"]), 404)
    assert [s["current"] for s in client.get(f"{API}/me/sessions", headers=admin["headers"]).get_json()] == [True]


# --- TOTP ---------------------------------------------------------------------------------------------------------

def _enrol(client, headers) -> pyotp.TOTP:
    started = client.post(f"{API}/me/totp", headers=headers)
    assert started.status_code == 201 and started.headers["Cache-Control"] == "no-store"
    body = started.get_json()
    assert body["otpauth_uri"].startswith("otpauth://totp/") and body["secret"] in body["otpauth_uri"]
    totp = pyotp.TOTP(body["secret"])
    assert client.post(f"{API}/me/totp/confirm", headers=headers, json={"code": totp.now()}).status_code == 204
    return totp


def _next_code(totp: pyotp.TOTP) -> str:
    """The next time step's code (the current one was used by the step before: each code works once)."""
    return totp.at(datetime.now(UTC) + timedelta(seconds=30))


def test_totp_enrolment_then_sign_in_needs_a_code(client, admin):
    assert_error(client.post(f"{API}/me/totp/confirm", headers=admin["headers"], json={"code": "123456"}), 409)
    assert client.get(ME, headers=admin["headers"]).get_json()["totp_enabled"] is False
    totp = _enrol(client, admin["headers"])
    assert client.get(ME, headers=admin["headers"]).get_json()["totp_enabled"] is True
    assert_error(client.post(f"{API}/me/totp", headers=admin["headers"]), 409)  # on already
    needed = assert_error(login(client, admin["email"]), 401)
    assert "totp" in needed["errors"] and "access_token" not in needed
    wrong = "000000" if _next_code(totp) != "000000" else "111111"
    refused = assert_error(client.post(LOGIN, json={"email": admin["email"], "password": PASSWORD, "totp": wrong}),
                           401)
    assert "totp" in refused["errors"]
    code = _next_code(totp)
    assert_error(client.post(LOGIN, json={"email": admin["email"], "password": "wrong-password-x", "totp": code}), 401)
    done = client.post(LOGIN, json={"email": admin["email"], "password": PASSWORD, "totp": code})
    assert done.status_code == 200, done.get_json()
    assert client.get(ME, headers=bearer(done.get_json()["access_token"])).status_code == 200
    # Each code signs in once.
    assert_error(client.post(LOGIN, json={"email": admin["email"], "password": PASSWORD, "totp": code}), 401)


def test_a_wrong_totp_code_is_audited(client, admin):
    totp = _enrol(client, admin["headers"])
    wrong = "000000" if _next_code(totp) != "000000" else "111111"
    client.post(LOGIN, json={"email": admin["email"], "password": PASSWORD, "totp": wrong})
    events = client.get(f"{API}/audit-events", headers=admin["headers"],
                        query_string={"action": "login_totp"}).get_json()
    assert [(e["outcome"], e["record_id"]) for e in events] == [("denied", admin["therapist_id"])]


def test_turning_totp_off_needs_the_password(client, admin):
    _enrol(client, admin["headers"])
    assert_error(client.delete(f"{API}/me/totp", headers=admin["headers"], json={"password": "not-my-password-1"}), 422)
    assert client.delete(f"{API}/me/totp", headers=admin["headers"], json={"password": PASSWORD}).status_code == 204
    assert login(client, admin["email"]).status_code == 200
    assert_error(client.delete(f"{API}/me/totp", headers=admin["headers"], json={"password": PASSWORD}), 404)


def test_a_practice_that_requires_totp_enrols_therapists_at_their_next_login(client, admin, create_therapist):
    therapist = create_therapist()
    changing = if_match(client, f"{API}/practice", therapist["headers"])
    assert_error(client.patch(f"{API}/practice", headers=changing, json={"require_totp": True}), 403)
    changing = if_match(client, f"{API}/practice", admin["headers"])
    r = client.patch(f"{API}/practice", headers=changing, json={"require_totp": True})
    assert r.status_code == 200 and r.get_json()["require_totp"] is True
    first = login(client, therapist["email"])
    assert first.status_code == 200
    headers = bearer(first.get_json()["access_token"])
    assert client.get(ME, headers=headers).get_json()["must_enrol_totp"] is True
    refused = assert_error(client.get(f"{API}/participants", headers=headers), 403)
    assert "enrol" in refused["message"]
    totp = _enrol(client, headers)
    me = client.get(ME, headers=headers).get_json()
    assert me["must_enrol_totp"] is False and me["totp_enabled"] is True
    assert client.get(f"{API}/participants", headers=headers).status_code == 200
    assert_error(login(client, therapist["email"]), 401)  # a code from now on
    assert client.post(LOGIN, json={"email": therapist["email"], "password": PASSWORD,
                                    "totp": _next_code(totp)}).status_code == 200
    assert_error(client.delete(f"{API}/me/totp", headers=headers, json={"password": PASSWORD}), 409)


# --- lockout, database loss, deactivation ----------------------------------------------------------------------

def test_failed_logins_lock_the_account_not_its_neighbours_at_the_same_address(make_config, admin, create_therapist):
    neighbour = create_therapist()
    app = create_app(make_config(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://"))
    client = app.test_client()
    for _ in range(5):
        assert_error(login(client, admin["email"], "wrong-password-here"), 401)
    locked = login(client, admin["email"])  # even the right password waits
    assert_error(locked, 429)
    assert int(locked.headers["Retry-After"]) > 0
    assert login(client, neighbour["email"]).status_code == 200  # same address, another account


def test_a_database_outage_answers_503_with_retry_after(make_config, admin):
    for url in ("sqlite:////nonexistent-dir-for-this-test/toolkit.db",
                "postgresql+psycopg://postgres@127.0.0.1:1/unreachable?connect_timeout=2"):
        config = make_config()
        config.SQLALCHEMY_DATABASE_URI = url
        app = create_app(config)
        client = app.test_client()
        for response in (login(client, admin["email"]), client.get(ME, headers=admin["headers"])):
            body = assert_error(response, 503)
            assert response.headers["Retry-After"] == "5" and "unavailable" in body["message"]


def test_a_deactivated_therapists_calendar_feeds_and_logins_end(client, admin, create_therapist, create_group):
    therapist = create_therapist()
    theirs, admins = create_group(name="Theirs"), create_group(name="Admin's")
    feed = client.post(f"{API}/groups/{theirs['id']}/calendar-feed", headers=therapist["headers"]).get_json()
    kept = client.post(f"{API}/groups/{admins['id']}/calendar-feed", headers=admin["headers"]).get_json()
    path = lambda body: f"{API}/calendar-feeds/{body['token']}"  # noqa: E731
    assert client.get(path(feed)).status_code == 200
    changing = if_match(client, f"{API}/therapists/{therapist['id']}", admin["headers"])
    assert client.delete(f"{API}/therapists/{therapist['id']}", headers=changing).status_code == 204
    assert_error(client.get(path(feed)), 404)
    assert client.get(path(kept)).status_code == 200
    assert_error(client.get(ME, headers=therapist["headers"]), 401)


def test_reset_requests_take_at_least_the_floor(client, admin):
    """The floor that hides whether an account exists; the answer never comes sooner (no upper bound asserted)."""
    started = time.monotonic()
    client.post(f"{API}/auth/password-reset", json={"email": "nobody-else@example.org"})
    assert time.monotonic() - started >= 0.25

"""Accounts (issue 15): breached and guessable passwords refused with the reason, token answers never
stored, refresh tokens rotated on use and a reused one ending the whole login."""

import pytest

from tests.conftest import PASSWORD
from tests.helpers import assert_error
from tests.security.support import run_together
from toolkit.auth.rules import password_problems

API = "/api/v1"


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("password, reason", [
    ("password1234", "breaches"),
    ("qwertyuiop123", "breaches"),
    ("iloveyou12345", "too easy to guess"),
    ("Passw0rd!2024", "too easy to guess"),
    ("abcdefghijklmnop", "too easy to guess"),
    ("short", "at least 12"),
])
def test_weak_passwords_are_refused_with_the_reason(password, reason):
    problems = password_problems(password, email="alex@example.org")
    assert any(reason in p for p in problems), problems


@pytest.mark.parametrize("password", [PASSWORD, "a-long-passphrase-42", "Lantern moss drifts over 7 quiet bays"])
def test_strong_passwords_pass(password):
    assert password_problems(password, email="alex@example.org") == []


def test_the_name_and_email_do_not_make_a_password(client):
    assert password_problems("wrenfairweather", email="wren.fairweather@example.org",
                             user_inputs=("Wren Fairweather",))


def test_registration_and_new_therapists_refuse_a_breached_password(client, admin):
    r = client.post(f"{API}/auth/register", json={"practice_name": "P", "name": "N",
                                                  "email": "new-one@example.org", "password": "password1234"})
    body = assert_error(r, 422)
    assert any("breaches" in p for p in body["errors"]["password"])
    r = client.post(f"{API}/therapists", headers=admin["headers"], json={
        "name": "Theo", "email": "theo-weak@example.org", "password": "qwertyuiop123", "role": "therapist"})
    assert any("breaches" in p for p in assert_error(r, 422)["errors"]["password"])


def test_token_answers_are_not_stored(client, admin):
    r = client.post(f"{API}/auth/login", json={"email": admin["email"], "password": PASSWORD})
    assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store" and r.headers["Pragma"] == "no-cache"
    r = client.post(f"{API}/auth/refresh", headers=bearer(r.get_json()["refresh_token"]))
    assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store"
    failed = client.post(f"{API}/auth/login", json={"email": admin["email"], "password": "wrong-password-x"})
    assert failed.status_code == 401 and failed.headers["Cache-Control"] == "no-store"


def test_refresh_rotates_and_reuse_ends_the_login(client, admin):
    first = client.post(f"{API}/auth/refresh", headers=bearer(admin["refresh_token"]))
    assert first.status_code == 200
    tokens = first.get_json()
    assert tokens["refresh_token"] != admin["refresh_token"]
    second = client.post(f"{API}/auth/refresh", headers=bearer(tokens["refresh_token"])).get_json()
    assert client.get(f"{API}/me", headers=bearer(second["access_token"])).status_code == 200
    # The old refresh token again: taken as theft, the whole login ends.
    reused = client.post(f"{API}/auth/refresh", headers=bearer(admin["refresh_token"]))
    assert "already used" in assert_error(reused, 401)["message"]
    for token in (second["access_token"], tokens["access_token"], admin["access_token"]):
        assert_error(client.get(f"{API}/me", headers=bearer(token)), 401)
    assert_error(client.post(f"{API}/auth/refresh", headers=bearer(second["refresh_token"])), 401)
    # Other logins of the same person go on.
    other = client.post(f"{API}/auth/login", json={"email": admin["email"], "password": PASSWORD}).get_json()
    assert client.get(f"{API}/me", headers=bearer(other["access_token"])).status_code == 200


def test_one_refresh_token_sent_four_times_at_once_gives_one_pair(app, admin, on_postgres):
    """Issue 28's grace window, under real concurrency: tabs refreshing with one token at the same moment all keep
    the login, with the same new pair (one rotation, not four)."""
    import requests

    from tests.security.support import serve_in_thread

    def refresh(_i):
        r = requests.post(f"{base}{API}/auth/refresh", timeout=30, headers=bearer(admin["refresh_token"]))
        return r.status_code, r.json().get("access_token"), r.json().get("refresh_token")

    with serve_in_thread(app) as base:
        results = run_together(4, refresh)
    assert [status for status, _, _ in results] == [200] * 4
    assert len({(access, refresh_token) for _, access, refresh_token in results}) == 1

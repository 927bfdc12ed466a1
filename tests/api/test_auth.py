"""Registration, login, refresh, logout, /me and every kind of bad token."""

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta

import jwt as pyjwt
import pytest

from tests.conftest import PASSWORD
from tests.helpers import assert_error, if_match
from toolkit import create_app

REGISTER = "/api/v1/auth/register"
LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"
ME = "/api/v1/me"


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def new_email(prefix="user"):
    return f"{prefix}-{uuid.uuid4().hex[:10]}@example.org"


def login(client, email, password=PASSWORD):
    return client.post(LOGIN, json={"email": email, "password": password})


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


# --- register -----------------------------------------------------------------------------------------


def test_register_creates_practice_and_admin(client):
    email = new_email("Founder")
    r = client.post(REGISTER, json={"practice_name": "Riverside", "name": "Dr. Founder", "email": email,
                                    "password": PASSWORD})
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert body["practice"]["name"] == "Riverside"
    assert body["practice"]["id"]
    therapist = body["therapist"]
    assert therapist["role"] == "admin"
    assert therapist["active"] is True
    assert therapist["email"] == email.lower()
    assert therapist["practice"]["id"] == body["practice"]["id"]
    assert "password" not in therapist and "password_hash" not in therapist

    me = client.get(ME, headers=bearer(login(client, email).get_json()["access_token"]))
    assert me.status_code == 200
    assert me.get_json()["id"] == therapist["id"]
    assert me.get_json()["role"] == "admin"


def test_register_does_not_reveal_an_existing_email(client, admin):
    fresh = client.post(REGISTER, json={"practice_name": "Copy", "name": "Copy Cat",
                                        "email": "someone-new@example.org", "password": PASSWORD})
    taken = client.post(REGISTER, json={"practice_name": "Copy", "name": "Copy Cat",
                                        "email": admin["email"].upper(), "password": "another-long-passphrase-73"})
    assert taken.status_code == fresh.status_code == 201
    assert set(taken.get_json()) == set(fresh.get_json())
    assert set(taken.get_json()["therapist"]) == set(fresh.get_json()["therapist"])
    assert taken.headers["Cache-Control"] == fresh.headers["Cache-Control"] == "no-store"
    # Nothing was created for the taken email: its new password does not log in, the old one does.
    assert_error(client.post(LOGIN, json={"email": admin["email"], "password": "another-long-passphrase-73"}), 401)
    assert login(client, admin["email"]).status_code == 200


def test_register_duplicate_email_creates_no_practice(client, admin):
    client.post(REGISTER, json={"practice_name": "Ghost practice", "name": "Ghost",
                                "email": admin["email"], "password": PASSWORD})
    # The original admin still logs in, and is still the only account with that email.
    assert login(client, admin["email"]).status_code == 200
    with client.application.app_context():
        from sqlalchemy import func, select

        from toolkit.auth.models import Practice
        from toolkit.extensions import db

        count = db.session.scalar(select(func.count()).select_from(Practice).where(Practice.name == "Ghost practice"))
    assert count == 0


@pytest.mark.parametrize("password", ["short-pw", "elevenchars", "a" * 11])
def test_register_short_password_is_422_with_reason(client, password):
    r = client.post(REGISTER, json={"practice_name": "P", "name": "N", "email": new_email(), "password": password})
    body = assert_error(r, 422)
    assert body["errors"]["password"]
    assert any("12" in reason for reason in body["errors"]["password"])


def test_register_password_equal_to_email_is_422(client):
    email = new_email("Someone.Long")
    r = client.post(REGISTER, json={"practice_name": "P", "name": "N", "email": email, "password": email.upper()})
    body = assert_error(r, 422)
    assert any("email" in reason.lower() for reason in body["errors"]["password"])
    assert login(client, email, email.upper()).status_code == 401  # nothing was created


def test_register_missing_fields_named(client):
    body = assert_error(client.post(REGISTER, json={}), 422)
    assert {"practice_name", "name", "email", "password"} <= set(body["errors"])


def test_register_bad_email_is_422(client):
    body = assert_error(client.post(REGISTER, json={"practice_name": "P", "name": "N", "email": "not-an-email",
                                                    "password": PASSWORD}), 422)
    assert "email" in body["errors"]


# --- login --------------------------------------------------------------------------------------------


def test_login_returns_tokens(client, admin):
    r = login(client, admin["email"])
    assert r.status_code == 200
    body = r.get_json()
    assert body["access_token"] and body["refresh_token"]
    assert body["access_token"] != body["refresh_token"]
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] > 0
    assert client.get(ME, headers=bearer(body["access_token"])).status_code == 200


def test_login_email_is_case_insensitive(client, admin):
    assert login(client, "  " + admin["email"].upper() + " ").status_code == 200


def test_login_wrong_password_and_unknown_email_are_identical(client, admin):
    wrong = login(client, admin["email"], "definitely-not-the-password")
    unknown = login(client, new_email("nobody"), PASSWORD)
    assert_error(wrong, 401)
    assert_error(unknown, 401)
    assert wrong.get_json() == unknown.get_json()
    assert "access_token" not in wrong.get_json()


def test_login_missing_fields_is_422(client):
    body = assert_error(client.post(LOGIN, json={"email": "x@example.org"}), 422)
    assert "password" in body["errors"]


def test_deactivated_therapist_cannot_log_in(client, admin, create_therapist):
    t = create_therapist()
    wrong = login(client, new_email("nobody"))
    changing = if_match(client, f"/api/v1/therapists/{t['id']}", admin["headers"])
    r = client.patch(f"/api/v1/therapists/{t['id']}", headers=changing, json={"active": False})
    assert r.status_code == 200
    denied = login(client, t["email"])
    assert_error(denied, 401)
    assert denied.get_json() == wrong.get_json()  # no hint that the account exists


# --- refresh, token types -----------------------------------------------------------------------------


def test_refresh_gives_new_working_access_token(client, admin):
    r = client.post(REFRESH, headers=bearer(admin["refresh_token"]))
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["access_token"] and body["token_type"] == "Bearer" and body["expires_in"] > 0
    me = client.get(ME, headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.get_json()["id"] == admin["therapist_id"]


def test_access_token_cannot_refresh(client, admin):
    assert_error(client.post(REFRESH, headers=bearer(admin["access_token"])), 401)


def test_refresh_token_cannot_call_me(client, admin):
    assert_error(client.get(ME, headers=bearer(admin["refresh_token"])), 401)


def test_refresh_token_cannot_call_other_endpoints(client, admin):
    assert_error(client.get("/api/v1/participants", headers=bearer(admin["refresh_token"])), 401)


# --- logout -------------------------------------------------------------------------------------------


def test_logout_ends_this_login_only(client, admin):
    first = login(client, admin["email"]).get_json()
    refreshed = client.post(REFRESH, headers=bearer(first["refresh_token"])).get_json()["access_token"]
    second = login(client, admin["email"]).get_json()
    assert client.get(ME, headers=bearer(refreshed)).status_code == 200

    r = client.post(LOGOUT, headers=bearer(first["access_token"]))
    assert r.status_code == 204

    assert_error(client.get(ME, headers=bearer(first["access_token"])), 401)
    assert_error(client.post(REFRESH, headers=bearer(first["refresh_token"])), 401)
    assert_error(client.get(ME, headers=bearer(refreshed)), 401)
    # The same therapist's other login goes on.
    assert client.get(ME, headers=bearer(second["access_token"])).status_code == 200
    assert client.post(REFRESH, headers=bearer(second["refresh_token"])).status_code == 200
    # And a new login after logout works.
    assert client.get(ME, headers=bearer(login(client, admin["email"]).get_json()["access_token"])).status_code == 200


def test_logout_twice_is_401(client, admin):
    assert client.post(LOGOUT, headers=admin["headers"]).status_code == 204
    assert_error(client.post(LOGOUT, headers=admin["headers"]), 401)


def test_logout_needs_a_token(client):
    assert_error(client.post(LOGOUT), 401)


# --- /me ----------------------------------------------------------------------------------------------


def test_me(client, admin, create_therapist):
    body = client.get(ME, headers=admin["headers"]).get_json()
    assert body["id"] == admin["therapist_id"]
    assert body["email"] == admin["email"]
    assert body["practice"] == {"id": admin["practice_id"], "name": "Test practice", "contact": None,
                                "emergency_contact": None}
    assert body["role"] == "admin"
    assert "password_hash" not in body

    t = create_therapist(trauma_informed=True)
    mine = client.get(ME, headers=t["headers"]).get_json()
    assert mine["id"] == t["id"] and mine["role"] == "therapist" and mine["trauma_informed"] is True
    assert mine["practice"]["id"] == admin["practice_id"]


# --- bad tokens: always 401 in the error shape, never 422 -----------------------------------------------


def test_missing_token_is_401(client):
    r = client.get(ME)
    assert_error(r, 401)
    assert r.headers.get("WWW-Authenticate", "").startswith("Bearer")


@pytest.mark.parametrize("header", [
    "Bearer abc",
    "Bearer ",
    "Bearer a.b.c",
    "Bearer " + "x" * 500,
    "Basic dXNlcjpwYXNz",
    "Token abc",
    "bearer",
])
def test_malformed_token_is_401(client, header):
    r = client.get(ME, headers={"Authorization": header})
    assert_error(r, 401)


def test_tampered_payload_is_401(client, admin, create_therapist):
    t = create_therapist()
    header, payload, signature = t["headers"]["Authorization"].removeprefix("Bearer ").split(".")
    claims = json.loads(unb64(payload))
    claims["sub"] = admin["therapist_id"]
    claims["role"] = "admin"
    forged = ".".join([header, b64(json.dumps(claims).encode()), signature])
    assert_error(client.get(ME, headers=bearer(forged)), 401)


def test_tampered_signature_is_401(client, admin):
    header, payload, signature = admin["access_token"].split(".")
    other_sig = b64(bytes(b ^ 0xFF for b in unb64(signature)))
    assert_error(client.get(ME, headers=bearer(f"{header}.{payload}.{other_sig}")), 401)
    assert_error(client.get(ME, headers=bearer(f"{header}.{payload}.")), 401)


def test_token_signed_with_another_key_is_401(client, admin):
    claims = pyjwt.decode(admin["access_token"], options={"verify_signature": False})
    forged = pyjwt.encode(claims, "some-other-secret-of-sufficient-length-1234", algorithm="HS256")
    assert_error(client.get(ME, headers=bearer(forged)), 401)


def test_alg_none_is_401(client, admin):
    _, payload, _ = admin["access_token"].split(".")
    header = b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    assert_error(client.get(ME, headers=bearer(f"{header}.{payload}.")), 401)
    assert_error(client.get(ME, headers=bearer(f"{header}.{payload}")), 401)


def test_expired_token_built_with_app_secret_is_401(app, client, admin):
    claims = pyjwt.decode(admin["access_token"], app.config["JWT_SECRET_KEY"], algorithms=["HS256"])
    claims["exp"] = int((datetime.now(UTC) - timedelta(minutes=5)).timestamp())
    expired = pyjwt.encode(claims, app.config["JWT_SECRET_KEY"], algorithm="HS256")
    # The same claims, unexpired, are accepted: only the expiry makes the difference.
    claims["exp"] = int((datetime.now(UTC) + timedelta(minutes=5)).timestamp())
    fresh = pyjwt.encode(claims, app.config["JWT_SECRET_KEY"], algorithm="HS256")
    assert client.get(ME, headers=bearer(fresh)).status_code == 200
    body = assert_error(client.get(ME, headers=bearer(expired)), 401)
    assert "expired" in body["message"].lower()


def test_token_without_session_claim_is_401(app, client, admin):
    claims = pyjwt.decode(admin["access_token"], app.config["JWT_SECRET_KEY"], algorithms=["HS256"])
    del claims["sid"]
    token = pyjwt.encode(claims, app.config["JWT_SECRET_KEY"], algorithm="HS256")
    assert_error(client.get(ME, headers=bearer(token)), 401)


def test_token_with_other_subject_same_session_is_401(app, client, admin, create_therapist):
    t = create_therapist()
    claims = pyjwt.decode(admin["access_token"], app.config["JWT_SECRET_KEY"], algorithms=["HS256"])
    claims["sub"] = t["id"]
    token = pyjwt.encode(claims, app.config["JWT_SECRET_KEY"], algorithm="HS256")
    assert_error(client.get(ME, headers=bearer(token)), 401)


def test_expired_access_tokens_from_config_are_401(make_config):
    app = create_app(make_config(JWT_ACCESS_TOKEN_EXPIRES=timedelta(seconds=-1)))
    client = app.test_client()
    email = new_email()
    assert client.post(REGISTER, json={"practice_name": "P", "name": "N", "email": email,
                                       "password": PASSWORD}).status_code == 201
    tokens = login(client, email).get_json()
    body = assert_error(client.get(ME, headers=bearer(tokens["access_token"])), 401)
    assert "expired" in body["message"].lower()
    # The refresh token is still good, but what it gives is expired at once too.
    refreshed = client.post(REFRESH, headers=bearer(tokens["refresh_token"]))
    assert refreshed.status_code == 200
    assert_error(client.get(ME, headers=bearer(refreshed.get_json()["access_token"])), 401)
    from toolkit.extensions import db

    with app.app_context():
        db.engine.dispose()

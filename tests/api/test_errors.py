"""Every error is one JSON shape, with the right code and headers; bad input is a 4xx, never a 500."""

import uuid

import pytest

from tests.conftest import PASSWORD
from tests.helpers import assert_error
from toolkit import create_app

LOGIN = "/api/v1/auth/login"


def participant_count(client, headers) -> int:
    r = client.get("/api/v1/participants?include_archived=true", headers=headers)
    assert r.status_code == 200
    return len(r.get_json())


# --- 400, 404, 405 ------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["{not json", '{"email": "a@b.org",}', "\x00\x01", "{"])
def test_malformed_json_is_400_in_shape(client, body):
    r = client.post(LOGIN, data=body, content_type="application/json")
    body = assert_error(r, 400)
    assert "json" in body["message"].lower()


def test_malformed_json_on_authenticated_write_is_400(client, admin):
    r = client.post("/api/v1/participants", data="{oops", content_type="application/json", headers=admin["headers"])
    assert_error(r, 400)
    assert participant_count(client, admin["headers"]) == 0


@pytest.mark.parametrize("payload", [[1, 2], "a string", 42, None])
def test_json_that_is_not_an_object_is_4xx(client, admin, payload):
    import json

    r = client.post("/api/v1/participants", data=json.dumps(payload), content_type="application/json",
                    headers=admin["headers"])
    assert 400 <= r.status_code < 500
    assert_error(r, r.status_code)


def test_no_body_is_422_not_500(client, admin):
    r = client.post("/api/v1/participants", headers=admin["headers"])
    assert 400 <= r.status_code < 500, r.status_code
    assert_error(r, r.status_code)


@pytest.mark.parametrize("path", ["/api/v1/nope", "/nope", "/api/v2/participants", "/api/v1/participants/a/b/c"])
def test_unknown_route_is_404_in_shape(client, path):
    r = client.get(path)
    assert_error(r, 404)
    assert r.headers["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize("method,path,allowed", [
    ("delete", "/api/v1/participants", {"GET", "POST"}),
    ("put", "/api/v1/auth/login", {"POST"}),
    ("get", "/api/v1/auth/logout", {"POST"}),
    ("post", "/api/v1/me", {"GET"}),
])
def test_wrong_method_is_405_with_allow(client, method, path, allowed):
    r = getattr(client, method)(path)
    assert_error(r, 405)
    allow = {m.strip() for m in r.headers["Allow"].split(",")}
    assert allowed <= allow
    assert method.upper() not in allow


# --- 413 ----------------------------------------------------------------------------------------------


@pytest.fixture
def small_client(make_config):
    app = create_app(make_config(MAX_CONTENT_LENGTH=1000))
    app.config["TESTING"] = True
    yield app.test_client()
    from toolkit.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_body_over_limit_is_413_in_shape(small_client):
    email = f"big-{uuid.uuid4().hex[:8]}@example.org"
    r = small_client.post("/api/v1/auth/register",
                          json={"practice_name": "P" * 1500, "name": "N", "email": email, "password": PASSWORD})
    body = assert_error(r, 413)
    assert "large" in body["message"].lower()
    # A body under the limit is fine on the same app, and the oversize one wrote nothing.
    ok = small_client.post("/api/v1/auth/register",
                           json={"practice_name": "P", "name": "N", "email": email, "password": PASSWORD})
    assert ok.status_code == 201


def test_body_over_limit_on_authenticated_write_is_413(small_client):
    email = f"big-{uuid.uuid4().hex[:8]}@example.org"
    small_client.post("/api/v1/auth/register",
                      json={"practice_name": "P", "name": "N", "email": email, "password": PASSWORD})
    token = small_client.post(LOGIN, json={"email": email, "password": PASSWORD}).get_json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    r = small_client.post("/api/v1/participants", headers=headers, json={"display_name": "x", "notes": "n" * 5000})
    assert_error(r, 413)
    assert small_client.get("/api/v1/participants", headers=headers).get_json() == []


# --- 422 ----------------------------------------------------------------------------------------------


def test_422_names_every_bad_field(client, admin):
    r = client.post("/api/v1/groups", headers=admin["headers"],
                    json={"kind": "party", "name": "", "capacity": 0, "timezone": "Mars/Olympus_Mons",
                          "starts_on": "not-a-date"})
    body = assert_error(r, 422)
    assert {"kind", "name", "capacity", "timezone", "starts_on"} <= set(body["errors"])
    for messages in body["errors"].values():
        assert messages  # every field carries a reason


def test_422_names_bad_query_parameters(client, admin):
    r = client.get("/api/v1/participants?sort=shoe_size&include_archived=perhaps", headers=admin["headers"])
    body = assert_error(r, 422)
    assert {"sort", "include_archived"} <= set(body["errors"])
    r = client.get("/api/v1/participants?page=0&page_size=0", headers=admin["headers"])
    body = assert_error(r, 422)
    assert {"page", "page_size"} <= set(body["errors"])


def test_422_for_wrong_types(client, admin):
    r = client.post("/api/v1/participants", headers=admin["headers"],
                    json={"display_name": 5, "date_of_birth": "1990-13-45", "sex_at_birth": "other"})
    body = assert_error(r, 422)
    assert {"display_name", "date_of_birth", "sex_at_birth"} <= set(body["errors"])


@pytest.mark.parametrize("field,value", [
    ("practice_id", "00000000-0000-0000-0000-000000000000"),
    ("id", "my-own-id"),
    ("role", "admin"),
    ("archived", True),
    ("created_at", "2020-01-01T00:00:00+00:00"),
    ("version", 7),
])
def test_unknown_field_refused_and_nothing_written(client, admin, field, value):
    r = client.post("/api/v1/participants", headers=admin["headers"], json={"display_name": "Pat", field: value})
    body = assert_error(r, 422)
    assert field in body["errors"]
    assert participant_count(client, admin["headers"]) == 0


def test_unknown_field_on_patch_refused_and_nothing_changed(client, admin, create_participant):
    p = create_participant(display_name="Before")
    url = f"/api/v1/participants/{p['id']}"
    etag = client.get(url, headers=admin["headers"]).headers["ETag"]
    r = client.patch(url, headers={**admin["headers"], "If-Match": etag},
                     json={"display_name": "After", "practice_id": "someone-else"})
    body = assert_error(r, 422)
    assert "practice_id" in body["errors"]
    after = client.get(url, headers=admin["headers"])
    assert after.get_json()["display_name"] == "Before"
    assert after.headers["ETag"] == etag


def test_unknown_field_on_group_refused(client, admin):
    r = client.post("/api/v1/groups", headers=admin["headers"],
                    json={"kind": "family", "name": "G", "member_count": 99, "practice_id": "x"})
    body = assert_error(r, 422)
    assert {"member_count", "practice_id"} <= set(body["errors"])
    assert client.get("/api/v1/groups", headers=admin["headers"]).get_json() == []


def test_unknown_field_on_therapist_refused(client, admin):
    r = client.post("/api/v1/therapists", headers=admin["headers"],
                    json={"name": "T", "email": "t-unknown@example.org", "password": PASSWORD,
                          "practice_id": "x"})
    body = assert_error(r, 422)
    assert "practice_id" in body["errors"]


# --- 500 ----------------------------------------------------------------------------------------------


def test_unexpected_exception_is_500_in_shape_without_details(app):
    def boom():
        raise RuntimeError("secret-internal-detail for Pat Example")

    app.add_url_rule("/boom-for-test", "boom_for_test", boom)
    client = app.test_client()
    r = client.get("/boom-for-test", headers={"X-Request-ID": "req-123.abc"})
    body = assert_error(r, 500)
    text = r.get_data(as_text=True)
    assert "secret-internal-detail" not in text
    assert "Traceback" not in text and "RuntimeError" not in text
    assert r.headers["X-Request-ID"] == "req-123.abc"
    assert "req-123.abc" in body["message"]


def test_exception_in_a_service_is_500_with_request_id(client, admin, monkeypatch):
    from toolkit.participants import services

    def fail(*args, **kwargs):
        raise RuntimeError("db exploded with Pat's notes")

    monkeypatch.setattr(services, "create_participant", fail)
    r = client.post("/api/v1/participants", headers=admin["headers"], json={"display_name": "Pat", "notes": "x"})
    body = assert_error(r, 500)
    request_id = r.headers.get("X-Request-ID")
    assert request_id
    assert request_id in body["message"]
    assert "exploded" not in r.get_data(as_text=True)
    assert "Traceback" not in r.get_data(as_text=True)
    assert "errors" not in body
    # The app goes on working after the failure.
    monkeypatch.undo()
    assert client.get("/api/v1/participants", headers=admin["headers"]).status_code == 200


def test_500_is_logged_with_request_id_but_without_the_exception_text(app, caplog):
    def boom():
        raise RuntimeError("clinical detail: Pat Example has thoughts of self-harm")

    app.add_url_rule("/boom-for-log-test", "boom_for_log_test", boom)
    with caplog.at_level("ERROR", logger="toolkit"):
        app.test_client().get("/boom-for-log-test", headers={"X-Request-ID": "req-log-1"})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "req-log-1" in logged and "RuntimeError" in logged and "boom" in logged  # where it happened
    assert "Pat Example" not in logged and "self-harm" not in logged


# --- request ids --------------------------------------------------------------------------------------


def test_request_id_is_echoed_when_safe_and_replaced_when_not(client):
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["X-Request-ID"] == "abc-123"
    generated = client.get("/healthz", headers={"X-Request-ID": "bad id <script>"}).headers["X-Request-ID"]
    assert generated and "<" not in generated and " " not in generated
    assert client.get("/healthz").headers["X-Request-ID"]


def test_error_responses_carry_request_id(client):
    r = client.get("/api/v1/nope")
    assert_error(r, 404)
    assert r.headers["X-Request-ID"]


# --- login throttling ---------------------------------------------------------------------------------


@pytest.fixture
def limited_client(make_config):
    app = create_app(make_config(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute",
                                 LOGIN_ACCOUNT_RATE_LIMIT="3 per minute", LOGIN_ADDRESS_RATE_LIMIT="3 per minute"))
    app.config["TESTING"] = True
    client = app.test_client()
    yield client
    from toolkit.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _register(client, ip="10.9.9.9"):
    email = f"limited-{uuid.uuid4().hex[:8]}@example.org"
    r = client.post("/api/v1/auth/register", environ_base={"REMOTE_ADDR": ip},
                    json={"practice_name": "P", "name": "N", "email": email, "password": PASSWORD})
    assert r.status_code == 201, r.get_json()
    return email


def _login(client, email, password=PASSWORD, ip="10.0.0.1"):
    return client.post(LOGIN, json={"email": email, "password": password}, environ_base={"REMOTE_ADDR": ip})


def test_failed_logins_for_one_account_are_throttled(limited_client):
    email = _register(limited_client)
    other_email = _register(limited_client)
    # Each failure from a different address: only the per-account limit can stop them.
    for i in range(3):
        assert_error(_login(limited_client, email, "wrong-password-here", ip=f"10.0.1.{i}"), 401)
    r = _login(limited_client, email, "wrong-password-here", ip="10.0.1.50")
    body = assert_error(r, 429)
    assert int(r.headers["Retry-After"]) > 0
    assert body["message"]
    # Even the right password is refused for that account now...
    assert_error(_login(limited_client, email, ip="10.0.1.51"), 429)
    # ...but another account is not affected.
    assert _login(limited_client, other_email, ip="10.0.1.52").status_code == 200


def test_failed_logins_from_one_address_are_throttled(limited_client):
    emails = [_register(limited_client, ip="10.8.0.1") for _ in range(2)]
    for i in range(3):
        assert_error(_login(limited_client, f"nobody-{i}@example.org", "wrong-password-here", ip="10.0.2.1"), 401)
    r = _login(limited_client, emails[0], ip="10.0.2.1")
    assert_error(r, 429)
    assert r.headers["Retry-After"]
    assert _login(limited_client, emails[1], ip="10.0.2.2").status_code == 200


def test_successful_logins_are_not_counted(limited_client):
    email = _register(limited_client)
    for _ in range(6):
        assert _login(limited_client, email, ip="10.0.3.1").status_code == 200
    # Failures still get their full allowance after many successes.
    for _ in range(3):
        assert_error(_login(limited_client, email, "wrong-password-here", ip="10.0.3.1"), 401)
    assert_error(_login(limited_client, email, "wrong-password-here", ip="10.0.3.1"), 429)


# --- pagination edge cases ------------------------------------------------------------------------------


@pytest.mark.parametrize("area", ["participants", "groups", "therapists"])
def test_page_past_the_end_is_empty_never_500(client, admin, area):
    for page in ("3", "922337203685477580", "9223372036854775807", "99999999999999999999"):
        r = client.get(f"/api/v1/{area}?page={page}", headers=admin["headers"])
        assert r.status_code == 200, (page, r.status_code)
        assert r.get_json() == []

"""Idempotency-Key on POST (issue 17, point 7): a retried create returns the first response."""

import uuid

from tests.conftest import PASSWORD
from tests.helpers import assert_error

API = "/api/v1"


def post(client, who, url, body, key):
    return client.post(url, headers={**who["headers"], "Idempotency-Key": key}, json=body)


def total(client, who, url):
    return len(client.get(url, headers=who["headers"], query_string={"page_size": 100}).get_json())


def test_a_retried_create_returns_the_first_response(client, admin):
    key = str(uuid.uuid4())
    first = post(client, admin, f"{API}/participants", {"display_name": "Pat"}, key)
    again = post(client, admin, f"{API}/participants", {"display_name": "Pat"}, key)
    assert first.status_code == again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Location"] == first.headers["Location"] and again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first.headers
    assert total(client, admin, f"{API}/participants") == 1


def test_without_a_key_every_post_creates(client, admin):
    for _ in range(2):
        r = client.post(f"{API}/participants", headers=admin["headers"], json={"display_name": "P"})
        assert r.status_code == 201
    assert total(client, admin, f"{API}/participants") == 2


def test_the_same_key_with_a_different_body_is_422(client, admin):
    key = str(uuid.uuid4())
    assert post(client, admin, f"{API}/participants", {"display_name": "Pat"}, key).status_code == 201
    body = assert_error(post(client, admin, f"{API}/participants", {"display_name": "Sam"}, key), 422)
    assert "Idempotency-Key" in body["errors"]
    # ... and on another endpoint
    assert_error(post(client, admin, f"{API}/groups", {"name": "G", "kind": "family"}, key), 422)
    assert total(client, admin, f"{API}/participants") == 1


def test_keys_are_per_therapist(client, admin, other):
    key = str(uuid.uuid4())
    mine = post(client, admin, f"{API}/participants", {"display_name": "Pat"}, key)
    theirs = post(client, other, f"{API}/participants", {"display_name": "Pat"}, key)
    assert mine.status_code == theirs.status_code == 201
    assert mine.get_json()["id"] != theirs.get_json()["id"]
    assert "Idempotent-Replayed" not in theirs.headers


def test_a_failed_request_frees_its_key(client, admin):
    key = str(uuid.uuid4())
    assert_error(post(client, admin, f"{API}/groups", {"name": "R", "kind": "retreat"}, key), 422)  # no capacity
    fixed = post(client, admin, f"{API}/groups", {"name": "R", "kind": "retreat"}, key)
    assert fixed.status_code == 422  # the same (bad) request is simply answered again
    good = post(client, admin, f"{API}/groups", {"name": "R", "kind": "retreat", "capacity": 5}, str(uuid.uuid4()))
    assert good.status_code == 201


def test_an_expired_key_can_be_used_again(make_config):
    from toolkit import create_app

    client = create_app(make_config(IDEMPOTENCY_KEY_HOURS=0)).test_client()
    account = {"email": "expiry@example.org", "password": PASSWORD}
    assert client.post(f"{API}/auth/register", json={"practice_name": "P", "name": "N", **account}).status_code == 201
    token = client.post(f"{API}/auth/login", json=account).get_json()["access_token"]
    who = {"headers": {"Authorization": f"Bearer {token}"}}
    key = str(uuid.uuid4())
    a = post(client, who, f"{API}/participants", {"display_name": "Pat"}, key)
    b = post(client, who, f"{API}/participants", {"display_name": "Pat"}, key)
    assert a.status_code == b.status_code == 201 and a.get_json()["id"] != b.get_json()["id"]


def test_a_bad_key_is_422(client, admin):
    body = assert_error(post(client, admin, f"{API}/participants", {"display_name": "Pat"}, "x" * 201), 422)
    assert "Idempotency-Key" in body["errors"]


def test_without_a_token_the_key_changes_nothing(client):
    r = client.post(f"{API}/participants", headers={"Idempotency-Key": "k"}, json={"display_name": "Pat"})
    assert_error(r, 401)


def test_the_spec_documents_the_header_on_creates(app):
    import json

    from tests.helpers import generated_spec_text, operations

    spec = json.loads(generated_spec_text(app))
    for method, path, op in operations(spec):
        names = {p.get("name") for p in op.get("parameters", [])}
        creates = "201" in op["responses"] and op.get("security") != []
        assert ("Idempotency-Key" in names) == creates, (method, path)

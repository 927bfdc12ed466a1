"""Therapist accounts: admin writes, the last-admin rule, deactivation and pagination."""

import json
import uuid

import pytest

from tests.conftest import PASSWORD
from tests.helpers import assert_error, if_match

URL = "/api/v1/therapists"


def new_therapist_body(**fields):
    body = {"name": "Nia New", "email": f"new-{uuid.uuid4().hex[:8]}@example.org", "password": PASSWORD}
    body.update(fields)
    return body


def test_admin_creates_therapist(client, admin):
    body = new_therapist_body(credentials="MSc, registered psychotherapist", trauma_informed=True)
    r = client.post(URL, headers=admin["headers"], json=body)
    assert r.status_code == 201, r.get_json()
    created = r.get_json()
    assert created["id"]
    assert created["role"] == "therapist"  # the default
    assert created["trauma_informed"] is True
    assert created["active"] is True
    assert created["credentials"] == body["credentials"]
    assert "password" not in created and "password_hash" not in created
    # The new account can log in and belongs to the admin's practice.
    tokens = client.post("/api/v1/auth/login", json={"email": body["email"], "password": PASSWORD}).get_json()
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}).get_json()
    assert me["practice"]["id"] == admin["practice_id"]
    assert client.get(f"{URL}/{created['id']}", headers=admin["headers"]).get_json()["email"] == body["email"]


def test_admin_creates_admin(client, admin):
    r = client.post(URL, headers=admin["headers"], json=new_therapist_body(role="admin"))
    assert r.status_code == 201
    assert r.get_json()["role"] == "admin"


def test_create_duplicate_email_is_409(client, admin, other):
    r = client.post(URL, headers=admin["headers"], json=new_therapist_body(email=other["email"].upper()))
    assert_error(r, 409)


def test_create_weak_password_is_422(client, admin):
    body = assert_error(client.post(URL, headers=admin["headers"], json=new_therapist_body(password="short")), 422)
    assert "password" in body["errors"]


def test_create_bad_role_is_422(client, admin):
    body = assert_error(client.post(URL, headers=admin["headers"], json=new_therapist_body(role="owner")), 422)
    assert "role" in body["errors"]


def test_therapist_role_cannot_write(client, admin, create_therapist):
    t = create_therapist()
    target = create_therapist(name="Target")
    assert_error(client.post(URL, headers=t["headers"], json=new_therapist_body()), 403)
    changing = if_match(client, f"{URL}/{target['id']}", t["headers"])
    assert_error(client.patch(f"{URL}/{target['id']}", headers=changing, json={"role": "admin"}), 403)
    changing = if_match(client, f"{URL}/{t['id']}", t["headers"])
    assert_error(client.patch(f"{URL}/{t['id']}", headers=changing, json={"role": "admin"}), 403)
    changing = if_match(client, f"{URL}/{target['id']}", t["headers"])
    assert_error(client.delete(f"{URL}/{target['id']}", headers=changing), 403)
    # Nothing changed.
    after = client.get(f"{URL}/{target['id']}", headers=admin["headers"]).get_json()
    assert after["role"] == "therapist" and after["active"] is True
    assert client.get(f"{URL}/{t['id']}", headers=admin["headers"]).get_json()["role"] == "therapist"
    # Reading is allowed.
    assert client.get(URL, headers=t["headers"]).status_code == 200
    assert client.get(f"{URL}/{target['id']}", headers=t["headers"]).status_code == 200


def test_writes_need_a_token(client, admin):
    assert_error(client.post(URL, json=new_therapist_body()), 401)
    assert_error(client.get(URL), 401)
    assert_error(client.patch(f"{URL}/{admin['therapist_id']}", json={"name": "x"}), 401)


def test_admin_patches_therapist(client, admin, create_therapist):
    t = create_therapist()
    r = client.patch(f"{URL}/{t['id']}", headers=if_match(client, f"{URL}/{t['id']}", admin["headers"]),
                     json={"name": "Renamed", "credentials": "PhD", "trauma_informed": True, "role": "admin"})
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert (body["name"], body["credentials"], body["trauma_informed"], body["role"]) == \
        ("Renamed", "PhD", True, "admin")
    # The promotion takes effect on the therapist's existing token.
    assert client.post(URL, headers=t["headers"], json=new_therapist_body()).status_code == 201


def test_patch_email_is_refused(client, admin, create_therapist):
    t = create_therapist()
    body = assert_error(client.patch(f"{URL}/{t['id']}", headers=if_match(client, f"{URL}/{t['id']}", admin["headers"]),
                                     json={"email": "changed@example.org"}), 422)
    assert "email" in body["errors"]


def test_last_admin_cannot_be_demoted(client, admin):
    changing = if_match(client, f"{URL}/{admin['therapist_id']}", admin["headers"])
    r = client.patch(f"{URL}/{admin['therapist_id']}", headers=changing, json={"role": "therapist"})
    assert_error(r, 409)
    assert client.get("/api/v1/me", headers=admin["headers"]).get_json()["role"] == "admin"


@pytest.mark.parametrize("how", ["patch", "delete"])
def test_last_admin_cannot_be_deactivated(client, admin, how):
    url = f"{URL}/{admin['therapist_id']}"
    r = client.patch(url, headers=if_match(client, url, admin["headers"]), json={"active": False}) if how == "patch" \
        else client.delete(url, headers=if_match(client, url, admin["headers"]))
    assert_error(r, 409)
    assert client.get("/api/v1/me", headers=admin["headers"]).status_code == 200


def test_last_admin_rule_counts_only_active_admins(client, admin, create_therapist):
    second = create_therapist(role="admin")
    changing = if_match(client, f"{URL}/{second['id']}", admin["headers"])
    assert client.delete(f"{URL}/{second['id']}", headers=changing).status_code == 204
    # The deactivated second admin does not count: the first is still the last.
    changing = if_match(client, f"{URL}/{admin['therapist_id']}", admin["headers"])
    assert_error(client.patch(f"{URL}/{admin['therapist_id']}", headers=changing,
                              json={"role": "therapist"}), 409)


def test_admin_can_step_down_when_another_admin_exists(client, admin, create_therapist):
    second = create_therapist(role="admin")
    changing = if_match(client, f"{URL}/{admin['therapist_id']}", admin["headers"])
    r = client.patch(f"{URL}/{admin['therapist_id']}", headers=changing, json={"role": "therapist"})
    assert r.status_code == 200
    assert r.get_json()["role"] == "therapist"
    # Now the second admin is the last one.
    changing = if_match(client, f"{URL}/{second['id']}", second["headers"])
    assert_error(client.delete(f"{URL}/{second['id']}", headers=changing), 409)
    # And the former admin has lost admin rights at once.
    assert_error(client.post(URL, headers=admin["headers"], json=new_therapist_body()), 403)


def test_last_admin_rule_is_per_practice(client, admin, other, create_therapist):
    # Another practice having admins does not let this practice lose its only one.
    changing = if_match(client, f"{URL}/{admin['therapist_id']}", admin["headers"])
    assert_error(client.patch(f"{URL}/{admin['therapist_id']}", headers=changing,
                              json={"role": "therapist"}), 409)


def test_deactivating_ends_existing_tokens(client, admin, create_therapist):
    t = create_therapist()
    refresh = client.post("/api/v1/auth/login", json={"email": t["email"], "password": PASSWORD}) \
        .get_json()["refresh_token"]
    assert client.get("/api/v1/me", headers=t["headers"]).status_code == 200
    changing = if_match(client, f"{URL}/{t['id']}", admin["headers"])
    assert client.delete(f"{URL}/{t['id']}", headers=changing).status_code == 204
    assert_error(client.get("/api/v1/me", headers=t["headers"]), 401)
    assert_error(client.get("/api/v1/participants", headers=t["headers"]), 401)
    assert_error(client.post("/api/v1/auth/refresh", headers={"Authorization": f"Bearer {refresh}"}), 401)
    # Kept, not deleted: visible and marked inactive.
    body = client.get(f"{URL}/{t['id']}", headers=admin["headers"]).get_json()
    assert body["active"] is False


def test_deactivating_by_patch_ends_tokens_and_reactivating_allows_login(client, admin, create_therapist):
    t = create_therapist()
    changing = if_match(client, f"{URL}/{t['id']}", admin["headers"])
    assert client.patch(f"{URL}/{t['id']}", headers=changing, json={"active": False}).status_code == 200
    assert_error(client.get("/api/v1/me", headers=t["headers"]), 401)
    changing = if_match(client, f"{URL}/{t['id']}", admin["headers"])
    assert client.patch(f"{URL}/{t['id']}", headers=changing, json={"active": True}).status_code == 200
    # Deactivating ended the logins: reactivating the account does not bring the old tokens back...
    assert_error(client.get("/api/v1/me", headers=t["headers"]), 401)
    # ...but a new login works again.
    assert client.post("/api/v1/auth/login", json={"email": t["email"], "password": PASSWORD}).status_code == 200


def test_unknown_therapist_is_404(client, admin):
    assert_error(client.get(f"{URL}/{uuid.uuid4()}", headers=admin["headers"]), 404)
    assert_error(client.patch(f"{URL}/{uuid.uuid4()}", headers=admin["headers"], json={"name": "x"}), 404)
    assert_error(client.delete(f"{URL}/{uuid.uuid4()}", headers=admin["headers"]), 404)


def test_list_paginates(client, admin, create_therapist):
    for i in range(4):
        create_therapist(name=f"Therapist {i}")
    r = client.get(f"{URL}?page=1&page_size=2", headers=admin["headers"])
    assert r.status_code == 200
    meta = json.loads(r.headers["X-Pagination"])
    assert meta["total"] == 5  # four therapists and the admin
    assert meta["total_pages"] == 3
    assert meta["page"] == 1
    assert len(r.get_json()) == 2
    pages = [client.get(f"{URL}?page={p}&page_size=2", headers=admin["headers"]).get_json() for p in (1, 2, 3)]
    ids = [t["id"] for page in pages for t in page]
    assert len(ids) == 5 and len(set(ids)) == 5
    assert client.get(f"{URL}?page=9&page_size=2", headers=admin["headers"]).status_code in (200, 404)


@pytest.mark.parametrize("query", ["page_size=101", "page_size=0", "page=0", "page=abc", "page_size=-1"])
def test_bad_pagination_is_422(client, admin, query):
    assert_error(client.get(f"{URL}?{query}", headers=admin["headers"]), 422)


def test_page_size_100_is_allowed(client, admin):
    assert client.get(f"{URL}?page_size=100", headers=admin["headers"]).status_code == 200


def test_list_filters(client, admin, create_therapist):
    a = create_therapist(name="Alma Findme")
    b = create_therapist(name="Bo Other")
    client.delete(f"{URL}/{b['id']}", headers=if_match(client, f"{URL}/{b['id']}", admin["headers"]))
    found = client.get(f"{URL}?q=findme", headers=admin["headers"]).get_json()
    assert [t["id"] for t in found] == [a["id"]]
    inactive = client.get(f"{URL}?active=false", headers=admin["headers"]).get_json()
    assert [t["id"] for t in inactive] == [b["id"]]
    active_ids = {t["id"] for t in client.get(f"{URL}?active=true", headers=admin["headers"]).get_json()}
    assert b["id"] not in active_ids and a["id"] in active_ids

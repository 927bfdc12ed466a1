"""Participants: CRUD, ETag/If-Match, delete-or-archive, search, sort and pagination."""

import json

import pytest

from tests.helpers import assert_error

URL = "/api/v1/participants"

FULL = {
    "display_name": "Pat Example",
    "date_of_birth": "1988-05-17",
    "sex_at_birth": "female",
    "contact": "pat@example.org",
    "emergency_contact": "Sam, +44 20 0000 0000",
    "dietary_notes": "Vegetarian; nut allergy",
    "consent_date": "2026-01-10",
    "notes": "Referred by GP.",
}


def get(client, headers, pid):
    r = client.get(f"{URL}/{pid}", headers=headers)
    assert r.status_code == 200, r.get_json()
    return r


def patch(client, headers, pid, body, etag):
    return client.patch(f"{URL}/{pid}", headers={**headers, "If-Match": etag}, json=body)


def names(response):
    return [p["display_name"] for p in response.get_json()]


# --- create, read ---------------------------------------------------------------------------------------


def test_create_with_every_field(client, admin):
    r = client.post(URL, headers=admin["headers"], json=FULL)
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    for key, value in FULL.items():
        assert body[key] == value
    assert body["id"] and body["archived"] is False
    assert body["created_at"].endswith("+00:00")
    assert r.headers["ETag"]
    fetched = get(client, admin["headers"], body["id"])
    assert fetched.get_json() == {**body, "alerts": []}  # GET also shows their unresolved alerts
    assert fetched.headers["ETag"] == r.headers["ETag"]


def test_create_minimal(client, admin):
    r = client.post(URL, headers=admin["headers"], json={"display_name": "Only Name"})
    assert r.status_code == 201
    assert r.get_json()["date_of_birth"] is None


def test_create_needs_display_name(client, admin):
    body = assert_error(client.post(URL, headers=admin["headers"], json={"notes": "x"}), 422)
    assert "display_name" in body["errors"]
    body = assert_error(client.post(URL, headers=admin["headers"], json={"display_name": ""}), 422)
    assert "display_name" in body["errors"]


def test_create_too_long_text_is_422(client, admin):
    body = assert_error(client.post(URL, headers=admin["headers"],
                                    json={"display_name": "x" * 201, "contact": "c" * 1001}), 422)
    assert {"display_name", "contact"} <= set(body["errors"])


def test_needs_token(client):
    assert_error(client.get(URL), 401)
    assert_error(client.post(URL, json={"display_name": "x"}), 401)


def test_any_therapist_of_the_practice_can_work_with_participants(client, admin, create_therapist,
                                                                 create_participant):
    t = create_therapist()
    p = create_participant(by=t)
    assert get(client, admin["headers"], p["id"]).get_json()["display_name"] == p["display_name"]


# --- ETag / If-Match ------------------------------------------------------------------------------------


def test_get_has_etag(client, admin, create_participant):
    p = create_participant()
    r = get(client, admin["headers"], p["id"])
    etag = r.headers["ETag"]
    assert etag.startswith('"') and etag.endswith('"') and len(etag) > 2
    assert get(client, admin["headers"], p["id"]).headers["ETag"] == etag  # stable while unchanged


def test_patch_without_if_match_is_428(client, admin, create_participant):
    p = create_participant(display_name="Unchanged")
    r = client.patch(f"{URL}/{p['id']}", headers=admin["headers"], json={"display_name": "Changed"})
    assert_error(r, 428)
    assert get(client, admin["headers"], p["id"]).get_json()["display_name"] == "Unchanged"


def test_patch_with_stale_etag_is_412(client, admin, create_participant):
    p = create_participant(display_name="First")
    stale = get(client, admin["headers"], p["id"]).headers["ETag"]
    assert patch(client, admin["headers"], p["id"], {"display_name": "Second"}, stale).status_code == 200
    r = patch(client, admin["headers"], p["id"], {"display_name": "Third"}, stale)
    assert_error(r, 412)
    assert get(client, admin["headers"], p["id"]).get_json()["display_name"] == "Second"


def test_patch_with_made_up_etag_is_412(client, admin, create_participant):
    p = create_participant()
    assert_error(patch(client, admin["headers"], p["id"], {"notes": "x"}, '"not-the-tag"'), 412)


def test_patch_with_current_etag_is_200_and_etag_changes(client, admin, create_participant):
    p = create_participant(display_name="Before")
    etag = get(client, admin["headers"], p["id"]).headers["ETag"]
    r = patch(client, admin["headers"], p["id"], {"display_name": "After", "notes": "Seen today."}, etag)
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["display_name"] == "After"
    assert r.get_json()["notes"] == "Seen today."
    new = r.headers["ETag"]
    assert new and new != etag
    fetched = get(client, admin["headers"], p["id"])
    assert fetched.headers["ETag"] == new
    assert fetched.get_json()["display_name"] == "After"
    # The new tag works for the next write; fields not sent are left alone.
    r2 = patch(client, admin["headers"], p["id"], {"contact": "new@example.org"}, new)
    assert r2.status_code == 200
    assert r2.get_json()["notes"] == "Seen today."


def test_empty_patch_keeps_the_etag(client, admin, create_participant):
    p = create_participant()
    etag = get(client, admin["headers"], p["id"]).headers["ETag"]
    r = patch(client, admin["headers"], p["id"], {}, etag)
    assert r.status_code == 200
    assert r.headers["ETag"] == etag and r.get_json()["updated_at"] == p["updated_at"]
    changed = patch(client, admin["headers"], p["id"], {"notes": "new"}, etag)
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_the_object_from_a_get_round_trips_as_a_patch(client, admin, create_participant):
    p = create_participant(date_of_birth="1990-01-02")
    got = get(client, admin["headers"], p["id"])
    body = got.get_json()
    assert body["etag"] == got.headers["ETag"]  # the version is in the body too
    r = patch(client, admin["headers"], p["id"], {**body, "notes": "Prefers mornings."}, got.headers["ETag"])
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["notes"] == "Prefers mornings." and r.get_json()["id"] == p["id"]
    # A read-only field that differs from the stored one is refused, naming it; nothing changes.
    stale = patch(client, admin["headers"], p["id"], {**r.get_json(), "id": "other",
                                                      "created_at": "2001-01-01T00:00:00+00:00"}, r.headers["ETag"])
    assert stale.status_code == 422 and set(stale.get_json()["errors"]) == {"id", "created_at"}
    assert get(client, admin["headers"], p["id"]).headers["ETag"] == r.headers["ETag"]


def test_list_items_carry_their_etag_and_creates_their_location(client, admin):
    r = client.post(URL, headers=admin["headers"], json={"display_name": "Pat"})
    assert r.status_code == 201 and r.headers["Location"] == f"{URL}/{r.get_json()['id']}"
    assert client.get(r.headers["Location"], headers=admin["headers"]).status_code == 200
    listed = client.get(URL, headers=admin["headers"]).get_json()
    assert listed[0]["etag"] == r.headers["ETag"]


def test_patch_can_clear_nullable_field(client, admin, create_participant):
    p = create_participant(notes="Something")
    etag = get(client, admin["headers"], p["id"]).headers["ETag"]
    r = patch(client, admin["headers"], p["id"], {"notes": None}, etag)
    assert r.status_code == 200 and r.get_json()["notes"] is None


def test_patch_cannot_null_display_name(client, admin, create_participant):
    p = create_participant()
    etag = get(client, admin["headers"], p["id"]).headers["ETag"]
    body = assert_error(patch(client, admin["headers"], p["id"], {"display_name": None}, etag), 422)
    assert "display_name" in body["errors"]


def test_patch_invalid_field_is_422(client, admin, create_participant):
    p = create_participant()
    etag = get(client, admin["headers"], p["id"]).headers["ETag"]
    body = assert_error(patch(client, admin["headers"], p["id"], {"date_of_birth": "yesterday"}, etag), 422)
    assert "date_of_birth" in body["errors"]


# --- delete ---------------------------------------------------------------------------------------------


def test_delete_with_no_history_is_204(client, admin, create_participant):
    p = create_participant()
    etag = get(client, admin["headers"], p["id"]).headers["ETag"]
    r = client.delete(f"{URL}/{p['id']}", headers={**admin["headers"], "If-Match": etag})
    assert r.status_code == 204
    assert r.get_data() == b""
    assert_error(client.get(f"{URL}/{p['id']}", headers=admin["headers"]), 404)
    assert_error(client.delete(f"{URL}/{p['id']}", headers={**admin["headers"], "If-Match": etag}), 404)


def test_delete_without_if_match_is_428(client, admin, create_participant):
    p = create_participant()
    assert_error(client.delete(f"{URL}/{p['id']}", headers=admin["headers"]), 428)
    get(client, admin["headers"], p["id"])


def test_delete_with_stale_etag_is_412(client, admin, create_participant):
    p = create_participant()
    stale = get(client, admin["headers"], p["id"]).headers["ETag"]
    patch(client, admin["headers"], p["id"], {"notes": "changed"}, stale)
    assert_error(client.delete(f"{URL}/{p['id']}", headers={**admin["headers"], "If-Match": stale}), 412)
    get(client, admin["headers"], p["id"])


def test_delete_after_enrolment_is_409_and_record_kept(client, admin, create_participant, create_group):
    p = create_participant(display_name="Enrolled Person")
    g = create_group()
    assert client.post(f"/api/v1/groups/{g['id']}/members", headers=admin["headers"],
                       json={"participant_id": p["id"]}).status_code == 201
    etag = get(client, admin["headers"], p["id"]).headers["ETag"]
    body = assert_error(client.delete(f"{URL}/{p['id']}", headers={**admin["headers"], "If-Match": etag}), 409)
    assert "archive" in body["message"].lower()
    assert get(client, admin["headers"], p["id"]).get_json()["display_name"] == "Enrolled Person"
    members = client.get(f"/api/v1/groups/{g['id']}/members", headers=admin["headers"]).get_json()
    assert [m["participant_id"] for m in members] == [p["id"]]


def test_delete_after_leaving_the_group_is_allowed(client, admin, create_participant, create_group):
    p = create_participant()
    g = create_group()
    client.post(f"/api/v1/groups/{g['id']}/members", headers=admin["headers"], json={"participant_id": p["id"]})
    assert client.delete(f"/api/v1/groups/{g['id']}/members/{p['id']}", headers=admin["headers"]).status_code == 204
    etag = get(client, admin["headers"], p["id"]).headers["ETag"]
    assert client.delete(f"{URL}/{p['id']}", headers={**admin["headers"], "If-Match": etag}).status_code == 204


# --- archive --------------------------------------------------------------------------------------------


def test_archive_hides_from_list_unless_asked(client, admin, create_participant):
    kept = create_participant(display_name="Kept")
    gone = create_participant(display_name="Archived")
    etag = get(client, admin["headers"], gone["id"]).headers["ETag"]
    r = patch(client, admin["headers"], gone["id"], {"archived": True}, etag)
    assert r.status_code == 200 and r.get_json()["archived"] is True

    listed = client.get(URL, headers=admin["headers"])
    assert [p["id"] for p in listed.get_json()] == [kept["id"]]
    assert json.loads(listed.headers["X-Pagination"])["total"] == 1

    everyone = client.get(f"{URL}?include_archived=true", headers=admin["headers"])
    assert {p["id"] for p in everyone.get_json()} == {kept["id"], gone["id"]}
    assert json.loads(everyone.headers["X-Pagination"])["total"] == 2
    # Still readable by id.
    assert get(client, admin["headers"], gone["id"]).get_json()["archived"] is True


def test_restore_from_archive(client, admin, create_participant):
    p = create_participant()
    etag = get(client, admin["headers"], p["id"]).headers["ETag"]
    etag = patch(client, admin["headers"], p["id"], {"archived": True}, etag).headers["ETag"]
    r = patch(client, admin["headers"], p["id"], {"archived": False}, etag)
    assert r.status_code == 200 and r.get_json()["archived"] is False
    assert [x["id"] for x in client.get(URL, headers=admin["headers"]).get_json()] == [p["id"]]


def test_archived_participant_cannot_be_enrolled(client, admin, create_participant, create_group):
    p = create_participant()
    g = create_group()
    etag = get(client, admin["headers"], p["id"]).headers["ETag"]
    patch(client, admin["headers"], p["id"], {"archived": True}, etag)
    r = client.post(f"/api/v1/groups/{g['id']}/members", headers=admin["headers"], json={"participant_id": p["id"]})
    assert_error(r, 409)
    assert client.get(f"/api/v1/groups/{g['id']}", headers=admin["headers"]).get_json()["member_count"] == 0


# --- search, sort, pagination ---------------------------------------------------------------------------


def test_search_by_name(client, admin, create_participant):
    create_participant(display_name="Alice Moreau")
    create_participant(display_name="Bob Marsh")
    create_participant(display_name="Carla MOREAU-Smith")
    r = client.get(f"{URL}?q=moreau", headers=admin["headers"])
    assert sorted(names(r)) == ["Alice Moreau", "Carla MOREAU-Smith"]
    assert client.get(f"{URL}?q=zzz", headers=admin["headers"]).get_json() == []


def test_search_treats_wildcards_literally(client, admin, create_participant):
    create_participant(display_name="Plain Name")
    create_participant(display_name="Under_Score 100%")
    assert names(client.get(f"{URL}?q=%25", headers=admin["headers"])) == ["Under_Score 100%"]  # q=%
    assert names(client.get(f"{URL}?q=_", headers=admin["headers"])) == ["Under_Score 100%"]
    assert names(client.get(f"{URL}?q=n_m", headers=admin["headers"])) == []


@pytest.mark.parametrize("sort,expected", [
    ("display_name", ["Anna", "Bea", "Cleo"]),
    ("-display_name", ["Cleo", "Bea", "Anna"]),
    ("created_at", ["Bea", "Cleo", "Anna"]),
    ("-created_at", ["Anna", "Cleo", "Bea"]),
])
def test_sort(client, admin, create_participant, sort, expected):
    for name in ("Bea", "Cleo", "Anna"):
        create_participant(display_name=name)
    assert names(client.get(f"{URL}?sort={sort}", headers=admin["headers"])) == expected


def test_default_sort_is_by_name(client, admin, create_participant):
    for name in ("Zed", "Amy", "Max"):
        create_participant(display_name=name)
    assert names(client.get(URL, headers=admin["headers"])) == ["Amy", "Max", "Zed"]


def test_bad_sort_is_422(client, admin):
    body = assert_error(client.get(f"{URL}?sort=notes", headers=admin["headers"]), 422)
    assert "sort" in body["errors"]


def test_pagination(client, admin, create_participant):
    for i in range(7):
        create_participant(display_name=f"P{i:02d}")
    r = client.get(f"{URL}?page=2&page_size=3", headers=admin["headers"])
    assert r.status_code == 200
    assert names(r) == ["P03", "P04", "P05"]
    meta = json.loads(r.headers["X-Pagination"])
    assert meta["total"] == 7 and meta["total_pages"] == 3 and meta["page"] == 2
    assert meta["previous_page"] == 1 and meta["next_page"] == 3
    last = client.get(f"{URL}?page=3&page_size=3", headers=admin["headers"])
    assert names(last) == ["P06"]
    assert_error(client.get(f"{URL}?page_size=101", headers=admin["headers"]), 422)


def test_unknown_participant_is_404(client, admin):
    assert_error(client.get(f"{URL}/00000000-0000-4000-8000-000000000000", headers=admin["headers"]), 404)

"""Nothing crosses practices: another practice's ids answer 404, its rows never appear in lists."""

import json
import uuid

import pytest

from tests.helpers import assert_error

API = "/api/v1"


@pytest.fixture
def theirs(other, create_participant, create_group, create_therapist):
    """Records of the other practice, plus the ETags its own admin sees."""
    participant = create_participant(by=other, display_name="Their Participant")
    group = create_group(by=other, name="Their group", facilitator_ids=[other["therapist_id"]])
    therapist = create_therapist(by=other, name="Their Therapist")
    return {"participants": participant, "groups": group, "therapists": therapist}


@pytest.fixture
def mine(admin, create_participant, create_group, create_therapist):
    return {"participants": create_participant(display_name="My Participant"),
            "groups": create_group(name="My group"),
            "therapists": create_therapist(name="My Therapist")}


PATCHES = {"participants": {"display_name": "Hijacked"}, "groups": {"name": "Hijacked"},
           "therapists": {"name": "Hijacked", "role": "admin"}}


def their_etag(client, other, area, record_id):
    return client.get(f"{API}/{area}/{record_id}", headers=other["headers"]).headers.get("ETag", '"x"')


@pytest.mark.parametrize("area", ["participants", "groups", "therapists"])
def test_other_practice_get_patch_delete_is_404(client, admin, other, theirs, area):
    record_id = theirs[area]["id"]
    url = f"{API}/{area}/{record_id}"
    etag = their_etag(client, other, area, record_id)
    with_tag = {**admin["headers"], "If-Match": etag}

    get = client.get(url, headers=admin["headers"])
    assert_error(get, 404)
    assert "ETag" not in get.headers
    assert_error(client.patch(url, headers=with_tag, json=PATCHES[area]), 404)
    assert_error(client.patch(url, headers={**admin["headers"], "If-Match": "*"}, json=PATCHES[area]), 404)
    assert_error(client.delete(url, headers=with_tag), 404)

    # Untouched for its owners.
    after = client.get(url, headers=other["headers"])
    assert after.status_code == 200
    body = after.get_json()
    name_field = "display_name" if area == "participants" else "name"
    assert body[name_field] == theirs[area][name_field] != "Hijacked"
    if area == "therapists":
        assert body["active"] is True and body["role"] == "therapist"
    else:
        assert after.headers["ETag"] == etag


def test_other_practice_404_looks_like_a_missing_id(client, admin, theirs):
    real = client.get(f"{API}/participants/{theirs['participants']['id']}", headers=admin["headers"])
    made_up = client.get(f"{API}/participants/{uuid.uuid4()}", headers=admin["headers"])
    assert real.status_code == made_up.status_code == 404
    # A problem's `instance` is the path the caller sent; everything else is byte-for-byte the same.
    assert {**real.get_json(), "instance": None} == {**made_up.get_json(), "instance": None}


@pytest.mark.parametrize("area", ["participants", "groups", "therapists"])
def test_lists_never_show_the_other_practice(client, admin, other, theirs, mine, area):
    mine_ids = {mine[area]["id"]}
    if area == "therapists":
        mine_ids.add(admin["therapist_id"])
    r = client.get(f"{API}/{area}?page_size=100", headers=admin["headers"])
    assert r.status_code == 200
    ids = {row["id"] for row in r.get_json()}
    assert ids == mine_ids
    assert json.loads(r.headers["X-Pagination"])["total"] == len(mine_ids)
    # Searching for their name finds nothing either.
    name_field = "display_name" if area == "participants" else "name"
    found = client.get(f"{API}/{area}?q={theirs[area][name_field].split()[0]}", headers=admin["headers"])
    assert found.get_json() == []
    # And the other way round.
    their_ids = {row["id"] for row in client.get(f"{API}/{area}?page_size=100", headers=other["headers"]).get_json()}
    assert not their_ids & mine_ids


def test_participant_list_with_archived_stays_in_practice(client, admin, theirs, mine):
    rows = client.get(f"{API}/participants?include_archived=true", headers=admin["headers"]).get_json()
    assert [r["id"] for r in rows] == [mine["participants"]["id"]]


def test_enrolling_another_practices_participant_is_422(client, admin, theirs, mine):
    group_id = mine["groups"]["id"]
    r = client.post(f"{API}/groups/{group_id}/members", headers=admin["headers"],
                    json={"participant_id": theirs["participants"]["id"]})
    assert "participant_id" in assert_error(r, 422)["errors"]
    assert client.get(f"{API}/groups/{group_id}", headers=admin["headers"]).get_json()["member_count"] == 0
    assert client.get(f"{API}/groups/{group_id}/members", headers=admin["headers"]).get_json() == []


def test_enrolling_into_another_practices_group_is_404(client, admin, other, theirs, mine):
    group_id = theirs["groups"]["id"]
    r = client.post(f"{API}/groups/{group_id}/members", headers=admin["headers"],
                    json={"participant_id": mine["participants"]["id"]})
    assert_error(r, 404)
    assert client.get(f"{API}/groups/{group_id}", headers=other["headers"]).get_json()["member_count"] == 0


def test_other_practices_group_members_are_hidden(client, admin, other, theirs):
    group_id, participant_id = theirs["groups"]["id"], theirs["participants"]["id"]
    assert client.post(f"{API}/groups/{group_id}/members", headers=other["headers"],
                       json={"participant_id": participant_id}).status_code == 201
    assert_error(client.get(f"{API}/groups/{group_id}/members", headers=admin["headers"]), 404)
    assert_error(client.delete(f"{API}/groups/{group_id}/members/{participant_id}", headers=admin["headers"]), 404)
    assert client.get(f"{API}/groups/{group_id}", headers=other["headers"]).get_json()["member_count"] == 1


def test_removing_their_participant_from_my_group_is_404(client, admin, theirs, mine):
    url = f"{API}/groups/{mine['groups']['id']}/members/{theirs['participants']['id']}"
    assert_error(client.delete(url, headers=admin["headers"]), 404)


def test_group_cannot_take_another_practices_facilitator_on_patch(client, admin, other, mine):
    group_id = mine["groups"]["id"]
    etag = client.get(f"{API}/groups/{group_id}", headers=admin["headers"]).headers["ETag"]
    r = client.patch(f"{API}/groups/{group_id}", headers={**admin["headers"], "If-Match": etag},
                     json={"facilitator_ids": [other["therapist_id"]]})
    assert "facilitator_ids" in assert_error(r, 422)["errors"]
    assert client.get(f"{API}/groups/{group_id}", headers=admin["headers"]).get_json()["facilitators"] == []


def test_their_facilitators_are_not_shown_to_me(client, admin, theirs):
    # Their group is invisible, and so is the therapist who facilitates it.
    assert_error(client.get(f"{API}/therapists/{theirs['therapists']['id']}", headers=admin["headers"]), 404)


def test_admin_of_one_practice_cannot_deactivate_another_practices_admin(client, admin, other):
    assert_error(client.delete(f"{API}/therapists/{other['therapist_id']}", headers=admin["headers"]), 404)
    assert client.get(f"{API}/me", headers=other["headers"]).status_code == 200


IMPOSSIBLE_IDS = ["999999999999999999999", "not-a-uuid", str(uuid.uuid4()), "-1", "0", "x" * 300,
                  "%27%20OR%201%3D1--", "%00", "null"]


@pytest.mark.parametrize("area", ["participants", "groups", "therapists"])
def test_ids_that_cannot_exist_are_404(client, admin, area):
    for record_id in IMPOSSIBLE_IDS:
        url = f"{API}/{area}/{record_id}"
        assert_error(client.get(url, headers=admin["headers"]), 404)
        assert_error(client.patch(url, headers={**admin["headers"], "If-Match": "*"}, json=PATCHES[area]), 404)
        assert_error(client.delete(url, headers={**admin["headers"], "If-Match": "*"}), 404)


def test_member_ids_that_cannot_exist_are_404(client, admin, create_group):
    group_id = create_group()["id"]
    for record_id in IMPOSSIBLE_IDS:
        assert_error(client.get(f"{API}/groups/{record_id}/members", headers=admin["headers"]), 404)
        assert_error(client.post(f"{API}/groups/{record_id}/members", headers=admin["headers"],
                                 json={"participant_id": "x"}), 404)
        assert_error(client.delete(f"{API}/groups/{group_id}/members/{record_id}", headers=admin["headers"]), 404)
        r = client.post(f"{API}/groups/{group_id}/members", headers=admin["headers"],
                        json={"participant_id": record_id[:64]})
        assert "participant_id" in assert_error(r, 422)["errors"]


def test_created_records_belong_to_the_callers_practice(client, admin, other, create_participant):
    p = create_participant(by=other)
    assert client.get(f"{API}/participants/{p['id']}", headers=other["headers"]).status_code == 200
    assert_error(client.get(f"{API}/participants/{p['id']}", headers=admin["headers"]), 404)

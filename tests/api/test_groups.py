"""Groups: kind rules, validation, facilitators, members, ETags and deletion."""

import json

import pytest

from tests.helpers import assert_error

URL = "/api/v1/groups"


def enrol(client, headers, group_id, participant_id):
    return client.post(f"{URL}/{group_id}/members", headers=headers, json={"participant_id": participant_id})


def fetch(client, headers, group_id):
    r = client.get(f"{URL}/{group_id}", headers=headers)
    assert r.status_code == 200, r.get_json()
    return r


def patch(client, headers, group_id, body):
    etag = fetch(client, headers, group_id).headers["ETag"]
    return client.patch(f"{URL}/{group_id}", headers={**headers, "If-Match": etag}, json=body)


def group_count(client, headers):
    return json.loads(client.get(URL, headers=headers).headers["X-Pagination"])["total"]


# --- create ---------------------------------------------------------------------------------------------


def test_create_retreat_with_everything(client, admin, create_therapist):
    t = create_therapist(name="Fran Facilitator", trauma_informed=True)
    r = client.post(URL, headers=admin["headers"], json={
        "kind": "retreat", "name": "Spring retreat", "description": "Three days by the lake.", "capacity": 12,
        "starts_on": "2026-04-10", "ends_on": "2026-04-12", "timezone": "Europe/Berlin",
        "location": "Lakeside lodge", "facilitator_ids": [t["id"], admin["therapist_id"], t["id"]]})
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert body["kind"] == "retreat" and body["capacity"] == 12 and body["member_count"] == 0
    assert body["starts_on"] == "2026-04-10" and body["ends_on"] == "2026-04-12"
    assert body["timezone"] == "Europe/Berlin" and body["location"] == "Lakeside lodge"
    assert {f["id"] for f in body["facilitators"]} == {t["id"], admin["therapist_id"]}
    assert len(body["facilitators"]) == 2  # a repeated id is one facilitator
    fran = next(f for f in body["facilitators"] if f["id"] == t["id"])
    assert fran == {"id": t["id"], "name": "Fran Facilitator", "trauma_informed": True}
    assert "facilitator_ids" not in body
    assert r.headers["ETag"]
    assert fetch(client, admin["headers"], body["id"]).get_json() == body


def test_timezone_defaults_to_utc(client, admin):
    r = client.post(URL, headers=admin["headers"], json={"kind": "family", "name": "Family"})
    assert r.status_code == 201 and r.get_json()["timezone"] == "UTC"


def test_retreat_without_capacity_is_422(client, admin):
    body = assert_error(client.post(URL, headers=admin["headers"], json={"kind": "retreat", "name": "R"}), 422)
    assert "capacity" in body["errors"]
    body = assert_error(client.post(URL, headers=admin["headers"],
                                    json={"kind": "retreat", "name": "R", "capacity": None}), 422)
    assert "capacity" in body["errors"]
    assert group_count(client, admin["headers"]) == 0


@pytest.mark.parametrize("timezone", ["Mars/Olympus", "CEST+2", "", "europe/berlin", "../../etc/passwd", "x" * 65])
def test_bad_timezone_is_422(client, admin, timezone):
    body = assert_error(client.post(URL, headers=admin["headers"],
                                    json={"kind": "family", "name": "F", "timezone": timezone}), 422)
    assert "timezone" in body["errors"]


def test_ends_before_starts_is_422(client, admin):
    body = assert_error(client.post(URL, headers=admin["headers"], json={
        "kind": "family", "name": "F", "starts_on": "2026-05-02", "ends_on": "2026-05-01"}), 422)
    assert "ends_on" in body["errors"]
    assert group_count(client, admin["headers"]) == 0


def test_same_day_is_fine(client, admin):
    r = client.post(URL, headers=admin["headers"], json={
        "kind": "family", "name": "F", "starts_on": "2026-05-02", "ends_on": "2026-05-02"})
    assert r.status_code == 201


@pytest.mark.parametrize("body,field", [
    ({"kind": "solo", "name": "x"}, "kind"),
    ({"name": "x"}, "kind"),
    ({"kind": "family"}, "name"),
    ({"kind": "family", "name": "x", "capacity": 0}, "capacity"),
    ({"kind": "family", "name": "x", "capacity": 1001}, "capacity"),
    ({"kind": "family", "name": "x", "capacity": "many"}, "capacity"),
    ({"kind": "family", "name": "x", "facilitator_ids": "abc"}, "facilitator_ids"),
])
def test_invalid_fields_are_422(client, admin, body, field):
    assert field in assert_error(client.post(URL, headers=admin["headers"], json=body), 422)["errors"]


def test_facilitator_of_another_practice_is_422_and_nothing_written(client, admin, other):
    r = client.post(URL, headers=admin["headers"], json={
        "kind": "family", "name": "Sneaky", "facilitator_ids": [admin["therapist_id"], other["therapist_id"]]})
    body = assert_error(r, 422)
    assert "facilitator_ids" in body["errors"]
    assert group_count(client, admin["headers"]) == 0
    assert group_count(client, other["headers"]) == 0


def test_unknown_facilitator_is_422_like_a_foreign_one(client, admin, other):
    unknown = assert_error(client.post(URL, headers=admin["headers"],
                                       json={"kind": "family", "name": "F", "facilitator_ids": ["nope"]}), 422)
    foreign = assert_error(client.post(URL, headers=admin["headers"], json={
        "kind": "family", "name": "F", "facilitator_ids": [other["therapist_id"]]}), 422)
    assert unknown["message"] == foreign["message"] and set(unknown["errors"]) == set(foreign["errors"])
    assert group_count(client, admin["headers"]) == 0


def test_patch_facilitators_of_another_practice_is_422_and_nothing_changed(client, admin, other, create_group):
    g = create_group(facilitator_ids=[admin["therapist_id"]], name="Original")
    r = patch(client, admin["headers"], g["id"], {"name": "Renamed", "facilitator_ids": [other["therapist_id"]]})
    assert_error(r, 422)
    after = fetch(client, admin["headers"], g["id"]).get_json()
    assert after["name"] == "Original"
    assert [f["id"] for f in after["facilitators"]] == [admin["therapist_id"]]


def test_patch_facilitators_moves_etag(client, admin, create_therapist, create_group):
    t = create_therapist()
    g = create_group()
    before = fetch(client, admin["headers"], g["id"]).headers["ETag"]
    r = patch(client, admin["headers"], g["id"], {"facilitator_ids": [t["id"]]})
    assert r.status_code == 200
    assert [f["id"] for f in r.get_json()["facilitators"]] == [t["id"]]
    assert r.headers["ETag"] != before


# --- kind rules on members -------------------------------------------------------------------------------


def test_individual_holds_one_member(client, admin, create_group, create_participant):
    g = create_group(kind="individual")
    a, b = create_participant(), create_participant()
    assert enrol(client, admin["headers"], g["id"], a["id"]).status_code == 201
    assert_error(enrol(client, admin["headers"], g["id"], b["id"]), 409)
    assert fetch(client, admin["headers"], g["id"]).get_json()["member_count"] == 1


def test_couples_hold_two_members(client, admin, create_group, create_participant):
    g = create_group(kind="couples")
    people = [create_participant() for _ in range(3)]
    assert enrol(client, admin["headers"], g["id"], people[0]["id"]).status_code == 201
    assert enrol(client, admin["headers"], g["id"], people[1]["id"]).status_code == 201
    assert_error(enrol(client, admin["headers"], g["id"], people[2]["id"]), 409)
    members = client.get(f"{URL}/{g['id']}/members", headers=admin["headers"]).get_json()
    assert {m["participant_id"] for m in members} == {people[0]["id"], people[1]["id"]}


def test_family_has_no_fixed_limit(client, admin, create_group, create_participant):
    g = create_group(kind="family")
    for _ in range(4):
        assert enrol(client, admin["headers"], g["id"], create_participant()["id"]).status_code == 201
    assert fetch(client, admin["headers"], g["id"]).get_json()["member_count"] == 4


def test_retreat_holds_up_to_capacity(client, admin, create_group, create_participant):
    g = create_group(kind="retreat", capacity=2)
    a, b, c = (create_participant() for _ in range(3))
    assert enrol(client, admin["headers"], g["id"], a["id"]).status_code == 201
    assert enrol(client, admin["headers"], g["id"], b["id"]).status_code == 201
    body = assert_error(enrol(client, admin["headers"], g["id"], c["id"]), 409)
    assert "2" in body["message"]
    assert fetch(client, admin["headers"], g["id"]).get_json()["member_count"] == 2


def test_capacity_caps_a_family(client, admin, create_group, create_participant):
    g = create_group(kind="family", capacity=2)
    assert enrol(client, admin["headers"], g["id"], create_participant()["id"]).status_code == 201
    assert enrol(client, admin["headers"], g["id"], create_participant()["id"]).status_code == 201
    assert_error(enrol(client, admin["headers"], g["id"], create_participant()["id"]), 409)


def test_changing_kind_below_member_count_is_422(client, admin, create_group, create_participant):
    g = create_group(kind="family")
    for _ in range(3):
        enrol(client, admin["headers"], g["id"], create_participant()["id"])
    body = assert_error(patch(client, admin["headers"], g["id"], {"kind": "couples"}), 422)
    assert "kind" in body["errors"]
    assert fetch(client, admin["headers"], g["id"]).get_json()["kind"] == "family"


def test_patch_capacity_below_member_count_is_422(client, admin, create_group, create_participant):
    g = create_group(kind="retreat", capacity=5)
    for _ in range(3):
        assert enrol(client, admin["headers"], g["id"], create_participant()["id"]).status_code == 201
    body = assert_error(patch(client, admin["headers"], g["id"], {"capacity": 2}), 422)
    assert "capacity" in body["errors"]
    assert fetch(client, admin["headers"], g["id"]).get_json()["capacity"] == 5
    r = patch(client, admin["headers"], g["id"], {"capacity": 3})
    assert r.status_code == 200 and r.get_json()["capacity"] == 3
    assert_error(enrol(client, admin["headers"], g["id"], create_participant()["id"]), 409)


def test_patch_retreat_capacity_to_null_is_422(client, admin, create_group):
    g = create_group(kind="retreat", capacity=5)
    assert "capacity" in assert_error(patch(client, admin["headers"], g["id"], {"capacity": None}), 422)["errors"]


def test_patch_dates_checked_against_stored_ones(client, admin, create_group):
    g = create_group(starts_on="2026-06-10", ends_on="2026-06-12")
    body = assert_error(patch(client, admin["headers"], g["id"], {"ends_on": "2026-06-01"}), 422)
    assert "ends_on" in body["errors"]


def test_patch_bad_timezone_is_422(client, admin, create_group):
    assert "timezone" in assert_error(patch(client, admin["headers"], g_id := create_group()["id"],
                                            {"timezone": "Nowhere/Land"}), 422)["errors"]
    assert fetch(client, admin["headers"], g_id).get_json()["timezone"] == "Europe/Berlin"


# --- members --------------------------------------------------------------------------------------------


def test_enrol_returns_member_and_counts(client, admin, create_group, create_participant):
    g = create_group()
    p = create_participant(display_name="Member One")
    r = enrol(client, admin["headers"], g["id"], p["id"])
    assert r.status_code == 201
    body = r.get_json()
    assert body["participant_id"] == p["id"] and body["display_name"] == "Member One" and body["joined_at"]
    assert fetch(client, admin["headers"], g["id"]).get_json()["member_count"] == 1
    listed = client.get(f"{URL}/{g['id']}/members", headers=admin["headers"]).get_json()
    assert listed == [body]


def test_double_enrolment_is_409(client, admin, create_group, create_participant):
    g = create_group()
    p = create_participant()
    assert enrol(client, admin["headers"], g["id"], p["id"]).status_code == 201
    assert_error(enrol(client, admin["headers"], g["id"], p["id"]), 409)
    assert fetch(client, admin["headers"], g["id"]).get_json()["member_count"] == 1
    assert len(client.get(f"{URL}/{g['id']}/members", headers=admin["headers"]).get_json()) == 1


def test_enrol_unknown_participant_is_422_naming_the_field(client, admin, create_group):
    g = create_group()
    body = assert_error(enrol(client, admin["headers"], g["id"], "no-such-participant"), 422)
    assert "participant_id" in body["errors"]
    assert fetch(client, admin["headers"], g["id"]).get_json()["member_count"] == 0


def test_enrol_needs_participant_id(client, admin, create_group):
    g = create_group()
    body = assert_error(client.post(f"{URL}/{g['id']}/members", headers=admin["headers"], json={}), 422)
    assert "participant_id" in body["errors"]


def test_enrol_in_unknown_group_is_404(client, admin, create_participant):
    assert_error(enrol(client, admin["headers"], "no-such-group", create_participant()["id"]), 404)


def test_remove_member_then_404(client, admin, create_group, create_participant):
    g = create_group(kind="individual")
    a, b = create_participant(), create_participant()
    enrol(client, admin["headers"], g["id"], a["id"])
    r = client.delete(f"{URL}/{g['id']}/members/{a['id']}", headers=admin["headers"])
    assert r.status_code == 204
    assert fetch(client, admin["headers"], g["id"]).get_json()["member_count"] == 0
    assert client.get(f"{URL}/{g['id']}/members", headers=admin["headers"]).get_json() == []
    assert_error(client.delete(f"{URL}/{g['id']}/members/{a['id']}", headers=admin["headers"]), 404)
    assert fetch(client, admin["headers"], g["id"]).get_json()["member_count"] == 0  # never negative
    # The seat is free again.
    assert enrol(client, admin["headers"], g["id"], b["id"]).status_code == 201
    # And a removed participant can be enrolled again.
    client.delete(f"{URL}/{g['id']}/members/{b['id']}", headers=admin["headers"])
    assert enrol(client, admin["headers"], g["id"], a["id"]).status_code == 201


def test_remove_non_member_is_404(client, admin, create_group, create_participant):
    g = create_group()
    p = create_participant()
    assert_error(client.delete(f"{URL}/{g['id']}/members/{p['id']}", headers=admin["headers"]), 404)
    assert_error(client.delete(f"{URL}/no-group/members/{p['id']}", headers=admin["headers"]), 404)


# --- ETags, delete, list ------------------------------------------------------------------------------------


def test_patch_needs_if_match(client, admin, create_group):
    g = create_group(name="Same")
    assert_error(client.patch(f"{URL}/{g['id']}", headers=admin["headers"], json={"name": "Other"}), 428)
    stale = fetch(client, admin["headers"], g["id"]).headers["ETag"]
    assert patch(client, admin["headers"], g["id"], {"name": "First"}).status_code == 200
    assert_error(client.patch(f"{URL}/{g['id']}", headers={**admin["headers"], "If-Match": stale},
                              json={"name": "Second"}), 412)
    assert fetch(client, admin["headers"], g["id"]).get_json()["name"] == "First"


def test_delete_group(client, admin, create_group, create_participant):
    g = create_group()
    p = create_participant()
    enrol(client, admin["headers"], g["id"], p["id"])
    assert_error(client.delete(f"{URL}/{g['id']}", headers=admin["headers"]), 428)
    etag = fetch(client, admin["headers"], g["id"]).headers["ETag"]
    r = client.delete(f"{URL}/{g['id']}", headers={**admin["headers"], "If-Match": etag})
    assert r.status_code == 204
    assert_error(client.get(f"{URL}/{g['id']}", headers=admin["headers"]), 404)
    assert_error(client.get(f"{URL}/{g['id']}/members", headers=admin["headers"]), 404)
    # The participant remains.
    assert client.get(f"/api/v1/participants/{p['id']}", headers=admin["headers"]).status_code == 200


def test_list_filters_sorts_and_paginates(client, admin, create_group):
    create_group(kind="family", name="Cedar family", starts_on="2026-03-01")
    create_group(kind="couples", name="Aspen couple", starts_on="2026-01-01")
    create_group(kind="retreat", name="Birch retreat", starts_on="2026-02-01")
    r = client.get(URL, headers=admin["headers"])
    assert [g["name"] for g in r.get_json()] == ["Aspen couple", "Birch retreat", "Cedar family"]
    assert json.loads(r.headers["X-Pagination"])["total"] == 3
    assert [g["name"] for g in client.get(f"{URL}?kind=retreat", headers=admin["headers"]).get_json()] == \
        ["Birch retreat"]
    assert [g["name"] for g in client.get(f"{URL}?q=CEDAR", headers=admin["headers"]).get_json()] == \
        ["Cedar family"]
    assert [g["name"] for g in client.get(f"{URL}?sort=-starts_on", headers=admin["headers"]).get_json()] == \
        ["Cedar family", "Birch retreat", "Aspen couple"]
    page = client.get(f"{URL}?page=2&page_size=2", headers=admin["headers"])
    assert [g["name"] for g in page.get_json()] == ["Cedar family"]
    assert_error(client.get(f"{URL}?kind=party", headers=admin["headers"]), 422)
    assert_error(client.get(f"{URL}?page_size=500", headers=admin["headers"]), 422)


def test_member_list_is_paginated(client, admin, create_group, create_participant):
    g = create_group()
    ids = [create_participant()["id"] for _ in range(3)]
    for pid in ids:
        assert enrol(client, admin["headers"], g["id"], pid).status_code == 201
    r = client.get(f"{URL}/{g['id']}/members", headers=admin["headers"], query_string={"page_size": 2})
    assert r.status_code == 200 and [m["participant_id"] for m in r.get_json()] == ids[:2]
    assert json.loads(r.headers["X-Pagination"])["total"] == 3
    second = client.get(f"{URL}/{g['id']}/members", headers=admin["headers"],
                        query_string={"page_size": 2, "page": 2}).get_json()
    assert [m["participant_id"] for m in second] == ids[2:]

"""Session plans over HTTP: computed times and warnings, validation, item replacement, clone, filters,
ETags, time zones and cross-practice isolation (issue 4 points 3-6)."""

import json
import uuid

import pytest

from tests.helpers import assert_error

PLANS = "/api/v1/plans"
MODULES = "/api/v1/modules"
START = "2027-04-01T09:00:00+02:00"


# --- helpers ------------------------------------------------------------------------------------------


def item(module, minutes=None, **extra):
    return {"module_id": module["id"], "minutes": minutes or module["default_minutes"], **extra}


def good_items(mods):
    """Opening, the visualisation and a closing: 15 + 25 + 10 = 50 minutes, no warnings."""
    return [item(mods["opening-check-in"], 15), item(mods["younger-self-visualisation"], 25),
            item(mods["closing-grounding"], 10)]


def create_plan(client, who, **fields):
    fields.setdefault("title", "Day 1")
    fields.setdefault("starts_at", START)
    r = client.post(PLANS, headers=who["headers"], json=fields)
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def get_plan(client, who, plan_id):
    r = client.get(f"{PLANS}/{plan_id}", headers=who["headers"])
    assert r.status_code == 200, r.get_json()
    return r.get_json(), r.headers["ETag"]


def codes(plan):
    return [w["code"] for w in plan["warnings"]]


def with_etag(who, etag):
    return {**who["headers"], "If-Match": etag}


@pytest.fixture
def retreat(client, admin, create_group, create_participant):
    """A retreat in Europe/Berlin with one member (so no too_few_members warning)."""
    group = create_group(name="Spring retreat", kind="retreat", capacity=20, timezone="Europe/Berlin")
    participant = create_participant()
    r = client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                    json={"participant_id": participant["id"]})
    assert r.status_code == 201, r.get_json()
    return group


# --- create and computed fields -----------------------------------------------------------------------


def test_create_computes_times_totals_and_no_warnings(client, admin, mods, retreat):
    plan = create_plan(client, admin, group_id=retreat["id"], target_minutes=60, items=good_items(mods),
                       notes="Bring stones")
    assert plan["group_id"] == retreat["id"] and plan["is_template"] is False
    assert plan["starts_at"] == "2027-04-01T09:00:00+02:00"
    assert [(i["starts_at"], i["ends_at"]) for i in plan["items"]] == [
        ("2027-04-01T09:00:00+02:00", "2027-04-01T09:15:00+02:00"),
        ("2027-04-01T09:15:00+02:00", "2027-04-01T09:40:00+02:00"),
        ("2027-04-01T09:40:00+02:00", "2027-04-01T09:50:00+02:00"),
    ]
    assert plan["ends_at"] == "2027-04-01T09:50:00+02:00"
    assert plan["total_minutes"] == 50
    assert plan["warnings"] == []
    assert plan["status"] == "draft" and plan["notes"] == "Bring stones" and plan["target_minutes"] == 60
    first = plan["items"][0]
    assert first["module_id"] == mods["opening-check-in"]["id"]
    assert first["title"] == mods["opening-check-in"]["title"]
    assert first["category"] == "opening" and first["is_break"] is False
    assert [i["position"] for i in plan["items"]] == [0, 1, 2]
    # GET gives the same view and an ETag
    again, etag = get_plan(client, admin, plan["id"])
    assert again == plan and etag


def test_times_come_back_in_the_groups_zone(client, admin, mods, create_group):
    tokyo = create_group(name="Tokyo", kind="retreat", timezone="Asia/Tokyo")
    plan = create_plan(client, admin, group_id=tokyo["id"], starts_at="2027-04-01T00:00:00Z",
                       items=[item(mods["opening-check-in"], 30)])
    assert plan["starts_at"] == "2027-04-01T09:00:00+09:00"
    assert plan["items"][0]["ends_at"] == "2027-04-01T09:30:00+09:00"
    assert plan["ends_at"] == "2027-04-01T09:30:00+09:00"


def test_template_keeps_the_offset_it_was_given(client, admin, mods):
    plan = create_plan(client, admin, starts_at="2027-04-01T09:00:00-05:00", items=[item(mods["opening-check-in"])])
    assert plan["is_template"] is True and plan["group_id"] is None
    assert plan["starts_at"] == "2027-04-01T09:00:00-05:00"
    assert plan["items"][0]["ends_at"] == "2027-04-01T09:15:00-05:00"


def test_dst_change_in_the_groups_zone(client, admin, mods, create_group):
    berlin = create_group(name="Berlin", kind="retreat", timezone="Europe/Berlin")
    plan = create_plan(client, admin, group_id=berlin["id"], starts_at="2027-03-28T01:30:00+01:00",
                       items=[item(mods["childhood-play"], 60), item(mods["closing-grounding"], 10)])
    first, second = plan["items"]
    assert first["starts_at"] == "2027-03-28T01:30:00+01:00"
    assert first["ends_at"] == "2027-03-28T03:30:00+02:00"
    assert second["starts_at"] == "2027-03-28T03:30:00+02:00"
    assert plan["ends_at"] == "2027-03-28T03:40:00+02:00"
    assert plan["total_minutes"] == 70


def test_break_items(client, admin, mods, retreat):
    plan = create_plan(client, admin, group_id=retreat["id"], items=[
        item(mods["opening-check-in"], 15), {"module_id": None, "minutes": 20},
        {"minutes": 5, "title": "Tea"}, item(mods["closing-grounding"], 10)])
    brk, tea = plan["items"][1], plan["items"][2]
    assert brk["is_break"] is True and brk["module_id"] is None and brk["title"] == "Break"
    assert brk["category"] is None
    assert tea["is_break"] is True and tea["title"] == "Tea"
    assert brk["starts_at"] == "2027-04-01T09:15:00+02:00" and brk["ends_at"] == "2027-04-01T09:35:00+02:00"
    assert plan["total_minutes"] == 50
    assert plan["warnings"] == []


# --- warnings -----------------------------------------------------------------------------------------


def test_over_target_warning(client, admin, mods, retreat):
    plan = create_plan(client, admin, group_id=retreat["id"], target_minutes=45, items=good_items(mods))
    assert codes(plan) == ["over_target"]
    assert "5 min" in plan["warnings"][0]["message"]
    ok = create_plan(client, admin, group_id=retreat["id"], target_minutes=50, items=good_items(mods),
                     starts_at="2027-04-02T09:00:00+02:00")
    assert ok["warnings"] == []


def test_below_min_and_above_max_warnings(client, admin, mods, retreat):
    visual = mods["younger-self-visualisation"]
    items = [item(mods["opening-check-in"], 15), item(visual, visual["min_minutes"] - 1),
             item(visual, visual["max_minutes"] + 1), item(mods["closing-grounding"], 10)]
    plan = create_plan(client, admin, group_id=retreat["id"], items=items)
    assert codes(plan) == ["below_min", "above_max"]
    assert [w["position"] for w in plan["warnings"]] == [1, 2]
    # the edges themselves are fine
    items[1]["minutes"], items[2]["minutes"] = visual["min_minutes"], visual["max_minutes"]
    assert create_plan(client, admin, group_id=retreat["id"], items=items,
                       starts_at="2027-04-03T09:00:00+02:00")["warnings"] == []


def test_unsuited_kind_warning(client, admin, mods, retreat):
    items = [item(mods["opening-check-in"], 15), item(mods["couples-younger-selves"]), item(mods["closing-grounding"])]
    plan = create_plan(client, admin, group_id=retreat["id"], items=items)
    assert codes(plan) == ["unsuited_kind"]
    assert plan["warnings"][0]["position"] == 1
    assert "retreat" in plan["warnings"][0]["message"]
    # a template has no group kind: no warning
    assert "unsuited_kind" not in codes(create_plan(client, admin, items=items))


def test_homework_mid_session_warning(client, admin, mods, retreat):
    journal = mods["inner-child-journal"]
    plan = create_plan(client, admin, group_id=retreat["id"], items=[
        item(mods["opening-check-in"]), item(journal), item(mods["closing-grounding"])])
    assert codes(plan) == ["homework_mid_session"]
    assert plan["warnings"][0]["position"] == 1
    # homework at the end (after the closing) is fine
    plan = create_plan(client, admin, group_id=retreat["id"], starts_at="2027-04-05T09:00:00+02:00", items=[
        item(mods["opening-check-in"]), item(mods["closing-grounding"]), item(journal)])
    assert plan["warnings"] == []


def test_no_opening_and_no_closing_warnings(client, admin, mods, retreat):
    visual = mods["younger-self-visualisation"]
    no_open = create_plan(client, admin, group_id=retreat["id"], items=[item(visual), item(mods["closing-grounding"])])
    assert codes(no_open) == ["no_opening"]
    no_close = create_plan(client, admin, group_id=retreat["id"], starts_at="2027-04-02T09:00:00+02:00",
                           items=[item(mods["opening-check-in"]), item(visual)])
    assert codes(no_close) == ["no_closing"]
    neither = create_plan(client, admin, group_id=retreat["id"], starts_at="2027-04-03T09:00:00+02:00",
                          items=[item(visual)])
    assert codes(neither) == ["no_opening", "no_closing"]


def test_overlap_with_another_plan_of_the_group(client, admin, mods, retreat, create_group):
    first = create_plan(client, admin, group_id=retreat["id"], items=good_items(mods))  # 09:00-09:50
    assert "overlap" not in codes(first)
    second = create_plan(client, admin, group_id=retreat["id"], starts_at="2027-04-01T09:30:00+02:00",
                         items=good_items(mods))
    assert codes(second) == ["overlap"]
    assert first["id"] in second["warnings"][0]["message"]
    # the first plan now sees the overlap too
    assert codes(get_plan(client, admin, first["id"])[0]) == ["overlap"]
    # back to back is no overlap
    third = create_plan(client, admin, group_id=retreat["id"], starts_at="2027-04-01T10:20:00+02:00",
                        items=good_items(mods))
    assert third["warnings"] == []
    # the same time in another group is no overlap
    elsewhere = create_group(name="Elsewhere")
    r = client.post(f"/api/v1/groups/{elsewhere['id']}/members", headers=admin["headers"],
                    json={"participant_id": client.post("/api/v1/participants", headers=admin["headers"],
                                                        json={"display_name": "Ed"}).get_json()["id"]})
    assert r.status_code == 201
    assert create_plan(client, admin, group_id=elsewhere["id"], items=good_items(mods))["warnings"] == []


def test_too_few_members_warning(client, admin, mods, create_group, create_participant):
    family = create_group(name="The Smiths", kind="family")
    plan = create_plan(client, admin, group_id=family["id"], items=good_items(mods))
    assert codes(plan) == ["too_few_members"]
    for _ in range(2):
        r = client.post(f"/api/v1/groups/{family['id']}/members", headers=admin["headers"],
                        json={"participant_id": create_participant()["id"]})
        assert r.status_code == 201
    assert get_plan(client, admin, plan["id"])[0]["warnings"] == []


def test_warnings_do_not_block_and_add_up(client, admin, mods, create_group):
    empty_retreat = create_group(name="Empty")
    plan = create_plan(client, admin, group_id=empty_retreat["id"], target_minutes=10, items=[
        item(mods["inner-child-journal"]), item(mods["couples-younger-selves"], 200)])
    assert set(codes(plan)) == {"above_max", "unsuited_kind", "homework_mid_session", "over_target",
                                "no_opening", "no_closing", "too_few_members"}
    assert get_plan(client, admin, plan["id"])[0]["id"] == plan["id"]


# --- invalid input ------------------------------------------------------------------------------------


def test_bad_minutes_is_422(client, admin, mods):
    for minutes in (0, -5, 24 * 60 + 1, "ten", 2.5, None):
        r = client.post(PLANS, headers=admin["headers"], json={
            "title": "Bad", "starts_at": START, "items": [item(mods["opening-check-in"]), {
                "module_id": mods["closing-grounding"]["id"], "minutes": minutes}]})
        body = assert_error(r, 422)
        assert "minutes" in body["errors"]["items"]["1"], minutes
    assert client.get(PLANS, headers=admin["headers"]).get_json() == []


def test_unknown_module_is_422(client, admin, mods):
    r = client.post(PLANS, headers=admin["headers"], json={
        "title": "Bad", "starts_at": START,
        "items": [item(mods["opening-check-in"]), {"module_id": str(uuid.uuid4()), "minutes": 10}]})
    body = assert_error(r, 422)
    assert body["errors"]["items"]["1"]["module_id"]
    assert "0" not in body["errors"]["items"]


def test_module_of_another_practice_is_422(client, admin, other, mods):
    payload = {"slug": "theirs", "title": "Their module", "summary": "Theirs.", "participant_summary": "Theirs.",
               "category": "exercise", "steps": ["One.", "Two."], "facilitator_script": "Script.",
               "default_minutes": 10, "min_minutes": 5, "max_minutes": 20, "suitable_kinds": ["retreat"],
               "intensity": "gentle", "setting": "in_session"}
    r = client.post(MODULES, headers=other["headers"], json=payload)
    assert r.status_code == 201, r.get_json()
    theirs = r.get_json()
    r = client.post(PLANS, headers=admin["headers"], json={
        "title": "Bad", "starts_at": START, "items": [{"module_id": theirs["id"], "minutes": 10}]})
    body = assert_error(r, 422)
    assert body["errors"]["items"]["0"]["module_id"]
    # the owner may use it
    r = client.post(PLANS, headers=other["headers"], json={
        "title": "Fine", "starts_at": START, "items": [{"module_id": theirs["id"], "minutes": 10}]})
    assert r.status_code == 201


def test_bad_starts_at_is_422(client, admin, mods):
    for starts_at in ("2027-04-01T09:00:00", "not a date", "2027-13-01T09:00:00+02:00", "", 12):
        r = client.post(PLANS, headers=admin["headers"],
                        json={"title": "Bad", "starts_at": starts_at, "items": [item(mods["opening-check-in"])]})
        body = assert_error(r, 422)
        assert "starts_at" in body["errors"], starts_at


def test_missing_fields_and_unknown_fields_are_422(client, admin):
    body = assert_error(client.post(PLANS, headers=admin["headers"], json={"starts_at": START}), 422)
    assert "title" in body["errors"]
    body = assert_error(client.post(PLANS, headers=admin["headers"],
                                    json={"title": "x", "starts_at": START, "practice_id": "p"}), 422)
    assert "practice_id" in body["errors"]
    body = assert_error(client.post(PLANS, headers=admin["headers"],
                                    json={"title": "x", "starts_at": START, "status": "published"}), 422)
    assert "status" in body["errors"]


def test_invalid_plan_is_not_saved(client, admin, mods):
    client.post(PLANS, headers=admin["headers"], json={
        "title": "Bad", "starts_at": START, "items": [{"module_id": str(uuid.uuid4()), "minutes": 10}]})
    assert client.get(PLANS, headers=admin["headers"]).get_json() == []


def test_group_of_another_practice_is_422(client, admin, other, mods, create_group):
    theirs = create_group(by=other, name="Their group")
    r = client.post(PLANS, headers=admin["headers"], json={
        "title": "Sneaky", "starts_at": START, "group_id": theirs["id"], "items": [item(mods["opening-check-in"])]})
    assert "group_id" in assert_error(r, 422)["errors"]
    r = client.post(PLANS, headers=admin["headers"], json={
        "title": "Sneaky", "starts_at": START, "group_id": str(uuid.uuid4())})
    assert "group_id" in assert_error(r, 422)["errors"]


# --- replacing items ----------------------------------------------------------------------------------


def test_put_items_replaces_the_list_in_order(client, admin, mods, retreat):
    plan = create_plan(client, admin, group_id=retreat["id"], items=good_items(mods))
    _, etag = get_plan(client, admin, plan["id"])
    new = [item(mods["eyes-open-grounding"], 5), {"module_id": None, "minutes": 10},
           item(mods["dear-little-me-letter"], 30), item(mods["closing-container"], 10)]
    r = client.put(f"{PLANS}/{plan['id']}/items", headers=with_etag(admin, etag), json={"items": new})
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert [i["module_id"] for i in body["items"]] == [i["module_id"] for i in new]
    assert [i["minutes"] for i in body["items"]] == [5, 10, 30, 10]
    assert [i["starts_at"][11:16] for i in body["items"]] == ["09:00", "09:05", "09:15", "09:45"]
    assert body["ends_at"] == "2027-04-01T09:55:00+02:00" and body["total_minutes"] == 55
    assert r.headers["ETag"] != etag
    assert get_plan(client, admin, plan["id"])[0]["items"] == body["items"]
    # reversed order round-trips
    etag = r.headers["ETag"]
    r = client.put(f"{PLANS}/{plan['id']}/items", headers=with_etag(admin, etag), json={"items": new[::-1]})
    assert [i["module_id"] for i in r.get_json()["items"]] == [i["module_id"] for i in new[::-1]]


def test_put_items_needs_a_current_if_match(client, admin, mods):
    plan = create_plan(client, admin, items=good_items(mods))
    url = f"{PLANS}/{plan['id']}/items"
    _, etag = get_plan(client, admin, plan["id"])
    assert_error(client.put(url, headers=admin["headers"], json={"items": []}), 428)
    r = client.put(url, headers=with_etag(admin, etag), json={"items": [item(mods["closing-grounding"])]})
    assert r.status_code == 200
    assert_error(client.put(url, headers=with_etag(admin, etag), json={"items": []}), 412)
    assert len(get_plan(client, admin, plan["id"])[0]["items"]) == 1


def test_put_items_with_a_bad_item_changes_nothing(client, admin, mods):
    plan = create_plan(client, admin, items=good_items(mods))
    _, etag = get_plan(client, admin, plan["id"])
    r = client.put(f"{PLANS}/{plan['id']}/items", headers=with_etag(admin, etag),
                   json={"items": [item(mods["closing-grounding"]), {"module_id": str(uuid.uuid4()), "minutes": 5}]})
    assert_error(r, 422)
    after, etag_after = get_plan(client, admin, plan["id"])
    assert [i["module_id"] for i in after["items"]] == [i["module_id"] for i in good_items(mods)]
    assert etag_after == etag
    assert_error(client.put(f"{PLANS}/{plan['id']}/items", headers=with_etag(admin, etag), json={}), 422)


# --- patch and delete ---------------------------------------------------------------------------------


def test_patch_plan(client, admin, mods, retreat):
    plan = create_plan(client, admin, group_id=retreat["id"], items=good_items(mods))
    url = f"{PLANS}/{plan['id']}"
    _, etag = get_plan(client, admin, plan["id"])
    assert_error(client.patch(url, headers=admin["headers"], json={"title": "x"}), 428)
    r = client.patch(url, headers=with_etag(admin, etag),
                     json={"title": "Day one", "status": "final", "starts_at": "2027-04-01T10:00:00+02:00"})
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["title"] == "Day one" and body["status"] == "final"
    assert body["starts_at"] == "2027-04-01T10:00:00+02:00" and body["ends_at"] == "2027-04-01T10:50:00+02:00"
    assert body["items"][2]["starts_at"] == "2027-04-01T10:40:00+02:00"
    # a stale tag is refused and changes nothing
    assert_error(client.patch(url, headers=with_etag(admin, etag), json={"title": "Lost update"}), 412)
    assert get_plan(client, admin, plan["id"])[0]["title"] == "Day one"
    assert_error(client.patch(url, headers=with_etag(admin, r.headers["ETag"]), json={"starts_at": "tomorrow"}), 422)
    assert_error(client.patch(url, headers=with_etag(admin, r.headers["ETag"]),
                              json={"starts_at": "2027-04-01T10:00:00"}), 422)


def test_patch_into_another_practices_group_is_422(client, admin, other, mods, create_group):
    plan = create_plan(client, admin, items=good_items(mods))
    theirs = create_group(by=other, name="Theirs")
    _, etag = get_plan(client, admin, plan["id"])
    r = client.patch(f"{PLANS}/{plan['id']}", headers=with_etag(admin, etag), json={"group_id": theirs["id"]})
    assert_error(r, 422)
    after, after_etag = get_plan(client, admin, plan["id"])
    assert after["group_id"] is None and after_etag == etag


def test_patch_group_to_none_makes_a_template(client, admin, mods, retreat):
    plan = create_plan(client, admin, group_id=retreat["id"], items=good_items(mods))
    _, etag = get_plan(client, admin, plan["id"])
    r = client.patch(f"{PLANS}/{plan['id']}", headers=with_etag(admin, etag), json={"group_id": None})
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["is_template"] is True and r.get_json()["group_id"] is None


def test_delete_plan(client, admin, mods):
    plan = create_plan(client, admin, items=good_items(mods))
    url = f"{PLANS}/{plan['id']}"
    _, etag = get_plan(client, admin, plan["id"])
    assert_error(client.delete(url, headers=admin["headers"]), 428)
    assert_error(client.delete(url, headers=with_etag(admin, '"0000"')), 412)
    r = client.delete(url, headers=with_etag(admin, etag))
    assert r.status_code == 204 and r.data == b""
    assert_error(client.get(url, headers=admin["headers"]), 404)
    assert client.get(PLANS, headers=admin["headers"]).get_json() == []


# --- clone --------------------------------------------------------------------------------------------


def test_clone_into_another_group_with_a_new_start(client, admin, mods, retreat, create_group):
    plan = create_plan(client, admin, group_id=retreat["id"], target_minutes=60, items=good_items(mods),
                       notes="n")
    other_group = create_group(name="Autumn retreat", timezone="Europe/London")
    r = client.post(f"{PLANS}/{plan['id']}/clone", headers=admin["headers"],
                    json={"group_id": other_group["id"], "starts_at": "2027-10-01T10:00:00+01:00"})
    assert r.status_code == 201, r.get_json()
    copy = r.get_json()
    assert r.headers["ETag"]
    assert copy["id"] != plan["id"]
    assert copy["group_id"] == other_group["id"]
    assert copy["starts_at"] == "2027-10-01T10:00:00+01:00"
    assert copy["ends_at"] == "2027-10-01T10:50:00+01:00"
    assert copy["title"] == "Day 1 (copy)" and copy["status"] == "draft"
    assert copy["target_minutes"] == 60 and copy["notes"] == "n"
    assert [(i["module_id"], i["minutes"]) for i in copy["items"]] == \
        [(i["module_id"], i["minutes"]) for i in plan["items"]]
    assert not {i["id"] for i in copy["items"]} & {i["id"] for i in plan["items"]}
    # the original is untouched
    assert get_plan(client, admin, plan["id"])[0] == plan


def test_clone_to_a_template(client, admin, mods, retreat):
    plan = create_plan(client, admin, group_id=retreat["id"], items=good_items(mods))
    r = client.post(f"{PLANS}/{plan['id']}/clone", headers=admin["headers"],
                    json={"group_id": None, "starts_at": "2027-05-01T09:00:00+00:00", "title": "Template day"})
    assert r.status_code == 201, r.get_json()
    copy = r.get_json()
    assert copy["group_id"] is None and copy["is_template"] is True and copy["title"] == "Template day"
    assert copy["starts_at"] == "2027-05-01T09:00:00+00:00"
    assert len(copy["items"]) == 3
    r = client.get(PLANS, headers=admin["headers"], query_string={"template": "true"})
    assert [p["id"] for p in r.get_json()] == [copy["id"]]


def test_clone_keeps_group_and_start_by_default(client, admin, mods, retreat):
    plan = create_plan(client, admin, group_id=retreat["id"], items=good_items(mods))
    copy = client.post(f"{PLANS}/{plan['id']}/clone", headers=admin["headers"], json={}).get_json()
    assert copy["group_id"] == retreat["id"] and copy["starts_at"] == plan["starts_at"]
    assert "overlap" in codes(copy)


def test_clone_into_another_practices_group_is_422_naming_group_id(client, admin, other, mods, create_group):
    plan = create_plan(client, admin, items=good_items(mods))
    theirs = create_group(by=other, name="Theirs")
    body = assert_error(client.post(f"{PLANS}/{plan['id']}/clone", headers=admin["headers"],
                                    json={"group_id": theirs["id"]}), 422)
    assert body["errors"] == {"group_id": ["Unknown group."]}


# --- listing ------------------------------------------------------------------------------------------


def test_list_by_group_is_ordered_by_start(client, admin, mods, retreat, create_group):
    days = ["2027-04-03T09:00:00+02:00", "2027-04-01T09:00:00+02:00", "2027-04-02T09:00:00+02:00"]
    made = [create_plan(client, admin, title=f"Plan {i}", group_id=retreat["id"], starts_at=s, items=good_items(mods))
            for i, s in enumerate(days)]
    elsewhere = create_group(name="Other group")
    create_plan(client, admin, group_id=elsewhere["id"], starts_at="2027-03-01T09:00:00+01:00")
    create_plan(client, admin, starts_at="2027-03-01T09:00:00+01:00")  # a template
    r = client.get(PLANS, headers=admin["headers"], query_string={"group_id": retreat["id"]})
    assert r.status_code == 200
    listed = r.get_json()
    assert [p["id"] for p in listed] == [made[1]["id"], made[2]["id"], made[0]["id"]]
    assert json.loads(r.headers["X-Pagination"])["total"] == 3
    # the list shows the same computed view as GET one
    assert listed[0] == get_plan(client, admin, made[1]["id"])[0]
    r = client.get(PLANS, headers=admin["headers"], query_string={"group_id": retreat["id"], "sort": "-starts_at"})
    assert [p["id"] for p in r.get_json()] == [made[0]["id"], made[2]["id"], made[1]["id"]]


def test_list_template_filter(client, admin, mods, retreat):
    template = create_plan(client, admin, title="T")
    grouped = create_plan(client, admin, title="G", group_id=retreat["id"])
    r = client.get(PLANS, headers=admin["headers"], query_string={"template": "true"})
    assert [p["id"] for p in r.get_json()] == [template["id"]]
    r = client.get(PLANS, headers=admin["headers"], query_string={"template": "false"})
    assert [p["id"] for p in r.get_json()] == [grouped["id"]]
    assert len(client.get(PLANS, headers=admin["headers"]).get_json()) == 2


def test_list_date_range(client, admin):
    a = create_plan(client, admin, title="A", starts_at="2027-04-01T09:00:00+02:00")
    b = create_plan(client, admin, title="B", starts_at="2027-04-02T09:00:00+02:00")
    c = create_plan(client, admin, title="C", starts_at="2027-04-03T09:00:00+02:00")

    def ids(**params):
        r = client.get(PLANS, headers=admin["headers"], query_string=params)
        assert r.status_code == 200, r.get_json()
        return [p["id"] for p in r.get_json()]

    assert ids(starts_from="2027-04-02T09:00:00+02:00") == [b["id"], c["id"]]  # inclusive
    assert ids(starts_before="2027-04-02T09:00:00+02:00") == [a["id"]]  # exclusive
    assert ids(starts_from="2027-04-01T12:00:00+02:00", starts_before="2027-04-03T00:00:00+02:00") == [b["id"]]
    assert ids(starts_from="2027-04-02T07:00:00Z") == [b["id"], c["id"]]  # offsets compare as instants
    assert_error(client.get(PLANS, headers=admin["headers"], query_string={"starts_from": "2027-04-02T09:00:00"}),
                 422)
    assert_error(client.get(PLANS, headers=admin["headers"], query_string={"starts_from": "soon"}), 422)


def test_list_is_paginated(client, admin):
    for day in range(1, 8):
        create_plan(client, admin, title=f"P{day}", starts_at=f"2027-04-0{day}T09:00:00+02:00")
    r = client.get(PLANS, headers=admin["headers"], query_string={"page": 2, "page_size": 3})
    assert [p["title"] for p in r.get_json()] == ["P4", "P5", "P6"]
    meta = json.loads(r.headers["X-Pagination"])
    assert meta["total"] == 7 and meta["total_pages"] == 3 and meta["page"] == 2


def test_list_never_shows_another_practices_plans(client, admin, other):
    create_plan(client, other, title="Theirs")
    mine = create_plan(client, admin, title="Mine")
    assert [p["id"] for p in client.get(PLANS, headers=admin["headers"]).get_json()] == [mine["id"]]


def test_list_with_unknown_or_foreign_group_is_422_naming_group_id(client, admin, other, create_group):
    theirs = create_group(by=other, name="Theirs")
    create_plan(client, other, group_id=theirs["id"])
    foreign = assert_error(client.get(PLANS, headers=admin["headers"], query_string={"group_id": theirs["id"]}), 422)
    unknown = assert_error(client.get(PLANS, headers=admin["headers"], query_string={"group_id": "nope"}), 422)
    assert foreign == unknown and foreign["errors"] == {"group_id": ["Unknown group."]}


# --- cross-practice -----------------------------------------------------------------------------------


def test_another_practices_plan_is_404_everywhere(client, admin, other, mods):
    theirs = create_plan(client, other, title="Theirs", items=good_items(mods))
    _, etag = get_plan(client, other, theirs["id"])
    url = f"{PLANS}/{theirs['id']}"
    h = with_etag(admin, etag)
    assert_error(client.get(url, headers=admin["headers"]), 404)
    assert_error(client.patch(url, headers=h, json={"title": "Mine now"}), 404)
    assert_error(client.put(f"{url}/items", headers=h, json={"items": []}), 404)
    assert_error(client.post(f"{url}/clone", headers=admin["headers"], json={}), 404)
    assert_error(client.delete(url, headers=h), 404)
    # nothing happened to it
    after, after_etag = get_plan(client, other, theirs["id"])
    assert after == theirs and after_etag == etag
    assert client.get(PLANS, headers=admin["headers"]).get_json() == []

"""People named (issue 18, point 3) and material flags (point 4) through HTTP: a plan item's optional
`lead_id` (a facilitator of the plan's group, else 422 naming the field; cleared when the facilitator leaves
the group or the plan moves), the group's facilitators and the item leads in the JSON agenda, and the module
materials' `consumable` / `for_participants` flags round-tripping."""

import pytest

from tests.factories import module_payload
from tests.helpers import assert_error


def _modules(client, who):
    return {m["slug"]: m for m in client.get("/api/v1/modules?page_size=100", headers=who["headers"]).get_json()}


@pytest.fixture
def team(client, admin, create_therapist, create_group, create_participant):
    """A retreat led by a trauma-informed guide and a co-facilitator, one member, and an outsider therapist."""
    guide = create_therapist(name="Sam Guide", trauma_informed=True)
    co = create_therapist(name="Alex Co")
    outsider = create_therapist(name="Olive Outsider")
    group = create_group(name="Lead retreat", facilitator_ids=[guide["id"], co["id"]], starts_on="2027-05-01")
    member = create_participant(display_name="Mo Member")
    r = client.post(f"/api/v1/groups/{group['id']}/members", json={"participant_id": member["id"]},
                    headers=admin["headers"])
    assert r.status_code == 201
    return {"guide": guide, "co": co, "outsider": outsider, "group": group, "mods": _modules(client, admin)}


def _items(team, guide_lead=None, co_lead=None):
    mods = team["mods"]
    return [{"module_id": mods["opening-check-in"]["id"], "minutes": 15, "lead_id": guide_lead},
            {"module_id": None, "minutes": 10, "title": "Tea break"},
            {"module_id": mods["closing-grounding"]["id"], "minutes": 10, "lead_id": co_lead}]


def _create(client, admin, team, items, group_id="default"):
    return client.post("/api/v1/plans", headers=admin["headers"], json={
        "title": "Led day", "starts_at": "2027-05-01T09:00:00+02:00", "items": items,
        "group_id": team["group"]["id"] if group_id == "default" else group_id})


def test_a_lead_who_facilitates_the_group_is_stored_and_returned(client, admin, team):
    r = _create(client, admin, team, _items(team, team["guide"]["id"], team["co"]["id"]))
    assert r.status_code == 201, r.get_json()
    leads = [i["lead_id"] for i in r.get_json()["items"]]
    assert leads == [team["guide"]["id"], None, team["co"]["id"]]
    got = client.get(f"/api/v1/plans/{r.get_json()['id']}", headers=admin["headers"]).get_json()
    assert [i["lead_id"] for i in got["items"]] == leads
    # The items as a GET gives them can be sent back unchanged.
    put = client.put(f"/api/v1/plans/{got['id']}/items", headers={**admin["headers"], "If-Match": got["etag"]},
                     json={"items": [{k: i[k] for k in ("module_id", "minutes", "lead_id")} for i in got["items"]]})
    assert put.status_code == 200, put.get_json()
    assert [i["lead_id"] for i in put.get_json()["items"]] == leads


@pytest.mark.parametrize("who", ["outsider", "unknown", "other_practice"])
def test_a_lead_who_is_not_a_facilitator_of_the_group_is_a_422(client, admin, other, team, create_therapist, who):
    lead = {"outsider": lambda: team["outsider"]["id"], "unknown": lambda: "no-such-therapist",
            "other_practice": lambda: create_therapist(by=other, name="Foreign")["id"]}[who]()
    body = assert_error(_create(client, admin, team, _items(team, None, lead)), 422)
    assert body["errors"] == {"items": {"2": {"lead_id": ["Not a facilitator of this plan's group."]}}}
    plan = _create(client, admin, team, _items(team)).get_json()
    r = client.put(f"/api/v1/plans/{plan['id']}/items", headers={**admin["headers"], "If-Match": plan["etag"]},
                   json={"items": _items(team, lead)})
    assert assert_error(r, 422)["errors"] == {"items": {"0": {"lead_id": ["Not a facilitator of this plan's "
                                                                          "group."]}}}
    after = client.get(f"/api/v1/plans/{plan['id']}", headers=admin["headers"]).get_json()
    assert after["etag"] == plan["etag"] and [i["lead_id"] for i in after["items"]] == [None, None, None]


def test_a_template_has_no_leads(client, admin, team):
    body = assert_error(_create(client, admin, team, _items(team, team["guide"]["id"]), group_id=None), 422)
    assert "items" in body["errors"] and "lead_id" in body["errors"]["items"]["0"]
    assert _create(client, admin, team, _items(team), group_id=None).status_code == 201


def test_a_lead_id_must_be_a_string(client, admin, team):
    items = _items(team)
    items[0]["lead_id"] = 7
    assert_error(_create(client, admin, team, items), 422)


def test_a_facilitator_who_leaves_the_group_stops_leading_its_items(client, admin, team):
    plan = _create(client, admin, team, _items(team, team["guide"]["id"], team["co"]["id"])).get_json()
    group = client.get(f"/api/v1/groups/{team['group']['id']}", headers=admin["headers"])
    r = client.patch(f"/api/v1/groups/{team['group']['id']}", json={"facilitator_ids": [team["guide"]["id"]]},
                     headers={**admin["headers"], "If-Match": group.headers["ETag"]})
    assert r.status_code == 200, r.get_json()
    after = client.get(f"/api/v1/plans/{plan['id']}", headers=admin["headers"]).get_json()
    assert [i["lead_id"] for i in after["items"]] == [team["guide"]["id"], None, None]
    assert after["etag"] != plan["etag"]  # the plan changed: a stale editor gets a 412, not a silent overwrite
    stale = client.put(f"/api/v1/plans/{plan['id']}/items", headers={**admin["headers"], "If-Match": plan["etag"]},
                       json={"items": _items(team)})
    assert_error(stale, 412)


def test_moving_or_copying_a_plan_keeps_only_valid_leads(client, admin, team, create_group):
    plan = _create(client, admin, team, _items(team, team["guide"]["id"], team["co"]["id"])).get_json()
    same = client.post(f"/api/v1/plans/{plan['id']}/clone", headers=admin["headers"], json={})
    assert same.status_code == 201, same.get_json()
    assert [i["lead_id"] for i in same.get_json()["items"]] == [team["guide"]["id"], None, team["co"]["id"]]
    elsewhere = create_group(name="Other retreat", facilitator_ids=[team["co"]["id"]])
    copy = client.post(f"/api/v1/plans/{plan['id']}/clone", headers=admin["headers"],
                       json={"group_id": elsewhere["id"]})
    assert [i["lead_id"] for i in copy.get_json()["items"]] == [None, None, team["co"]["id"]]
    moved = client.patch(f"/api/v1/plans/{plan['id']}", json={"group_id": None},
                         headers={**admin["headers"], "If-Match": plan["etag"]})
    assert moved.status_code == 200, moved.get_json()
    assert [i["lead_id"] for i in moved.get_json()["items"]] == [None, None, None]


def test_the_agenda_names_the_facilitators_and_the_leads(client, admin, team):
    plan = _create(client, admin, team, _items(team, team["guide"]["id"])).get_json()
    url = f"/api/v1/plans/{plan['id']}/agenda?format=json"
    agenda = client.get(url, headers=admin["headers"]).get_json()
    assert agenda["facilitators"] == [
        {"id": team["co"]["id"], "name": "Alex Co", "trauma_informed": False},
        {"id": team["guide"]["id"], "name": "Sam Guide", "trauma_informed": True}]
    items = agenda["days"][0]["plans"][0]["items"]
    assert items[0]["lead"] == {"id": team["guide"]["id"], "name": "Sam Guide", "trauma_informed": True}
    assert items[1]["lead"] is None and items[2]["lead"] is None
    handout = client.get(url + "&audience=participant", headers=admin["headers"]).get_json()
    assert handout["facilitators"] == [{"name": "Alex Co"}, {"name": "Sam Guide"}]
    assert all("lead" not in i for i in handout["days"][0]["plans"][0]["items"])
    assert team["guide"]["id"] not in str(handout)
    group_agenda = client.get(f"/api/v1/groups/{team['group']['id']}/agenda", headers=admin["headers"]).get_json()
    assert [f["name"] for f in group_agenda["facilitators"]] == ["Alex Co", "Sam Guide"]


def test_material_flags_round_trip(client, admin):
    materials = [{"name": "Envelope", "quantity": 1, "per_participant": True, "consumable": True,
                  "for_participants": True},
                 {"name": "Flip chart sheet", "consumable": True},
                 {"name": "Bell"}]
    r = client.post("/api/v1/modules", headers=admin["headers"], json=module_payload(materials=materials))
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["materials"] == [
        {"name": "Envelope", "quantity": 1, "per_participant": True, "consumable": True, "for_participants": True},
        {"name": "Flip chart sheet", "quantity": 1, "per_participant": False, "consumable": True,
         "for_participants": False},
        {"name": "Bell", "quantity": 1, "per_participant": False, "consumable": False, "for_participants": False}]
    got = client.get(f"/api/v1/modules/{r.get_json()['id']}", headers=admin["headers"]).get_json()
    assert got["materials"] == r.get_json()["materials"]
    bad = client.post("/api/v1/modules", headers=admin["headers"],
                      json=module_payload(materials=[{"name": "Pen", "consumable": "perhaps"}]))
    assert_error(bad, 422)


def test_builtin_materials_carry_the_flags(client, admin):
    mods = _modules(client, admin)
    agreements = {m["name"]: m for m in mods["group-agreements"]["materials"]}
    assert agreements["Flip chart sheet"]["consumable"] and not agreements["Flip chart sheet"]["for_participants"]
    assert not agreements["Masking tape or sticky putty"]["for_participants"]
    letter = {m["name"]: m for m in mods["dear-little-me-letter"]["materials"]}
    assert letter["Envelope"]["consumable"] and letter["Envelope"]["for_participants"]
    assert letter["Pen"]["for_participants"] and not letter["Pen"]["consumable"]


def test_the_demo_retreat_agenda_adds_up_and_names_people(app, client):
    """The demo retreat (12 members, one booked late and not yet screened, one on a crisis hold): Day 2's letter
    and closing container need one envelope per member each."""
    result = app.test_cli_runner().invoke(args=["seed", "--demo"])
    assert result.exit_code == 0, result.output
    login = client.post("/api/v1/auth/login", json={"email": "demo-admin@example.org",
                                                     "password": "demo-password-change-me"})
    headers = {"Authorization": f"Bearer {login.get_json()['access_token']}"}
    groups = client.get("/api/v1/groups?page_size=100", headers=headers).get_json()
    group = next(g for g in groups if g["kind"] == "retreat")
    url = f"/api/v1/groups/{group['id']}/agenda?format=json"
    agenda = client.get(url, headers=headers).get_json()
    members = agenda["member_count"]
    assert members == 12
    lines = {m["name"]: m for m in agenda["materials"]}
    assert lines["Envelope"]["total"] >= 2 * members and lines["Envelope"]["consumable"]
    day2 = {m["name"]: m for m in agenda["packing"][1]["materials"]}
    assert day2["Envelope"]["total"] == 2 * members and "Flip chart sheet" not in day2
    assert {m["name"] for m in agenda["packing"][0]["materials"]} >= {"Flip chart sheet",
                                                                      "Masking tape or sticky putty"}
    assert {f["name"]: f["trauma_informed"] for f in agenda["facilitators"]} == {
        "Dr. Demo Admin": False, "Sam Trauma-Informed": True}
    leads = [i["lead"]["name"] for day in agenda["days"] for p in day["plans"] for i in p["items"] if i["lead"]]
    assert "Sam Trauma-Informed" in leads and "Dr. Demo Admin" in leads
    handout = client.get(url + "&audience=participant", headers=headers).get_json()
    names = {m["name"] for m in handout["materials"]}
    assert "Envelope" in names and "Pen" in names
    assert not names & {"Flip chart sheet", "Masking tape or sticky putty", "Set of markers", "Hand bell"}
    md = client.get(url.replace("json", "md") + "&audience=participant", headers=headers).get_data(as_text=True)
    assert "Masking tape" not in md and "Flip chart" not in md

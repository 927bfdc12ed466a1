"""The calendar through HTTP (issue 18, point 7): an item keeps its id (and its event its UID) when the plan
is edited, SEQUENCE grows with each change, LAST-MODIFIED is the change's time."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from sqlalchemy import update

from tests.helpers import assert_error
from toolkit.extensions import db
from toolkit.tenancy import across_practices

ITEMS = ("opening-check-in", "group-agreements", "younger-self-visualisation", None, "childhood-favourite-foods",
         "closing-grounding", "group-agreements")


@pytest.fixture
def retreat(client, admin, create_group):
    """Three days of seven items each (a break and one module twice among them): 18 events per item."""
    mods = {m["slug"]: m for m in client.get("/api/v1/modules?page_size=100", headers=admin["headers"]).get_json()}
    group = create_group(name="Calendar Retreat", kind="retreat", capacity=10, timezone="Europe/Berlin",
                         location="Lakeside lodge", starts_on="2027-03-27")
    plans = []
    for day, start in enumerate(["2027-03-27T09:00:00+01:00", "2027-03-28T09:00:00+02:00",
                                 "2027-03-29T09:00:00+02:00"], 1):
        items = [{"module_id": mods[slug]["id"], "minutes": 15} if slug else
                 {"module_id": None, "minutes": 15, "title": "Tea break"} for slug in ITEMS]
        r = client.post("/api/v1/plans", json={"title": f"Day {day}", "group_id": group["id"], "starts_at": start,
                                               "items": items}, headers=admin["headers"])
        assert r.status_code == 201, r.get_json()
        plans.append(r.get_json())
    return {"group": group, "plans": plans}


def _age(app, retreat, seconds=3600):
    """Move the stored change times back, as if the retreat (and the modules it uses) had been planned an hour
    ago: an edit made now is then always later, whatever second the fixtures ran in."""
    from toolkit.exercises.models import ExerciseModule
    from toolkit.groups.models import Group
    from toolkit.plans.models import SessionPlan

    earlier = datetime.now(UTC) - timedelta(seconds=seconds)
    with app.app_context(), across_practices(db.session):
        db.session.execute(update(SessionPlan).where(SessionPlan.group_id == retreat["group"]["id"])
                           .values(updated_at=earlier))
        db.session.execute(update(Group).where(Group.id == retreat["group"]["id"]).values(updated_at=earlier))
        db.session.execute(update(ExerciseModule).values(updated_at=earlier))
        db.session.commit()


def _calendar(client, who, retreat, detail="items"):
    r = client.get(f"/api/v1/groups/{retreat['group']['id']}/agenda?format=ics&detail={detail}",
                   headers=who["headers"])
    assert r.status_code == 200
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(r.data).walk("VEVENT")}


def _put_items(client, who, plan_id, items, *, expect=200):
    current = client.get(f"/api/v1/plans/{plan_id}", headers=who["headers"])
    r = client.put(f"/api/v1/plans/{plan_id}/items", json={"items": items},
                   headers={**who["headers"], "If-Match": current.headers["ETag"]})
    assert r.status_code == expect, r.get_json()
    return r


def _as_sent(plan, *, with_ids=False):
    keys = ("module_id", "minutes", "notes", "title") + (("id",) if with_ids else ())
    return [{k: item[k] for k in keys if not (k == "title" and item["module_id"])} for item in plan["items"]]


def test_changing_one_items_minutes_keeps_every_uid_and_raises_the_sequence(app, client, admin, retreat):
    _age(app, retreat)
    before = _calendar(client, admin, retreat)
    assert len(before) == 18
    assert all(int(e["SEQUENCE"]) > 0 and "LAST-MODIFIED" in e for e in before.values())
    day2 = retreat["plans"][1]
    items = _as_sent(day2)  # as a client sends the list back: without ids
    items[1]["minutes"] += 5
    changed = _put_items(client, admin, day2["id"], items).get_json()
    assert [i["id"] for i in changed["items"]] == [i["id"] for i in day2["items"]]
    after = _calendar(client, admin, retreat)
    assert set(after) == set(before)  # no event replaced: re-importing updates, never duplicates
    day2_uids = {f"item-{i['id']}@inner-child-toolkit" for i in day2["items"] if not i["is_break"]}
    for uid, event in after.items():
        if uid in day2_uids:
            assert int(event["SEQUENCE"]) > int(before[uid]["SEQUENCE"])
            assert event.decoded("LAST-MODIFIED") > before[uid].decoded("LAST-MODIFIED")
        else:
            assert int(event["SEQUENCE"]) == int(before[uid]["SEQUENCE"])
            assert event.decoded("LAST-MODIFIED") == before[uid].decoded("LAST-MODIFIED")
    moved = [after[f"item-{i['id']}@inner-child-toolkit"].decoded("DTSTART") for i in day2["items"][2:3]]
    assert moved[0].hour == 9 and moved[0].minute == 35  # 15 + 20 minutes after 09:00


def test_plan_events_keep_their_uid_and_raise_the_sequence_on_a_rename(app, client, admin, retreat):
    _age(app, retreat)
    before = _calendar(client, admin, retreat, detail="plans")
    plan = retreat["plans"][0]
    current = client.get(f"/api/v1/plans/{plan['id']}", headers=admin["headers"])
    r = client.patch(f"/api/v1/plans/{plan['id']}", json={"title": "Day one"},
                     headers={**admin["headers"], "If-Match": current.headers["ETag"]})
    assert r.status_code == 200
    after = _calendar(client, admin, retreat, detail="plans")
    uid = f"plan-{plan['id']}@inner-child-toolkit"
    assert set(after) == set(before) and str(after[uid]["SUMMARY"]) == "Day one"
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])


def test_a_location_change_raises_every_sequence(app, client, admin, retreat):
    _age(app, retreat)
    before = _calendar(client, admin, retreat)
    group = client.get(f"/api/v1/groups/{retreat['group']['id']}", headers=admin["headers"])
    r = client.patch(f"/api/v1/groups/{retreat['group']['id']}", json={"location": "Hill barn"},
                     headers={**admin["headers"], "If-Match": group.headers["ETag"]})
    assert r.status_code == 200, r.get_json()
    after = _calendar(client, admin, retreat)
    assert set(after) == set(before)
    assert all(int(after[u]["SEQUENCE"]) > int(before[u]["SEQUENCE"]) for u in after)
    assert all(str(e["LOCATION"]) == "Hill barn" for e in after.values())


def test_items_sent_with_ids_keep_them_when_moved_and_new_ones_get_new_ids(client, admin, retreat):
    plan = retreat["plans"][0]
    items = _as_sent(plan, with_ids=True)
    items.reverse()
    items.insert(2, {"module_id": None, "minutes": 5, "title": "Stretch"})
    body = _put_items(client, admin, plan["id"], items).get_json()
    old = [i["id"] for i in plan["items"]]
    assert [i["id"] for i in body["items"]][:2] == old[::-1][:2]
    assert [i["id"] for i in body["items"]][3:] == old[::-1][2:]
    assert body["items"][2]["id"] not in old and body["items"][2]["title"] == "Stretch"
    assert [i["position"] for i in body["items"]] == list(range(len(items)))
    again = client.get(f"/api/v1/plans/{plan['id']}", headers=admin["headers"]).get_json()
    assert [i["id"] for i in again["items"]] == [i["id"] for i in body["items"]]


def test_a_removed_item_goes_and_the_rest_stay(client, admin, retreat):
    plan = retreat["plans"][0]
    items = _as_sent(plan)
    del items[2]
    body = _put_items(client, admin, plan["id"], items).get_json()
    assert [i["id"] for i in body["items"]] == [i["id"] for i in plan["items"]][:2] + \
        [i["id"] for i in plan["items"]][3:]


def test_an_unchanged_list_keeps_the_plans_etag_and_a_change_moves_it(client, admin, retreat):
    plan = retreat["plans"][0]
    etag = client.get(f"/api/v1/plans/{plan['id']}", headers=admin["headers"]).headers["ETag"]
    assert _put_items(client, admin, plan["id"], _as_sent(plan)).headers["ETag"] == etag
    items = _as_sent(plan)
    items[0]["notes"] = "Bring the bell"
    assert _put_items(client, admin, plan["id"], items).headers["ETag"] != etag


@pytest.mark.parametrize("bad_id", ["not-an-item", "other-plan"])
def test_an_id_that_is_not_an_item_of_this_plan_is_a_422(client, admin, retreat, bad_id):
    plan, other_plan = retreat["plans"][0], retreat["plans"][1]
    items = _as_sent(plan)
    items[0]["id"] = other_plan["items"][0]["id"] if bad_id == "other-plan" else bad_id
    r = _put_items(client, admin, plan["id"], items, expect=422)
    assert_error(r, 422)
    assert "id" in r.get_json()["errors"]["items"]["0"]
    again = client.get(f"/api/v1/plans/{plan['id']}", headers=admin["headers"]).get_json()
    assert [i["id"] for i in again["items"]] == [i["id"] for i in plan["items"]]  # nothing written


def test_a_repeated_id_is_a_422(client, admin, retreat):
    plan = retreat["plans"][0]
    items = _as_sent(plan, with_ids=True)
    items[1]["id"] = items[0]["id"]
    r = _put_items(client, admin, plan["id"], items, expect=422)
    assert "id" in r.get_json()["errors"]["items"]["1"]

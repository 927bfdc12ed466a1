"""Programmes over weeks over HTTP (issue 19): the `group` kind, templates without a start, series, membership
periods, attendance, prerequisites and session notes; tenancy, ETags and audit for each."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.helpers import assert_error

API = "/api/v1"
LONDON = ZoneInfo("Europe/London")


def items(mods, *slugs):
    return [{"module_id": mods[s]["id"], "minutes": mods[s]["default_minutes"]} for s in slugs]


def ok(response, code=200):
    assert response.status_code == code, (response.status_code, response.get_data(as_text=True)[:600])
    return response.get_json()


@pytest.fixture
def programme(client, admin, mods, create_group, create_participant):
    """make(weeks_ago=3, count=5, members=3, **group) -> dict(group, template, series, people): a weekly group
    whose first session was `weeks_ago` weeks ago at 18:30 London time."""

    def make(weeks_ago=3, count=5, members=3, by=None, slugs=("opening-check-in", "sharing-round"), first_at=None,
             **group_fields):
        """`first_at`: the first session's start (default: 18:30 London time `weeks_ago` weeks ago)."""
        who = by or admin
        first_day = (first_at or datetime.now(LONDON)).date() - timedelta(weeks=0 if first_at else weeks_ago)
        group_fields.setdefault("capacity", 8)
        group = create_group(by=by, kind="group", name="Weekly group", timezone="Europe/London", **group_fields)
        people = [create_participant(by=by) for _ in range(members)]
        for person in people:
            ok(client.post(f"{API}/groups/{group['id']}/members", headers=who["headers"],
                           json={"participant_id": person["id"], "joined_on": first_day.isoformat()}), 201)
        template = ok(client.post(f"{API}/plans", headers=who["headers"],
                                  json={"title": "Weekly session", "items": items(mods, *slugs)}), 201)
        first = first_at or datetime(first_day.year, first_day.month, first_day.day, 18, 30, tzinfo=LONDON)
        series = ok(client.post(f"{API}/series", headers=who["headers"], json={
            "group_id": group["id"], "template_id": template["id"], "first_starts_at": first.isoformat(),
            "count": count}), 201)
        return {"group": group, "template": template, "series": series, "people": people, "first_day": first_day}

    return make


def etag(client, who, url):
    r = client.get(url, headers=who["headers"])
    assert r.status_code == 200, r.get_json()
    return r.headers["ETag"]


def put_attendance(client, who, plan_id, records, tag=None):
    tag = tag or etag(client, who, f"{API}/plans/{plan_id}/attendance")
    return client.put(f"{API}/plans/{plan_id}/attendance", headers={**who["headers"], "If-Match": tag},
                      json={"records": records})


# --- 0, 1: the group kind and templates --------------------------------------------------------------------

def test_group_kind_needs_a_capacity_and_builtins_have_a_considered_suitability(client, admin, mods):
    body = assert_error(client.post(f"{API}/groups", headers=admin["headers"],
                                    json={"kind": "group", "name": "No capacity"}), 422)
    assert "capacity" in body["errors"]
    suited = {slug for slug, m in mods.items() if "group" in m["suitable_kinds"]}
    assert {"group-agreements", "opening-check-in", "younger-self-visualisation", "sharing-round"} <= suited
    assert not {"couples-younger-selves", "family-play-memories", "childhood-play-retreat"} & suited
    assert mods["younger-self-visualisation"]["prerequisites"] == ["group-agreements", "opening-check-in"]
    listed = ok(client.get(f"{API}/modules", headers=admin["headers"], query_string={"kind": "group",
                                                                                      "page_size": 100}))
    assert {m["slug"] for m in listed} >= suited


def test_template_needs_no_start_but_a_group_plan_does(client, admin, mods, create_group):
    template = ok(client.post(f"{API}/plans", headers=admin["headers"],
                              json={"title": "T", "items": items(mods, "opening-check-in")}), 201)
    assert template["is_template"] and template["starts_at"] is None and template["ends_at"] is None
    assert template["items"][0]["starts_at"] is None and template["total_minutes"] == 15
    group = create_group()
    body = assert_error(client.post(f"{API}/plans", headers=admin["headers"],
                                    json={"title": "P", "group_id": group["id"]}), 422)
    assert "starts_at" in body["errors"]
    body = assert_error(client.post(f"{API}/plans/{template['id']}/clone", headers=admin["headers"],
                                    json={"group_id": group["id"]}), 422)
    assert "starts_at" in body["errors"]
    copy = ok(client.post(f"{API}/plans/{template['id']}/clone", headers=admin["headers"],
                          json={"group_id": group["id"], "starts_at": "2027-05-01T10:00:00+02:00"}), 201)
    assert copy["starts_at"] == "2027-05-01T10:00:00+02:00"
    listed = ok(client.get(f"{API}/plans", headers=admin["headers"], query_string={"template": "true"}))
    assert template["id"] in [p["id"] for p in listed]


# --- 2: series ---------------------------------------------------------------------------------------------

def test_series_makes_held_sessions_across_dst_with_a_server_written_rule(client, admin, mods, create_group):
    group = create_group(kind="group", capacity=10, timezone="Europe/London")
    template = ok(client.post(f"{API}/plans", headers=admin["headers"],
                              json={"title": "Thursday group", "items": items(mods, "opening-check-in")}), 201)
    series = ok(client.post(f"{API}/series", headers=admin["headers"], json={
        "group_id": group["id"], "template_id": template["id"], "first_starts_at": "2027-03-18T18:00:00+00:00",
        "count": 3, "every_weeks": 1, "skip_dates": ["2027-03-25"]}), 201)
    assert series["rrule"] == "RRULE:FREQ=WEEKLY;COUNT=4;INTERVAL=1"
    assert series["dtstart"] == "DTSTART;TZID=Europe/London:20270318T180000"
    assert series["exdates"] == ["EXDATE;TZID=Europe/London:20270325T180000"]
    starts = [s["starts_at"] for s in series["sessions"]]
    assert starts == ["2027-03-18T18:00:00+00:00", "2027-04-01T18:00:00+01:00", "2027-04-08T18:00:00+01:00"]
    assert [s["session_number"] for s in series["sessions"]] == [1, 2, 3]
    plan = ok(client.get(f"{API}/plans/{series['sessions'][1]['plan_id']}", headers=admin["headers"]))
    assert plan["series_id"] == series["id"] and plan["session_number"] == 2
    assert plan["title"] == "Thursday group - session 2" and plan["group_id"] == group["id"]
    # every 2 weeks
    other = ok(client.post(f"{API}/series", headers=admin["headers"], json={
        "group_id": group["id"], "template_id": template["id"], "first_starts_at": "2027-06-03T10:00:00+01:00",
        "count": 2, "every_weeks": 2, "title": "Fortnightly"}), 201)
    assert [s["starts_at"][:10] for s in other["sessions"]] == ["2027-06-03", "2027-06-17"]
    assert other["sessions"][0]["title"] == "Fortnightly - session 1"
    # a session stays editable on its own
    tag = etag(client, admin, f"{API}/plans/{plan['id']}")
    edited = ok(client.patch(f"{API}/plans/{plan['id']}", headers={**admin["headers"], "If-Match": tag},
                             json={"title": "Week 2 (moved room)"}))
    assert edited["title"] == "Week 2 (moved room)" and edited["session_number"] == 2


@pytest.mark.parametrize("change, field", [
    ({"skip_dates": ["2027-03-19"]}, "skip_dates"), ({"count": 0}, "count"), ({"every_weeks": 9}, "every_weeks"),
    ({"group_id": "nope"}, "group_id"), ({"template_id": "nope"}, "template_id"), ({"extra": 1}, "extra"),
    ({"first_starts_at": "2027-03-18T18:00:00"}, "first_starts_at"),
])
def test_bad_series_are_422_naming_the_field(client, admin, mods, create_group, change, field):
    group = create_group(kind="group", capacity=10, timezone="Europe/London")
    template = ok(client.post(f"{API}/plans", headers=admin["headers"], json={"title": "T"}), 201)
    body = {"group_id": group["id"], "template_id": template["id"], "first_starts_at": "2027-03-18T18:00:00+00:00",
            "count": 3, **change}
    assert field in assert_error(client.post(f"{API}/series", headers=admin["headers"], json=body), 422)["errors"]


def test_series_needs_a_template_not_a_group_plan(client, admin, create_group):
    group = create_group(kind="group", capacity=10)
    plan = ok(client.post(f"{API}/plans", headers=admin["headers"], json={
        "title": "P", "group_id": group["id"], "starts_at": "2027-03-18T18:00:00+00:00"}), 201)
    body = assert_error(client.post(f"{API}/series", headers=admin["headers"], json={
        "group_id": group["id"], "template_id": plan["id"], "first_starts_at": "2027-03-18T18:00:00+00:00",
        "count": 2}), 422)
    assert "template_id" in body["errors"]


def test_delete_series_removes_future_sessions_and_409_names_kept_ones(client, admin, programme):
    # weeks 1 and 2 held, 3 (in three hours, whatever the time of day the suite runs) and 4 ahead
    soon = datetime.now(LONDON).replace(second=0, microsecond=0) + timedelta(hours=3)
    p = programme(count=4, first_at=soon - timedelta(weeks=2))
    series, people = p["series"], p["people"]
    url = f"{API}/series/{series['id']}"
    assert_error(client.delete(url, headers=admin["headers"]), 428)
    assert_error(client.delete(url, headers={**admin["headers"], "If-Match": '"stale"'}), 412)
    # a note on a future session (session 3) keeps it: nothing is removed, 409 names it
    future = series["sessions"][2]
    note = ok(client.post(f"{API}/plans/{future['plan_id']}/notes", headers=admin["headers"],
                          json={"shared": "Planning notes"}), 201)
    body = assert_error(client.delete(url, headers={**admin["headers"], "If-Match": etag(client, admin, url)}), 409)
    assert "session 3" in body["message"] and body["errors"]["sessions"] == [future["plan_id"]]
    assert len(ok(client.get(url, headers=admin["headers"]))["sessions"]) == 4
    # held sessions with attendance stay; future ones without anything go
    ok(put_attendance(client, admin, series["sessions"][0]["plan_id"],
                      [{"participant_id": people[0]["id"], "status": "present"}]))
    assert ok(client.get(url, headers=admin["headers"]))["sessions"][0]["has_attendance"] is True
    assert_error(client.delete(f"{API}/plans/{future['plan_id']}", headers={
        **admin["headers"], "If-Match": etag(client, admin, f"{API}/plans/{future['plan_id']}")}), 409)
    from toolkit.extensions import db  # noqa: F401  (the note is deleted through the database below)
    from toolkit.tenancy import across_practices

    with client.application.app_context(), across_practices(db.session):
        from toolkit.notes.models import SessionNote

        db.session.delete(db.session.get(SessionNote, note["id"]))
        db.session.commit()
    r = client.delete(url, headers={**admin["headers"], "If-Match": etag(client, admin, url)})
    assert r.status_code == 204, r.get_json()
    left = ok(client.get(url, headers=admin["headers"]))["sessions"]
    assert [s["session_number"] for s in left] == [1, 2]  # held ones stay
    assert_error(client.get(f"{API}/plans/{future['plan_id']}", headers=admin["headers"]), 404)


def test_series_etag_on_rename_and_cross_practice_404(client, admin, other, programme):
    p = programme(weeks_ago=0, count=2)
    url = f"{API}/series/{p['series']['id']}"
    tag = etag(client, admin, url)
    renamed = client.patch(url, headers={**admin["headers"], "If-Match": tag}, json={"title": "Spring group"})
    assert ok(renamed)["title"] == "Spring group" and renamed.headers["ETag"] != tag
    assert_error(client.patch(url, headers={**admin["headers"], "If-Match": tag}, json={"title": "Late"}), 412)
    for method in ("get", "patch", "delete"):
        r = getattr(client, method)(url, headers={**other["headers"], "If-Match": "*"}, json={"title": "x"}
                                    if method == "patch" else None)
        assert_error(r, 404)
    assert ok(client.get(f"{API}/series", headers=other["headers"])) == []
    body = assert_error(client.get(f"{API}/series", headers=other["headers"],
                                   query_string={"group_id": p["group"]["id"]}), 422)
    assert "group_id" in body["errors"]
    body = assert_error(client.post(f"{API}/series", headers=other["headers"], json={
        "group_id": p["group"]["id"], "template_id": p["template"]["id"],
        "first_starts_at": "2027-03-18T18:00:00+00:00", "count": 2}), 422)
    assert "group_id" in body["errors"]


# --- 3: membership periods ---------------------------------------------------------------------------------

def test_membership_periods_roster_on_a_date_and_history(client, admin, create_group, create_participant):
    group = create_group(kind="group", capacity=2, timezone="Europe/London")
    members = f"{API}/groups/{group['id']}/members"
    a, b, c = (create_participant() for _ in range(3))
    ok(client.post(members, headers=admin["headers"], json={"participant_id": a["id"], "joined_on": "2027-01-01"}),
       201)
    ok(client.post(members, headers=admin["headers"], json={"participant_id": b["id"], "joined_on": "2027-01-20"}),
       201)
    assert_error(client.post(members, headers=admin["headers"], json={"participant_id": c["id"]}), 409)  # full
    r = client.delete(f"{members}/{a['id']}", headers=admin["headers"], query_string={"left_on": "2027-02-10"})
    assert r.status_code == 204
    assert_error(client.delete(f"{members}/{a['id']}", headers=admin["headers"]), 404)  # already ended
    ok(client.post(members, headers=admin["headers"], json={"participant_id": c["id"], "joined_on": "2027-02-10"}),
       201)  # the seat is free again: capacity counts current members

    def on(day):
        return [m["participant_id"] for m in ok(client.get(members, headers=admin["headers"],
                                                           query_string={"on": day}))]

    assert on("2027-01-07") == [a["id"]]
    assert on("2027-01-21") == [a["id"], b["id"]]
    assert on("2027-02-11") == [b["id"], c["id"]]
    current = ok(client.get(members, headers=admin["headers"]))
    assert [m["participant_id"] for m in current] == [b["id"], c["id"]]
    history = ok(client.get(members, headers=admin["headers"], query_string={"history": "true"}))
    ended = next(m for m in history if m["participant_id"] == a["id"])
    assert ended["joined_on"] == "2027-01-01" and ended["left_on"] == "2027-02-10"
    assert ok(client.get(f"{API}/groups/{group['id']}", headers=admin["headers"]))["member_count"] == 2
    assert_error(client.get(members, headers=admin["headers"], query_string={"on": "not-a-date"}), 422)
    body = assert_error(client.delete(f"{members}/{b['id']}", headers=admin["headers"],
                                      query_string={"left_on": "2027-01-01"}), 422)
    assert "left_on" in body["errors"]


def test_closed_group_takes_no_one_after_it_starts(client, admin, create_group, create_participant):
    group = create_group(kind="group", capacity=8, closed=True, starts_on="2027-01-07", timezone="Europe/London")
    members = f"{API}/groups/{group['id']}/members"
    ok(client.post(members, headers=admin["headers"],
                   json={"participant_id": create_participant()["id"], "joined_on": "2027-01-07"}), 201)
    body = assert_error(client.post(members, headers=admin["headers"], json={
        "participant_id": create_participant()["id"], "joined_on": "2027-01-14"}), 409)
    assert "closed" in body["message"]


# --- 4: attendance -----------------------------------------------------------------------------------------

def test_attendance_roster_only_etag_and_tally(client, admin, programme, create_participant):
    p = programme(weeks_ago=3, count=5, members=3)
    a, b, c = p["people"]
    sessions = p["series"]["sessions"]
    group = p["group"]
    members = f"{API}/groups/{group['id']}/members"
    # c leaves before week 3; d joins for week 3 (an open group)
    client.delete(f"{members}/{c['id']}", headers=admin["headers"],
                  query_string={"left_on": (p["first_day"] + timedelta(weeks=2)).isoformat()})
    d = create_participant()
    ok(client.post(members, headers=admin["headers"], json={
        "participant_id": d["id"], "joined_on": (p["first_day"] + timedelta(weeks=1)).isoformat()}), 201)

    week1 = f"{API}/plans/{sessions[0]['plan_id']}/attendance"
    sheet = client.get(week1, headers=admin["headers"])
    assert [line["participant_id"] for line in ok(sheet)["records"]] == [a["id"], b["id"], c["id"]]
    assert all(line["status"] is None for line in sheet.get_json()["records"])
    # the whole sheet, roster only
    body = assert_error(put_attendance(client, admin, sessions[0]["plan_id"],
                                       [{"participant_id": d["id"], "status": "present"}]), 422)
    assert body["errors"]["records"]["0"]["participant_id"]
    assert_error(put_attendance(client, admin, sessions[0]["plan_id"],
                                [{"participant_id": a["id"], "status": "asleep"}]), 422)
    assert_error(client.put(week1, headers=admin["headers"], json={"records": []}), 428)
    first = put_attendance(client, admin, sessions[0]["plan_id"], [
        {"participant_id": a["id"], "status": "present"}, {"participant_id": b["id"], "status": "late",
                                                           "note": "Bus was late."},
        {"participant_id": c["id"], "status": "no_show"}])
    assert ok(first)["records"][1] | {"recorded_at": None} == {
        "participant_id": b["id"], "display_name": b["display_name"], "status": "late", "note": "Bus was late.",
        "recorded_by": {"id": admin["therapist_id"], "name": "Ada Admin"}, "recorded_at": None}
    assert first.headers["ETag"] != sheet.headers["ETag"]
    stale = put_attendance(client, admin, sessions[0]["plan_id"], [], tag=sheet.headers["ETag"])
    assert_error(stale, 412)
    ok(put_attendance(client, admin, sessions[1]["plan_id"], [
        {"participant_id": a["id"], "status": "present"}, {"participant_id": b["id"], "status": "excused"},
        {"participant_id": c["id"], "status": "present"}, {"participant_id": d["id"], "status": "present"}]))
    week3 = sessions[2]["plan_id"]
    assert_error(put_attendance(client, admin, week3, [{"participant_id": c["id"], "status": "present"}]), 422)
    ok(put_attendance(client, admin, week3, [
        {"participant_id": a["id"], "status": "cancelled_by_practice"},
        {"participant_id": b["id"], "status": "left_early"}, {"participant_id": d["id"], "status": "late_cancel"}]))
    # a session ahead cannot have attendance yet
    assert_error(put_attendance(client, admin, sessions[4]["plan_id"], []), 409)

    tally = ok(client.get(f"{API}/groups/{group['id']}/attendance", headers=admin["headers"]))
    assert tally["sessions_held"] == 3
    by_id = {m["participant_id"]: m for m in tally["members"]}
    assert by_id[a["id"]]["sessions_held"] == 3 and by_id[a["id"]]["attendance_rate"] == 1.0
    assert by_id[a["id"]]["counts"]["cancelled_by_practice"] == 1
    assert by_id[b["id"]]["counts"] | {} == {"present": 0, "late": 1, "left_early": 1, "excused": 1,
                                              "late_cancel": 0, "no_show": 0, "cancelled_by_practice": 0}
    assert by_id[b["id"]]["attendance_rate"] == round(2 / 3, 3)
    assert by_id[c["id"]]["sessions_held"] == 2 and by_id[c["id"]]["current_member"] is False
    assert by_id[c["id"]]["attendance_rate"] == 0.5
    assert by_id[d["id"]]["sessions_held"] == 2 and by_id[d["id"]]["attendance_rate"] == 0.5
    events = ok(client.get(f"{API}/audit-events", headers=admin["headers"],
                           query_string={"record_id": sessions[0]["plan_id"]}))
    assert {e["action"] for e in events if e["record_type"] == "attendance"} >= {"read", "write"}


def test_attendance_cross_practice_and_templates(client, admin, other, programme):
    p = programme(weeks_ago=1, count=2, members=1)
    plan_id = p["series"]["sessions"][0]["plan_id"]
    for url in (f"{API}/plans/{plan_id}/attendance", f"{API}/groups/{p['group']['id']}/attendance",
                f"{API}/plans/{plan_id}/sign-in-sheet"):
        assert_error(client.get(url, headers=other["headers"]), 404)
    assert_error(client.put(f"{API}/plans/{plan_id}/attendance", headers={**other["headers"], "If-Match": "*"},
                            json={"records": []}), 404)
    assert_error(client.get(f"{API}/plans/{p['template']['id']}/attendance", headers=admin["headers"]), 409)


def test_sign_in_sheet_html_and_pdf(client, admin, programme):
    p = programme(weeks_ago=0, count=1, members=2)
    plan_id = p["series"]["sessions"][0]["plan_id"]
    r = client.get(f"{API}/plans/{plan_id}/sign-in-sheet", headers=admin["headers"])
    assert r.status_code == 200 and r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    assert "Sign-in sheet" in html and "Session 1" in html
    assert all(person["display_name"] in html for person in p["people"])
    pdf = client.get(f"{API}/plans/{plan_id}/sign-in-sheet", headers=admin["headers"],
                     query_string={"format": "pdf"})
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")


# --- 5: prerequisites --------------------------------------------------------------------------------------

def test_missed_prerequisite_in_clearance_and_on_the_agenda(client, admin, mods, programme, create_participant):
    p = programme(weeks_ago=2, count=4, members=3,
                  slugs=("group-agreements", "opening-check-in", "sharing-round", "closing-grounding"))
    a, b, c = p["people"]
    sessions = p["series"]["sessions"]
    # b missed week 1 (the agreements and the grounding); c was there
    ok(put_attendance(client, admin, sessions[0]["plan_id"], [
        {"participant_id": a["id"], "status": "present"}, {"participant_id": b["id"], "status": "no_show"},
        {"participant_id": c["id"], "status": "present"}]))
    week3 = sessions[2]["plan_id"]
    tag = etag(client, admin, f"{API}/plans/{week3}")
    ok(client.put(f"{API}/plans/{week3}/items", headers={**admin["headers"], "If-Match": tag},
                  json={"items": items(mods, "younger-self-visualisation", "closing-grounding")}))
    result = ok(client.get(f"{API}/plans/{week3}/clearance", headers=admin["headers"]))
    # b attended week 2, which also had both: nothing missed yet
    assert result["warnings"] == []
    ok(put_attendance(client, admin, sessions[1]["plan_id"], [
        {"participant_id": a["id"], "status": "present"}, {"participant_id": b["id"], "status": "excused"},
        {"participant_id": c["id"], "status": "present"}]))
    result = ok(client.get(f"{API}/plans/{week3}/clearance", headers=admin["headers"]))
    assert {w["participant_id"] for w in result["warnings"]} == {b["id"]}
    assert {w["prerequisite"] for w in result["warnings"]} == {"group-agreements", "opening-check-in"}
    warning = result["warnings"][0]
    assert warning["code"] == "missed_prerequisite" and warning["module"] == "younger-self-visualisation"
    assert warning["session"].startswith("session 2: Weekly session - session 2 (")
    assert result["session_date"] == (p["first_day"] + timedelta(weeks=2)).isoformat()
    agenda = client.get(f"{API}/plans/{week3}/agenda", headers=admin["headers"], query_string={"format": "json"})
    lines = [line for line in ok(agenda)["clearance"] if line["verdict"] == "missed_prerequisite"]
    assert {line["member_name"] for line in lines} == {b["display_name"]}
    assert {line["item_title"] for line in lines} == {mods["younger-self-visualisation"]["title"]}
    html = client.get(f"{API}/plans/{week3}/agenda", headers=admin["headers"], query_string={"format": "html"})
    assert "Missed a prerequisite" in html.get_data(as_text=True)
    # someone who joins after the sessions that had them missed them too
    late = create_participant()
    ok(client.post(f"{API}/groups/{p['group']['id']}/members", headers=admin["headers"], json={
        "participant_id": late["id"], "joined_on": (p["first_day"] + timedelta(weeks=2)).isoformat()}), 201)
    result = ok(client.get(f"{API}/plans/{week3}/clearance", headers=admin["headers"]))
    assert {w["participant_id"] for w in result["warnings"]} == {b["id"], late["id"]}
    assert late["id"] in [x["participant_id"] for x in result["participants"]]
    week1 = ok(client.get(f"{API}/plans/{sessions[0]['plan_id']}/clearance", headers=admin["headers"]))
    assert late["id"] not in [x["participant_id"] for x in week1["participants"]]  # not on week 1's roster


# --- 6: session notes --------------------------------------------------------------------------------------

def test_note_draft_sign_lock_addenda_and_participant_view(client, admin, other, programme):
    p = programme(weeks_ago=1, count=2, members=2)
    a, b = p["people"]
    plan_id = p["series"]["sessions"][0]["plan_id"]
    body = assert_error(client.post(f"{API}/plans/{plan_id}/notes", headers=admin["headers"], json={
        "shared": "S", "entries": [{"participant_id": "nobody", "text": "x"}]}), 422)
    assert body["errors"]["entries"]["0"]["participant_id"]
    created = client.post(f"{API}/plans/{plan_id}/notes", headers=admin["headers"], json={
        "shared": "Week 1: agreements and grounding.",
        "entries": [{"participant_id": a["id"], "text": "A spoke first."},
                    {"participant_id": b["id"], "text": "B passed and that was fine."}]})
    note = ok(created, 201)
    assert note["status"] == "draft" and note["author"]["id"] == admin["therapist_id"]
    assert_error(client.post(f"{API}/plans/{plan_id}/notes", headers=admin["headers"], json={}), 409)
    url = f"{API}/notes/{note['id']}"
    assert_error(client.patch(url, headers=admin["headers"], json={"shared": "x"}), 428)
    tag = created.headers["ETag"]
    edited = client.patch(url, headers={**admin["headers"], "If-Match": tag},
                          json={"shared": "Week 1: agreements, grounding, a first sharing round."})
    assert ok(edited)["shared"].endswith("sharing round.")
    assert_error(client.patch(url, headers={**admin["headers"], "If-Match": tag}, json={"shared": "lost"}), 412)
    assert_error(client.post(f"{url}/addenda", headers=admin["headers"], json={"text": "too early"}), 409)
    signed = ok(client.post(f"{url}/sign", headers={**admin["headers"], "If-Match": edited.headers["ETag"]}))
    assert signed["status"] == "signed" and signed["signed_by"]["id"] == admin["therapist_id"] and signed["signed_at"]
    tag = etag(client, admin, url)
    assert_error(client.patch(url, headers={**admin["headers"], "If-Match": tag}, json={"shared": "changed"}), 409)
    assert_error(client.post(f"{url}/sign", headers={**admin["headers"], "If-Match": tag}), 409)
    with_addendum = ok(client.post(f"{url}/addenda", headers=admin["headers"],
                                   json={"text": "B phoned on Friday; follow-up booked."}), 201)
    [addendum] = with_addendum["addenda"]
    assert addendum["author"]["id"] == admin["therapist_id"] and addendum["at"]
    assert with_addendum["shared"] == signed["shared"]  # the signed text never changes

    view = ok(client.get(f"{API}/participants/{a['id']}/notes", headers=admin["headers"]))
    assert [v["entry"] for v in view] == ["A spoke first."]
    assert view[0]["shared"] == signed["shared"] and view[0]["session_number"] == 1
    assert "B passed" not in str(view)
    assert ok(client.get(f"{API}/participants/{b['id']}/notes", headers=admin["headers"]))[0]["entry"] \
        == "B passed and that was fine."
    # tenancy: another practice sees none of it
    for r in (client.get(url, headers=other["headers"]),
              client.patch(url, headers={**other["headers"], "If-Match": "*"}, json={"shared": "x"}),
              client.post(f"{url}/sign", headers={**other["headers"], "If-Match": "*"}),
              client.post(f"{url}/addenda", headers=other["headers"], json={"text": "x"}),
              client.get(f"{API}/participants/{a['id']}/notes", headers=other["headers"]),
              client.post(f"{API}/plans/{plan_id}/notes", headers=other["headers"], json={})):
        assert_error(r, 404)
    events = ok(client.get(f"{API}/audit-events", headers=admin["headers"], query_string={"record_id": note["id"]}))
    assert {e["action"] for e in events} >= {"read", "write"}


def test_note_text_is_never_logged(client, admin, programme, caplog):
    p = programme(weeks_ago=1, count=1, members=1)
    secret = "a-private-disclosure-7f3a"
    with caplog.at_level("DEBUG"):
        ok(client.post(f"{API}/plans/{p['series']['sessions'][0]['plan_id']}/notes", headers=admin["headers"],
                       json={"shared": secret, "entries": [{"participant_id": p["people"][0]["id"], "text": secret}]}),
           201)
        ok(client.get(f"{API}/participants/{p['people'][0]['id']}/notes", headers=admin["headers"]))
    assert secret not in caplog.text


def test_export_and_import_carry_programmes(app, client, admin, programme, tmp_path):
    from tests.factories import fresh_app
    from tests.helpers import cli, export
    from toolkit.extensions import db

    p = programme(weeks_ago=1, count=2, members=2)
    plan_id = p["series"]["sessions"][0]["plan_id"]
    ok(put_attendance(client, admin, plan_id, [{"participant_id": p["people"][0]["id"], "status": "present"}]))
    note = ok(client.post(f"{API}/plans/{plan_id}/notes", headers=admin["headers"], json={
        "shared": "S", "entries": [{"participant_id": p["people"][0]["id"], "text": "E"}]}), 201)
    ok(client.post(f"{API}/notes/{note['id']}/sign", headers={**admin["headers"], "If-Match": "*"}))
    ok(client.post(f"{API}/notes/{note['id']}/addenda", headers=admin["headers"], json={"text": "later"}), 201)
    client.delete(f"{API}/groups/{p['group']['id']}/members/{p['people'][1]['id']}", headers=admin["headers"])
    first = export(app, admin["practice_id"], tmp_path / "first.json")
    for key in ("series", "attendance_records", "session_notes", "note_entries", "note_addenda"):
        assert len(first[key]) == 1, key
    assert {m["left_on"] is None for m in first["group_members"]} == {True, False}
    assert {pl["series_id"] for pl in first["plans"] if pl["group_id"]} == {p["series"]["id"]}
    second = fresh_app(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    try:
        result = cli(second, "import", str(tmp_path / "first.json"))
        assert result.exit_code == 0, result.output
        assert export(second, admin["practice_id"], tmp_path / "second.json") == first
    finally:
        with second.app_context():
            db.session.remove()
            db.engine.dispose()

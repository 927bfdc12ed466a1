"""Progress over a programme (issue 20): change since baseline, the chart, re-screens due, the loop back
into clearance, the group view."""

import json
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.helpers import answers_for, assert_error, if_match

PLANS = "/api/v1/plans"
SOON = (datetime.now(UTC) + timedelta(days=7)).replace(microsecond=0).isoformat()
GAD = [f"gad7_{i}" for i in range(1, 8)]
PHQ = [f"phq9_{i}" for i in range(1, 9)]  # never item 9 (critical)


def gad(total):
    """GAD-7 answers summing to `total` (0..14 here), below its flag threshold of 10 for total < 10."""
    out = {}
    for item in GAD:
        out[item] = min(2, total)
        total -= out[item]
    return out


def phq(total):
    out = {}
    for item in PHQ:
        out[item] = min(2, total)
        total -= out[item]
    return out


@pytest.fixture
def form(client, admin):
    return client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()


@pytest.fixture
def lead(create_therapist, auth_headers):
    return create_therapist(clinical_lead=True, name="Lee Lead")


@pytest.fixture
def screen(app, client, admin, form):
    """screen(pid, overrides, days_ago=0) → the screening, backdated by `days_ago` (the rest of the
    arrangement is the API's)."""

    def make(pid, overrides, days_ago=0, who=None):
        r = client.post(f"/api/v1/participants/{pid}/screenings", headers=(who or admin)["headers"],
                        json={"form_version": form["version"], "answers": answers_for(form, overrides)})
        assert r.status_code == 201, r.get_json()
        body = r.get_json()
        if days_ago:
            from toolkit.extensions import db
            from toolkit.screening.models import Screening
            from toolkit.tenancy import across_practices

            with app.app_context(), across_practices(db.session):
                row = db.session.get(Screening, body["id"])
                row.screened_at -= timedelta(days=days_ago)
                row.valid_until -= timedelta(days=days_ago)
                db.session.commit()
        return body

    return make


def set_joined(app, group_id, pid, days_ago):
    from sqlalchemy import update

    from toolkit.extensions import db
    from toolkit.groups.models import GroupMember

    with app.app_context():
        db.session.execute(update(GroupMember).where(GroupMember.group_id == group_id,
                                                     GroupMember.participant_id == pid)
                           .values(joined_on=date.today() - timedelta(days=days_ago)))
        db.session.commit()


@pytest.fixture
def programme(app, client, admin, create_group, create_participant, mods):
    """A group with a plan (opening, the deep visualisation, closing) and members joined 30 days ago."""

    def make(n=1, name="Eight weeks"):
        group = create_group(name=name, kind="group", capacity=12)
        people = []
        for _ in range(n):
            p = create_participant()
            r = client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                            json={"participant_id": p["id"]})
            assert r.status_code == 201, r.get_json()
            set_joined(app, group["id"], p["id"], 30)
            people.append(p)
        slugs = ("opening-check-in", "younger-self-visualisation", "closing-grounding")
        items = [{"module_id": mods[s]["id"], "minutes": mods[s]["default_minutes"]} for s in slugs]
        r = client.post(PLANS, headers=admin["headers"], json={"title": "Week 3", "group_id": group["id"],
                                                                "starts_at": SOON, "items": items})
        assert r.status_code == 201, r.get_json()
        return group, r.get_json(), people

    return make


def progress(client, who, pid, **query):
    r = client.get(f"/api/v1/participants/{pid}/progress", headers=who["headers"], query_string=query)
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    return r


def by_code(body):
    return {i["instrument"]: i for i in body["instruments"]}


def entry(result, pid):
    return next(p for p in result["participants"] if p["participant_id"] == pid)


# --- 1. progress ----------------------------------------------------------------------------------------


def test_progress_series_baseline_change_and_verdicts(client, admin, programme, screen):
    _, _, (p,) = programme()
    screen(p["id"], {**phq(8), **gad(1)}, days_ago=31)  # the intake before joining: the baseline
    screen(p["id"], {**phq(5), **gad(3)}, days_ago=14)
    screen(p["id"], {**phq(2), **gad(6)})
    body = progress(client, admin, p["id"]).get_json()
    assert body["programme"]["joined_on"] == (date.today() - timedelta(days=30)).isoformat()
    got = by_code(body)
    assert [s["score"] for s in got["phq9"]["series"]] == [8, 5, 2]
    assert got["phq9"]["baseline"]["score"] == 8 and got["phq9"]["latest"]["score"] == 2
    assert got["phq9"]["change"] == -6 and got["phq9"]["reliable_change"] == "improved"
    assert got["phq9"]["series"][0]["band"] == "mild"
    assert got["gad7"]["change"] == 5 and got["gad7"]["reliable_change"] == "deteriorated"
    assert got["gad7"]["thresholds"]["reliable_change"] == 4 and "Talking Therapies" in \
        got["gad7"]["thresholds"]["reliable_change_source"]
    # instruments without a published threshold: the series and no verdict
    assert got["pc_ptsd5"]["reliable_change"] is None and got["pc_ptsd5"]["thresholds"] is None
    assert len(got["pc_ptsd5"]["series"]) == 3
    assert body["overall"] == "deteriorated"
    assert body["reliable_deterioration"]["active"] is True


def test_one_screening_only_has_no_verdict(client, admin, programme, screen):
    _, _, (p,) = programme()
    screen(p["id"], phq(12))
    got = by_code(progress(client, admin, p["id"]).get_json())
    assert got["phq9"]["change"] is None and got["phq9"]["reliable_change"] is None
    assert got["phq9"]["below_caseness"] is None and "recovered" not in got["phq9"]


def test_no_screening_is_an_empty_progress(client, admin, create_participant):
    p = create_participant()
    body = progress(client, admin, p["id"]).get_json()
    assert body["instruments"] == [] and body["overall"] is None and body["programme"] is None


def test_recovery_is_shown(client, admin, programme, screen):
    _, _, (p,) = programme()
    screen(p["id"], phq(12), days_ago=31)
    screen(p["id"], phq(5))
    body = progress(client, admin, p["id"]).get_json()
    assert by_code(body)["phq9"]["below_caseness"] is True and body["below_caseness"] == ["PHQ-9"]
    assert "recovered" not in body


def test_other_practice_and_bad_format(client, admin, other, create_participant):
    p = create_participant()
    assert_error(client.get(f"/api/v1/participants/{p['id']}/progress", headers=other["headers"]), 404)
    assert_error(client.get(f"/api/v1/participants/{p['id']}/progress", headers=admin["headers"],
                            query_string={"format": "gif"}), 422)


# --- 2. the chart ---------------------------------------------------------------------------------------


def test_svg_chart_parses_and_has_the_points(client, admin, programme, screen):
    _, _, (p,) = programme()
    screen(p["id"], phq(8), days_ago=31)
    screen(p["id"], phq(5), days_ago=14)
    screen(p["id"], phq(2))
    r = progress(client, admin, p["id"], format="svg")
    assert r.mimetype == "image/svg+xml"
    root = ET.fromstring(r.data)
    assert root.tag.endswith("svg")
    ns = {"svg": "http://www.w3.org/2000/svg"}
    line = root.find(".//svg:g[@id='scores-phq9']", ns)
    assert line is not None
    assert len(line.findall(".//svg:use", ns)) == 3  # one marker per screening
    assert root.find(".//svg:g[@id='baseline-phq9']", ns) is not None
    text = r.get_data(as_text=True)
    assert "PHQ-9" in text and "moderate" in text  # titles and band labels as text
    # a printed record: the person and the date range; each panel's verdict; baseline ± threshold shaded
    first, last = (date.today() - timedelta(days=31)).isoformat(), date.today().isoformat()
    assert p["display_name"] in text and f"{first} to {last}" in text
    assert "reliable improvement: -6, threshold 6" in text
    assert root.find(".//svg:g[@id='reliable-band-phq9']", ns) is not None
    # yes/no screens are events, not score lines
    assert root.find(".//svg:g[@id='scores-asq']", ns) is None
    assert root.find(".//svg:g[@id='events-asq']", ns) is not None and "Crisis and substance screens" in text


# --- 3. re-screens due ----------------------------------------------------------------------------------


def test_rhythm_is_set_by_an_admin(client, admin, create_therapist):
    shown = client.get("/api/v1/practice/rescreen-rhythm", headers=admin["headers"])
    assert shown.get_json() == {"every_sessions": None, "every_days": None, "etag": shown.headers["ETag"]}
    therapist = create_therapist()
    changing = if_match(client, "/api/v1/practice/rescreen-rhythm", therapist["headers"])
    assert_error(client.patch("/api/v1/practice/rescreen-rhythm", headers=changing,
                              json={"every_days": 14}), 403)
    changing = if_match(client, "/api/v1/practice/rescreen-rhythm", admin["headers"])
    assert_error(client.patch("/api/v1/practice/rescreen-rhythm", headers=changing,
                              json={"every_days": 0}), 422)
    changing = if_match(client, "/api/v1/practice/rescreen-rhythm", admin["headers"])
    assert_error(client.patch("/api/v1/practice/rescreen-rhythm", headers=changing,
                              json={"every_weeks": 2}), 422)
    changing = if_match(client, "/api/v1/practice/rescreen-rhythm", admin["headers"])
    r = client.patch("/api/v1/practice/rescreen-rhythm", headers=changing, json={"every_days": 14})
    assert r.status_code == 200
    assert r.get_json() == {"every_sessions": None, "every_days": 14, "etag": r.headers["ETag"]}


def test_screenings_due_lists_expiring_and_rhythm(client, admin, programme, screen):
    group, plan, (fresh, old, never) = programme(3)
    screen(fresh["id"], {})
    screen(old["id"], {}, days_ago=20)
    before = (date.today() + timedelta(days=30)).isoformat()
    due = client.get("/api/v1/screenings/due", headers=admin["headers"], query_string={"before": before})
    assert due.status_code == 200, due.get_json()
    got = {d["participant_id"]: d for d in due.get_json()}
    assert fresh["id"] not in got
    assert [r["reason"] for r in got[never["id"]]["reasons"]] == ["no_screening"]
    assert got[never["id"]]["session"]["plan_id"] == plan["id"]
    changing = if_match(client, "/api/v1/practice/rescreen-rhythm", admin["headers"])
    client.patch("/api/v1/practice/rescreen-rhythm", headers=changing, json={"every_days": 21})
    got = {d["participant_id"]: d for d in client.get("/api/v1/screenings/due", headers=admin["headers"],
                                                      query_string={"before": before}).get_json()}
    assert "rhythm_days" in [r["reason"] for r in got[old["id"]]["reasons"]]
    assert fresh["id"] not in got
    # sessions after `before` are not looked at
    early = client.get("/api/v1/screenings/due", headers=admin["headers"],
                       query_string={"before": date.today().isoformat()}).get_json()
    assert early == []
    # clearance lists them too
    result = client.get(f"{PLANS}/{plan['id']}/clearance", headers=admin["headers"]).get_json()
    listed = {d["participant_id"]: [r["reason"] for r in d["reasons"]] for d in result["rescreen_due"]}
    assert listed[old["id"]] == ["rhythm_days"] and listed[never["id"]] == ["no_screening"]
    assert fresh["id"] not in listed


def test_screenings_due_bad_date(client, admin):
    assert_error(client.get("/api/v1/screenings/due", headers=admin["headers"],
                            query_string={"before": "soon"}), 422)


# --- 4. the loop back -----------------------------------------------------------------------------------


def test_reliable_deterioration_excludes_deep_items_until_a_review(client, admin, lead, programme, screen,
                                                                   create_therapist):
    _, plan, (p,) = programme()
    screen(p["id"], gad(1), days_ago=31)
    screen(p["id"], gad(6))  # +5 on GAD-7: reliable deterioration, still below its flag threshold
    result = client.get(f"{PLANS}/{plan['id']}/clearance", headers=admin["headers"]).get_json()
    e = entry(result, p["id"])
    assert [w["code"] for w in e["warnings"]] == ["reliable_deterioration"]
    assert [i["verdict"] for i in e["items"]] == ["ok", "exclude", "ok"]  # only the deep item
    assert "reliable_deterioration" in e["items"][1]["reasons"][0]
    assert result["status"] == "caution"
    assert any("reliable_deterioration" in w for w in result["facilitator_warnings"])

    # only a clinical lead reviews; a reason is needed
    therapist = create_therapist()
    path = f"/api/v1/participants/{p['id']}/progress-reviews"
    assert_error(client.post(path, headers=therapist["headers"], json={"reason": "Looks fine to me, really."}),
                 403)
    assert_error(client.post(path, headers=lead["headers"], json={"reason": "ok"}), 422)
    assert_error(client.post(path, headers=lead["headers"], json={"reason": "Seen today, fine.", "x": 1}), 422)
    r = client.post(path, headers=lead["headers"], json={"reason": "Seen individually; deep work may go on."})
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["by"]["name"] == "Lee Lead"
    listed = client.get(path, headers=admin["headers"]).get_json()
    assert [x["id"] for x in listed] == [r.get_json()["id"]]

    result = client.get(f"{PLANS}/{plan['id']}/clearance", headers=admin["headers"]).get_json()
    e = entry(result, p["id"])
    assert [i["verdict"] for i in e["items"]] == ["ok", "ok", "ok"]
    assert e["warnings"] == []

    # the reviewed screening (GAD-7 6) is the baseline now: a later reliable rise on it is enforced again
    screen(p["id"], gad(7))
    e = entry(client.get(f"{PLANS}/{plan['id']}/clearance", headers=admin["headers"]).get_json(), p["id"])
    assert [i["verdict"] for i in e["items"]] == ["ok", "ok", "ok"]
    screen(p["id"], gad(10))
    e = entry(client.get(f"{PLANS}/{plan['id']}/clearance", headers=admin["headers"]).get_json(), p["id"])
    assert [i["verdict"] for i in e["items"]] == ["ok", "exclude", "ok"]

    # audited
    events = client.get("/api/v1/audit-events", headers=admin["headers"], query_string={"page_size": 100}).get_json()
    kinds = {(ev["action"], ev["record_type"], ev["outcome"]) for ev in events}
    assert ("create", "progress_review", "ok") in kinds and ("create", "progress_review", "denied") in kinds


def test_recovery_never_loosens(client, admin, programme, screen):
    _, plan, (p,) = programme()
    screen(p["id"], {"dissociation_1": 2, "dissociation_2": 2, **phq(12)}, days_ago=31)
    screen(p["id"], {"dissociation_1": 2, "dissociation_2": 2, **phq(4)})
    e = entry(client.get(f"{PLANS}/{plan['id']}/clearance", headers=admin["headers"]).get_json(), p["id"])
    assert any("below caseness since baseline" in r for r in e["reasons"])
    assert e["items"][1]["verdict"] == "adapt"  # the dissociation adaptation stays


def test_leaving_and_joining_another_programme_never_moves_the_baseline(app, client, admin, programme, screen):
    group, _, (p,) = programme()
    screen(p["id"], gad(1), days_ago=40)
    screen(p["id"], gad(6), days_ago=10)
    assert by_code(progress(client, admin, p["id"]).get_json())["gad7"]["reliable_change"] == "deteriorated"
    client.delete(f"/api/v1/groups/{group['id']}/members/{p['id']}", headers=admin["headers"])
    group2, _, _ = programme(0, name="Second programme")
    r = client.post(f"/api/v1/groups/{group2['id']}/members", headers=admin["headers"],
                    json={"participant_id": p["id"]})
    assert r.status_code == 201, r.get_json()
    body = progress(client, admin, p["id"]).get_json()
    assert body["programme"]["group_id"] == group2["id"]
    got = by_code(body)["gad7"]
    assert got["baseline"]["score"] == 1 and got["reliable_change"] == "deteriorated"  # the person's baseline
    assert body["reliable_deterioration"]["active"] is True


def test_review_needs_a_screening(client, lead, create_participant):
    p = create_participant()
    assert_error(client.post(f"/api/v1/participants/{p['id']}/progress-reviews", headers=lead["headers"],
                             json={"reason": "Nothing to review here yet."}), 409)


# --- 5. the group view ----------------------------------------------------------------------------------


def test_group_progress_summarises_members(client, admin, other, programme, screen):
    group, _, (better, worse, same, unmeasured) = programme(4)
    screen(better["id"], phq(8), days_ago=31)
    screen(better["id"], phq(2))
    screen(worse["id"], gad(0), days_ago=31)
    screen(worse["id"], gad(5))
    screen(same["id"], phq(3), days_ago=31)
    screen(same["id"], phq(4))
    r = client.get(f"/api/v1/groups/{group['id']}/progress", headers=admin["headers"])
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["counts"] == {"improved": 1, "no_change": 1, "deteriorated": 1, "not_measured": 1}
    assert body["improved"] == [{"participant_id": better["id"], "display_name": better["display_name"]}]
    assert [m["participant_id"] for m in body["deteriorated"]] == [worse["id"]]
    assert [m["participant_id"] for m in body["not_measured"]] == [unmeasured["id"]]
    assert_error(client.get(f"/api/v1/groups/{group['id']}/progress", headers=other["headers"]), 404)


# --- the demo -------------------------------------------------------------------------------------------


def test_the_demo_group_shows_one_improvement_and_one_deterioration(app, client):
    result = app.test_cli_runner().invoke(args=["seed", "--demo"])
    assert result.exit_code == 0, result.output
    login = client.post("/api/v1/auth/login", json={"email": "demo-admin@example.org",
                                                     "password": "demo-password-change-me"})
    headers = {"Authorization": f"Bearer {login.get_json()['access_token']}"}
    groups = client.get("/api/v1/groups?page_size=100", headers=headers).get_json()
    group = next(g for g in groups if g["name"] == "Thursday evening inner child group")
    body = client.get(f"/api/v1/groups/{group['id']}/progress", headers=headers).get_json()
    assert body["counts"]["improved"] == 1 and body["counts"]["deteriorated"] == 1
    worse = body["deteriorated"][0]["participant_id"]
    better = body["improved"][0]["participant_id"]
    better_progress = client.get(f"/api/v1/participants/{better}/progress", headers=headers).get_json()
    assert better_progress["below_caseness"] == ["PHQ-9"]
    svg = client.get(f"/api/v1/participants/{worse}/progress?format=svg", headers=headers)
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    rhythm = client.get("/api/v1/practice/rescreen-rhythm", headers=headers).get_json()
    assert rhythm["every_sessions"] == 3


def test_progress_within_a_chosen_group(app, client, admin, programme, screen, create_group):
    group, _, (p,) = programme()
    screen(p["id"], gad(1), days_ago=31)
    screen(p["id"], gad(6))
    retreat = create_group(name="Weekend")
    client.post(f"/api/v1/groups/{retreat['id']}/members", headers=admin["headers"], json={"participant_id": p["id"]})
    # the group programme wins over a retreat joined later
    assert progress(client, admin, p["id"]).get_json()["programme"]["group_id"] == group["id"]
    body = progress(client, admin, p["id"], group_id=retreat["id"]).get_json()
    # the baseline is the person's whatever the group: the same change in the retreat
    assert body["programme"]["group_id"] == retreat["id"] and by_code(body)["gad7"]["change"] == 5
    assert_error(client.get(f"/api/v1/participants/{p['id']}/progress", headers=admin["headers"],
                            query_string={"group_id": "nope"}), 422)


def test_chosen_instruments(client, admin, programme, screen):
    _, _, (p,) = programme()
    screen(p["id"], phq(3))
    r = client.get(f"/api/v1/participants/{p['id']}/progress?instrument=phq9&instrument=gad7",
                   headers=admin["headers"])
    assert [i["instrument"] for i in r.get_json()["instruments"]] == ["phq9", "gad7"]
    svg = client.get(f"/api/v1/participants/{p['id']}/progress?format=svg&instrument=gad7", headers=admin["headers"])
    assert "GAD-7" in svg.get_data(as_text=True) and "PHQ-9" not in svg.get_data(as_text=True)
    assert_error(client.get(f"/api/v1/participants/{p['id']}/progress?instrument=bdi", headers=admin["headers"]), 422)


def test_the_facilitator_agenda_names_the_chart_and_the_page_has_no_dead_link(client, admin, programme, screen):
    """The JSON names the chart's API path for a frontend; the HTML and PDF, which are saved and printed, carry no
    link to an address that needs a login (issue 31: the chart goes into the offline pack as an image)."""
    _, plan, (p,) = programme()
    screen(p["id"], gad(1), days_ago=31)
    screen(p["id"], gad(6))
    r = client.get(f"{PLANS}/{plan['id']}/agenda", headers=admin["headers"],
                   query_string={"format": "html", "audience": "facilitator"})
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    html = r.get_data(as_text=True)
    assert f"/api/v1/participants/{p['id']}/progress?format=svg" not in html
    assert "Reliable deterioration: GAD-7 rose from 1" in html
    agenda = client.get(f"{PLANS}/{plan['id']}/agenda", headers=admin["headers"],
                        query_string={"format": "json", "audience": "facilitator"}).get_json()
    assert [m["progress_chart"] for m in agenda["member_safety"]] == [
        f"/api/v1/participants/{p['id']}/progress?format=svg"]
    handout = client.get(f"{PLANS}/{plan['id']}/agenda", headers=admin["headers"],
                         query_string={"format": "html", "audience": "participant"}).get_data(as_text=True)
    assert "progress?format=svg" not in handout and "deteriorat" not in handout.lower()
    assert "GAD-7" not in handout and "Progress chart" not in handout


def test_screenings_due_and_progress_reviews_are_paginated(client, admin, programme, create_therapist):
    group, plan, people = programme(3)
    due = client.get("/api/v1/screenings/due", headers=admin["headers"], query_string={"page_size": 2})
    assert due.status_code == 200 and len(due.get_json()) == 2
    meta = json.loads(due.headers["X-Pagination"])
    assert meta["total"] == 3 and meta["total_pages"] == 2 and meta["next_page"] == 2
    rest = client.get("/api/v1/screenings/due", headers=admin["headers"], query_string={"page_size": 2, "page": 2})
    assert len(rest.get_json()) == 1
    assert {d["participant_id"] for d in due.get_json() + rest.get_json()} == {p["id"] for p in people}
    reviews = client.get(f"/api/v1/participants/{people[0]['id']}/progress-reviews", headers=admin["headers"])
    assert reviews.get_json() == [] and json.loads(reviews.headers["X-Pagination"])["total"] == 0

"""Intake screening over HTTP: the form, submissions and their validation, crisis guidance, overrides,
cross-practice isolation and the audit trail (issue 5 points 1, 4-6, 8)."""

import json
import uuid
from datetime import datetime, timedelta

import pytest

from tests.helpers import answers_for, assert_error
from toolkit import create_app

FORM = "/api/v1/screening/form"
AUDIT = "/api/v1/audit-events"


# --- helpers ------------------------------------------------------------------------------------------








def get_form(client, who):
    r = client.get(FORM, headers=who["headers"])
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def submit(client, who, participant_id, answers, form_version, **extra):
    return client.post(f"/api/v1/participants/{participant_id}/screenings", headers=who["headers"],
                       json={"form_version": form_version, "answers": answers, **extra})


def screen(client, who, participant_id, overrides=None, form=None, **extra):
    form = form or get_form(client, who)
    r = submit(client, who, participant_id, answers_for(form, overrides), form["version"], **extra)
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def parse(ts):
    return datetime.fromisoformat(ts)


@pytest.fixture
def form(client, admin):
    return get_form(client, admin)


@pytest.fixture
def pat(create_participant):
    return create_participant(display_name="Pat Screened")


# --- the form -----------------------------------------------------------------------------------------


def test_form_shape(form):
    assert isinstance(form["version"], str) and form["version"]
    codes = [i["code"] for i in form["instruments"]]
    assert {"phq9", "gad7", "pc_ptsd5", "asq", "audit_c", "drug_use", "younger_self", "dissociation",
            "present_crisis"} <= set(codes)
    flags = {"unresolved_trauma", "mood_exacerbation", "dissociation", "acute_crisis"}
    ids = set()
    for instrument in form["instruments"]:
        assert instrument["title"] and instrument["licence"] and instrument["source"]
        assert instrument["screens_for"] and set(instrument["screens_for"]) <= flags
        for item in instrument["items"]:
            assert item["id"] not in ids
            ids.add(item["id"])
            assert item["text"]
            values = [o["value"] for o in item["options"]]
            assert all(type(v) is int for v in values) and len(values) >= 2
            assert min(values) == 0 and all(o["label"] for o in item["options"])
            assert isinstance(item["critical"], bool)
            for cond in item["enable_when"]:
                assert cond["item"] in ids  # refers to an earlier item
                assert all(type(v) is int for v in cond["values"])
    by_code = {i["code"]: i for i in form["instruments"]}
    phq9 = {it["id"]: it for it in by_code["phq9"]["items"]}
    assert len(phq9) == 9
    assert phq9["phq9_9"]["critical"] is True
    assert [phq9[f"phq9_{n}"]["critical"] for n in range(1, 9)] == [False] * 8
    assert phq9["phq9_1"]["options"][0]["label"] == "Not at all"
    assert [o["value"] for o in phq9["phq9_1"]["options"]] == [0, 1, 2, 3]
    asq = by_code["asq"]["items"]
    assert asq and all(it["critical"] for it in asq)
    acuity = next(it for it in asq if it["enable_when"])
    assert acuity["enable_behavior"] == "any"
    assert {c["item"] for c in acuity["enable_when"]} == {it["id"] for it in asq if it is not acuity}
    assert by_code["dissociation"]["screens_for"] == ["dissociation"]
    assert "acute_crisis" in by_code["asq"]["screens_for"]
    assert all(not it["critical"] for it in by_code["gad7"]["items"])


def test_form_needs_a_token(client):
    assert_error(client.get(FORM), 401)


# --- submissions --------------------------------------------------------------------------------------


def test_no_symptoms_is_clear(client, admin, form, pat):
    r = submit(client, admin, pat["id"], answers_for(form), form["version"], notes="Intake call")
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert body["id"] and body["participant_id"] == pat["id"]
    assert body["outcome"] == "clear" and body["computed_outcome"] == "clear"
    assert body["flags"] == []
    assert body["crisis_guidance"] is None
    assert body["override"] is None and body["overrides"] == []
    assert body["form_version"] == form["version"] and body["notes"] == "Intake call"
    assert set(body["scores"]) == {i["code"] for i in form["instruments"]}
    assert all(s["score"] == 0 and s["band"] and s["positive"] is False for s in body["scores"].values())
    assert body["screened_by"]["id"] == admin["therapist_id"] and body["screened_by"]["name"] == "Ada Admin"
    screened_at, valid_until = parse(body["screened_at"]), parse(body["valid_until"])
    assert screened_at.utcoffset() is not None
    assert abs(screened_at - datetime.now(screened_at.tzinfo)) < timedelta(minutes=2)
    assert abs((valid_until - screened_at) - timedelta(days=90)) < timedelta(seconds=5)
    assert body["is_valid"] is True
    assert body["answers"] == answers_for(form)


def test_scores_and_bands_per_instrument(client, admin, form, pat):
    overrides = {f"phq9_{n}": 2 for n in range(1, 6)}  # 10: moderate
    overrides.update({"gad7_1": 3, "gad7_2": 3})  # 6: mild
    body = screen(client, admin, pat["id"], overrides, form=form)
    assert body["scores"]["phq9"]["score"] == 10
    assert body["scores"]["gad7"]["score"] == 6
    assert body["scores"]["phq9"]["band"] != body["scores"]["gad7"]["band"]
    assert body["outcome"] == "caution"
    assert [f["flag"] for f in body["flags"]] == ["mood_exacerbation"]


def test_phq9_item9_defers_with_crisis_guidance(client, admin, form, pat):
    body = screen(client, admin, pat["id"], {"phq9_9": 1}, form=form)
    assert body["outcome"] == "defer" and body["computed_outcome"] == "defer"
    crisis = next(f for f in body["flags"] if f["flag"] == "acute_crisis")
    assert crisis["level"] == "defer"
    label = next(o["label"] for i in form["instruments"] for it in i["items"] if it["id"] == "phq9_9"
                 for o in it["options"] if o["value"] == 1)
    assert any("PHQ-9" in r and "item 9" in r and label in r for r in crisis["reasons"]), crisis["reasons"]
    assert crisis["rules"]
    guidance = body["crisis_guidance"]
    assert guidance["summary"] and len(guidance["checklist"]) >= 3 and guidance["crisis_line"]
    # the stored record carries it too
    again = client.get(f"/api/v1/screenings/{body['id']}", headers=admin["headers"]).get_json()
    assert again["crisis_guidance"] == guidance


def test_asq_yes_defers(client, admin, form, pat):
    body = screen(client, admin, pat["id"], {"asq_1": 1}, form=form)  # enables the acuity question
    assert body["outcome"] == "defer"
    assert body["answers"]["asq_acuity"] == 0


@pytest.fixture
def crisis_app(make_config):
    """A second app on the same database whose deployment sets its own crisis-line text."""
    from toolkit.extensions import db

    app = create_app(make_config(CRISIS_LINE_TEXT="Call the on-call lead"))
    app.config["TESTING"] = True
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_crisis_line_text_is_configurable(crisis_app, admin, create_participant):
    client = crisis_app.test_client()
    participant = create_participant()
    body = screen(client, admin, participant["id"], {"phq9_9": 2})
    assert body["outcome"] == "defer"
    assert body["crisis_guidance"]["crisis_line"] == "Call the on-call lead"
    again = client.get(f"/api/v1/screenings/{body['id']}", headers=admin["headers"]).get_json()
    assert again["crisis_guidance"]["crisis_line"] == "Call the on-call lead"


def test_default_crisis_line_names_no_country(client, admin, pat):
    body = screen(client, admin, pat["id"], {"present_crisis_1": 1})
    line = body["crisis_guidance"]["crisis_line"]
    assert line and "Call the on-call lead" not in line
    assert not any(number in line for number in ("988", "911", "999", "116 123"))


def test_dissociation_alone_is_caution(client, admin, form, pat):
    body = screen(client, admin, pat["id"], {"dissociation_1": 3, "dissociation_2": 3, "dissociation_3": 3},
                  form=form)
    assert body["outcome"] == "caution"
    assert [(f["flag"], f["level"]) for f in body["flags"]] == [("dissociation", "caution")]
    assert body["flags"][0]["reasons"]
    assert body["crisis_guidance"] is None


def test_trauma_outcomes(client, admin, form, create_participant):
    caution = screen(client, admin, create_participant()["id"], {"younger_self_1": 3}, form=form)
    assert caution["outcome"] == "caution"
    assert [f["flag"] for f in caution["flags"]] == ["unresolved_trauma"]
    refer = screen(client, admin, create_participant()["id"],
                   {"younger_self_1": 2, "younger_self_2": 2, "younger_self_3": 2}, form=form)
    assert refer["outcome"] == "refer"


def test_stale_form_version_is_422(client, admin, form, pat):
    r = submit(client, admin, pat["id"], answers_for(form), "1999-01.0")
    body = assert_error(r, 422)
    assert "form_version" in body["errors"]
    assert form["version"] in body["message"]


def test_bad_answers_are_422_naming_the_item(client, admin, form, pat):
    cases = [
        (lambda a: a.pop("phq9_3"), "phq9_3"),                           # a missing item
        (lambda a: a.update(phq9_3=4), "phq9_3"),                        # outside the options
        (lambda a: a.update(phq9_3=-1), "phq9_3"),
        (lambda a: a.update(pc_ptsd5_1=1), "pc_ptsd5_1"),                # not enabled (no exposure)
        (lambda a: a.update(asq_acuity=0), "asq_acuity"),                # not enabled (all ASQ no)
        (lambda a: a.update(made_up_item=0), "made_up_item"),            # unknown item id
    ]
    for change, item_id in cases:
        answers = answers_for(form)
        change(answers)
        body = assert_error(submit(client, admin, pat["id"], answers, form["version"]), 422)
        assert list(body["errors"]["answers"]) == [item_id], body["errors"]
        assert body["errors"]["answers"][item_id]
    listed = client.get(f"/api/v1/participants/{pat['id']}/screenings", headers=admin["headers"]).get_json()
    assert listed == []


def test_enabled_follow_up_must_be_answered(client, admin, form, pat):
    answers = answers_for(form, {"pc_ptsd5_exposure": 1})
    answers.pop("pc_ptsd5_2")
    body = assert_error(submit(client, admin, pat["id"], answers, form["version"]), 422)
    assert list(body["errors"]["answers"]) == ["pc_ptsd5_2"]


def test_malformed_submissions_are_422(client, admin, pat):
    for payload in ({"answers": {}}, {"form_version": "x"}, {"form_version": "x", "answers": [1, 2]},
                    {"form_version": "x", "answers": {"phq9_1": "0"}},
                    {"form_version": "x", "answers": {"phq9_1": True}},
                    {"form_version": "x", "answers": {}, "outcome": "clear"}):
        r = client.post(f"/api/v1/participants/{pat['id']}/screenings", headers=admin["headers"], json=payload)
        assert_error(r, 422)


def test_list_newest_first_and_get_by_id(client, admin, form, pat, create_participant):
    first = screen(client, admin, pat["id"], form=form)
    second = screen(client, admin, pat["id"], {"dissociation_1": 2}, form=form)
    screen(client, admin, create_participant()["id"], form=form)  # someone else's
    r = client.get(f"/api/v1/participants/{pat['id']}/screenings", headers=admin["headers"])
    assert r.status_code == 200
    assert [s["id"] for s in r.get_json()] == [second["id"], first["id"]]
    assert json.loads(r.headers["X-Pagination"])["total"] == 2
    r = client.get(f"/api/v1/participants/{pat['id']}/screenings", headers=admin["headers"],
                   query_string={"page_size": 1, "page": 2})
    assert [s["id"] for s in r.get_json()] == [first["id"]]
    r = client.get(f"/api/v1/screenings/{second['id']}", headers=admin["headers"])
    assert r.status_code == 200 and r.get_json() == second
    assert_error(client.get(f"/api/v1/screenings/{uuid.uuid4()}", headers=admin["headers"]), 404)


def test_screening_of_unknown_participant_is_404(client, admin, form):
    assert_error(submit(client, admin, str(uuid.uuid4()), answers_for(form), form["version"]), 404)


def test_screenings_are_immutable(client, admin, pat):
    body = screen(client, admin, pat["id"])
    url = f"/api/v1/screenings/{body['id']}"
    for method in (client.patch, client.put, client.delete):
        assert method(url, headers=admin["headers"], json={"outcome": "clear"}).status_code == 405
    assert client.get(url, headers=admin["headers"]).get_json() == body


# --- override -----------------------------------------------------------------------------------------


def test_override_needs_a_reason(client, admin, pat):
    body = screen(client, admin, pat["id"], {"phq9_9": 1})
    url = f"/api/v1/screenings/{body['id']}/override"
    for payload in ({"outcome": "caution"}, {"outcome": "caution", "reason": ""},
                    {"outcome": "caution", "reason": "   \n "}, {"outcome": "caution", "reason": None}):
        err = assert_error(client.post(url, headers=admin["headers"], json=payload), 422)
        assert "reason" in err["errors"], payload
    err = assert_error(client.post(url, headers=admin["headers"], json={"outcome": "maybe", "reason": "r"}), 422)
    assert "outcome" in err["errors"]
    after = client.get(f"/api/v1/screenings/{body['id']}", headers=admin["headers"]).get_json()
    assert after["outcome"] == "defer" and after["overrides"] == []


def test_override_with_reason(client, admin, create_therapist, pat):
    body = screen(client, admin, pat["id"], {"dissociation_1": 2})
    assert body["outcome"] == "caution"
    clinician = create_therapist(name="Cleo Clinician")  # not a clinical lead: may make it more restrictive
    r = client.post(f"/api/v1/screenings/{body['id']}/override", headers=clinician["headers"],
                    json={"outcome": "refer", "reason": "  Dissociated twice in the intake; individual work first.  "})
    assert r.status_code == 201, r.get_json()
    after = r.get_json()
    assert after["id"] == body["id"]
    assert after["outcome"] == "refer"
    assert after["computed_outcome"] == "caution"
    assert after["flags"] == body["flags"] and after["scores"] == body["scores"]
    assert after["override"]["outcome"] == "refer"
    assert after["override"]["reason"] == "Dissociated twice in the intake; individual work first."
    assert after["override"]["by"] == {"id": clinician["id"], "name": "Cleo Clinician"}
    assert parse(after["override"]["at"]).utcoffset() is not None
    assert after["overrides"] == [after["override"]]
    assert after["crisis_guidance"] is None
    # the stored record and the list agree
    got = client.get(f"/api/v1/screenings/{body['id']}", headers=admin["headers"]).get_json()
    assert got["outcome"] == "refer" and got["computed_outcome"] == "caution" and len(got["overrides"]) == 1
    listed = client.get(f"/api/v1/participants/{pat['id']}/screenings", headers=admin["headers"]).get_json()
    assert listed[0]["outcome"] == "refer"
    # a second override is kept beside the first; the latest is current
    r = client.post(f"/api/v1/screenings/{body['id']}/override", headers=admin["headers"],
                    json={"outcome": "defer", "reason": "Disclosed a present crisis after the intake."})
    assert r.status_code == 201
    latest = r.get_json()
    assert latest["outcome"] == "defer" and latest["computed_outcome"] == "caution"
    assert [o["outcome"] for o in latest["overrides"]] == ["refer", "defer"]
    assert latest["crisis_guidance"]["kind"] == "non_acute"


# --- cross-practice -----------------------------------------------------------------------------------


def test_other_practices_participant_and_screening_are_404(client, admin, other, form, create_participant):
    theirs = create_participant(by=other)
    their_screening = screen(client, other, theirs["id"], {"phq9_9": 1}, form=form)
    assert_error(submit(client, admin, theirs["id"], answers_for(form), form["version"]), 404)
    assert_error(client.get(f"/api/v1/participants/{theirs['id']}/screenings", headers=admin["headers"]), 404)
    assert_error(client.get(f"/api/v1/screenings/{their_screening['id']}", headers=admin["headers"]), 404)
    r = client.post(f"/api/v1/screenings/{their_screening['id']}/override", headers=admin["headers"],
                    json={"outcome": "clear", "reason": "Not mine to change."})
    assert_error(r, 404)
    after = client.get(f"/api/v1/screenings/{their_screening['id']}", headers=other["headers"]).get_json()
    assert after["outcome"] == "defer" and after["overrides"] == []
    listed = client.get(f"/api/v1/participants/{theirs['id']}/screenings", headers=other["headers"]).get_json()
    assert [s["id"] for s in listed] == [their_screening["id"]]


# --- audit --------------------------------------------------------------------------------------------


def audit_events(client, who, **params):
    r = client.get(AUDIT, headers=who["headers"], query_string={"page_size": 100, **params})
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def test_reads_writes_and_overrides_are_audited(client, admin, other, create_therapist, pat):
    clinician = create_therapist()
    r = client.get(f"/api/v1/participants/{pat['id']}", headers=clinician["headers"])
    assert r.status_code == 200
    body = screen(client, clinician, pat["id"], {"dissociation_1": 2})
    r = client.get(f"/api/v1/screenings/{body['id']}", headers=clinician["headers"])
    assert r.status_code == 200
    read_request_id = r.headers["X-Request-ID"]
    r = client.post(f"/api/v1/screenings/{body['id']}/override", headers=clinician["headers"],
                    json={"outcome": "refer", "reason": "Dissociated in session."})
    assert r.status_code == 201

    on_screening = audit_events(client, admin, record_type="screening", record_id=body["id"])
    assert [e["action"] for e in on_screening] == ["override", "read", "create"]  # newest first
    keys = {"id", "actor_id", "action", "record_type", "record_id", "outcome", "at", "request_id"}
    for event in on_screening:
        assert keys <= set(event)
        assert event["actor_id"] == clinician["id"] and event["outcome"] == "ok"
        assert event["record_type"] == "screening" and event["record_id"] == body["id"]
        assert parse(event["at"]).utcoffset() is not None and event["request_id"]
    assert on_screening[1]["request_id"] == read_request_id
    ats = [parse(e["at"]) for e in on_screening]
    assert ats == sorted(ats, reverse=True)

    on_participant = audit_events(client, admin, record_type="participant", record_id=pat["id"])
    assert "read" in [e["action"] for e in on_participant]
    assert any(e["actor_id"] == clinician["id"] and e["action"] == "read" for e in on_participant)

    by_actor = audit_events(client, admin, actor_id=clinician["id"])
    assert {(e["record_type"], e["action"]) for e in by_actor} >= {
        ("participant", "read"), ("screening", "create"), ("screening", "read"), ("screening", "override")}
    assert all(e["actor_id"] == clinician["id"] for e in by_actor)

    # paginated
    r = client.get(AUDIT, headers=admin["headers"], query_string={"page_size": 2})
    assert len(r.get_json()) == 2 and json.loads(r.headers["X-Pagination"])["total"] >= 4

    # admins only, and only their own practice's trail
    assert_error(client.get(AUDIT, headers=clinician["headers"]), 403)
    assert audit_events(client, other, record_id=body["id"]) == []
    # the trail cannot be changed through the API
    event_id = on_screening[0]["id"]
    for method in (client.post, client.put, client.patch, client.delete):
        assert method(AUDIT, headers=admin["headers"], json={}).status_code == 405
        assert method(f"{AUDIT}/{event_id}", headers=admin["headers"], json={}).status_code in (404, 405)

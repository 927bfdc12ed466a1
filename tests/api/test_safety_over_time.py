"""Safety over time through HTTP (issue 14): validity at the plan's end, override governance and the crisis
floor, the crisis hold and crisis reviews, stopping at a crisis, declined items, minors and clinician
assessments, acute vs non-acute guidance, and what clearance and every agenda format show facilitators."""

import io
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
from pypdf import PdfReader

from tests.factories import safety_plan, shift_person
from tests.helpers import answers_for, assert_error, if_match
from toolkit import create_app

FORM = "/api/v1/screening/form"
PLANS = "/api/v1/plans"
LONG_REASON = "Reviewed in supervision; the answer was a misunderstanding of the question."
NAME = "Morgan Quillfeather"
SOON = datetime.now(UTC) + timedelta(days=14)
FAR = datetime.now(UTC) + timedelta(days=120)  # beyond a new screening's 90 days


def iso(moment):
    return moment.strftime("%Y-%m-%dT09:00:00+00:00")


@pytest.fixture
def form(client, admin):
    return client.get(FORM, headers=admin["headers"]).get_json()


@pytest.fixture
def lead(create_therapist):
    return create_therapist(clinical_lead=True, name="Lena Lead")


@pytest.fixture
def plain(create_therapist):
    return create_therapist(name="Pat Plain")


def screen(client, who, form, pid, overrides=None, expect=201, **extra):
    r = client.post(f"/api/v1/participants/{pid}/screenings", headers=who["headers"],
                    json={"form_version": form["version"], "answers": answers_for(form, overrides), **extra})
    assert r.status_code == expect, r.get_json()
    return r.get_json()


def override(client, who, screening_id, outcome, reason=LONG_REASON):
    return client.post(f"/api/v1/screenings/{screening_id}/override", headers=who["headers"],
                       json={"outcome": outcome, "reason": reason})


def review(client, who, pid, screening_id, risk="moderate", plan_id=None):
    return client.post(f"/api/v1/participants/{pid}/crisis-reviews", headers=who["headers"],
                       json={"screening_id": screening_id, "risk_level": risk,
                             "summary": "Met with the person and their GP; coping plan agreed.",
                             "safety_plan_id": plan_id or safety_plan(client, who, pid),
                             "follow_up_on": (date.today() + timedelta(days=2)).isoformat()})


@pytest.fixture
def session(client, admin, create_group, create_participant):
    """make(starts_at, n=1, **participant fields) -> (group, plan, members): a group session with the
    visualisation (adapted for dissociation, excluded for trauma) and a closing."""
    mods = {m["slug"]: m for m in client.get("/api/v1/modules?page_size=100", headers=admin["headers"]).get_json()}

    def make(starts_at=SOON, n=1, **fields):
        group = create_group(name="Safety group")
        members = []
        for i in range(n):
            person = create_participant(display_name=fields.pop("display_name", f"Member {i}"), **fields)
            r = client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                            json={"participant_id": person["id"]})
            assert r.status_code == 201
            members.append(person)
        items = [{"module_id": mods[s]["id"], "minutes": mods[s]["default_minutes"]}
                 for s in ("opening-check-in", "younger-self-visualisation", "closing-grounding")]
        r = client.post(PLANS, headers=admin["headers"], json={"title": "Session one", "group_id": group["id"],
                                                               "starts_at": iso(starts_at), "items": items})
        assert r.status_code == 201, r.get_json()
        return group, r.get_json(), members

    return make


def clearance_entry(client, who, plan, person):
    result = client.get(f"{PLANS}/{plan['id']}/clearance", headers=who["headers"]).get_json()
    return result, next(p for p in result["participants"] if p["participant_id"] == person["id"])


# --- 1. validity at the plan's end --------------------------------------------------------------------


def test_a_screening_expiring_before_the_session_blocks_with_expires_before_session(client, admin, form, session):
    _, far_plan, (person,) = session(FAR, display_name=NAME)
    screen(client, admin, form, person["id"])
    result, entry = clearance_entry(client, admin, far_plan, person)
    assert result["status"] == "blocked" and result["missing_screenings"] == [person["id"]]
    assert entry["expires_before_session"] is True and entry["validity"] == "expires_before_session"
    assert entry["outcome"] is None and entry["computed_outcome"] == "clear"
    assert all(v["verdict"] == "exclude" and v["reasons"][0].startswith("expires_before_session")
               for v in entry["items"])
    assert any(NAME in w and "expires_before_session" in w for w in result["facilitator_warnings"])

    agenda = f"{PLANS}/{far_plan['id']}/agenda"
    body = client.get(f"{agenda}?format=json", headers=admin["headers"]).get_json()
    member = next(m for m in body["member_safety"] if m["member_name"] == NAME)
    assert member["expires_before_session"] == ["Session one"]
    for fmt in ("html", "md"):
        text = client.get(f"{agenda}?format={fmt}", headers=admin["headers"]).get_data(as_text=True)
        assert "expires_before_session" in text and NAME in text, fmt
        assert "Every member is cleared for every item" not in text
    pdf = client.get(f"{agenda}?format=pdf", headers=admin["headers"])
    text = "".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages).split())
    assert "expires_before_session" in text and "".join(NAME.split()) in text
    ics = icalendar.Calendar.from_ical(client.get(f"{agenda}?format=ics", headers=admin["headers"]).data)
    description = str(next(iter(ics.walk("VEVENT")))["DESCRIPTION"])
    assert "expire before it ends" in description and NAME not in description


def test_the_same_screening_counts_for_a_session_inside_its_validity(client, admin, form, session):
    _, plan, (person,) = session(SOON)
    screen(client, admin, form, person["id"])
    result, entry = clearance_entry(client, admin, plan, person)
    assert result["status"] == "clear" and entry["validity"] == "valid" and entry["expires_before_session"] is False
    assert result["session_ends_at"].startswith(plan["ends_at"][:10])


def test_form_shows_the_deployments_validity_days(make_config, admin):
    app = create_app(make_config(SCREENING_VALIDITY_DAYS=30))
    body = app.test_client().get(FORM, headers=admin["headers"]).get_json()
    assert body["validity_days"] == 30 and body["form_validity_days"] == 90 and body["adult_age"] == 18


# --- 2. override governance -----------------------------------------------------------------------------


def test_admins_set_clinical_lead(client, admin, plain):
    got = client.get(f"/api/v1/therapists/{plain['id']}", headers=admin["headers"]).get_json()
    assert got["clinical_lead"] is False
    changing = if_match(client, f"/api/v1/therapists/{plain['id']}", admin["headers"])
    r = client.patch(f"/api/v1/therapists/{plain['id']}", headers=changing, json={"clinical_lead": True})
    assert r.status_code == 200 and r.get_json()["clinical_lead"] is True
    changing = if_match(client, f"/api/v1/therapists/{plain['id']}", plain["headers"])
    r = client.patch(f"/api/v1/therapists/{plain['id']}", headers=changing, json={"clinical_lead": False})
    assert_error(r, 403)
    assert client.get("/api/v1/me", headers=plain["headers"]).get_json()["clinical_lead"] is True


def test_only_a_clinical_lead_lowers_an_outcome_with_a_real_reason(client, admin, form, plain, lead,
                                                                   create_participant):
    person = create_participant()
    body = screen(client, admin, form, person["id"], {"younger_self_1": 2, "younger_self_2": 2, "younger_self_3": 2})
    assert body["outcome"] == "refer"
    assert_error(override(client, plain, body["id"], "clear"), 403)
    assert_error(override(client, admin, body["id"], "clear"), 403)  # an admin is not a lead by role alone
    short = assert_error(override(client, lead, body["id"], "clear", "ok"), 422)
    assert "reason" in short["errors"]
    r = override(client, plain, body["id"], "defer", "x")  # more restrictive: anyone, any written reason
    assert r.status_code == 201 and r.get_json()["outcome"] == "defer"
    r = override(client, lead, body["id"], "clear")
    assert r.status_code == 201 and r.get_json()["outcome"] == "clear"
    assert r.get_json()["computed_outcome"] == "refer" and r.get_json()["flags"] == body["flags"]
    denied = client.get("/api/v1/audit-events", headers=admin["headers"],
                        query_string={"record_id": body["id"], "action": "override"}).get_json()
    assert {e["outcome"] for e in denied} == {"ok", "denied"}


def test_a_crisis_cannot_go_below_refer(client, admin, form, lead, create_participant):
    person = create_participant()
    body = screen(client, admin, form, person["id"], {"asq_1": 1, "asq_acuity": 1})
    for outcome in ("clear", "caution"):
        error = assert_error(override(client, lead, body["id"], outcome), 409)
        assert f"/participants/{person['id']}/crisis-reviews" in error["message"]
    r = override(client, lead, body["id"], "refer")
    assert r.status_code == 201 and r.get_json()["outcome"] == "refer"


# --- 3. crisis hold and crisis reviews -----------------------------------------------------------------


def test_the_crisis_hold_lifts_only_after_a_review_and_a_crisis_free_screening_a_day_later(
        app, client, admin, form, lead, plain, session):
    _, plan, (person,) = session(SOON)
    deferred = screen(client, admin, form, person["id"], {"phq9_9": 1})
    assert deferred["outcome"] == "defer" and deferred["crisis_hold"] is False
    calm = screen(client, admin, form, person["id"])  # a minute later, all zero
    assert calm["outcome"] == "clear" and calm["crisis_hold"] is True and calm["effective_outcome"] == "defer"
    assert calm["crisis_guidance"] is not None  # guidance stays during a hold
    _, entry = clearance_entry(client, admin, plan, person)
    assert entry["outcome"] == "defer" and entry["crisis_hold"] is True and entry["computed_outcome"] == "clear"

    assert_error(review(client, plain, person["id"], deferred["id"]), 403)
    r = review(client, lead, person["id"], deferred["id"], risk="high")
    assert r.status_code == 201, r.get_json()
    shift_person(app, person["id"], 25)
    assert screen(client, admin, form, person["id"])["crisis_hold"] is True  # high risk never lifts it

    r = review(client, lead, person["id"], deferred["id"])
    assert r.status_code == 201, r.get_json()
    got = r.get_json()
    assert got["by"]["name"] == "Lena Lead" and got["risk_level"] == "moderate"
    assert got["screening_id"] == deferred["id"] and got["safety_plan_id"] is not None
    soon = screen(client, admin, form, person["id"])
    assert soon["crisis_hold"] is True  # minutes after the review: not yet
    _, entry = clearance_entry(client, admin, plan, person)
    assert entry["outcome"] == "defer" and entry["crisis_hold"] is True

    shift_person(app, person["id"], 25)
    after = screen(client, admin, form, person["id"])
    assert after["crisis_hold"] is False and after["effective_outcome"] == "clear"
    result, entry = clearance_entry(client, admin, plan, person)
    assert entry["outcome"] == "clear" and entry["crisis_hold"] is False and result["status"] == "clear"
    assert entry["recent_crisis"]["screening_id"] == deferred["id"]
    assert entry["recent_crisis"]["reviewed_by"] == "Lena Lead"

    listed = client.get(f"/api/v1/participants/{person['id']}/crisis-reviews", headers=admin["headers"])
    assert listed.status_code == 200 and [x["id"] for x in listed.get_json()][0] == got["id"]
    assert len(listed.get_json()) == 2
    actions = {(e["action"], e["record_type"]) for e in
               client.get("/api/v1/audit-events?page_size=100", headers=admin["headers"]).get_json()}
    assert {("create", "crisis_review"), ("list", "crisis_review")} <= actions


def test_an_override_to_defer_starts_a_hold(client, admin, form, plain, session):
    _, plan, (person,) = session(SOON)
    first = screen(client, admin, form, person["id"])
    assert override(client, plain, first["id"], "defer", "Disclosed a crisis after the intake.").status_code == 201
    screen(client, admin, form, person["id"])
    _, entry = clearance_entry(client, admin, plan, person)
    assert entry["outcome"] == "defer" and entry["crisis_hold"] is True


def test_crisis_review_needs_a_defer_and_valid_fields(client, admin, form, lead, other, create_participant):
    person = create_participant()
    calm = screen(client, admin, form, person["id"])
    assert "screening_id" in assert_error(review(client, lead, person["id"], calm["id"]), 409)["errors"]
    crisis = screen(client, admin, form, person["id"], {"present_crisis_1": 1})
    url = f"/api/v1/participants/{person['id']}/crisis-reviews"
    body = {"screening_id": crisis["id"], "risk_level": "low", "summary": "Seen today; settled, plan agreed.",
            "safety_plan_id": safety_plan(client, lead, person["id"]), "follow_up_on": "2001-01-01"}
    assert "follow_up_on" in assert_error(client.post(url, headers=lead["headers"], json=body), 422)["errors"]
    short = {**body, "summary": "x", "follow_up_on": date.today().isoformat()}
    assert "summary" in assert_error(client.post(url, headers=lead["headers"], json=short), 422)["errors"]
    wrong = {**body, "risk_level": "unknown", "follow_up_on": date.today().isoformat()}
    assert "risk_level" in assert_error(client.post(url, headers=lead["headers"], json=wrong), 422)["errors"]
    missing = assert_error(client.post(url, headers=lead["headers"], json={"summary": "x" * 30}), 422)["errors"]
    assert {"screening_id", "risk_level", "safety_plan_id", "follow_up_on"} <= set(missing)
    assert client.get(url, headers=admin["headers"]).get_json() == []
    assert_error(review(client, other, person["id"], crisis["id"], plan_id=body["safety_plan_id"]), 404)
    assert_error(client.get(f"/api/v1/participants/{person['id']}/crisis-reviews", headers=other["headers"]), 404)


# --- 4 and 5. stopping at a crisis, declined items -----------------------------------------------------


def asq_stop(form):
    answers = {}
    for instrument in form["instruments"][:3]:  # PHQ-9, GAD-7, PC-PTSD-5 answered, then the ASQ stops
        for key, value in answers_for(form).items():
            if key.startswith(instrument["code"] + "_") or key.startswith(instrument["code"]):
                answers[key] = value
    answers["asq_1"] = 1
    return answers


def test_a_screening_stopped_at_a_positive_asq_is_stored_as_defer(client, admin, form, create_participant):
    person = create_participant()
    r = client.post(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"],
                    json={"form_version": form["version"], "answers": asq_stop(form)})
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert body["complete"] is False and body["outcome"] == "defer"
    # ASQ positive, stopped before the acuity question: unknown acuity is acute (issue 27)
    assert body["crisis_guidance"]["kind"] == "acute" and body["crisis_guidance"]["checklist"]
    assert any("AUDIT-C is incomplete" in f["text"] for f in body["findings"])
    stored = client.get(f"/api/v1/screenings/{body['id']}", headers=admin["headers"]).get_json()
    assert stored["complete"] is False and stored["outcome"] == "defer"


def test_an_incomplete_form_without_a_crisis_is_still_422(client, admin, form, create_participant):
    person = create_participant()
    answers = asq_stop(form)
    answers["asq_1"] = 0
    r = client.post(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"],
                    json={"form_version": form["version"], "answers": answers})
    error = assert_error(r, 422)
    assert "asq_2" in error["errors"]["answers"]
    assert client.get(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"]).get_json() == []


def test_declined_items(client, admin, form, create_participant):
    person = create_participant()
    answers = answers_for(form)
    del answers["phq9_3"]
    r = client.post(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"],
                    json={"form_version": form["version"], "answers": answers, "declined": ["phq9_3"]})
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert body["outcome"] == "caution" and body["complete"] is False and body["declined"] == ["phq9_3"]
    assert any("PHQ-9 is incomplete" in f["text"] for f in body["findings"])
    assert body["scores"]["phq9"]["complete"] is False

    answers = answers_for(form)
    del answers["asq_1"]
    r = client.post(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"],
                    json={"form_version": form["version"], "answers": answers, "declined": ["asq_1"]})
    assert r.status_code == 201, r.get_json()
    crisis = next(f for f in r.get_json()["flags"] if f["flag"] == "acute_crisis")
    assert r.get_json()["outcome"] == "defer" and any("declined" in x for x in crisis["reasons"])

    r = client.post(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"],
                    json={"form_version": form["version"], "answers": answers_for(form), "declined": ["phq9_1"]})
    assert "declined" in assert_error(r, 422)["errors"]


# --- 6. minors and clinician assessments -----------------------------------------------------------------


def test_a_minor_is_refused_the_adult_form_and_assessed_by_a_clinical_lead(client, admin, form, lead, plain,
                                                                          session):
    born = date.today().replace(year=date.today().year - 6)
    _, plan, (child,) = session(SOON, display_name="Kit Young", date_of_birth=born.isoformat())
    error = assert_error(client.post(f"/api/v1/participants/{child['id']}/screenings", headers=admin["headers"],
                                     json={"form_version": form["version"], "answers": answers_for(form)}), 422)
    assert "6" in error["message"] and "adult" in error["message"] and "clinician_assessment" in error["message"]

    result, entry = clearance_entry(client, admin, plan, child)
    assert result["status"] == "blocked" and child["id"] in result["missing_screenings"]
    assert any("under 18" in r for r in entry["reasons"])
    assert any("Kit Young" in w and "under 18" in w for w in result["facilitator_warnings"])

    assessment = {"method": "clinician_assessment", "outcome": "caution", "flags": ["dissociation"],
                  "reason": "Assessed with a parent present; drifts off under stress, keep eyes open."}
    url = f"/api/v1/participants/{child['id']}/screenings"
    assert_error(client.post(url, headers=plain["headers"], json=assessment), 403)
    assert_error(client.post(url, headers=lead["headers"], json={**assessment, "reason": "too short"}), 422)
    assert_error(client.post(url, headers=lead["headers"], json={**assessment, "answers": {"phq9_1": 0}}), 422)
    r = client.post(url, headers=lead["headers"], json=assessment)
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert body["method"] == "clinician_assessment" and body["outcome"] == "caution" and body["answers"] == {}
    assert body["reason"] == assessment["reason"]
    result, entry = clearance_entry(client, admin, plan, child)
    assert entry["method"] == "clinician_assessment" and entry["outcome"] == "caution"
    assert entry["items"][1]["verdict"] == "adapt"  # its flag adapts the visualisation


# --- 7. acute vs non-acute guidance ----------------------------------------------------------------------


def test_acute_and_non_acute_asq_guidance_differ(client, admin, form, create_participant):
    acute = screen(client, admin, form, create_participant()["id"], {"asq_1": 1, "asq_acuity": 1})
    non_acute = screen(client, admin, form, create_participant()["id"], {"asq_1": 1})
    assert acute["outcome"] == non_acute["outcome"] == "defer"
    assert acute["crisis_guidance"]["kind"] == "acute" and non_acute["crisis_guidance"]["kind"] == "non_acute"
    assert "do not leave them alone" in acute["crisis_guidance"]["summary"]
    assert "full safety assessment" in non_acute["crisis_guidance"]["summary"]


# --- 8. what facilitators see, in every format; nothing for participants ------------------------------


def test_every_agenda_format_shows_the_new_facts(client, admin, form, lead, plain, session):
    _, plan, (drinker, held) = session(SOON, n=2)
    for person, name in ((drinker, "Dana Drinks"), (held, "Hale Held")):
        etag = client.get(f"/api/v1/participants/{person['id']}", headers=admin["headers"]).headers["ETag"]
        assert client.patch(f"/api/v1/participants/{person['id']}", headers={**admin["headers"], "If-Match": etag},
                            json={"display_name": name}).status_code == 200
    s1 = screen(client, admin, form, drinker["id"], {"audit_c_1": 2, "audit_c_2": 1, "younger_self_1": 3})
    assert override(client, lead, s1["id"], "clear", "Seen twice; the trauma items reflect the past, not now.")\
        .status_code == 201
    screen(client, admin, form, held["id"], {"phq9_9": 1})
    screen(client, admin, form, held["id"])

    agenda = f"{PLANS}/{plan['id']}/agenda"
    body = client.get(f"{agenda}?format=json", headers=admin["headers"]).get_json()
    safety = {m["member_name"]: m for m in body["member_safety"]}
    dana, hale = safety["Dana Drinks"], safety["Hale Held"]
    assert dana["computed_outcome"] == "caution" and dana["outcome"] == "clear"
    assert "Lena Lead" in dana["override"] and "trauma items" in dana["override"]
    assert any("AUDIT-C" in f for f in dana["findings"])
    assert hale["crisis_hold"] is True and hale["outcome"] == "defer"
    assert any("Dana Drinks" in w and "trauma-informed" in w for w in body["safety_warnings"])
    excluded = next(line for line in body["clearance"] if line["member_name"] == "Dana Drinks"
                    and line["verdict"] == "exclude")
    assert "eyes-open grounding" in excluded["alternative"]
    assert "status blocked" in body["days"][0]["plans"][0]["safety_note"]

    for fmt in ("html", "md"):
        text = client.get(f"{agenda}?format={fmt}", headers=admin["headers"]).get_data(as_text=True)
        # Issue 18: the session's status box (page one of the session) replaces the one-line safety check.
        for fact in ("Member safety", "Dana Drinks", "Lena Lead", "AUDIT-C", "Hale Held", "trauma-informed",
                     "Instead:", "STOP: "):
            assert fact in text, (fmt, fact)
    pdf = client.get(f"{agenda}?format=pdf", headers=admin["headers"])
    text = "".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages).split())
    for fact in ("Member safety", "Dana Drinks", "Lena Lead", "Hale Held", "AUDIT-C"):
        assert "".join(fact.split()) in text, fact
    ics = client.get(f"{agenda}?format=ics", headers=admin["headers"]).data.decode()
    event = next(iter(icalendar.Calendar.from_ical(ics).walk("VEVENT")))
    assert "must not take part" in str(event["DESCRIPTION"]) and "Dana" not in ics and "Hale" not in ics

    for fmt in ("json", "html", "md", "ics"):
        text = client.get(f"{agenda}?format={fmt}&audience=participant", headers=admin["headers"]).get_data(
            as_text=True)
        text = text.replace("local crisis line", "")  # the handout's own help text (issue 18), not a fact
        for marker in ("Dana", "Hale", "AUDIT", "crisis", "defer", "Lena", "Safety check", "expires"):
            assert marker not in text, (fmt, marker)

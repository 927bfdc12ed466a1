"""Safety follows the person (issue 27): each reproduction of the issue, over HTTP, as a regression test.
Declining is not clearing; deterioration is the person's in every group; a crisis hold lifts slowly and
leaves a trace; unknown acuity is acute; guidance stays; age known; likely duplicates; paired outcomes."""

import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
import requests
from pypdf import PdfReader

from tests.factories import module_payload, safety_plan, shift_person
from tests.helpers import answers_for, assert_error, phq
from tests.security.support import run_together, serve_in_thread

API = "/api/v1"
SOON = (datetime.now(UTC) + timedelta(days=14)).strftime("%Y-%m-%dT09:00:00+00:00")
SLUGS = ("opening-check-in", "younger-self-visualisation", "dear-little-me-letter", "closing-grounding")
DEEP, LETTER = 1, 2  # item positions in the plan


@pytest.fixture
def form(client, admin):
    return client.get(f"{API}/screening/form", headers=admin["headers"]).get_json()


@pytest.fixture
def lead(create_therapist):
    return create_therapist(clinical_lead=True, name="Lena Lead")


@pytest.fixture
def mods(client, admin):
    return {m["slug"]: m for m in client.get(f"{API}/modules?page_size=100", headers=admin["headers"]).get_json()}


@pytest.fixture
def plan_for(client, admin, create_group, mods):
    """plan_for(group, *people) -> a plan of the group (check-in, the deep visualisation, the letter, a
    closing) two weeks ahead, the people added as members today."""

    def make(group, *people):
        for person in people:
            r = client.post(f"{API}/groups/{group['id']}/members", headers=admin["headers"],
                            json={"participant_id": person["id"]})
            assert r.status_code == 201, r.get_json()
        items = [{"module_id": mods[s]["id"], "minutes": mods[s]["default_minutes"]} for s in SLUGS]
        r = client.post(f"{API}/plans", headers=admin["headers"], json={
            "title": "Session", "group_id": group["id"], "starts_at": SOON, "items": items})
        assert r.status_code == 201, r.get_json()
        return r.get_json()

    return make


def screen(client, who, form, pid, overrides=None, declined=(), expect=201):
    answers = answers_for(form, overrides)
    for item in declined:
        answers.pop(item, None)
    r = client.post(f"{API}/participants/{pid}/screenings", headers=who["headers"],
                    json={"form_version": form["version"], "answers": answers, "declined": list(declined)})
    assert r.status_code == expect, r.get_json()
    return r.get_json()


def review(client, who, pid, screening_id, summary="Seen with the GP today; plan agreed, settled.", risk="low"):
    return client.post(f"{API}/participants/{pid}/crisis-reviews", headers=who["headers"], json={
        "screening_id": screening_id, "summary": summary, "risk_level": risk,
        "safety_plan_id": safety_plan(client, who, pid), "follow_up_on": date.today().isoformat()})


def entry(client, who, plan, person):
    result = client.get(f"{API}/plans/{plan['id']}/clearance", headers=who["headers"]).get_json()
    return result, next(p for p in result["participants"] if p["participant_id"] == person["id"])


def verdicts(e):
    return [i["verdict"] for i in e["items"]]



# --- declining is not clearing ----------------------------------------------------------------------------


def test_declining_every_mood_trauma_and_dissociation_item_is_not_clear(client, admin, form, create_group,
                                                                         create_participant, plan_for):
    person = create_participant()
    plan = plan_for(create_group(name="Weekly"), person)
    declined = [i["id"] for ins in form["instruments"] if ins["code"] in
                ("phq9", "gad7", "pc_ptsd5", "younger_self", "dissociation")
                for i in ins["items"] if not i["enable_when"] and not i["critical"]]
    body = screen(client, admin, form, person["id"], declined=declined)
    flags = {f["flag"]: f["level"] for f in body["flags"]}
    assert flags == {"unresolved_trauma": "caution", "mood_exacerbation": "caution", "dissociation": "caution"}
    assert body["outcome"] == "caution" and body["complete"] is False
    assert all("incomplete-mood" in f["rules"] or "incomplete-trauma" in f["rules"]
               or "incomplete-dissociation" in f["rules"] for f in body["flags"])
    assert any(f["rule"] == "incomplete-instrument" for f in body["findings"])
    result, e = entry(client, admin, plan, person)
    assert result["status"] != "clear" and verdicts(e)[DEEP] != "ok"


@pytest.mark.parametrize("item", ["audit_c_1", "drug_use_1"])
def test_declining_a_substance_question_is_read_at_its_worst(client, admin, form, create_participant, item):
    body = screen(client, admin, form, create_participant()["id"], declined=[item])
    assert body["outcome"] == "defer" and [f["flag"] for f in body["flags"]] == ["acute_crisis"]
    assert body["flags"][0]["rules"] == ["substance-unknown"] and body["crisis_guidance"] is not None


# --- deterioration is the person's --------------------------------------------------------------------------


def test_deterioration_follows_the_person_into_every_group(app, client, admin, form, lead, create_group,
                                                          create_participant, create_therapist, plan_for):
    person = create_participant()
    screen(client, admin, form, person["id"], phq(3))
    shift_person(app, person["id"], 24 * 10)  # the intake ten days ago
    weekly = create_group(name="Weekly", kind="group", capacity=8)
    weekly_plan = plan_for(weekly, person)
    screen(client, admin, form, person["id"], phq(9))  # +6: reliable deterioration
    _, e = entry(client, admin, weekly_plan, person)
    assert [w["code"] for w in e["warnings"]] == ["reliable_deterioration"]
    assert verdicts(e)[DEEP] == "exclude" and verdicts(e)[LETTER] == "exclude"  # the letter is gated too
    assert verdicts(e)[0] == "ok"

    retreat_plan = plan_for(create_group(name="Retreat today"), person)  # joining a retreat today
    _, e = entry(client, admin, retreat_plan, person)
    assert [w["code"] for w in e["warnings"]] == ["reliable_deterioration"] and verdicts(e)[DEEP] == "exclude"

    # a plain therapist ends and re-adds the membership: the baseline does not move
    plain = create_therapist()
    assert client.delete(f"{API}/groups/{weekly['id']}/members/{person['id']}",
                         headers=plain["headers"]).status_code in (200, 204)
    assert client.post(f"{API}/groups/{weekly['id']}/members", headers=plain["headers"],
                       json={"participant_id": person["id"]}).status_code == 201
    _, e = entry(client, admin, weekly_plan, person)
    assert verdicts(e)[DEEP] == "exclude"

    # only a clinical lead's progress review after the latest screening lets deep work back in
    r = client.post(f"{API}/participants/{person['id']}/progress-reviews", headers=lead["headers"],
                    json={"reason": "Seen individually: a bereavement; deep work may go on."})
    assert r.status_code == 201, r.get_json()
    for plan in (weekly_plan, retreat_plan):
        _, e = entry(client, admin, plan, person)
        assert e["warnings"] == [] and verdicts(e)[DEEP] == "ok"
    progress = client.get(f"{API}/participants/{person['id']}/progress", headers=admin["headers"]).get_json()
    assert progress["reliable_deterioration"]["active"] is False


def test_a_re_screen_on_the_joining_day_does_not_hide_a_rise(app, client, admin, form, create_group,
                                                            create_participant, plan_for):
    person = create_participant()
    screen(client, admin, form, person["id"], phq(3))
    shift_person(app, person["id"], 24 * 20)
    plan = plan_for(create_group(name="Joined today"), person)
    screen(client, admin, form, person["id"], phq(9))  # the same day, after joining
    _, e = entry(client, admin, plan, person)
    assert verdicts(e)[DEEP] == "exclude" and e["warnings"][0]["code"] == "reliable_deterioration"


# --- a crisis hold lifts slowly, and leaves a trace ---------------------------------------------------------


def test_a_one_character_review_and_a_zero_screening_do_not_clear(app, client, admin, form, lead, create_group,
                                                                 create_participant, plan_for):
    person = create_participant(display_name="Robin Crisis")
    group = create_group(name="Crisis group")
    plan = plan_for(group, person)
    crisis = screen(client, admin, form, person["id"], {"present_crisis_1": 1})
    assert "summary" in assert_error(review(client, lead, person["id"], crisis["id"], summary="x"), 422)["errors"]
    assert review(client, lead, person["id"], crisis["id"]).status_code == 201
    zero = screen(client, admin, form, person["id"])  # seconds later
    assert zero["crisis_hold"] is True and zero["effective_outcome"] == "defer" and zero["crisis_guidance"]
    _, e = entry(client, admin, plan, person)
    assert e["outcome"] == "defer" and e["crisis_hold"] is True

    shift_person(app, person["id"], 25)
    lifted = screen(client, admin, form, person["id"])
    assert lifted["crisis_hold"] is False and lifted["effective_outcome"] == "clear"
    result, e = entry(client, admin, plan, person)
    assert e["crisis_hold"] is False and e["outcome"] == "clear"
    recent = e["recent_crisis"]  # the crisis is a day and a bit in the past now
    assert recent["screening_id"] == crisis["id"] and recent["reviewed_by"] == "Lena Lead"
    assert recent["on"] < date.today().isoformat() and recent["follow_up_on"] is not None
    assert verdicts(e) == ["ok", "ok", "ok", "ok"]  # two crisis-free screenings after the review: zero, lifted
    assert any("Robin Crisis" in w and "crisis screening" in w for w in result["facilitator_warnings"])


def test_deep_items_wait_for_a_second_crisis_free_screening(app, client, admin, form, lead, create_group,
                                                            create_participant, plan_for):
    person = create_participant()
    plan = plan_for(create_group(name="Deep waits"), person)
    crisis = screen(client, admin, form, person["id"], {"asq_1": 1, "asq_acuity": 0})
    assert review(client, lead, person["id"], crisis["id"]).status_code == 201
    shift_person(app, person["id"], 25)
    assert screen(client, admin, form, person["id"])["crisis_hold"] is False  # lifts the hold
    _, e = entry(client, admin, plan, person)
    assert e["outcome"] == "clear" and verdicts(e)[DEEP] == "exclude" and verdicts(e)[0] == "ok"
    assert "recent_crisis" in e["items"][DEEP]["reasons"][0]
    screen(client, admin, form, person["id"])  # the second one
    _, e = entry(client, admin, plan, person)
    assert verdicts(e)[DEEP] == "ok" and e["recent_crisis"]["screening_id"] == crisis["id"]


def test_a_review_of_last_weeks_crisis_does_not_lift_a_newer_one(app, client, admin, form, lead, create_group,
                                                                 create_participant, plan_for):
    person = create_participant()
    plan = plan_for(create_group(name="Two crises"), person)
    old = screen(client, admin, form, person["id"], {"present_crisis_2": 1})
    shift_person(app, person["id"], 24 * 7)
    new = screen(client, admin, form, person["id"], {"phq9_9": 1})
    error = assert_error(review(client, lead, person["id"], old["id"]), 409)
    assert "screening_id" in error["errors"] and new["id"] in error["message"]
    shift_person(app, person["id"], 25)
    screen(client, admin, form, person["id"])
    _, e = entry(client, admin, plan, person)
    assert e["crisis_hold"] is True and e["outcome"] == "defer"


def test_risk_level_high_never_lifts_the_hold(app, client, admin, form, lead, create_participant):
    person = create_participant()
    crisis = screen(client, admin, form, person["id"], {"present_crisis_3": 1})
    assert review(client, lead, person["id"], crisis["id"], risk="high").status_code == 201
    shift_person(app, person["id"], 48)
    later = screen(client, admin, form, person["id"])
    assert later["crisis_hold"] is True and later["effective_outcome"] == "defer"


def test_a_safety_plan_id_must_be_the_persons_current_plan(client, admin, other, form, lead, create_participant):
    person, someone_else = create_participant(), create_participant()
    crisis = screen(client, admin, form, person["id"], {"present_crisis_1": 1})

    def with_plan(plan_id):
        return client.post(f"{API}/participants/{person['id']}/crisis-reviews", headers=lead["headers"], json={
            "screening_id": crisis["id"], "summary": "Seen today; settled and agreed a plan.", "risk_level": "low",
            "safety_plan_id": plan_id, "follow_up_on": date.today().isoformat()})

    assert "safety_plan_id" in assert_error(with_plan("no-such-plan"), 422)["errors"]  # none at all yet
    old = safety_plan(client, admin, person["id"])
    current = safety_plan(client, admin, person["id"])  # supersedes the first
    theirs = safety_plan(client, admin, someone_else["id"])
    foreign = safety_plan(client, other, create_participant(by=other)["id"])
    for wrong in (old, theirs, foreign):
        assert "safety_plan_id" in assert_error(with_plan(wrong), 422)["errors"]
    missing = client.post(f"{API}/participants/{person['id']}/crisis-reviews", headers=lead["headers"], json={
        "screening_id": crisis["id"], "summary": "Seen today; settled and agreed a plan.", "risk_level": "low",
        "follow_up_on": date.today().isoformat()})
    assert "safety_plan_id" in assert_error(missing, 422)["errors"]
    r = with_plan(current)
    assert r.status_code == 201 and r.get_json()["safety_plan_id"] == current
    assert r.get_json()["safety_plan_in_place"] is True


def test_concurrent_reviews_only_the_stale_one_is_refused(app, client, admin, form, lead, create_participant):
    people = [create_participant() for _ in range(3)]
    targets = []
    for person in people:
        old = screen(client, admin, form, person["id"], {"present_crisis_1": 1})
        new = screen(client, admin, form, person["id"], {"present_crisis_2": 1})
        plan_id = safety_plan(client, admin, person["id"])
        targets += [(person["id"], old["id"], plan_id), (person["id"], new["id"], plan_id)]
    with serve_in_thread(app) as url:
        def post(i):
            pid, sid, plan_id = targets[i]
            return requests.post(f"{url}{API}/participants/{pid}/crisis-reviews", headers=lead["headers"], timeout=30,
                                 json={"screening_id": sid, "summary": "Reviewed together; safe plan agreed.",
                                       "risk_level": "low", "safety_plan_id": plan_id,
                                       "follow_up_on": date.today().isoformat()})

        results = run_together(len(targets), post)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert [r.status_code for r in results] == [409, 201] * len(people)  # exactly the stale ones


def test_a_stale_review_racing_a_new_crisis_never_lifts_it(app, client, admin, form, lead, create_participant):
    person = create_participant()
    old = screen(client, admin, form, person["id"], {"present_crisis_1": 1})
    plan_id = safety_plan(client, admin, person["id"])
    answers = answers_for(form, {"present_crisis_2": 1})
    with serve_in_thread(app) as url:
        def act(i):
            if i == 0:
                return requests.post(f"{url}{API}/participants/{person['id']}/screenings", headers=admin["headers"],
                                     json={"form_version": form["version"], "answers": answers}, timeout=30)
            return requests.post(f"{url}{API}/participants/{person['id']}/crisis-reviews", headers=lead["headers"],
                                 json={"screening_id": old["id"], "summary": "Reviewed together; plan agreed.",
                                       "risk_level": "low", "safety_plan_id": plan_id,
                                       "follow_up_on": date.today().isoformat()}, timeout=30)

        screening, reviewed = run_together(2, act)
    assert screening.status_code == 201 and reviewed.status_code in (201, 409)
    shift_person(app, person["id"], 25)
    assert screen(client, admin, form, person["id"])["crisis_hold"] is True  # the newer crisis is unreviewed


# --- guidance stays; unknown acuity is acute ------------------------------------------------------------------


def test_guidance_stays_on_an_acute_crisis_overridden_to_refer(client, admin, form, lead, create_participant):
    person = create_participant()
    crisis = screen(client, admin, form, person["id"], {"asq_1": 1, "asq_acuity": 1})
    r = client.post(f"{API}/screenings/{crisis['id']}/override", headers=lead["headers"],
                    json={"outcome": "refer", "reason": "Seen by the crisis team; safe, individual care first."})
    assert r.status_code == 201 and r.get_json()["outcome"] == "refer"
    assert r.get_json()["crisis_guidance"]["kind"] == "acute"


def test_unknown_acuity_gets_the_acute_guidance(client, admin, form, create_participant):
    answers = {k: v for k, v in answers_for(form, {"asq_1": 1}).items() if k != "asq_acuity"}
    for key in [k for k in answers if k.split("_")[0] in ("audit", "drug", "younger", "dissociation", "present")]:
        answers.pop(key)
    r = client.post(f"{API}/participants/{create_participant()['id']}/screenings", headers=admin["headers"],
                    json={"form_version": form["version"], "answers": answers})
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["crisis_guidance"]["kind"] == "acute"


# --- age known; likely duplicates ---------------------------------------------------------------------------


def test_the_form_needs_a_date_of_birth(client, admin, form):
    r = client.post(f"{API}/participants", headers=admin["headers"], json={"display_name": "Kit Nodate"})
    pid = r.get_json()["id"]
    error = assert_error(client.post(f"{API}/participants/{pid}/screenings", headers=admin["headers"],
                                     json={"form_version": form["version"], "answers": answers_for(form)}), 422)
    assert "date_of_birth" in error["errors"]


def test_a_likely_duplicate_is_refused_unless_confirmed(client, admin, other):
    first = client.post(f"{API}/participants", headers=admin["headers"],
                        json={"display_name": "Jo  Example", "date_of_birth": "1990-02-03"}).get_json()
    again = {"display_name": "jo example", "date_of_birth": "1990-02-03"}
    error = assert_error(client.post(f"{API}/participants", headers=admin["headers"], json=again), 409)
    assert error["errors"]["possible_duplicate"] == [first["id"]]
    r = client.post(f"{API}/participants", headers=admin["headers"], json={**again, "confirm_new": True})
    assert r.status_code == 201 and r.get_json()["id"] != first["id"] and "confirm_new" not in r.get_json()
    assert client.post(f"{API}/participants", headers=other["headers"], json=again).status_code == 201  # tenancy
    assert client.post(f"{API}/participants", headers=admin["headers"],
                       json={**again, "date_of_birth": "1990-02-04"}).status_code == 201


# --- paired outcomes -----------------------------------------------------------------------------------------


def test_phq9_10_to_9_with_gad7_15_is_not_recovery(app, client, admin, form, create_participant):
    person = create_participant()
    gad15 = {f"gad7_{n}": v for n, v in zip(range(1, 8), (3, 3, 3, 3, 3, 0, 0), strict=True)}
    screen(client, admin, form, person["id"], {**phq(10), **gad15})
    shift_person(app, person["id"], 24 * 30)
    screen(client, admin, form, person["id"], {**phq(9), **gad15})
    body = client.get(f"{API}/participants/{person['id']}/progress", headers=admin["headers"]).get_json()
    assert "recovered" not in body and all("recovered" not in i for i in body["instruments"])
    assert body["paired"] == {"caseness_at_baseline": True, "recovery": False, "reliable_improvement": False,
                              "reliable_recovery": False, "reliable_deterioration": False}
    assert next(i for i in body["instruments"] if i["instrument"] == "phq9")["below_caseness"] is True


# --- the facilitator agenda, every format; never the participant's ----------------------------------------


RECENT_CRISIS = re.compile(r"recent[ _]?crisis", re.IGNORECASE)  # the field, or its words in a printed copy


def test_the_facilitator_agenda_shows_recent_crisis_and_deterioration(app, client, admin, form, lead, create_group,
                                                                      create_participant, plan_for):
    crisis_person = create_participant(display_name="Ari Crisis")
    worse = create_participant(display_name="Bo Worse")
    screen(client, admin, form, worse["id"], phq(2))
    shift_person(app, worse["id"], 24 * 10)
    plan = plan_for(create_group(name="Agenda group"), crisis_person, worse)
    screen(client, admin, form, worse["id"], phq(9))
    crisis = screen(client, admin, form, crisis_person["id"], {"present_crisis_1": 1})
    assert review(client, lead, crisis_person["id"], crisis["id"]).status_code == 201

    agenda = f"{API}/plans/{plan['id']}/agenda"
    body = client.get(f"{agenda}?format=json", headers=admin["headers"]).get_json()
    members = {m["member_name"]: m for m in body["member_safety"]}
    assert members["Ari Crisis"]["recent_crisis"]["screening_id"] == crisis["id"]
    assert members["Ari Crisis"]["recent_crisis"]["reviewed_by"] == "Lena Lead"
    assert any(p.startswith("reliable_deterioration") for p in members["Bo Worse"]["progress"])
    for fmt in ("html", "md"):
        text = client.get(f"{agenda}?format={fmt}", headers=admin["headers"]).get_data(as_text=True)
        text = text.replace("\\_", "_")  # Markdown escapes underscores
        assert RECENT_CRISIS.search(text) and "reliable_deterioration" in text and "Lena Lead" in text, fmt
    pdf = client.get(f"{agenda}?format=pdf", headers=admin["headers"])
    assert pdf.status_code == 200, pdf.get_data(as_text=True)[:300]
    text = "".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages).split())
    assert RECENT_CRISIS.search(text) and "reliable_deterioration" in text

    for fmt in ("json", "html", "md"):
        r = client.get(f"{agenda}?format={fmt}&audience=participant", headers=admin["headers"])
        text = r.get_data(as_text=True).replace("\\_", "_")
        assert not RECENT_CRISIS.search(text) and "reliable_deterioration" not in text and "Lena Lead" not in text


def test_a_practice_can_gate_its_own_module_on_deterioration(client, admin, mods):
    r = client.post(f"{API}/modules", headers=admin["headers"],
                    json=module_payload(title="Our trauma letter", gate_on_deterioration=True))
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["gate_on_deterioration"] is True
    assert mods["dear-little-me-letter"]["gate_on_deterioration"] is True
    assert mods["caregiver-patterns"]["gate_on_deterioration"] is True
    assert mods["opening-check-in"]["gate_on_deterioration"] is False


def test_a_follow_up_today_anywhere_is_accepted_and_a_past_one_refused(client, admin, form, lead,
                                                                      create_participant):
    """The follow-up date is compared with the earliest "today" on Earth (UTC-12), not the UTC date: a lead
    in the Americas typing today's date in the evening is not told it is in the past."""
    person = create_participant()
    crisis = screen(client, admin, form, person["id"], {"present_crisis_1": 1})
    earliest = (datetime.now(UTC) - timedelta(hours=12)).date()

    def post(day):
        return client.post(f"{API}/participants/{person['id']}/crisis-reviews", headers=lead["headers"], json={
            "screening_id": crisis["id"], "summary": "Seen with the GP today; plan agreed, settled.",
            "risk_level": "low", "safety_plan_id": safety_plan(client, lead, person["id"]),
            "follow_up_on": day.isoformat()})

    past = assert_error(post(earliest - timedelta(days=1)), 422)
    assert "follow_up_on" in past["errors"]
    assert post(earliest).status_code == 201

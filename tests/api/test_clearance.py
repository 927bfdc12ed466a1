"""Plan clearance over HTTP: every member x every item, each status, missing and expired screenings,
facilitator warnings, overrides, templates and cross-practice isolation (issue 5 point 7)."""

from datetime import UTC, datetime, timedelta

from tests.helpers import assert_error, screen

PLANS = "/api/v1/plans"
FORM = "/api/v1/screening/form"
# A session two weeks ahead: well inside a new screening's validity (a screening counts only if still valid
# when the plan ends; tests/api/test_safety_over_time.py covers sessions beyond it).
SOON = (datetime.now(UTC) + timedelta(days=14)).strftime("%Y-%m-%dT09:00:00+02:00")


# --- helpers ------------------------------------------------------------------------------------------


CLEAR = {}
DISSOCIATION = {"dissociation_1": 2}
TRAUMA = {"younger_self_1": 3}          # unresolved_trauma, caution
REFER = {"younger_self_1": 2, "younger_self_2": 2, "younger_self_3": 2}
DEFER = {"phq9_9": 1}


def clearance(client, who, plan_id):
    r = client.get(f"{PLANS}/{plan_id}/clearance", headers=who["headers"])
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def entry_for(result, participant):
    return next(p for p in result["participants"] if p["participant_id"] == participant["id"])


def verdicts(entry):
    return [v["verdict"] for v in entry["items"]]


# --- statuses -----------------------------------------------------------------------------------------


def test_all_clear(client, admin, setup):
    _, plan, members = setup([CLEAR, CLEAR, CLEAR])
    result = clearance(client, admin, plan["id"])
    assert result["status"] == "clear"
    assert result["plan_id"] == plan["id"]
    assert result["missing_screenings"] == [] and result["facilitator_warnings"] == []
    assert [p["participant_id"] for p in result["participants"]] == [m["id"] for m in members]
    for member in members:
        entry = entry_for(result, member)
        assert entry["screening_id"] == member["screening"]["id"]
        assert entry["outcome"] == "clear"
        assert entry["display_name"] == member["display_name"]
        assert [v["item_id"] for v in entry["items"]] == [i["id"] for i in plan["items"]]
        assert [v["module_id"] for v in entry["items"]] == [i["module_id"] for i in plan["items"]]
        assert verdicts(entry) == ["ok", "ok", "ok"]
        assert all(v["reasons"] for v in entry["items"])


def test_dissociation_adapts_the_visualisation(client, admin, setup, mods):
    _, plan, (calm, dissociates) = setup([CLEAR, DISSOCIATION])
    result = clearance(client, admin, plan["id"])
    assert result["status"] == "caution"
    assert result["missing_screenings"] == [] and result["facilitator_warnings"] == []
    assert verdicts(entry_for(result, calm)) == ["ok", "ok", "ok"]
    entry = entry_for(result, dissociates)
    assert entry["outcome"] == "caution"
    opening, visual, closing = entry["items"]
    expected = next(c["adaptation"] for c in mods["younger-self-visualisation"]["contraindications"]
                    if c["flag"] == "dissociation")
    assert visual["verdict"] == "adapt" and visual["adaptation"] == expected
    assert any("dissociation" in reason for reason in visual["reasons"])
    # the opening check-in also adapts for dissociation; the closing has no contraindications
    assert opening["verdict"] == "adapt" and opening["adaptation"]
    assert closing["verdict"] == "ok" and closing["adaptation"] is None


def test_refer_blocks(client, admin, setup):
    _, plan, (ok, referred) = setup([CLEAR, REFER])
    result = clearance(client, admin, plan["id"])
    assert result["status"] == "blocked"
    assert result["missing_screenings"] == []
    assert entry_for(result, referred)["outcome"] == "refer"
    assert verdicts(entry_for(result, referred)) == ["exclude"] * 3
    assert verdicts(entry_for(result, ok)) == ["ok"] * 3


def test_defer_blocks(client, admin, setup):
    _, plan, (ok, deferred) = setup([CLEAR, DEFER])
    result = clearance(client, admin, plan["id"])
    assert result["status"] == "blocked"
    entry = entry_for(result, deferred)
    assert entry["outcome"] == "defer" and verdicts(entry) == ["exclude"] * 3
    assert all("defer" in " ".join(v["reasons"]) for v in entry["items"])


def test_member_without_screening_blocks(client, admin, setup):
    _, plan, (ok, unscreened) = setup([CLEAR, None])
    result = clearance(client, admin, plan["id"])
    assert result["status"] == "blocked"
    assert result["missing_screenings"] == [unscreened["id"]]
    entry = entry_for(result, unscreened)
    assert entry["screening_id"] is None and entry["outcome"] is None
    assert verdicts(entry) == ["exclude"] * 3


def test_expired_screening_blocks(app, client, admin, setup):
    _, plan, (ok, expired) = setup([CLEAR, CLEAR])
    assert clearance(client, admin, plan["id"])["status"] == "clear"
    from toolkit.extensions import db
    from toolkit.screening.models import Screening
    from toolkit.tenancy import across_practices

    with app.app_context(), across_practices(db.session):
        row = db.session.get(Screening, expired["screening"]["id"])
        row.valid_until = datetime.now(UTC) - timedelta(days=1)
        db.session.commit()
    result = clearance(client, admin, plan["id"])
    assert result["status"] == "blocked"
    assert result["missing_screenings"] == [expired["id"]]
    entry = entry_for(result, expired)
    assert entry["screening_id"] == expired["screening"]["id"]  # linked, but not current
    assert entry["outcome"] is None
    assert verdicts(entry) == ["exclude"] * 3
    got = client.get(f"/api/v1/screenings/{expired['screening']['id']}", headers=admin["headers"]).get_json()
    assert got["is_valid"] is False
    # a fresh screening clears it again
    screen(client, admin, client.get("/api/v1/screening/form", headers=admin["headers"]).get_json(),
           expired["id"], CLEAR)
    assert clearance(client, admin, plan["id"])["status"] == "clear"


def test_latest_screening_counts(client, admin, form, setup):
    _, plan, (member,) = setup([REFER])  # (after a defer the crisis hold decides: test_safety_over_time.py)
    assert clearance(client, admin, plan["id"])["status"] == "blocked"
    newer = screen(client, admin, form, member["id"], CLEAR)
    result = clearance(client, admin, plan["id"])
    assert result["status"] == "clear"
    assert entry_for(result, member)["screening_id"] == newer["id"]


# --- trauma-informed facilitators ---------------------------------------------------------------------


def test_unresolved_trauma_needs_a_trauma_informed_facilitator(client, admin, setup, create_therapist):
    plain = create_therapist(name="Pia Plain")
    group, plan, (member,) = setup([TRAUMA], slugs=("eyes-open-grounding", "closing-grounding"),
                                   facilitator_ids=[plain["id"]])
    result = clearance(client, admin, plan["id"])
    assert result["status"] == "caution"
    assert verdicts(entry_for(result, member)) == ["ok", "ok"]
    assert len(result["facilitator_warnings"]) == 1
    assert member["display_name"] in result["facilitator_warnings"][0]  # named, for the facilitator
    assert "trauma" in result["facilitator_warnings"][0]

    informed = create_therapist(trauma_informed=True, name="Tess Trauma")
    etag = client.get(f"/api/v1/groups/{group['id']}", headers=admin["headers"]).headers["ETag"]
    r = client.patch(f"/api/v1/groups/{group['id']}", headers={**admin["headers"], "If-Match": etag},
                     json={"facilitator_ids": [plain["id"], informed["id"]]})
    assert r.status_code == 200, r.get_json()
    result = clearance(client, admin, plan["id"])
    assert result["facilitator_warnings"] == []
    assert result["status"] == "clear"


def test_trauma_exclusion_still_applies_with_a_trauma_informed_facilitator(client, admin, setup, create_therapist):
    informed = create_therapist(trauma_informed=True)
    _, plan, (member,) = setup([TRAUMA], facilitator_ids=[informed["id"]])
    result = clearance(client, admin, plan["id"])
    assert result["facilitator_warnings"] == []
    assert result["status"] == "caution"
    opening, visual, closing = entry_for(result, member)["items"]
    assert visual["verdict"] == "exclude" and any("unresolved_trauma" in r for r in visual["reasons"])
    assert opening["verdict"] == "ok" and closing["verdict"] == "ok"


def test_facilitator_warning_only_for_screened_trauma(client, admin, setup):
    _, plan, _ = setup([CLEAR, DISSOCIATION])
    assert clearance(client, admin, plan["id"])["facilitator_warnings"] == []


# --- overrides, breaks, templates ---------------------------------------------------------------------


def test_override_to_clear_changes_the_outcome_not_the_flags(client, admin, setup, create_therapist):
    lead = create_therapist(clinical_lead=True, name="Lee Lead")
    _, plan, (member,) = setup([REFER])
    result = clearance(client, admin, plan["id"])
    assert result["status"] == "blocked" and verdicts(entry_for(result, member)) == ["exclude"] * 3
    r = client.post(f"/api/v1/screenings/{member['screening']['id']}/override", headers=lead["headers"],
                    json={"outcome": "clear", "reason": "Answer was a misunderstanding; confirmed in session."})
    assert r.status_code == 201, r.get_json()
    result = clearance(client, admin, plan["id"])
    entry = entry_for(result, member)
    assert entry["outcome"] == "clear" and entry["computed_outcome"] == "refer"
    assert entry["override"]["by"]["name"] == "Lee Lead" and "misunderstanding" in entry["override"]["reason"]
    # the visualisation still excludes for the computed unresolved_trauma flag, with the alternative activity
    assert verdicts(entry) == ["ok", "exclude", "ok"] and result["status"] == "caution"
    assert "eyes-open grounding" in entry["items"][1]["alternative"]


def test_override_to_refer_blocks(client, admin, setup):
    _, plan, (member,) = setup([DISSOCIATION])
    assert clearance(client, admin, plan["id"])["status"] == "caution"
    r = client.post(f"/api/v1/screenings/{member['screening']['id']}/override", headers=admin["headers"],
                    json={"outcome": "refer", "reason": "Needs individual work first."})
    assert r.status_code == 201
    result = clearance(client, admin, plan["id"])
    assert result["status"] == "blocked" and verdicts(entry_for(result, member)) == ["exclude"] * 3


def test_the_latest_of_several_overrides_counts(client, admin, setup, create_therapist):
    lead = create_therapist(clinical_lead=True)
    _, plan, (member,) = setup([REFER])
    url = f"/api/v1/screenings/{member['screening']['id']}/override"
    for outcome in ("clear", "refer", "caution"):
        r = client.post(url, headers=lead["headers"],
                        json={"outcome": outcome, "reason": f"Reviewed in supervision: {outcome}."})
        assert r.status_code == 201, r.get_json()
        assert entry_for(clearance(client, admin, plan["id"]), member)["outcome"] == outcome


def test_breaks_are_ok_for_everyone(client, admin, setup, mods):
    _, plan, (member,) = setup([REFER])
    etag = client.get(f"{PLANS}/{plan['id']}", headers=admin["headers"]).headers["ETag"]
    r = client.put(f"{PLANS}/{plan['id']}/items", headers={**admin["headers"], "If-Match": etag}, json={"items": [
        {"module_id": None, "minutes": 15}, {"module_id": mods["closing-grounding"]["id"], "minutes": 10}]})
    assert r.status_code == 200
    result = clearance(client, admin, plan["id"])
    assert verdicts(entry_for(result, member)) == ["ok", "exclude"]
    assert entry_for(result, member)["items"][0]["module_id"] is None


def test_template_plan_is_clear_with_a_no_members_warning(client, admin, mods):
    r = client.post(PLANS, headers=admin["headers"], json={
        "title": "Template", "starts_at": "2027-04-01T09:00:00+02:00",
        "items": [{"module_id": mods["younger-self-visualisation"]["id"], "minutes": 25}]})
    assert r.status_code == 201
    result = clearance(client, admin, r.get_json()["id"])
    assert result["status"] == "clear"
    assert result["participants"] == [] and result["missing_screenings"] == []
    assert len(result["facilitator_warnings"]) == 1 and "no members" in result["facilitator_warnings"][0]


def test_template_without_a_time_is_clear_with_null_times_not_a_500(client, admin, mods):
    """Issue 28 point 4: a template with no `starts_at` answered 500 (schemathesis found it)."""
    r = client.post(PLANS, headers=admin["headers"], json={
        "title": "Timeless template",
        "items": [{"module_id": mods["younger-self-visualisation"]["id"], "minutes": 25}]})
    assert r.status_code == 201 and r.get_json()["starts_at"] is None
    result = clearance(client, admin, r.get_json()["id"])
    assert result["status"] == "clear" and result["participants"] == []
    assert result["session_ends_at"] is None and result["session_date"] is None
    assert len(result["facilitator_warnings"]) == 1 and "no members" in result["facilitator_warnings"][0]


def test_clearance_of_another_practices_plan_is_404(client, admin, other, setup):
    _, plan, _ = setup([DEFER], by=other)
    assert clearance(client, other, plan["id"])["status"] == "blocked"
    assert_error(client.get(f"{PLANS}/{plan['id']}/clearance", headers=admin["headers"]), 404)
    assert_error(client.get(f"{PLANS}/00000000-0000-0000-0000-000000000000/clearance", headers=admin["headers"]),
                 404)


def test_response_matches_the_documented_schema(client, admin, setup):
    """The clearance body is built JSON-ready (no marshmallow dump): it must still be exactly the
    documented ClearanceSchema, no unknown or missing fields, right types and enums."""
    from toolkit.screening.schemas import ClearanceSchema

    _, plan, _ = setup([CLEAR, DISSOCIATION, None])
    body = clearance(client, admin, plan["id"])
    loaded = ClearanceSchema().load(body)  # raises on an unknown field, a wrong type or a bad enum value
    assert loaded["status"] == "blocked" and len(loaded["participants"]) == 3
    assert loaded["checked_at"].tzinfo is not None

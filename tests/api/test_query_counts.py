"""The number of SQL statements a request runs does not grow with the size of what it returns
(issue 5 done-when: clearance in a constant number of queries; issue 8 point 3: no N+1 in lists)."""

from datetime import UTC, datetime

import pytest

from tests.factories import safety_plan
from tests.helpers import answers_for, make_items, make_plan, queries_for

PLANS = "/api/v1/plans"


# --- helpers ------------------------------------------------------------------------------------------


@pytest.fixture
def screened_group(client, admin, create_group, create_participant, create_therapist, mods):
    """make(n) -> a plan of a retreat with n members, each screened (a mix of outcomes, one override)."""
    form = client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()
    answer_sets = [{}, {"dissociation_1": 2}, {"younger_self_1": 3}, {"phq9_9": 1}]

    def make(n):
        informed = create_therapist(trauma_informed=True)
        plain = create_therapist()
        group = create_group(name=f"Group of {n}", capacity=50, facilitator_ids=[plain["id"], informed["id"]])
        for i in range(n):
            participant = create_participant()
            r = client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                            json={"participant_id": participant["id"]})
            assert r.status_code == 201
            r = client.post(f"/api/v1/participants/{participant['id']}/screenings", headers=admin["headers"],
                            json={"form_version": form["version"],
                                  "answers": answers_for(form, answer_sets[i % len(answer_sets)])})
            assert r.status_code == 201, r.get_json()
            if i == 0:
                r = client.post(f"/api/v1/screenings/{r.get_json()['id']}/override", headers=admin["headers"],
                                json={"outcome": "caution", "reason": "Watch closely."})
                assert r.status_code == 201
        return make_plan(client, admin, group["id"], make_items(mods, 5))

    return make


# --- the counts ---------------------------------------------------------------------------------------


def test_clearance_queries_do_not_grow_with_the_group(client, admin, screened_group, count_queries):
    small, large = screened_group(3), screened_group(12)
    n_small, body_small = queries_for(client, count_queries, "GET", f"{PLANS}/{small['id']}/clearance", admin)
    n_large, body_large = queries_for(client, count_queries, "GET", f"{PLANS}/{large['id']}/clearance", admin)
    assert len(body_small["participants"]) == 3 and len(body_large["participants"]) == 12
    assert body_large["missing_screenings"] == []
    assert all(len(p["items"]) == 5 for p in body_large["participants"])
    assert n_small == n_large, (n_small, n_large)


def test_plan_queries_do_not_grow_with_its_items(client, admin, create_group, create_participant, mods,
                                                 count_queries):
    group = create_group(name="Items")
    client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                json={"participant_id": create_participant()["id"]})
    small = make_plan(client, admin, group["id"], make_items(mods, 3))
    large = make_plan(client, admin, group["id"], make_items(mods, 12), starts_at="2027-05-01T09:00:00+02:00")
    n_small, body_small = queries_for(client, count_queries, "GET", f"{PLANS}/{small['id']}", admin)
    n_large, body_large = queries_for(client, count_queries, "GET", f"{PLANS}/{large['id']}", admin)
    assert len(body_small["items"]) == 3 and len(body_large["items"]) == 12
    assert n_small == n_large, (n_small, n_large)


def test_plan_list_queries_do_not_grow_with_the_plans(client, admin, create_group, mods, count_queries):
    few, many = create_group(name="Few"), create_group(name="Many")
    for day in range(1, 3):
        make_plan(client, admin, few["id"], make_items(mods, 4), starts_at=f"2027-04-0{day}T09:00:00+02:00")
    for day in range(1, 9):
        make_plan(client, admin, many["id"], make_items(mods, 4 + day), starts_at=f"2027-04-0{day}T09:00:00+02:00")
    n_few, body_few = queries_for(client, count_queries, "GET", PLANS, admin, query_string={"group_id": few["id"]})
    n_many, body_many = queries_for(client, count_queries, "GET", PLANS, admin,
                                    query_string={"group_id": many["id"]})
    assert len(body_few) == 2 and len(body_many) == 8
    assert n_few == n_many, (n_few, n_many)


def test_module_list_queries_do_not_grow_with_the_page(client, admin, count_queries):
    n_small, body_small = queries_for(client, count_queries, "GET", "/api/v1/modules", admin,
                                      query_string={"page_size": 5})
    n_large, body_large = queries_for(client, count_queries, "GET", "/api/v1/modules", admin,
                                      query_string={"page_size": 50})
    assert len(body_small) == 5 and len(body_large) > 15
    assert n_small == n_large, (n_small, n_large)


def test_participant_list_queries_do_not_grow_with_the_practice(client, register, create_participant,
                                                                count_queries):
    small, large = register(practice_name="Small"), register(practice_name="Large")
    for _ in range(3):
        create_participant(by=small)
    for _ in range(12):
        create_participant(by=large)
    n_small, body_small = queries_for(client, count_queries, "GET", "/api/v1/participants", small,
                                      query_string={"page_size": 50})
    n_large, body_large = queries_for(client, count_queries, "GET", "/api/v1/participants", large,
                                      query_string={"page_size": 50})
    assert len(body_small) == 3 and len(body_large) == 12
    assert n_small == n_large, (n_small, n_large)


def test_screening_list_queries_do_not_grow_with_the_screenings(client, admin, create_participant, count_queries):
    form = client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()
    few, many = create_participant(), create_participant()
    for participant, n in ((few, 2), (many, 8)):
        for i in range(n):
            r = client.post(f"/api/v1/participants/{participant['id']}/screenings", headers=admin["headers"],
                            json={"form_version": form["version"],
                                  "answers": answers_for(form, {"dissociation_1": i % 3})})
            assert r.status_code == 201, r.get_json()
            if i % 2:
                r = client.post(f"/api/v1/screenings/{r.get_json()['id']}/override", headers=admin["headers"],
                                json={"outcome": "refer", "reason": "Reviewed."})
                assert r.status_code == 201
    n_few, body_few = queries_for(client, count_queries, "GET", f"/api/v1/participants/{few['id']}/screenings",
                                  admin)
    n_many, body_many = queries_for(client, count_queries, "GET", f"/api/v1/participants/{many['id']}/screenings",
                                    admin)
    assert len(body_few) == 2 and len(body_many) == 8
    assert n_few == n_many, (n_few, n_many)


def test_the_counter_sees_queries(client, admin, count_queries):
    """Guard against a listener that never fires (which would make every comparison above pass)."""
    n, _ = queries_for(client, count_queries, "GET", "/api/v1/modules", admin)
    assert n >= 2


def test_clearance_queries_do_not_grow_with_person_histories(client, admin, create_group, create_participant,
                                                             create_therapist, mods, count_queries):
    """Safety follows the person (issue 27): crisis holds, recent crises, reviews and deterioration against
    each person's one baseline across every group, still in a constant number of statements."""
    form = client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()
    lead = create_therapist(clinical_lead=True)
    other_group = create_group(name="Elsewhere", capacity=50)

    def with_history(n):
        group = create_group(name=f"History of {n}", capacity=50)
        for i in range(n):
            pid = create_participant()["id"]
            for gid in (group["id"], other_group["id"]):
                assert client.post(f"/api/v1/groups/{gid}/members", headers=admin["headers"],
                                   json={"participant_id": pid}).status_code == 201
            client.delete(f"/api/v1/groups/{other_group['id']}/members/{pid}", headers=admin["headers"])
            for overrides in ({"phq9_1": 1}, {"present_crisis_1": 1} if i % 2 else {"phq9_2": 3}, {}):
                r = client.post(f"/api/v1/participants/{pid}/screenings", headers=admin["headers"],
                                json={"form_version": form["version"], "answers": answers_for(form, overrides)})
                assert r.status_code == 201, r.get_json()
                if overrides.get("present_crisis_1"):
                    assert client.post(f"/api/v1/participants/{pid}/crisis-reviews", headers=lead["headers"], json={
                        "screening_id": r.get_json()["id"], "summary": "Seen today and a plan agreed together.",
                        "risk_level": "moderate", "safety_plan_id": safety_plan(client, lead, pid),
                        "follow_up_on": datetime.now(UTC).date().isoformat()}).status_code == 201
            if i % 3 == 0:
                assert client.post(f"/api/v1/participants/{pid}/progress-reviews", headers=lead["headers"],
                                   json={"reason": "Reviewed in supervision today."}).status_code == 201
        return make_plan(client, admin, group["id"], make_items(mods, 5))

    small, large = with_history(3), with_history(12)
    n_small, body_small = queries_for(client, count_queries, "GET", f"{PLANS}/{small['id']}/clearance", admin)
    n_large, body_large = queries_for(client, count_queries, "GET", f"{PLANS}/{large['id']}/clearance", admin)
    assert len(body_large["participants"]) == 12
    assert any(p["recent_crisis"] for p in body_large["participants"])
    assert any(p["crisis_hold"] for p in body_large["participants"])
    assert n_small == n_large, (n_small, n_large)


# Uncached, whatever the history or the group (issue 32: tested constants, like clearance's in
# test_person_state.py).
PROGRESS_STATEMENTS = 11
GROUP_PROGRESS_STATEMENTS = 12


def test_progress_queries_do_not_grow_with_the_history_or_the_group(client, admin, create_group, create_participant,
                                                                    count_queries):
    """Issue 32: a person's progress and a group's progress read stored numbers in a constant number of
    statements, whatever the number of screenings or members."""
    form = client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()

    def screened(n_screenings):
        pid = create_participant()["id"]
        for i in range(n_screenings):
            r = client.post(f"/api/v1/participants/{pid}/screenings", headers=admin["headers"],
                            json={"form_version": form["version"],
                                  "answers": answers_for(form, {"phq9_1": i % 4, "gad7_1": (i + 1) % 4})})
            assert r.status_code == 201, r.get_json()
        return pid

    def group_of(n_members):
        group = create_group(name=f"Progress of {n_members}", capacity=50)
        for _ in range(n_members):
            assert client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                               json={"participant_id": screened(3)}).status_code == 201
        return group["id"]

    few, many = screened(2), screened(8)
    n_few, body_few = queries_for(client, count_queries, "GET", f"/api/v1/participants/{few}/progress", admin)
    n_many, body_many = queries_for(client, count_queries, "GET", f"/api/v1/participants/{many}/progress", admin)
    assert body_few and body_many
    assert n_few == n_many == PROGRESS_STATEMENTS, (n_few, n_many)
    small, large = group_of(2), group_of(6)
    n_small, body_small = queries_for(client, count_queries, "GET", f"/api/v1/groups/{small}/progress", admin)
    n_large, body_large = queries_for(client, count_queries, "GET", f"/api/v1/groups/{large}/progress", admin)
    assert body_small and body_large
    assert n_small == n_large == GROUP_PROGRESS_STATEMENTS, (n_small, n_large)

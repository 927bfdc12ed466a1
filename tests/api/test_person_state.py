"""The person's state is written with their history (issue 32 point 1): every kind of write that changes what
clearance reads (screening, override, crisis review, progress review, membership) leaves a stored row equal to
the state computed again from the whole history; clearance reads those rows (one statement for every member)
and falls back to the history for a person without one; `flask seed` and the import fill missing rows."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, select, update

from tests.factories import safety_plan, shift_person
from tests.helpers import cli, if_match, phq, queries_for, screen
from toolkit.clearance import state
from toolkit.clearance.models import PersonState
from toolkit.extensions import db
from toolkit.tenancy import across_practices

API = "/api/v1"
SOON = (datetime.now(UTC) + timedelta(days=14)).strftime("%Y-%m-%dT09:00:00+00:00")
SLUGS = ("opening-check-in", "younger-self-visualisation", "closing-grounding")

# Uncached clearance of a plan, whatever the number of members and the length of their histories (the
# request's own statements: the login, the plan, members with their newest screening, the stored states,
# items, facilitators, attendance, agreements, alerts, the re-screen rhythm...).
CLEARANCE_STATEMENTS = 19


@pytest.fixture
def form(client, admin):
    return client.get(f"{API}/screening/form", headers=admin["headers"]).get_json()


@pytest.fixture
def lead(create_therapist):
    return create_therapist(clinical_lead=True, name="Lena Lead")


@pytest.fixture
def plan_of(client, admin):
    mods = {m["slug"]: m for m in client.get(f"{API}/modules?page_size=100", headers=admin["headers"]).get_json()}

    def make(group_id):
        items = [{"module_id": mods[s]["id"], "minutes": mods[s]["default_minutes"]} for s in SLUGS]
        r = client.post(f"{API}/plans", headers=admin["headers"],
                        json={"title": "Session", "group_id": group_id, "starts_at": SOON, "items": items})
        assert r.status_code == 201, r.get_json()
        return r.get_json()

    return make




def stored(app, pid):
    with app.app_context(), across_practices(db.session):
        return db.session.scalars(select(PersonState).where(PersonState.participant_id == pid)).one_or_none()


def assert_stored_is_computed(app, pid):
    """The row exists and says exactly what the whole history says now."""
    row = stored(app, pid)
    assert row is not None, "no stored state: the write did not refresh it"
    with app.app_context(), across_practices(db.session):
        computed = state.compute([pid])[pid]
    assert state.PersonState.from_row(row) == computed
    return computed


def member(client, who, group_id, pid):
    r = client.post(f"{API}/groups/{group_id}/members", headers=who["headers"], json={"participant_id": pid})
    assert r.status_code == 201, r.get_json()


def test_every_kind_of_write_leaves_the_stored_state_equal_to_the_history(app, client, admin, lead, form,
                                                                          create_group, create_participant):
    pid = create_participant()["id"]
    group = create_group(name="Weekly", kind="group", capacity=8)
    member(client, admin, group["id"], pid)  # a membership
    assert_stored_is_computed(app, pid)
    screen(client, admin, form, pid, phq(3))  # a form screening
    shift_person(app, pid, 24 * 10)  # (moves the history: refreshed too)
    assert assert_stored_is_computed(app, pid).deterioration == ()
    screen(client, admin, form, pid, phq(9))  # +6: a reliable deterioration
    now = assert_stored_is_computed(app, pid)
    assert now.overall == "deteriorated" and now.deterioration

    r = client.post(f"{API}/participants/{pid}/progress-reviews", headers=lead["headers"],
                    json={"reason": "Seen individually: a bereavement; deep work may go on."})
    assert r.status_code == 201, r.get_json()  # a progress review
    now = assert_stored_is_computed(app, pid)
    assert now.deterioration == () and now.overall is None  # the reviewed screening is the baseline now

    assert client.delete(f"{API}/groups/{group['id']}/members/{pid}", headers=admin["headers"]).status_code in (
        200, 204)  # a membership ended
    assert_stored_is_computed(app, pid)

    crisis = screen(client, admin, form, pid, {"present_crisis_1": 1})  # a crisis screening
    now = assert_stored_is_computed(app, pid)
    assert now.hold and now.crisis["screening_id"] == crisis["id"] and now.crisis["reviewed_by"] is None

    r = client.post(f"{API}/participants/{pid}/crisis-reviews", headers=lead["headers"], json={
        "screening_id": crisis["id"], "summary": "Seen with the GP today; plan agreed, settled.",
        "risk_level": "low", "safety_plan_id": safety_plan(client, lead, pid),
        "follow_up_on": date.today().isoformat()})
    assert r.status_code == 201, r.get_json()  # a crisis review
    now = assert_stored_is_computed(app, pid)
    assert now.hold and now.crisis["reviewed_by"] == "Lena Lead"
    shift_person(app, pid, 25)
    clear = screen(client, admin, form, pid)  # a day later, free of crisis: the hold lifts
    now = assert_stored_is_computed(app, pid)
    assert not now.hold and now.crisis["crisis_free_since_review"] == 1

    r = client.post(f"{API}/screenings/{clear['id']}/override", headers=lead["headers"],
                    json={"outcome": "defer", "reason": "Said on the phone that things are bad again."})
    assert r.status_code == 201, r.get_json()  # an override to defer: a crisis again
    now = assert_stored_is_computed(app, pid)
    assert now.hold and now.crisis["screening_id"] == clear["id"]


def test_clearance_reads_the_stored_state(app, client, admin, form, create_group, create_participant, plan_of):
    """Proof that the row, not the history, decides: a row saying `hold` holds a person whose history is clear."""
    pid = create_participant()["id"]
    group = create_group(name="Stored")
    member(client, admin, group["id"], pid)
    screen(client, admin, form, pid)
    plan = plan_of(group["id"])
    path = f"{API}/plans/{plan['id']}/clearance"
    assert client.get(path, headers=admin["headers"]).get_json()["participants"][0]["crisis_hold"] is False
    with app.app_context(), across_practices(db.session):
        db.session.execute(update(PersonState).where(PersonState.participant_id == pid).values(hold=True))
        db.session.commit()
    entry = client.get(path, headers=admin["headers"]).get_json()["participants"][0]
    assert entry["crisis_hold"] is True and entry["outcome"] == "defer"


def test_a_person_without_a_row_is_computed_from_the_history_and_seed_fills_it(app, client, admin, lead, form,
                                                                               create_group, create_participant,
                                                                               plan_of):
    pid = create_participant()["id"]
    group = create_group(name="Before the table")
    member(client, admin, group["id"], pid)
    screen(client, admin, form, pid, {"present_crisis_1": 1})
    plan = plan_of(group["id"])
    path = f"{API}/plans/{plan['id']}/clearance"
    before = client.get(path, headers=admin["headers"]).get_json()["participants"][0]
    assert before["crisis_hold"] is True
    with app.app_context(), across_practices(db.session):  # as after the upgrade that made the table
        db.session.execute(delete(PersonState))
        db.session.commit()
    after = client.get(path, headers=admin["headers"]).get_json()["participants"][0]
    assert after == before  # computed from the history: never clear for want of a row
    assert "person states: 1 computed" in cli(app, "seed").output
    assert_stored_is_computed(app, pid)
    assert "person states" not in cli(app, "seed").output  # nothing missing any more


def test_a_participant_with_nothing_recorded_is_still_deleted(app, client, admin, create_group, create_participant):
    pid = create_participant()["id"]
    group = create_group(name="Briefly")
    member(client, admin, group["id"], pid)
    assert stored(app, pid) is not None
    assert client.delete(f"{API}/groups/{group['id']}/members/{pid}", headers=admin["headers"]).status_code in (
        200, 204)
    url = f"{API}/participants/{pid}"
    assert client.delete(url, headers=if_match(client, url, admin["headers"])).status_code == 204
    assert stored(app, pid) is None


def test_uncached_clearance_is_a_constant_number_of_statements(client, admin, form, create_group,
                                                             create_participant, plan_of, count_queries):
    """Two members with one screening each, or twelve with up to four each: the same statements."""
    plans = []
    for size, history in ((2, 1), (12, 4)):
        group = create_group(name=f"Group of {size}", capacity=20)
        for i in range(size):
            pid = create_participant()["id"]
            member(client, admin, group["id"], pid)
            for n in range(1 + i % history):
                screen(client, admin, form, pid, phq(3 + 3 * n))
        plans.append(plan_of(group["id"]))
    counts = []
    for plan in plans:
        n, body = queries_for(client, count_queries, "GET", f"{API}/plans/{plan['id']}/clearance", admin)
        assert body["participants"] and all(p["screening_id"] for p in body["participants"])
        counts.append(n)
    assert counts == [CLEARANCE_STATEMENTS, CLEARANCE_STATEMENTS], counts

"""Alerts (issue 29): raised by the server once per cause, in the transaction of the cause (a crisis screening
at once) or by the periodic task with the clock moved; acknowledged and resolved with the clinical rules;
shown on the participant and in clearance; audited."""

import threading
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from tests.factories import crisis_review
from tests.helpers import answers_for, assert_error
from toolkit import create_app, signals
from toolkit.alerts.due import raise_due_alerts
from toolkit.alerts.models import Alert
from toolkit.alerts.rules import cause_key
from toolkit.alerts.services import raise_alert
from toolkit.extensions import db
from toolkit.tenancy import set_practice

ALERTS = "/api/v1/alerts"
LONG = "Phoned the same day; safety plan reviewed with the person and their GP."
SOON = datetime.now(UTC) + timedelta(days=3)


def iso(moment):
    return moment.strftime("%Y-%m-%dT09:00:00+00:00")


@pytest.fixture
def form(client, admin):
    return client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()


@pytest.fixture
def lead(create_therapist):
    return create_therapist(clinical_lead=True, name="Lena Lead")


@pytest.fixture
def plain(create_therapist):
    return create_therapist(name="Pat Plain")


@pytest.fixture
def screen(client, admin, form):
    def make(pid, overrides=None, who=None):
        r = client.post(f"/api/v1/participants/{pid}/screenings", headers=(who or admin)["headers"],
                        json={"form_version": form["version"], "answers": answers_for(form, overrides)})
        assert r.status_code == 201, r.get_json()
        return r.get_json()

    return make


def alerts(client, who, **query):
    r = client.get(ALERTS, headers=who["headers"], query_string={"page_size": 100, **query})
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def audit_actions(client, admin):
    events = client.get("/api/v1/audit-events?page_size=100&record_type=alert", headers=admin["headers"]).get_json()
    return [(e["action"], e["outcome"]) for e in events]


def test_a_crisis_screening_raises_one_crisis_alert_in_its_own_request(client, admin, create_participant, screen,
                                                                       plain):
    person = create_participant()
    screening = screen(person["id"], {"phq9_9": 1})
    assert screening["outcome"] == "defer"
    listed = alerts(client, admin)
    assert [(a["kind"], a["status"], a["participant_id"], a["source_type"], a["source_id"]) for a in listed] == [
        ("crisis", "open", person["id"], "screening", screening["id"])]
    alert = listed[0]
    assert alert["acknowledged_by"] is None and alert["resolved_at"] is None and alert["raised_at"]
    # an override to defer of the same screening is the same cause: still one
    r = client.post(f"/api/v1/screenings/{screening['id']}/override", headers=plain["headers"],
                    json={"outcome": "defer", "reason": "Still in crisis when we spoke afterwards."})
    assert r.status_code == 201, r.get_json()
    assert len(alerts(client, admin, kind="crisis")) == 1
    # a calm screening raises nothing
    calm = create_participant()
    screen(calm["id"])
    assert alerts(client, admin, participant_id=calm["id"]) == []
    # the participant and clearance show the open alert
    shown = client.get(f"/api/v1/participants/{person['id']}", headers=admin["headers"]).get_json()
    assert [(a["id"], a["kind"], a["status"]) for a in shown["alerts"]] == [(alert["id"], "crisis", "open")]
    assert ("raise", "ok") in audit_actions(client, admin)


def test_an_override_to_defer_raises_a_crisis_alert(client, admin, create_participant, screen, plain):
    person = create_participant()
    screening = screen(person["id"])
    assert alerts(client, admin) == []
    r = client.post(f"/api/v1/screenings/{screening['id']}/override", headers=plain["headers"],
                    json={"outcome": "defer", "reason": "Disclosed a crisis after the intake."})
    assert r.status_code == 201
    assert [(a["kind"], a["source_id"]) for a in alerts(client, admin)] == [("crisis", screening["id"])]


def test_resolving_a_crisis_needs_a_clinical_lead_and_a_reason(client, admin, create_participant, screen, plain,
                                                                lead, other):
    person = create_participant()
    screen(person["id"], {"phq9_9": 1})
    alert = alerts(client, admin)[0]
    url = f"{ALERTS}/{alert['id']}"
    assert_error(client.post(f"{url}/resolve", headers=plain["headers"], json={"reason": LONG}), 403)
    assert_error(client.post(f"{url}/resolve", headers=lead["headers"], json={"reason": "too short"}), 422)
    assert_error(client.post(f"{url}/resolve", headers=lead["headers"], json={}), 422)
    assert_error(client.post(f"{url}/acknowledge", headers=other["headers"]), 404)
    assert_error(client.get(url, headers=other["headers"]), 404)

    r = client.post(f"{url}/acknowledge", headers=plain["headers"])
    assert r.status_code == 200 and r.get_json()["status"] == "acknowledged"
    assert r.get_json()["acknowledged_by"]["id"] == plain["id"] and r.get_json()["acknowledged_at"]
    again = client.post(f"{url}/acknowledge", headers=lead["headers"]).get_json()
    assert again["acknowledged_by"]["id"] == plain["id"]  # acknowledging again changes nothing

    r = client.post(f"{url}/resolve", headers=lead["headers"], json={"reason": LONG})
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["status"] == "resolved" and body["resolved_by"]["id"] == lead["id"]
    assert body["resolution_reason"] == LONG and body["resolved_at"]
    assert_error(client.post(f"{url}/resolve", headers=lead["headers"], json={"reason": LONG}), 409)
    assert_error(client.post(f"{url}/acknowledge", headers=lead["headers"]), 409)
    assert client.get(url, headers=admin["headers"]).get_json()["status"] == "resolved"
    assert alerts(client, admin, status="open") == [] and len(alerts(client, admin, status="resolved")) == 1
    assert client.get(f"/api/v1/participants/{person['id']}", headers=admin["headers"]).get_json()["alerts"] == []
    actions = audit_actions(client, admin)
    for action in (("raise", "ok"), ("acknowledge", "ok"), ("resolve", "ok"), ("resolve", "denied"), ("read", "ok"),
                   ("list", "ok")):
        assert action in actions, actions


def test_other_kinds_are_resolved_by_any_therapist(app, client, admin, plain, create_participant):
    person = create_participant()
    with app.app_context():
        set_practice(db.session, admin["practice_id"])
        raise_alert(practice_id=admin["practice_id"], kind="self_report_received", cause="test:1",
                    source_type="screening", source_id="s-1", participant_id=person["id"], actor=None)
        db.session.commit()
    alert = alerts(client, admin)[0]
    r = client.post(f"{ALERTS}/{alert['id']}/resolve", headers=plain["headers"], json={"reason": "Read it."})
    assert r.status_code == 200 and r.get_json()["resolved_by"]["id"] == plain["id"]


def test_list_filters_paginates_and_is_newest_first(app, client, admin, other, create_participant):
    a, b = create_participant(), create_participant()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with app.app_context():
        set_practice(db.session, admin["practice_id"])
        for i, (kind, pid) in enumerate([("crisis", a), ("self_report_received", b), ("crisis", b)]):
            raise_alert(practice_id=admin["practice_id"], kind=kind, cause=f"test:{i}", source_type="screening",
                        source_id=f"s-{i}", participant_id=pid["id"], actor=None, now=start + timedelta(hours=i))
        db.session.commit()
    assert [x["source_id"] for x in alerts(client, admin)] == ["s-2", "s-1", "s-0"]
    assert [x["source_id"] for x in alerts(client, admin, kind="crisis")] == ["s-2", "s-0"]
    assert [x["source_id"] for x in alerts(client, admin, participant_id=b["id"])] == ["s-2", "s-1"]
    r = client.get(ALERTS, headers=admin["headers"], query_string={"page_size": 2, "page": 2})
    assert [x["source_id"] for x in r.get_json()] == ["s-0"] and '"total": 3' in r.headers["X-Pagination"]
    assert alerts(client, other) == []
    assert_error(client.get(ALERTS, headers=admin["headers"], query_string={"kind": "nope"}), 422)
    assert_error(client.get(ALERTS, headers=admin["headers"], query_string={"status": "closed"}), 422)


def test_a_reliable_deterioration_raises_a_deterioration_alert(client, admin, create_participant, screen):
    person = create_participant()
    screen(person["id"], {"gad7_1": 1})
    assert alerts(client, admin) == []
    later = screen(person["id"], {f"gad7_{i}": 1 for i in range(1, 7)})
    kinds = [(x["kind"], x["source_id"]) for x in alerts(client, admin)]
    assert kinds == [("deterioration", later["id"])]


def test_self_report_signals_raise_crisis_and_received(app, client, admin, create_participant, screen):
    person = create_participant()
    screening = screen(person["id"])
    with app.app_context():
        set_practice(db.session, admin["practice_id"])
        from toolkit.participants.models import Participant
        from toolkit.screening.models import Screening

        p = db.session.get(Participant, person["id"])
        invitation = SimpleNamespace(id="inv-1")
        for _ in range(2):  # the page saves as the person goes: the second critical answer raises nothing new
            signals.self_report_crisis_answer.send(None, participant=p, invitation=invitation)
        signals.self_report_submitted.send(None, participant=p, screening=db.session.get(Screening, screening["id"]),
                                           invitation=invitation)
        db.session.commit()
    got = sorted((x["kind"], x["source_type"], x["source_id"]) for x in alerts(client, admin))
    assert got == [("crisis", "invitation", "inv-1"), ("self_report_received", "screening", screening["id"])]


# --- the periodic causes, with the clock moved -------------------------------------------------------------


def _due(app, now):
    with app.app_context():
        return raise_due_alerts(now)


def test_follow_up_due_once_when_the_date_passes_without_a_newer_screening(app, client, admin, lead,
                                                                          create_participant, screen):
    person, calm = create_participant(), create_participant()
    for p in (person, calm):
        crisis = screen(p["id"], {"phq9_9": 1})
        r = client.post(f"/api/v1/participants/{p['id']}/crisis-reviews", headers=lead["headers"],
                        json=crisis_review(client, lead, p["id"], crisis["id"],
                                           (date.today() + timedelta(days=2)).isoformat()))
        assert r.status_code == 201, r.get_json()
    screen(calm["id"])  # a newer screening after the review: no follow-up alert for them
    now = datetime.now(UTC)
    assert _due(app, now) == 0
    assert _due(app, now + timedelta(days=3)) == 1
    assert _due(app, now + timedelta(days=4)) == 0  # once
    due = alerts(client, admin, kind="follow_up_due")
    assert [(x["participant_id"], x["source_type"]) for x in due] == [(person["id"], "crisis_review")]


def test_screening_due_and_note_unsigned(app, client, admin, create_group, create_participant, screen):
    group = create_group(name="Tuesday group")
    person, fresh = create_participant(), create_participant()
    for p in (person, fresh):
        assert client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                           json={"participant_id": p["id"]}).status_code == 201
    screen(fresh["id"])
    starts = datetime.now(UTC) + timedelta(days=10)
    r = client.post("/api/v1/plans", headers=admin["headers"],
                    json={"title": "Session", "group_id": group["id"], "starts_at": iso(starts), "items": []})
    assert r.status_code == 201, r.get_json()
    plan = r.get_json()
    note = client.post(f"/api/v1/plans/{plan['id']}/notes", headers=admin["headers"], json={"shared": "Draft."})
    assert note.status_code == 201, note.get_json()
    now = datetime.now(UTC)
    assert _due(app, now) == 0  # the session is 10 days away
    assert _due(app, now + timedelta(days=4)) == 1  # within 7 days: only the member with no screening
    got = alerts(client, admin, kind="screening_due")
    assert [(x["participant_id"], x["source_type"], x["source_id"]) for x in got] == [
        (person["id"], "plan", plan["id"])]
    assert _due(app, now + timedelta(days=5)) == 0
    # the session is held on day 10; its note is still a draft 72 hours later
    assert _due(app, now + timedelta(days=12)) == 0
    assert _due(app, now + timedelta(days=13, hours=12)) == 1
    got = alerts(client, admin, kind="note_unsigned")
    assert [(x["participant_id"], x["source_type"], x["source_id"]) for x in got] == [
        (None, "note", note.get_json()["id"])]
    assert _due(app, now + timedelta(days=20)) == 0


# --- one per cause under concurrency ---------------------------------------------------------------------


def test_two_writers_raising_the_same_cause_make_one_alert(make_config, admin, create_participant):
    """Two app objects (two instances) on one database, each raising the same cause from its own thread."""
    person = create_participant()
    apps = [create_app(make_config()) for _ in range(2)]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run(app):
        try:
            with app.app_context():
                set_practice(db.session, admin["practice_id"])
                barrier.wait(timeout=10)
                made = raise_alert(practice_id=admin["practice_id"], kind="crisis",
                                   cause=cause_key("crisis", "screening", "same"), source_type="screening",
                                   source_id="same", participant_id=person["id"], actor=None)
                db.session.commit()
                results.append(made is not None)
        except Exception as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(a,)) for a in apps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    assert sorted(results) == [False, True]
    with apps[0].app_context():
        count = db.session.scalar(sa.select(sa.func.count()).select_from(Alert).execution_options(all_practices=True))
        assert count == 1
        db.engine.dispose()
    with apps[1].app_context():
        db.engine.dispose()


def test_two_instances_running_the_periodic_task_raise_each_alert_once(make_config, client, admin, lead,
                                                                      create_participant, screen):
    person = create_participant()
    crisis = screen(person["id"], {"phq9_9": 1})
    r = client.post(f"/api/v1/participants/{person['id']}/crisis-reviews", headers=lead["headers"],
                    json=crisis_review(client, lead, person["id"], crisis["id"], date.today().isoformat()))
    assert r.status_code == 201
    apps = [create_app(make_config()) for _ in range(2)]
    later = datetime.now(UTC) + timedelta(days=1)
    barrier = threading.Barrier(2)
    raised, errors = [], []

    def run(app):
        try:
            with app.app_context():
                barrier.wait(timeout=10)
                raised.append(raise_due_alerts(later))
                db.engine.dispose()
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(a,)) for a in apps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    assert sum(raised) == 1
    assert len(alerts(client, admin, kind="follow_up_due")) == 1

"""The change feed (issue 29): events written by the receivers of the named signals in the transaction of
their cause, ids and kinds only, read by cursor; and a cursor that resumes with no gap and no duplicate while
many writers commit at once (threads on a file database here; CI runs the file on PostgreSQL too)."""

import random
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from tests.factories import crisis_review
from tests.helpers import answers_for, assert_error
from toolkit.events.models import Event
from toolkit.events.services import emit, page
from toolkit.extensions import db
from toolkit.tenancy import set_practice

EVENTS = "/api/v1/events"
NAME = "Quillon Marchbanks"


def feed(client, who, after=0, limit=100):
    r = client.get(EVENTS, headers=who["headers"], query_string={"after": after, "limit": limit})
    assert r.status_code == 200, r.get_json()
    return r.get_json()


@pytest.fixture
def form(client, admin):
    return client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()


def test_the_feed_names_changes_by_id_and_kind_only(client, admin, other, form, create_participant, create_group,
                                                   create_therapist):
    lead = create_therapist(clinical_lead=True)
    group = create_group(name="Thursday group")
    person = create_participant(display_name=NAME, notes="Private clinical note")
    joined = (datetime.now(UTC) - timedelta(days=7)).date().isoformat()
    assert client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                       json={"participant_id": person["id"], "joined_on": joined}).status_code == 201
    r = client.post(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"],
                    json={"form_version": form["version"], "answers": answers_for(form, {"phq9_9": 1})})
    assert r.status_code == 201
    screening = r.get_json()
    alert = client.get("/api/v1/alerts", headers=admin["headers"]).get_json()[0]
    r = client.post(f"/api/v1/participants/{person['id']}/crisis-reviews", headers=lead["headers"],
                    json=crisis_review(client, lead, person["id"], screening["id"],
                                       (datetime.now(UTC) + timedelta(days=3)).date().isoformat()))
    assert r.status_code == 201
    review = r.get_json()
    r = client.post(f"/api/v1/alerts/{alert['id']}/resolve", headers=lead["headers"],
                    json={"reason": "Reviewed with the person and their GP the same day."})
    assert r.status_code == 200
    yesterday = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%dT09:00:00+00:00")
    plan = client.post("/api/v1/plans", headers=admin["headers"],
                       json={"title": "Session", "group_id": group["id"], "starts_at": yesterday}).get_json()
    tag = client.get(f"/api/v1/plans/{plan['id']}/attendance", headers=admin["headers"]).headers["ETag"]
    r = client.put(f"/api/v1/plans/{plan['id']}/attendance", headers={**admin["headers"], "If-Match": tag},
                   json={"records": [{"participant_id": person["id"], "status": "present"}]})
    assert r.status_code == 200, r.get_json()
    note = client.post(f"/api/v1/plans/{plan['id']}/notes", headers=admin["headers"], json={"shared": "x"})
    r = client.post(f"/api/v1/notes/{note.get_json()['id']}/sign", headers={**admin["headers"], "If-Match": "*"})
    assert r.status_code == 200, r.get_json()

    body = feed(client, admin)
    events = body["events"]
    assert [e["cursor"] for e in events] == list(range(1, len(events) + 1))
    assert body["next_cursor"] == len(events)
    types = [e["type"] for e in events]
    for expected in ("screening.created", "alert.raised", "clearance.changed", "crisis_review.created",
                     "alert.resolved", "attendance.recorded", "note.signed"):
        assert expected in types, types
    by_type = {e["type"]: e["data"] for e in events}
    assert by_type["screening.created"] == {"screening_id": screening["id"], "participant_id": person["id"]}
    assert by_type["alert.raised"] == {"alert_id": alert["id"], "alert_kind": "crisis", "participant_id": person["id"]}
    assert by_type["crisis_review.created"] == {"crisis_review_id": review["id"], "participant_id": person["id"]}
    assert {"participant_id": person["id"], "group_id": group["id"], "cause": "crisis_review",
            "record_id": review["id"]} in [e["data"] for e in events if e["type"] == "clearance.changed"]
    text = str(body)
    for clinical in (NAME, "Private clinical note", "defer", "acute_crisis", "phq9", "Met; plan agreed"):
        assert clinical not in text
    # the cursor: resume after any point, exactly
    assert feed(client, admin, after=3, limit=2)["events"] == events[3:5]
    assert feed(client, admin, after=3, limit=2)["next_cursor"] == 5
    assert feed(client, admin, after=len(events)) == {"events": [], "next_cursor": len(events)}
    # another practice has its own feed, from 1
    assert feed(client, other) == {"events": [], "next_cursor": 0}
    assert_error(client.get(EVENTS, headers=admin["headers"], query_string={"limit": 0}), 422)
    assert_error(client.get(EVENTS, headers=admin["headers"], query_string={"after": -1}), 422)
    assert_error(client.get(EVENTS, headers=admin["headers"], query_string={"cursor": 1}), 422)


def test_a_rolled_back_change_leaves_no_event_and_no_gap(app, admin):
    with app.app_context():
        set_practice(db.session, admin["practice_id"])
        emit(practice_id=admin["practice_id"], type="note.signed", data={"note_id": "a"})
        db.session.commit()
        emit(practice_id=admin["practice_id"], type="note.signed", data={"note_id": "gone"})
        db.session.rollback()
        emit(practice_id=admin["practice_id"], type="note.signed", data={"note_id": "b"})
        db.session.commit()
        rows, cursor = page(after=0, limit=10)
        assert [(e.seq, e.data["note_id"]) for e in rows] == [(1, "a"), (2, "b")] and cursor == 2


WRITERS, PER_WRITER = 6, 12


def test_the_cursor_resumes_with_no_gap_or_duplicate_under_concurrent_writers(app, admin):
    """Writers commit events in random order with pauses between taking a cursor and committing (some roll
    back); a reader resumes after the last cursor it saw the whole time. It sees every committed event once,
    in cursor order, and the cursors are exactly 1..n."""
    pid = admin["practice_id"]
    done = threading.Event()
    seen: list[int] = []
    errors: list[BaseException] = []
    committed = []
    lock = threading.Lock()

    def writer(n):
        rnd = random.Random(n)
        try:
            with app.app_context():
                set_practice(db.session, pid)
                for i in range(PER_WRITER):
                    emit(practice_id=pid, type="note.signed", data={"note_id": f"{n}-{i}"})
                    time.sleep(rnd.random() / 200)  # hold the cursor a moment before the commit
                    if rnd.random() < 0.2:
                        db.session.rollback()
                        continue
                    db.session.commit()
                    with lock:
                        committed.append(f"{n}-{i}")
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    def reader():
        try:
            with app.app_context():
                set_practice(db.session, pid)
                cursor, finished = 0, False
                while True:
                    last_round = done.is_set()
                    rows, cursor = page(after=cursor, limit=7)
                    seen.extend(e.seq for e in rows)
                    seen_notes.extend(e.data["note_id"] for e in rows)
                    db.session.rollback()  # a new snapshot for the next page
                    if not rows:
                        if finished:
                            break
                        finished = last_round
                        time.sleep(0.002)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    seen_notes: list[str] = []
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    read = threading.Thread(target=reader)
    read.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    done.set()
    read.join(timeout=120)
    assert not errors, errors
    assert seen == list(range(1, len(committed) + 1))  # no gap, no duplicate, in order
    assert sorted(seen_notes) == sorted(committed)
    with app.app_context():
        count = db.session.scalar(sa.select(sa.func.count()).select_from(Event)
                                  .execution_options(all_practices=True))
        assert count == len(committed)

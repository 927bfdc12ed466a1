"""Every write is one transaction: an error injected between two writes of a request answers in the
error shape and leaves nothing behind (SQLite and PostgreSQL)."""

import json

import pytest
import sqlalchemy as sa

from tests.helpers import assert_error
from tests.security.support import API, START, answers_for, builtin_module, ok


class Injected(RuntimeError):
    pass


def explode(*args, **kwargs):
    raise Injected("injected failure between two writes")


@pytest.fixture
def rows(db_url):
    """rows(table) -> the number of rows in a table, counted directly in the database (all practices)."""
    engine = sa.create_engine(db_url)

    def count(table: str, **where) -> int:
        clause = " AND ".join(f"{key} = :{key}" for key in where) or "1=1"
        with engine.connect() as conn:
            return conn.execute(sa.text(f"SELECT count(*) FROM {table} WHERE {clause}"), where).scalar_one()

    yield count
    engine.dispose()


def assert_500(response):
    body = assert_error(response, 500)
    assert "injected" not in response.get_data(as_text=True)
    return body


def test_participant_writes_fail_after_the_row_is_flushed(client, admin, create_participant, rows, monkeypatch):
    from toolkit.participants import services

    before = (rows("participants"), rows("audit_events"))
    monkeypatch.setattr(services, "record", explode)  # runs after the participant row is flushed
    assert_500(client.post(f"{API}/participants", headers=admin["headers"], json={"display_name": "Half Written"}))
    assert (rows("participants"), rows("audit_events")) == before
    monkeypatch.undo()
    assert ok(client.get(f"{API}/participants", headers=admin["headers"])) == []

    # The same on a change: the name and the version stay as they were.
    participant = create_participant(display_name="Before")
    url = f"{API}/participants/{participant['id']}"
    etag = client.get(url, headers=admin["headers"]).headers["ETag"]
    monkeypatch.setattr(services, "record", explode)
    assert_500(client.patch(url, headers={**admin["headers"], "If-Match": etag}, json={"display_name": "After"}))
    monkeypatch.undo()
    r = client.get(url, headers=admin["headers"])
    assert r.get_json()["display_name"] == "Before" and r.headers["ETag"] == etag
    # The old tag still works: the failed write did not move the version.
    ok(client.patch(url, headers={**admin["headers"], "If-Match": etag}, json={"display_name": "After"}))


def test_screening_and_override_fail_after_their_rows_are_flushed(client, admin, create_participant, rows,
                                                                 monkeypatch):
    from toolkit.screening import services

    h = admin["headers"]
    participant = create_participant()
    form = ok(client.get(f"{API}/screening/form", headers=h))
    body = {"form_version": form["version"], "answers": answers_for(form)}
    monkeypatch.setattr(services, "record", explode)
    assert_500(client.post(f"{API}/participants/{participant['id']}/screenings", headers=h, json=body))
    assert rows("screenings") == 0
    monkeypatch.undo()
    screening = ok(client.post(f"{API}/participants/{participant['id']}/screenings", headers=h, json=body), 201)
    monkeypatch.setattr(services, "record", explode)
    assert_500(client.post(f"{API}/screenings/{screening['id']}/override", headers=h,
                           json={"outcome": "clear", "reason": "Because."}))
    monkeypatch.undo()
    assert rows("screening_overrides") == 0
    assert ok(client.get(f"{API}/screenings/{screening['id']}", headers=h))["overrides"] == []


def test_enrolment_fails_after_the_seat_is_taken(client, admin, create_group, create_participant, monkeypatch):
    from toolkit.groups import services

    group = create_group(kind="retreat", capacity=1)
    first, second = create_participant(), create_participant()
    url = f"{API}/groups/{group['id']}/members"
    monkeypatch.setattr(services, "GroupMember", explode)  # after the conditional UPDATE took the seat
    assert_500(client.post(url, headers=admin["headers"], json={"participant_id": first["id"]}))
    monkeypatch.undo()
    assert ok(client.get(f"{API}/groups/{group['id']}", headers=admin["headers"]))["member_count"] == 0
    # The one seat is still free.
    ok(client.post(url, headers=admin["headers"], json={"participant_id": second["id"]}), 201)
    assert [m["participant_id"] for m in ok(client.get(url, headers=admin["headers"]))] == [second["id"]]


@pytest.fixture
def plan(client, admin):
    h = admin["headers"]
    module = builtin_module(client, h)
    items = [{"module_id": module["id"], "minutes": module["default_minutes"], "notes": "keep me"},
             {"minutes": 10, "title": "Tea"}]
    created = ok(client.post(f"{API}/plans", headers=h, json={"title": "Atomic", "starts_at": START,
                                                               "items": items}), 201)
    url = f"{API}/plans/{created['id']}"
    r = client.get(url, headers=h)
    return {"url": url, "etag": r.headers["ETag"], "body": r.get_json(), "module": module}


def assert_plan_intact(client, admin, plan, rows):
    r = client.get(plan["url"], headers=admin["headers"])
    assert r.get_json() == plan["body"] and r.headers["ETag"] == plan["etag"]
    assert rows("plan_items", plan_id=plan["body"]["id"]) == 2


def new_items(plan, count=3):
    return [{"module_id": plan["module"]["id"], "minutes": 5 + i} for i in range(count)]


def test_item_replacement_that_fails_midway_leaves_the_old_items(client, admin, plan, rows, monkeypatch):
    from toolkit.plans import services

    monkeypatch.setattr(services, "_refresh_times", explode)  # runs after clear() + flush()
    assert_500(client.put(f"{plan['url']}/items", headers={**admin["headers"], "If-Match": plan["etag"]},
                          json={"items": new_items(plan)}))
    monkeypatch.undo()
    assert_plan_intact(client, admin, plan, rows)

    real = services._refresh_times

    def then_fail(p):
        real(p)
        services.db.session.flush()  # the new items are written...
        raise Injected("after the new items")  # ...and then the request fails

    monkeypatch.setattr(services, "_refresh_times", then_fail)
    assert_500(client.put(f"{plan['url']}/items", headers={**admin["headers"], "If-Match": plan["etag"]},
                          json={"items": new_items(plan, 5)}))
    monkeypatch.undo()
    assert_plan_intact(client, admin, plan, rows)


def test_a_422_midway_through_item_replacement_leaves_the_old_items(client, admin, plan, rows, monkeypatch):
    from toolkit.plans import rules, services

    def unschedulable(**kwargs):
        raise rules.PlanRuleError(2, "minutes", "cannot be scheduled (injected)")

    monkeypatch.setattr(services, "compute_plan", unschedulable)  # _refresh_times: after clear() + flush()
    body = assert_error(client.put(f"{plan['url']}/items", headers={**admin["headers"], "If-Match": plan["etag"]},
                                   json={"items": new_items(plan)}), 422)
    assert "items.2.minutes" in body["errors"]
    monkeypatch.undo()
    assert_plan_intact(client, admin, plan, rows)

    # An unknown module at position 3 of 5.
    items = new_items(plan, 5)
    items[3]["module_id"] = "no-such-module"
    body = assert_error(client.put(f"{plan['url']}/items", headers={**admin["headers"], "If-Match": plan["etag"]},
                                   json={"items": items}), 422)
    assert body["errors"] == {"items": {"3": {"module_id": ["Unknown module."]}}}
    assert_plan_intact(client, admin, plan, rows)


def test_plan_create_with_items_is_all_or_nothing(client, admin, rows, monkeypatch):
    from toolkit.plans import services

    module = builtin_module(client, admin["headers"])
    before = (rows("session_plans"), rows("plan_items"))
    real_flush = services.db.session.flush
    calls = []

    def flush_then_fail(*args, **kwargs):
        real_flush(*args, **kwargs)
        calls.append(1)
        raise Injected("after the plan and its items are flushed")

    monkeypatch.setattr(services.db.session, "flush", flush_then_fail)
    assert_500(client.post(f"{API}/plans", headers=admin["headers"], json={
        "title": "Half", "starts_at": START, "items": [{"module_id": module["id"], "minutes": 20}]}))
    monkeypatch.undo()
    assert calls and (rows("session_plans"), rows("plan_items")) == before
    total = client.get(f"{API}/plans", headers=admin["headers"]).headers["X-Pagination"]
    assert json.loads(total)["total"] == 0

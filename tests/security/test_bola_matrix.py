"""Object-level authorisation (OWASP API1/API3/API5): every operation of the spec that takes an id,
called by another practice with every method, answers 404 exactly like an id that does not exist;
ids of another practice inside bodies and queries get nowhere; lists never show another practice's
rows; a therapist cannot do what only an admin may; read-only fields in bodies are refused."""

import json
import re
import uuid

import pytest

from tests.factories import module_payload
from tests.helpers import assert_error, if_match
from tests.security.support import (
    API,
    CAPABILITY_IDS,
    SHARED_IDS,
    START,
    body_for,
    build_world,
    call,
    excerpt,
    fill,
    id_operations,
    is_404,
    ok,
    snapshot,
    world_ids,
    write_bodies,
)


@pytest.fixture
def worlds(client, admin, other, create_participant, create_group, create_therapist):
    """Practice A (`admin`) and practice B (`other`), each with one record of every kind."""
    kw = {"create_participant": create_participant, "create_group": create_group,
          "create_therapist": create_therapist}
    return build_world(client, admin, **kw), build_world(client, other, **kw)


def audit_total(client, who, **filters) -> int:
    r = client.get(f"{API}/audit-events", headers=who["headers"], query_string={"page_size": 1, **filters})
    ok(r)
    return json.loads(r.headers["X-Pagination"])["total"]


def events_but_trail_reads(client, who) -> int:
    """The events of `who`'s trail, less its reads of the trail itself (each listing is an event, issue 28):
    the two counts move together, so differences of this are exact."""
    return audit_total(client, who) - audit_total(client, who, record_type="audit_event")


# --- every operation with an id -------------------------------------------------------------------------


def test_every_id_operation_of_the_spec_is_404_for_another_practice(client, worlds):
    a, b = worlds
    before = snapshot(client, a)
    a_audit = events_but_trail_reads(client, a["who"])
    operations = id_operations(client)
    assert len(operations) >= 20  # the walk really covers the spec
    bodies = write_bodies(b)  # valid bodies: only the foreign id in the path can stop them
    made_up = {name: str(uuid.uuid4()) for name in world_ids(a)}
    problems, checked = [], 0
    for path, method, op in operations:
        if (SHARED_IDS | CAPABILITY_IDS) & set(re.findall(r"\{([^}]+)\}", path)):
            continue  # the same for every practice, or a capability: not a record of one
        body = body_for(bodies, path, method, op)
        queries = [{}]
        if path.endswith("/agenda"):
            queries = [{"format": fmt} for fmt in ("json", "html", "pdf", "md", "ics")]
        for query in queries:
            foreign = call(client, method, fill(path, world_ids(a)), b["who"]["headers"], body, query_string=query)
            missing = call(client, method, fill(path, made_up), b["who"]["headers"], body, query_string=query)
            checked += 1
            what = f"{method.upper()} {path} {query or ''}"
            if not is_404(foreign):
                problems.append(f"{what}: {foreign.status_code} {excerpt(foreign)}")
            elif foreign.get_json() != missing.get_json() or set(foreign.headers.keys()) - set(missing.headers.keys()):
                problems.append(f"{what}: another practice's id is distinguishable from a made-up one")
            elif "ETag" in foreign.headers:
                problems.append(f"{what}: a 404 carries an ETag")
            if method == "get":
                head = client.head(fill(path, world_ids(a)), headers=b["who"]["headers"], query_string=query)
                if head.status_code != 404:
                    problems.append(f"HEAD {path}: {head.status_code}")
    assert not problems, "\n".join(problems)
    assert checked >= 20
    # Nothing of A's changed; A's audit trail only gained B's denied attempts, so A's admins see who tried.
    added = events_but_trail_reads(client, a["who"]) - a_audit
    newest = [event for page in (1, 2) for event in ok(client.get(
        f"{API}/audit-events", headers=a["who"]["headers"], query_string={"page_size": 100, "page": page}))
        if event["record_type"] != "audit_event"]
    assert 0 < added <= len(newest)
    assert {(e["outcome"], e["actor_id"]) for e in newest[:added]} == {("denied", b["who"]["therapist_id"])}
    assert snapshot(client, a) == before


def test_foreign_ids_in_paths_bodies_and_queries_get_nowhere(client, worlds):
    a, b = worlds
    h = b["who"]["headers"]
    b_plans = json.loads(client.get(f"{API}/plans", headers=h).headers["X-Pagination"])["total"]
    b_groups = json.loads(client.get(f"{API}/groups", headers=h).headers["X-Pagination"])["total"]

    # A path with two ids: B's group with A's participant, and A's group with B's participant.
    assert_error(client.delete(f"{API}/groups/{b['group_id']}/members/{a['participant_id']}", headers=h), 404)
    assert_error(client.delete(f"{API}/groups/{a['group_id']}/members/{b['participant_id']}", headers=h), 404)
    assert_error(client.post(f"{API}/groups/{a['group_id']}/members", headers=h,
                             json={"participant_id": b["loner_id"]}), 404)
    assert ok(client.get(f"{API}/groups/{a['group_id']}", headers=a["who"]["headers"]))["member_count"] == 1

    # Ids of another practice inside bodies. Enrol A's participant into B's own group.
    body = assert_error(client.post(f"{API}/groups/{b['group_id']}/members", headers=h,
                                    json={"participant_id": a["participant_id"]}), 422)
    assert "participant_id" in body["errors"]
    # A plan for A's group; a plan moved to A's group; a copy into A's group.
    for r in (client.post(f"{API}/plans", headers=h, json={"title": "X", "group_id": a["group_id"],
                                                           "starts_at": START}),
              client.patch(f"{API}/plans/{b['plan_id']}", headers={**h, "If-Match": "*"},
                           json={"group_id": a["group_id"]}),
              client.post(f"{API}/plans/{b['plan_id']}/clone", headers=h, json={"group_id": a["group_id"]})):
        assert "group_id" in assert_error(r, 422)["errors"]
    # Plan items with A's custom module: a validation error, like a module that does not exist.
    items = [{"minutes": 10, "title": "Tea"}, {"module_id": a["module_id"], "minutes": 20}]
    foreign = assert_error(client.post(f"{API}/plans", headers=h, json={"title": "X", "starts_at": START,
                                                                        "items": items}), 422)
    made_up = assert_error(client.post(f"{API}/plans", headers=h, json={
        "title": "X", "starts_at": START, "items": [items[0], {"module_id": str(uuid.uuid4()), "minutes": 20}]}), 422)
    assert foreign == made_up and foreign["errors"] == {"items": {"1": {"module_id": ["Unknown module."]}}}
    before_items = ok(client.get(f"{API}/plans/{b['plan_id']}", headers=h))["items"]
    assert_error(client.put(f"{API}/plans/{b['plan_id']}/items", headers={**h, "If-Match": "*"},
                            json={"items": items}), 422)
    assert ok(client.get(f"{API}/plans/{b['plan_id']}", headers=h))["items"] == before_items
    # A group facilitated by A's therapist (create and change).
    for r in (client.post(f"{API}/groups", headers=h, json={"name": "X", "kind": "family",
                                                            "facilitator_ids": [a["therapist_id"]]}),
              client.patch(f"{API}/groups/{b['group_id']}", headers={**h, "If-Match": "*"},
                           json={"facilitator_ids": [b["therapist_id"], a["therapist_id"]]})):
        assert "facilitator_ids" in assert_error(r, 422)["errors"]
    # A plan item led by A's therapist: the same 422 as a made-up id (issue 18).
    led = [assert_error(client.put(f"{API}/plans/{b['plan_id']}/items", headers={**h, "If-Match": "*"},
                                   json={"items": [{"minutes": 10, "title": "Tea", "lead_id": lead}]}), 422)
           for lead in (a["therapist_id"], str(uuid.uuid4()))]
    assert led[0] == led[1] and led[0]["errors"] == {"items": {"0": {"lead_id": [
        "Not a facilitator of this plan's group."]}}}
    assert ok(client.get(f"{API}/plans/{b['plan_id']}", headers=h))["items"] == before_items

    after_plans = json.loads(client.get(f"{API}/plans", headers=h).headers["X-Pagination"])["total"]
    after_groups = json.loads(client.get(f"{API}/groups", headers=h).headers["X-Pagination"])["total"]
    assert (after_plans, after_groups) == (b_plans, b_groups)
    group = ok(client.get(f"{API}/groups/{b['group_id']}", headers=h))
    assert [f["id"] for f in group["facilitators"]] == [b["therapist_id"]] and group["member_count"] == 1
    assert ok(client.get(f"{API}/plans/{b['plan_id']}", headers=h))["group_id"] == b["group_id"]

    # Ids of another practice in queries: a 422 naming the field, like an unknown id; audit filters find nothing.
    foreign = assert_error(client.get(f"{API}/plans", headers=h, query_string={"group_id": a["group_id"]}), 422)
    unknown = assert_error(client.get(f"{API}/plans", headers=h, query_string={"group_id": str(uuid.uuid4())}), 422)
    assert foreign == unknown and "group_id" in foreign["errors"]
    for key, value in (("record_id", a["participant_id"]), ("actor_id", a["who"]["therapist_id"]),
                       ("record_id", a["screening_id"])):
        assert ok(client.get(f"{API}/audit-events", headers=h, query_string={key: value})) == []
    # The same queries from A do find A's rows (the filters work; only tenancy hides them).
    assert len(ok(client.get(f"{API}/plans", headers=a["who"]["headers"],
                             query_string={"group_id": a["group_id"]}))) == 3  # the plan and 2 of a series
    assert ok(client.get(f"{API}/audit-events", headers=a["who"]["headers"],
                         query_string={"record_id": a["participant_id"]}))


# --- lists ----------------------------------------------------------------------------------------------


def list_all(client, headers, path, **query):
    r = client.get(f"{API}/{path}", headers=headers, query_string={"page_size": 100, **query})
    rows = ok(r)
    assert json.loads(r.headers["X-Pagination"])["total"] == len(rows), path
    return rows


def test_lists_never_show_another_practices_rows(client, worlds):
    a, b = worlds
    h = b["who"]["headers"]
    a_ids = {a[k] for k in ("therapist_id", "participant_id", "loner_id", "group_id", "module_id", "plan_id",
                            "template_id", "screening_id", "series_id", "note_id", "safety_plan_id", "alert_id",
                            "webhook_id", "invitation_id")} | {a["who"]["therapist_id"]}
    seen = {}
    seen["participants"] = {r["id"] for r in list_all(client, h, "participants", include_archived="true")}
    seen["groups"] = {r["id"] for r in list_all(client, h, "groups")}
    seen["plans"] = {r["id"] for r in list_all(client, h, "plans")}
    seen["templates"] = {r["id"] for r in list_all(client, h, "plans", template="true")}
    seen["therapists"] = {r["id"] for r in list_all(client, h, "therapists")}
    seen["series"] = {r["id"] for r in list_all(client, h, "series")}
    seen["notes"] = {r["note_id"] for r in ok(client.get(f"{API}/participants/{b['participant_id']}/notes",
                                                         headers=h))}
    seen["screenings"] = {r["id"] for r in list_all(client, h, f"participants/{b['participant_id']}/screenings")}
    seen["safety_plans"] = {r["id"] for r in list_all(client, h, f"participants/{b['participant_id']}/safety-plans")}
    seen["alerts"] = {r["id"] for r in list_all(client, h, "alerts")}
    seen["webhooks"] = {r["id"] for r in ok(client.get(f"{API}/webhooks", headers=h))}
    seen["invitations"] = {r["id"] for r in list_all(client, h, "invitations")}
    seen["events"] = {str(v) for e in ok(client.get(f"{API}/events", headers=h))["events"] for v in e["data"].values()}
    events = list_all(client, h, "audit-events")
    seen["audit"] = {e["record_id"] for e in events} | {e["actor_id"] for e in events}
    for name, ids in seen.items():
        assert not ids & a_ids, f"{name} shows another practice's rows"
    assert seen["participants"] == {b["participant_id"], b["loner_id"]}
    assert seen["groups"] == {b["group_id"]}
    series_plans = {s["plan_id"] for s in ok(client.get(f"{API}/series/{b['series_id']}", headers=h))["sessions"]}
    assert seen["plans"] == {b["plan_id"], b["template_id"], *series_plans}
    assert seen["templates"] == {b["template_id"]}
    assert seen["series"] == {b["series_id"]} and seen["notes"] == {b["note_id"]}
    assert seen["safety_plans"] == {b["safety_plan_id"]}
    assert seen["alerts"] == {b["alert_id"]} and seen["webhooks"] == {b["webhook_id"]}
    assert seen["invitations"] == {b["invitation_id"]}
    assert seen["therapists"] == {b["therapist_id"], b["who"]["therapist_id"]}
    assert {e["actor_id"] for e in events} <= {b["therapist_id"], b["who"]["therapist_id"]}

    # Modules: the built-ins plus B's own, never A's.
    modules = list_all(client, h, "modules")
    assert {m["id"] for m in modules if not m["builtin"]} == {b["module_id"]}
    assert a["module_id"] not in {m["id"] for m in modules}
    assert [m["id"] for m in list_all(client, h, "modules", source="custom")] == [b["module_id"]]
    assert {m["id"] for m in list_all(client, h, "modules", q="World module")} == {b["module_id"]}
    builtins = list_all(client, a["who"]["headers"], "modules", source="builtin")
    assert {m["id"] for m in builtins} == {m["id"] for m in modules if m["builtin"]}

    # Clearance and agendas of B's plan name only B's people.
    clearance = ok(client.get(f"{API}/plans/{b['plan_id']}/clearance", headers=h))
    assert {p["participant_id"] for p in clearance["participants"]} == {b["participant_id"]}
    agenda = client.get(f"{API}/groups/{b['group_id']}/agenda", headers=h, query_string={"format": "json"})
    assert ok(agenda)["practice_name"] == "Other practice"
    assert not any(value in agenda.get_data(as_text=True) for value in a_ids)


# --- roles ----------------------------------------------------------------------------------------------


def test_a_therapist_cannot_do_what_only_an_admin_may(client, admin, create_therapist):
    therapist = create_therapist(name="Plain Therapist")
    colleague = create_therapist(name="Colleague")
    h = therapist["headers"]
    attempts = [
        ("POST", f"{API}/therapists", {"name": "Sneaky", "email": f"s-{uuid.uuid4().hex[:8]}@example.org",
                                       "password": "correct-horse-battery-staple", "role": "admin"}),
        ("PATCH", f"{API}/therapists/{therapist['id']}", {"role": "admin"}),
        ("PATCH", f"{API}/therapists/{admin['therapist_id']}", {"role": "therapist"}),
        ("PATCH", f"{API}/therapists/{admin['therapist_id']}", {"active": False}),
        ("PATCH", f"{API}/therapists/{colleague['id']}", {"name": "Renamed"}),
        ("DELETE", f"{API}/therapists/{admin['therapist_id']}", None),
        ("DELETE", f"{API}/therapists/{colleague['id']}", None),
        ("DELETE", f"{API}/therapists/{therapist['id']}", None),
        ("GET", f"{API}/audit-events", None),
        ("GET", f"{API}/outbox", None),
    ]
    for method, url, body in attempts:
        r = client.open(url, method=method, headers=h, json=body)
        assert_error(r, 403)
    # Nothing changed: still a therapist, the admin still an active admin, the colleague untouched.
    assert ok(client.get(f"{API}/me", headers=h))["role"] == "therapist"
    people = {t["id"]: t for t in ok(client.get(f"{API}/therapists", headers=admin["headers"]))}
    assert len(people) == 3
    assert people[admin["therapist_id"]]["role"] == "admin" and people[admin["therapist_id"]]["active"]
    assert people[colleague["id"]]["name"] == "Colleague" and people[colleague["id"]]["active"]
    # What a therapist may do: read the team.
    assert ok(client.get(f"{API}/therapists/{admin['therapist_id']}", headers=h))["id"] == admin["therapist_id"]

    # The role is read from the database, not from the token: promotion and demotion act at once.
    account = f"{API}/therapists/{therapist['id']}"
    ok(client.patch(account, headers=if_match(client, account, admin["headers"]), json={"role": "admin"}))
    assert client.get(f"{API}/audit-events", headers=h).status_code == 200  # same token, promoted
    ok(client.patch(account, headers=if_match(client, account, admin["headers"]), json={"role": "therapist"}))
    assert_error(client.get(f"{API}/audit-events", headers=h), 403)  # same token, demoted at once


# --- mass assignment -----------------------------------------------------------------------------------

FORBIDDEN = {"practice_id": None, "id": None, "role": "admin", "version": 99, "created_at": "2000-01-01T00:00:00+00:00",
             "updated_at": "2000-01-01T00:00:00+00:00"}
# Read-only values that differ from the stored ones (a PATCH may echo them back unchanged: test_round_trip).
EXTRA = {"participants": {"archived_at": "2000-01-01T00:00:00+00:00"},
         "groups": {"member_count": 7, "facilitators": [{"id": "x", "name": "X", "trauma_informed": True}]},
         "plans": {"ends_at": "2027-04-01T10:00:00+02:00", "is_template": False, "total_minutes": 1,
                   "warnings": [{"code": "overlap", "message": "x", "position": None}]},
         "modules": {"builtin": True, "archived_at": None}}


def create_bodies():
    return {"participants": {"display_name": "Mass"}, "groups": {"name": "Mass", "kind": "family"},
            "plans": {"title": "Mass", "starts_at": START}, "modules": module_payload(title="Mass module")}


def total(client, headers, area):
    r = client.get(f"{API}/{area}", headers=headers, query_string={"page_size": 1, "include_archived": "true"}
                   if area == "participants" else {"page_size": 1})
    return json.loads(r.headers["X-Pagination"])["total"]


def test_read_only_fields_in_bodies_are_refused(client, admin, other):
    for area in ("participants", "groups", "plans", "modules"):
        assert_refused(client, admin, other, area)
    assert_refused_in_plan_items(client, admin)


def assert_refused(client, admin, other, area):
    h = admin["headers"]
    fields = {**FORBIDDEN, "practice_id": other["practice_id"], "id": str(uuid.uuid4()), **EXTRA[area]}
    record = ok(client.post(f"{API}/{area}", headers=h, json=create_bodies()[area]), 201)
    url = f"{API}/{area}/{record['id']}"
    etag = client.get(url, headers=h).headers["ETag"]
    count = total(client, h, area)
    for field, value in fields.items():
        created = client.post(f"{API}/{area}", headers=h, json={**create_bodies()[area], field: value})
        assert field in assert_error(created, 422).get("errors", {}), (area, field, created.get_json())
        changed = client.patch(url, headers={**h, "If-Match": etag}, json={field: value})
        assert field in assert_error(changed, 422).get("errors", {}), (area, field, changed.get_json())
    assert total(client, h, area) == count
    assert client.get(url, headers=h).headers["ETag"] == etag
    # Nothing landed in the practice named in the body either.
    query = {"source": "custom"} if area == "modules" else {}
    assert ok(client.get(f"{API}/{area}", headers=other["headers"], query_string=query)) == []


def assert_refused_in_plan_items(client, admin):
    h = admin["headers"]
    plan = ok(client.post(f"{API}/plans", headers=h, json={"title": "P", "starts_at": START,
                                                            "items": [{"minutes": 10, "title": "Tea"}]}), 201)
    url = f"{API}/plans/{plan['id']}"
    etag = client.get(url, headers=h).headers["ETag"]
    for field, value in (("id", str(uuid.uuid4())), ("plan_id", str(uuid.uuid4())), ("position", 7),
                         ("starts_at", START), ("practice_id", "x")):
        r = client.put(f"{url}/items", headers={**h, "If-Match": etag},
                       json={"items": [{"minutes": 10, "title": "Tea", field: value}]})
        assert field in assert_error(r, 422)["errors"]["items"]["0"], field
    assert client.get(url, headers=h).headers["ETag"] == etag


def test_therapist_accounts_refuse_read_only_fields(client, admin, other, create_therapist):
    h = admin["headers"]
    base = {"name": "New", "password": "correct-horse-battery-staple"}
    for field, value in (("practice_id", other["practice_id"]), ("id", str(uuid.uuid4())), ("active", False),
                         ("version", 5), ("created_at", "2000-01-01T00:00:00+00:00"), ("password_hash", "x")):
        r = client.post(f"{API}/therapists", headers=h,
                        json={**base, "email": f"n-{uuid.uuid4().hex[:8]}@example.org", field: value})
        assert field in assert_error(r, 422)["errors"], field
        account = f"{API}/therapists/{admin['therapist_id']}"
        r = client.patch(account, headers=if_match(client, account, h), json={field: value})
        if field != "active":  # an admin may (de)activate accounts; the last admin is protected (409)
            assert field in assert_error(r, 422)["errors"], field
    for field, value in (("role", "therapist"), ("practice_id", other["practice_id"]), ("id", str(uuid.uuid4()))):
        r = client.post(f"{API}/auth/register", json={"practice_name": "P", "name": "N", "password": base["password"],
                                                      "email": f"r-{uuid.uuid4().hex[:8]}@example.org", field: value})
        assert field in assert_error(r, 422)["errors"], field
    # Everyone is still where they were.
    assert {t["id"] for t in ok(client.get(f"{API}/therapists", headers=h))} == {admin["therapist_id"]}
    assert {t["id"] for t in ok(client.get(f"{API}/therapists", headers=other["headers"]))} == {other["therapist_id"]}
    me = ok(client.get(f"{API}/me", headers=h))
    assert me["active"] and me["role"] == "admin" and me["practice"]["id"] == admin["practice_id"]

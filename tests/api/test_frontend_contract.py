"""The frontend contract, round two (issue 17): names, statuses and negotiation a generated client relies on.

The conventions are checked over the whole generated spec, so an operation added later that lacks an
operationId or a description fails here.
"""

import json
import re

import pytest

from tests.helpers import assert_error, generated_spec_text, operations

API = "/api/v1"
OPERATION_ID = re.compile(r"^[a-z][a-zA-Z0-9]{2,40}$")


@pytest.fixture
def spec(app):
    return json.loads(generated_spec_text(app))


# --- 1. operationIds ---------------------------------------------------------------------------------------


def test_every_operation_has_a_short_unique_camel_case_operation_id(spec):
    ids = [op.get("operationId") for _, _, op in operations(spec)]
    missing = [f"{m} {p}" for m, p, op in operations(spec) if not op.get("operationId")]
    assert not missing, f"operations without operationId: {missing}"
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    bad = [i for i in ids if not OPERATION_ID.match(i)]
    assert not bad, f"operationIds must be short lowerCamelCase: {bad}"


def test_operation_ids_are_the_stable_names_clients_use(spec):
    """Renaming one breaks every generated client: these are fixed."""
    by_route = {(m, p): op["operationId"] for m, p, op in operations(spec)}
    assert by_route[("GET", "/api/v1/plans")] == "listPlans"
    assert by_route[("GET", "/api/v1/plans/{plan_id}")] == "getPlan"
    assert by_route[("PUT", "/api/v1/plans/{plan_id}/items")] == "replacePlanItems"
    assert by_route[("POST", "/api/v1/participants/{participant_id}/screenings")] == "createScreening"
    assert by_route[("GET", "/api/v1/plans/{plan_id}/agenda")] == "getPlanAgenda"


def test_every_operation_parameter_and_schema_has_a_description(spec):
    problems = []
    for method, path, op in operations(spec):
        if not (op.get("summary") and op.get("description")):
            problems.append(f"{method} {path}: summary and description")
        item = spec["paths"][path]
        for param in [*item.get("parameters", []), *op.get("parameters", [])]:
            if "$ref" not in param and not param.get("description"):
                problems.append(f"{method} {path}: parameter {param['name']}")
    for name, schema in spec["components"]["schemas"].items():
        if not schema.get("description"):
            problems.append(f"schema {name}")
    assert not problems, "missing descriptions:\n" + "\n".join(problems)


# --- 2. agenda negotiation ---------------------------------------------------------------------------------


@pytest.fixture
def plan_id(client, admin, create_group):
    group = create_group()
    r = client.post(f"{API}/plans", headers=admin["headers"], json={
        "title": "Day 1", "group_id": group["id"], "starts_at": "2027-04-01T09:00:00+02:00"})
    assert r.status_code == 201, r.get_json()
    return r.get_json()["id"]


@pytest.mark.parametrize("accept, mimetype", [
    (None, "application/json"),
    ("*/*", "application/json"),  # fetch, axios, httpx
    ("application/json, text/plain, */*", "application/json"),  # axios
    ("application/*", "application/json"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", "text/html"),
    ("text/calendar", "text/calendar"),
    ("text/markdown", "text/markdown"),
])
def test_agenda_format_by_accept(client, admin, plan_id, accept, mimetype):
    headers = {**admin["headers"], **({"Accept": accept} if accept else {})}
    r = client.get(f"{API}/plans/{plan_id}/agenda", headers=headers)
    assert r.status_code == 200 and r.mimetype == mimetype, (r.status_code, r.mimetype)


def test_agenda_format_query_wins_over_accept(client, admin, plan_id):
    r = client.get(f"{API}/plans/{plan_id}/agenda", headers={**admin["headers"], "Accept": "*/*"},
                   query_string={"format": "md"})
    assert r.status_code == 200 and r.mimetype == "text/markdown"


# --- 5. 415 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_a_json_body_with_another_content_type_is_415(client, admin, content_type):
    headers = {**admin["headers"], **({"Content-Type": content_type} if content_type else {})}
    r = client.post(f"{API}/participants", headers=headers, data=json.dumps({"display_name": "Pat"}))
    if content_type is None:
        assert "Content-Type" not in r.request.headers
    body = assert_error(r, 415)
    assert "Content-Type" in body["errors"]
    assert client.get(f"{API}/participants", headers=admin["headers"]).get_json() == []


def test_415_on_every_kind_of_write(client, admin):
    for method, url in (("PATCH", f"{API}/participants/x"), ("PUT", f"{API}/plans/x/items"),
                        ("POST", f"{API}/auth/login")):
        r = client.open(url, method=method, headers={**admin["headers"], "Content-Type": "text/plain"}, data="{}")
        assert_error(r, 415)


def test_json_with_a_charset_is_accepted(client, admin):
    r = client.post(f"{API}/participants", headers={**admin["headers"],
                                                    "Content-Type": "application/json; charset=utf-8"},
                    data=json.dumps({"display_name": "Pat"}))
    assert r.status_code == 201, r.get_json()


# --- 6. unknown query parameters, registration -------------------------------------------------------------


def test_unknown_query_parameter_is_422_naming_it(client, admin):
    body = assert_error(client.get(f"{API}/modules", headers=admin["headers"],
                                   query_string={"catgory": "exercise"}), 422)
    assert list(body["errors"]) == ["catgory"] and "catgory" in body["message"]
    assert "category" in body["errors"]["catgory"][0]  # the known ones are named


@pytest.mark.parametrize("url", [f"{API}/participants/x", f"{API}/me", f"{API}/groups", f"{API}/plans/x/agenda",
                                 f"{API}/participants/x/screenings"])
def test_unknown_query_parameter_is_refused_everywhere(client, admin, url):
    body = assert_error(client.get(url, headers=admin["headers"], query_string={"nonsense": "1"}), 422)
    assert "nonsense" in body["errors"]


def test_declared_query_parameters_still_work(client, admin):
    r = client.get(f"{API}/modules", headers=admin["headers"],
                   query_string={"category": "exercise", "page": 1, "page_size": 5})
    assert r.status_code == 200 and {m["category"] for m in r.get_json()} == {"exercise"}


def test_registration_names_every_bad_field(client):
    body = assert_error(client.post(f"{API}/auth/register", json={
        "practice_name": "P", "name": "N", "email": "not-an-email", "password": "short"}), 422)
    assert set(body["errors"]) == {"email", "password"}


# --- 7. Location ---------------------------------------------------------------------------------------------


def test_every_201_documents_location(spec):
    missing = [f"{m} {p}" for m, p, op in operations(spec)
               if "201" in op["responses"] and "Location" not in op["responses"]["201"].get("headers", {})]
    assert not missing, missing


def test_creates_answer_location_of_the_new_record(client, admin, create_participant):
    h = admin["headers"]
    group = client.post(f"{API}/groups", headers=h, json={"name": "G", "kind": "retreat", "capacity": 4})
    assert group.headers["Location"] == f"{API}/groups/{group.get_json()['id']}"
    pid = create_participant()["id"]
    member = client.post(f"{API}/groups/{group.get_json()['id']}/members", headers=h, json={"participant_id": pid})
    assert member.status_code == 201 and member.headers["Location"].endswith(f"/members/{pid}")
    plan = client.post(f"{API}/plans", headers=h, json={"title": "P", "starts_at": "2027-04-01T09:00:00+02:00"})
    assert plan.headers["Location"] == f"{API}/plans/{plan.get_json()['id']}"
    copy = client.post(f"{API}/plans/{plan.get_json()['id']}/clone", headers=h, json={})
    assert copy.status_code == 201 and copy.headers["Location"] == f"{API}/plans/{copy.get_json()['id']}"
    for r in (group, plan, copy):
        assert client.get(r.headers["Location"], headers=h).status_code == 200

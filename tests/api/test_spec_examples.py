"""Every example in the spec is accepted by the server (issue 17, point 8): Swagger's "Try it out" works out of
the box. For each operation that takes a body, the body is built the way Swagger UI builds it, from the
examples of the request schema (and of the schemas it nests), and sent; it must not answer 4xx.

Ids cannot have examples that exist in every database: an id field's example is a placeholder, which the test
replaces with the id of a record it made, as a user of Swagger UI would paste one.
"""

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import safety_plan
from tests.helpers import answers_for, generated_spec_text, operations

# The example login is the example registration's account; the programme examples build on each other (a
# member enrolled before the session they attend; a note changed while draft, then signed, then amended).
ORDER = ["registerPractice", "login", "addGroupMember", "createSeries", "updateSeries", "replaceAttendance",
         "createNote", "updateNote", "addNoteAddendum"]
# Operations whose body needs a secret no example can hold (issue 28): a live TOTP code, an emailed reset link.
# Their example must still be well formed: the server answers one of the operation's documented refusals.
NEEDS_A_SECRET = {"confirmTotp": 409, "resetPassword": 404, "disableTotp": 404}


def resolve(spec, schema):
    while "$ref" in schema or ("allOf" in schema and len(schema["allOf"]) == 1):
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]] if "$ref" in schema \
            else schema["allOf"][0]
    return schema


def example_of(spec, schema, ids, where):
    """What Swagger UI puts in the body: each property's example; nested objects built the same way."""
    if "example" in schema:
        return schema["example"]
    schema = resolve(spec, schema)
    if "example" in schema:
        return schema["example"]
    if schema.get("type") == "object" or "properties" in schema:
        body = {}
        for name, prop in schema.get("properties", {}).items():
            if prop.get("readOnly") or prop.get("writeOnly") and "Read-only" in prop.get("description", ""):
                continue
            if name in ids:
                body[name] = ids[name]
                continue
            value = example_of(spec, prop, ids, f"{where}.{name}")
            if value is not None:
                body[name] = value
            elif name in schema.get("required", []):
                pytest.fail(f"{where}.{name} is required but has no example")
        return body
    if schema.get("enum"):  # Swagger UI's choice when there is no example
        return schema["enum"][0]
    if schema.get("type") == "array":
        item = example_of(spec, schema.get("items", {}), ids, f"{where}[]")
        return [item] if item is not None else None
    return None


@pytest.fixture
def spec(app):
    return json.loads(generated_spec_text(app))


def test_every_request_example_is_accepted(client, spec, create_participant, create_group, monkeypatch):
    # The webhook example's host resolves to a public address (this machine has no DNS of its own for it).
    monkeypatch.setattr("toolkit.webhooks.transport.resolve", lambda host, port: ["93.184.216.34"])
    ops = sorted(((op["operationId"], m, p, op) for m, p, op in operations(spec) if "requestBody" in op),
                 key=lambda o: (ORDER.index(o[0]) if o[0] in ORDER else len(ORDER), o[0]))
    headers, ids, problems = {}, {}, []
    for operation_id, method, path, op in ops:
        content = op["requestBody"]["content"]["application/json"]
        # Swagger UI takes the operation's own example when there is one, else builds one from the schema.
        body = content["example"] if "example" in content else example_of(spec, content["schema"], ids,
                                                                          operation_id)
        url = path
        for name, value in ids.items():
            if isinstance(value, str):
                url = url.replace("{" + name + "}", value)
        r = client.open(url, method=method, json=body, headers={**headers, "If-Match": "*"})
        if operation_id in NEEDS_A_SECRET:
            if r.status_code != NEEDS_A_SECRET[operation_id]:
                problems.append(f"{operation_id} {method} {path}: {r.status_code} {r.get_json()}\n  body: {body}")
            continue
        if r.status_code >= 400:
            problems.append(f"{operation_id} {method} {path}: {r.status_code} {r.get_json()}\n  body: {body}")
            continue
        if operation_id == "registerPractice":
            ids["therapist_id"] = r.get_json()["therapist"]["id"]
        if operation_id == "login":
            headers = {"Authorization": f"Bearer {r.get_json()['access_token']}"}
            who = {"headers": headers}
            ids["participant_id"] = create_participant(by=who)["id"]
            ids["group_id"] = create_group(by=who)["id"]
            ids["facilitator_ids"] = [ids["therapist_id"]]
            # A session held yesterday: attendance and notes are recorded for sessions that took place.
            yesterday = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%dT09:00:00+00:00")
            plan = client.post("/api/v1/plans", headers=headers, json={
                "title": "P", "starts_at": yesterday, "group_id": ids["group_id"]}).get_json()
            ids["plan_id"] = plan["id"]
            template = client.post("/api/v1/plans", headers=headers, json={"title": "A weekly session"})
            assert template.status_code == 201, template.get_json()
            ids["template_id"] = template.get_json()["id"]
            modules = client.get("/api/v1/modules", headers=headers, query_string={"source": "custom"})
            assert modules.status_code == 200
            # The crisis-review example is for a clinical lead reviewing someone after a crisis (defer).
            me = client.get(f"/api/v1/therapists/{ids['therapist_id']}", headers=headers)
            lead = client.patch(f"/api/v1/therapists/{ids['therapist_id']}", json={"clinical_lead": True},
                                headers={**headers, "If-Match": me.headers.get("ETag", "*")})
            assert lead.status_code == 200, lead.get_json()
            form = client.get("/api/v1/screening/form", headers=headers).get_json()
            crisis = client.post(f"/api/v1/participants/{ids['participant_id']}/screenings", headers=headers,
                                 json={"form_version": form["version"], "answers": answers_for(form, {"asq_1": 1})})
            assert crisis.status_code == 201 and crisis.get_json()["outcome"] == "defer", crisis.get_json()
            ids["screening_id"] = crisis.get_json()["id"]  # the review names the latest crisis screening
            ids["safety_plan_id"] = safety_plan(client, who, ids["participant_id"])  # and the current plan
            ids["alert_id"] = client.get("/api/v1/alerts", headers=headers).get_json()[0]["id"]  # the crisis's
        if operation_id == "createScreening":
            ids["screening_id"] = r.get_json()["id"]
        if operation_id == "createModule":
            ids["module_id"] = r.get_json()["id"]
        if operation_id == "createSeries":
            ids["series_id"] = r.get_json()["id"]
        if operation_id == "createNote":
            ids["note_id"] = r.get_json()["id"]
        if operation_id == "updateNote":
            signed = client.post(f"/api/v1/notes/{ids['note_id']}/sign", headers={**headers, "If-Match": "*"})
            assert signed.status_code == 200, signed.get_json()
    assert not problems, "spec examples the server refuses:\n" + "\n".join(problems)
    assert len(ops) >= 15

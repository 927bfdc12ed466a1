"""Assertions and small helpers shared by the test modules (builders of data are in tests/factories.py)."""

import json
import re
from datetime import UTC, datetime, timedelta

import flask
import sqlalchemy as sa

from toolkit.extensions import db
from toolkit.invitations.models import Invitation
from toolkit.screening.answers import valid_answers
from toolkit.tenancy import across_practices

METHODS = ("get", "post", "put", "patch", "delete")


def assert_error(response, code):
    """The one error shape: RFC 9457 problem details (`application/problem+json`: type, title, status, detail)
    with version 2's `code` and `message` kept as extension members."""
    assert response.status_code == code, (response.status_code, response.get_data(as_text=True)[:500])
    assert response.mimetype == "application/problem+json", response.mimetype
    body = response.get_json()
    assert isinstance(body, dict) and body["code"] == code and body["status"] == code and body["message"], body
    assert body["type"] == "about:blank" and body["title"] and body["detail"] == body["message"], body
    return body


def answers_for(form, overrides=None):
    """A complete, valid answer set for the served form: every enabled item at its lowest option unless
    `overrides` names it (an override can enable follow-up items, which then get their lowest option)."""
    try:
        return valid_answers(form, overrides)
    except ValueError as exc:
        raise AssertionError(str(exc)) from exc


def cli(app, *args):
    return app.test_cli_runner().invoke(args=list(args), catch_exceptions=False)


def execute(app, sql, **params):
    with app.app_context():
        result = db.session.execute(sa.text(sql), params)
        rows = result.all() if result.returns_rows else None
        db.session.commit()
        return rows


def export(app, practice_id, path):
    result = cli(app, "export", "--practice-id", practice_id, "--output", str(path))
    assert result.exit_code == 0, result.output
    document = json.loads(path.read_text())
    document.pop("exported_at")
    return document


def generated_spec_text(app) -> str:
    """The spec exactly as `flask openapi write --format=json` writes it."""
    with app.app_context():
        api = app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
        return flask.json.dumps(api.spec.to_dict(), indent=2, sort_keys=False) + "\n"


def operations(spec):
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield method.upper(), path, item[method]


_NOT_SHAPE = ("description", "summary", "example", "examples", "title")


def _shape(node):
    """A spec node without its prose (descriptions, summaries, examples, titles)."""
    if isinstance(node, dict):
        return {k: _shape(v) for k, v in node.items() if k not in _NOT_SHAPE}
    if isinstance(node, list):
        return [_shape(v) for v in node]
    return node


def spec_skeleton(spec) -> dict:
    """What a refactor must not move: per operation its operationId, tags, parameters, response codes and
    request body; every schema's shape. tests/fixtures/openapi-v2-skeleton.json holds the v2 spec's (made
    from the spec committed before version 3 with this function)."""
    ops = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in (*METHODS, "head", "options"):
                ops[f"{method.upper()} {path}"] = {
                    "operationId": op["operationId"], "tags": op.get("tags", []),
                    "parameters": sorted(f"{p['in']}:{p['name']}" for p in op.get("parameters", []) if "name" in p),
                    "responses": sorted(op.get("responses", {})),
                    "requestBody": _shape(op.get("requestBody", {}).get("content", {}))}
    return {"operations": ops, "schemas": {name: _shape(s) for name, s in spec["components"]["schemas"].items()}}


def kept(old, new, where="") -> list[str]:
    """Where `new` does not keep `old`: every key of a mapping kept (new keys may appear), an enum or a
    required list may grow, anything else equal."""
    if isinstance(old, dict) and isinstance(new, dict):
        found = []
        for key, value in old.items():
            if key not in new:
                found.append(f"{where}/{key}: gone")
            elif key in ("enum", "required", "parameters", "responses") and isinstance(value, list):
                missing = [v for v in value if v not in new[key]]
                found += [f"{where}/{key}: {missing} gone"] if missing else []
            else:
                found += kept(value, new[key], f"{where}/{key}")
        return found
    return [] if old == new else [f"{where}: {old!r} -> {new!r}"]



# --- shared by several test modules (none imports another test module) ------------------------------------

PLANS = "/api/v1/plans"
FORM = "/api/v1/screening/form"
# Two weeks ahead: inside a new screening's validity, so clearance judges it at the session.
SOON = (datetime.now(UTC) + timedelta(days=14)).strftime("%Y-%m-%dT09:00:00+02:00")
CLEAR = {}  # screening answers with no symptoms: every item at its lowest option


def verify_audit(app):
    """`flask audit verify`: (exit code, output)."""
    result = cli(app, "audit", "verify")
    return result.exit_code, result.output


def phq(total: int) -> dict:
    """PHQ-9 answers adding up to `total` (up to 24), never on item 9 (a critical item)."""
    answers, left = {}, total
    for n in range(1, 9):
        answers[f"phq9_{n}"] = min(3, left)
        left -= answers[f"phq9_{n}"]
    return answers


def screen(client, who, form, participant_id, overrides=None):
    """A screening of the served form with these answers (see answers_for)."""
    r = client.post(f"/api/v1/participants/{participant_id}/screenings", headers=who["headers"],
                    json={"form_version": form["version"], "answers": answers_for(form, overrides)})
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def make_items(mods, n):
    """n items cycling through the built-ins (with a break every fourth item); `mods` as the `mods` fixture."""
    modules = list(mods.values()) if isinstance(mods, dict) else list(mods)
    return [{"module_id": None, "minutes": 10} if i % 4 == 3 else
            {"module_id": modules[i % len(modules)]["id"], "minutes": modules[i % len(modules)]["default_minutes"]}
            for i in range(n)]


def make_plan(client, who, group_id, items, starts_at=SOON):
    r = client.post(PLANS, headers=who["headers"], json={
        "title": "Plan", "group_id": group_id, "starts_at": starts_at, "items": items})
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def queries_for(client, count_queries, method, url, who, **kwargs):
    """Statements run by one request (after one warm-up call, so lazy set-up does not count)."""
    headers = who["headers"]
    warm = client.open(url, method=method, headers=headers, **kwargs)
    assert warm.status_code == 200, warm.get_json()
    with count_queries() as statements:
        r = client.open(url, method=method, headers=headers, **kwargs)
    assert r.status_code == 200, r.get_json()
    return len(statements), r.get_json()


def expire(app, invitation_id):
    """Move an invitation's expiry a minute into the past."""
    with app.app_context(), across_practices(db.session):
        db.session.get(Invitation, invitation_id).expires_at = datetime.now(UTC) - timedelta(minutes=1)
        db.session.commit()


def token_of(url: str) -> str:
    """The secret of a participant link (`.../p/{token}`)."""
    return url.rsplit("/p/", 1)[1]


def csrf(html: str) -> str:
    """The CSRF token of a participant page's form."""
    return re.search(r'name="csrf_token" value="([0-9a-f]{64})"', html).group(1)


def if_match(client, url: str, headers: dict) -> dict:
    """`headers` plus `If-Match` with the record's current ETag (read with a GET of `url` by the same caller):
    what a client sends to change or delete a shared record."""
    r = client.get(url, headers=headers)
    assert r.status_code == 200, (url, r.status_code, r.get_data(as_text=True)[:300])
    return {**headers, "If-Match": r.headers["ETag"]}


def referenced(prop: dict) -> list[str]:
    """The component names a property refers to: a bare `$ref`, a described one (`allOf: [$ref]`) or a nullable
    one (`anyOf: [$ref, <null>]`, toolkit/common/spec.py, null_of)."""
    items = [prop, *prop.get("allOf", ()), *prop.get("anyOf", ())]
    return [item["$ref"].rsplit("/", 1)[1] for item in items if "$ref" in item]

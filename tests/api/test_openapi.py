"""The OpenAPI contract (issue 7) and the route walk (issue 9, point 1).

* the committed openapi/openapi.json is what the code generates, and it is a valid OpenAPI document;
* every route is in the spec or on an explicit allow-list, and every route that is not explicitly public
  answers 401 without a token;
* every operation has a summary, a tag, schemas, and the error responses it can give;
* CORS for the configured origins only, security headers, offline docs.
"""

import http
import json
import re
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from tests.helpers import assert_error, generated_spec_text, operations, referenced
from toolkit import create_app

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "openapi" / "openapi.json"
REFRESH = "Refresh it with: .venv/bin/flask --app app openapi write --format=json openapi/openapi.json"


# Routes that are deliberately not operations in the spec (endpoint names).
NOT_IN_SPEC = {
    "api-docs.openapi_json",  # the spec itself
    "api-docs.openapi_swagger_ui",  # the interactive docs
    "docs_assets.swagger_asset",  # the docs' bundled assets
    "participant_pages.page", "participant_pages.post",  # issue 30: the participant's page /p/{token} (HTML)
    "participant_pages.static",  # its stylesheet
    "fhir_base.fhir_base",  # /fhir/... -> /api/v1/fhir/... (a 308 redirect onto documented operations)
}
# (METHOD, path) answered without a token. Everything else must answer 401 without one.
PUBLIC = {
    ("POST", "/api/v1/auth/register"),
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/password-reset"),  # issue 28: a forgotten password
    ("POST", "/api/v1/auth/password-reset/{token}"),  # the emailed link's secret, not a bearer
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/api/v1/openapi.json"),
    ("GET", "/api/v1/docs"),
    ("GET", "/api/v1/docs/assets/{filename}"),
    ("GET", "/api/v1/calendar-feeds/{token}"),  # issue 18: calendar apps send the secret token, not a bearer
    # issue 30: the participant's page and its JSON twin, keyed by the secret in the link
    ("GET", "/p/{token}"), ("POST", "/p/{token}"), ("GET", "/p/assets/{filename}"),
    ("GET", "/api/v1/self-report/{token}"), ("PUT", "/api/v1/self-report/{token}/answers"),
    ("POST", "/api/v1/self-report/{token}/submit"),
    ("GET", "/api/v1/fhir/metadata"),  # FHIR: a client reads the CapabilityStatement before it has a token
    ("GET", "/api/v1/fhir/.well-known/smart-configuration"),  # SMART discovery
    ("GET", "/fhir"), ("GET", "/fhir/{rest}"),  # redirects onto the FHIR base (the target asks for the token)
}
# Operations only an admin may call (403 for a therapist).
ADMIN_ONLY = {
    ("POST", "/api/v1/therapists"),
    ("PATCH", "/api/v1/therapists/{therapist_id}"),
    ("DELETE", "/api/v1/therapists/{therapist_id}"),
    ("GET", "/api/v1/audit-events"),
}
RATE_LIMITED = {
    ("POST", "/api/v1/auth/register"),
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/password-reset"),  # issue 28: a forgotten password
    ("POST", "/api/v1/auth/password-reset/{token}"),  # the emailed link's secret, not a bearer
    ("GET", "/api/v1/plans/{plan_id}/agenda"),
    ("GET", "/api/v1/groups/{group_id}/agenda"),
    *(("GET", f"/api/v1/{kind}/agenda.{ext}") for kind in ("plans/{plan_id}", "groups/{group_id}")
      for ext in ("html", "pdf", "ics", "md")),
    ("GET", "/api/v1/safety-plans/{safety_plan_id}.pdf"),
    ("GET", "/api/v1/calendar-feeds/{token}"),
    ("GET", "/api/v1/self-report/{token}"), ("PUT", "/api/v1/self-report/{token}/answers"),
    ("POST", "/api/v1/self-report/{token}/submit"),
}
# POSTs that take no body.
NO_BODY = {("POST", "/api/v1/auth/refresh"), ("POST", "/api/v1/auth/logout"), ("POST", "/api/v1/notes/{note_id}/sign"),
           ("POST", "/api/v1/groups/{group_id}/calendar-feed"), ("POST", "/api/v1/alerts/{alert_id}/acknowledge"),
           ("POST", "/api/v1/me/totp"), ("POST", "/api/v1/therapists/{therapist_id}/password-reset"),
           ("POST", "/api/v1/groups/{group_id}/members/{participant_id}/calendar-feed")}
# The FHIR API (issue 22): errors are FHIR OperationOutcome resources (application/fhir+json), and a bad search
# parameter is FHIR's 400.
FHIR_PATH = re.compile(r"^/api/v1/(fhir/.*|participants/\{[^}]+\}/fhir)$")




@pytest.fixture
def spec(app):
    return json.loads(generated_spec_text(app))




def openapi_path(rule) -> str:
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)


# --- the committed spec -----------------------------------------------------------------------------------


def test_committed_spec_is_up_to_date(app):
    generated = generated_spec_text(app)
    committed = COMMITTED.read_text(encoding="utf-8") if COMMITTED.exists() else ""
    if generated != committed:
        import difflib

        diff = "".join(list(difflib.unified_diff(committed.splitlines(True), generated.splitlines(True),
                                                 "openapi/openapi.json (committed)", "generated", n=2))[:60])
        pytest.fail(f"openapi/openapi.json is out of date with the code. {REFRESH}\n{diff}")


def test_served_spec_is_the_generated_one(app, client, spec):
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    assert r.get_json() == spec


def test_spec_is_valid_openapi(spec):
    validate(spec)
    assert spec["openapi"].startswith("3.")


# --- every route: in the spec, and authenticated unless public ---------------------------------------------


def test_every_route_is_in_the_spec_or_allow_listed(app, spec):
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in NOT_IN_SPEC:
            continue
        path = openapi_path(rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if method.lower() not in spec["paths"].get(path, {}):
                missing.append(f"{method} {rule.rule} ({rule.endpoint})")
    assert not missing, "routes missing from the spec (add them to a smorest Blueprint):\n" + "\n".join(missing)
    spec_ops = {(m, p) for m, p, _ in operations(spec)}
    routes = {(m, openapi_path(r)) for r in app.url_map.iter_rules() for m in r.methods}
    assert spec_ops <= routes, spec_ops - routes


def test_every_route_not_public_needs_a_token(app, client):
    checked = 0
    for rule in app.url_map.iter_rules():
        path = openapi_path(rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if (method, path) in PUBLIC:
                continue
            url = re.sub(r"\{[^}]+\}", "00000000-0000-0000-0000-000000000000", path)
            kwargs = {"json": {}} if method in ("POST", "PUT", "PATCH") else {}
            r = client.open(url, method=method, **kwargs)
            if FHIR_PATH.match(path):
                assert r.status_code == 401 and r.get_json()["resourceType"] == "OperationOutcome", (method, path)
            else:
                body = assert_error(r, 401)
                assert body["code"] == 401, (method, path)
            checked += 1
    assert checked >= 40


def test_public_list_matches_the_spec(spec):
    """The spec's `security: []` operations are exactly the public ones (plus refresh, which takes the refresh
    token as its bearer)."""
    public_in_spec = {(m, p) for m, p, op in operations(spec) if op.get("security") == []}
    assert public_in_spec == {(m, p) for m, p in PUBLIC if p in spec["paths"]}
    refresh = spec["paths"]["/api/v1/auth/refresh"]["post"]
    assert refresh["security"] == [{"bearerAuth": []}]
    assert spec["security"] == [{"bearerAuth": []}]
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_checks_are_public_and_documented(client, spec, path):
    op = spec["paths"][path]["get"]
    assert op["tags"] == ["meta"] and op["security"] == []
    assert "schema" in op["responses"]["200"]["content"]["application/json"]
    assert client.get(path).status_code == 200
    assert "503" in spec["paths"]["/readyz"]["get"]["responses"]


# --- every operation complete ------------------------------------------------------------------------------


def expected_errors(method, path, op) -> set[str]:
    codes = set()
    params = op.get("parameters", [])
    public = op.get("security") == []
    if not public:
        codes.add("401")
    if "{" in path and path != "/api/v1/docs/assets/{filename}":
        codes.add("404")
    has_body = "requestBody" in op
    if has_body or any(p.get("in") == "query" for p in params):
        codes.add("400" if FHIR_PATH.match(path) else "422")
    if has_body:
        codes |= {"400", "413"}
    if any(p.get("in") == "header" and p.get("name") == "If-Match" for p in params):
        codes |= {"412", "428"}
    if (method, path) in RATE_LIMITED:
        codes.add("429")
    if (method, path) in ADMIN_ONLY:
        codes.add("403")
    return codes


def test_every_operation_is_complete(spec):
    problems = []
    tags = {t["name"] for t in spec.get("tags", [])}
    for method, path, op in operations(spec):
        where = f"{method} {path}"
        if not op.get("summary"):
            problems.append(f"{where}: no summary")
        if len(op.get("tags", [])) != 1 or op["tags"][0] not in tags:
            problems.append(f"{where}: needs exactly one declared tag")
        missing = expected_errors(method, path, op) - set(op["responses"])
        if missing:
            problems.append(f"{where}: error responses not documented: {sorted(missing)}")
        for code, response in op["responses"].items():
            if code.startswith(("4", "5")) or code == "default":
                ref = response.get("$ref", "")
                target = spec["components"]["responses"][ref.rsplit("/", 1)[-1]] if ref else response
                if FHIR_PATH.match(path):
                    if target["content"]["application/fhir+json"]["schema"] != {
                            "$ref": "#/components/schemas/OperationOutcome"}:
                        problems.append(f"{where}: {code} is not an OperationOutcome")
                    continue
                schema = target["content"]["application/problem+json"]["schema"]
                if schema != {"$ref": "#/components/schemas/Error"}:
                    problems.append(f"{where}: {code} is not in the one error schema")
        successes = [c for c in op["responses"] if c.startswith("2")]
        # One success answer, except the queued-render pattern of PDFs (agendas, the sign-in sheet, the offline
        # pack): 200, or 202 while rendering. The negotiated paths document JSON (HTML) only, which never waits.
        queued = path.endswith(("/agenda.pdf", "/sign-in-sheet.pdf", "/pack"))
        if len(successes) != 1 and not (successes == ["200", "202"] and queued):
            problems.append(f"{where}: needs exactly one success response, has {successes}")
        for code in successes:
            if code != "204" and not op["responses"][code].get("content"):
                problems.append(f"{where}: {code} has no content schema")
        if method in ("POST", "PUT", "PATCH") and "requestBody" not in op and (method, path) not in NO_BODY:
            problems.append(f"{where}: no request body schema")
    assert not problems, "\n".join(problems)


def test_lists_document_pagination_as_json_text(spec):
    header = spec["components"]["headers"]["PAGINATION"]
    assert header["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/PaginationMetadata"}
    lists = 0
    for _method, path, op in operations(spec):
        params = {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}
        if {"page", "page_size"} <= params:
            lists += 1
            assert op["responses"]["200"]["headers"]["X-Pagination"] == {"$ref": "#/components/headers/PAGINATION"}
            size = next(p for p in op["parameters"] if p["name"] == "page_size")
            assert size["schema"]["maximum"] == 100, path
    assert lists >= 7


def test_versioned_records_document_etag_and_if_match(spec):
    for method, path, op in operations(spec):
        if_match = [p for p in op.get("parameters", []) if p["in"] == "header" and p["name"] == "If-Match"]
        if if_match:
            assert if_match[0]["required"] is True, path
            success = next(c for c in op["responses"] if c.startswith("2"))
            if success != "204":
                assert "ETag" in op["responses"][success]["headers"], f"{method} {path}"
    for path in ("/api/v1/participants/{participant_id}", "/api/v1/groups/{group_id}", "/api/v1/plans/{plan_id}"):
        assert "ETag" in spec["paths"][path]["get"]["responses"]["200"]["headers"]
        assert any(p["name"] == "If-Match" for p in spec["paths"][path]["patch"]["parameters"])
    agenda = spec["paths"]["/api/v1/plans/{plan_id}/agenda"]["get"]["responses"]["200"]
    assert "ETag" in agenda["headers"] and list(agenda["content"]) == ["application/json"]
    for ext, media_type in (("pdf", "application/pdf"), ("html", "text/html"), ("ics", "text/calendar"),
                            ("md", "text/markdown")):
        agenda = spec["paths"][f"/api/v1/plans/{{plan_id}}/agenda.{ext}"]["get"]["responses"]["200"]
        assert {"ETag", "Content-Disposition"} <= set(agenda["headers"])
        assert list(agenda["content"]) == [media_type]


def test_main_payloads_have_examples(spec):
    schemas = spec["components"]["schemas"]
    for name in ("Register", "Login", "Tokens", "Participant", "Group", "MemberCreate", "Module", "Plan",
                 "PlanItemIn", "PlanItems", "ScreeningFormCreate", "OverrideCreate", "TherapistCreate", "Error"):
        schema = schemas[name]
        assert "example" in schema or any("example" in p for p in schema["properties"].values()), name


@pytest.mark.parametrize("schema,field,values", [
    ("Group", "kind", {"individual", "family", "couples", "retreat", "group"}),
    ("Module", "category", {"opening", "psychoeducation", "exercise", "reflection", "closing", "homework"}),
    ("Module", "intensity", {"gentle", "moderate", "deep"}),
    ("Contraindication", "flag", {"unresolved_trauma", "mood_exacerbation", "dissociation", "acute_crisis"}),
    ("Contraindication", "action", {"exclude", "adapt"}),
    ("Screening", "outcome", {"clear", "caution", "refer", "defer"}),
    ("ClearanceVerdict", "verdict", {"ok", "adapt", "exclude"}),
    ("Clearance", "status", {"clear", "caution", "blocked"}),
    ("Therapist", "role", {"admin", "therapist"}),
])
def test_enums_are_schema_enums(spec, schema, field, values):
    """A shared vocabulary is one enum component, referenced by every field that uses it (issue 17)."""
    prop = spec["components"]["schemas"][schema]["properties"][field]
    if "enum" not in prop:
        (name,) = referenced(prop)
        prop = spec["components"]["schemas"][name]
    assert set(prop["enum"]) == values


def test_error_schema_is_documented(spec):
    error = spec["components"]["schemas"]["Error"]
    # RFC 9457's members, with version 2's code and message kept as extension members
    assert set(error["required"]) == {"type", "title", "status", "detail", "code", "message"}
    assert error["properties"]["status"]["type"] == "integer"
    assert error["properties"]["errors"]["description"]
    assert "instance" not in error["properties"]  # a path can hold a secret: see toolkit/http_errors.py


def test_every_error_response_is_problem_json(spec):
    """Every documented 4xx/5xx of the API's own operations answers application/problem+json (FHIR routes answer
    OperationOutcome, as FHIR has it)."""
    wrong = []
    for name, response in spec["components"]["responses"].items():
        content = response.get("content", {})
        if content and "application/problem+json" not in content and name not in ("OK", "CREATED", "ACCEPTED"):
            status = getattr(http.HTTPStatus, name, None)
            if status is None or status >= 400:
                wrong.append(name)
    assert not wrong


# --- docs work offline -------------------------------------------------------------------------------------


def test_docs_reference_only_bundled_assets(client):
    r = client.get("/api/v1/docs", follow_redirects=True)
    assert r.status_code == 200 and r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    external = re.findall(r"""(?:https?:)?//[^\s"'<>)]+""", html)
    assert not external, f"the docs page loads something from another host: {external}"
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets), assets
    for asset in assets:
        a = client.get(asset if asset.startswith("/") else "/api/v1/docs/" + asset)
        assert a.status_code == 200, asset
    assert "Content-Security-Policy" in r.headers
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]


def test_docs_assets_do_not_escape_their_folder(client):
    assert client.get("/api/v1/docs/assets/../../../../etc/passwd").status_code == 404
    assert client.get("/api/v1/docs/assets/%2e%2e/%2e%2e/etc/passwd").status_code == 404


# --- CORS --------------------------------------------------------------------------------------------------


@pytest.fixture
def cors_client(make_config):
    app = create_app(make_config(CORS_ORIGINS=["https://app.example.org"]))
    yield app.test_client()
    from toolkit.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_cors_allowed_origin_gets_headers_and_exposed_headers(cors_client):
    r = cors_client.post("/api/v1/auth/login", json={"email": "nobody@example.org", "password": "x" * 12},
                         headers={"Origin": "https://app.example.org"})
    assert r.headers["Access-Control-Allow-Origin"] == "https://app.example.org"
    exposed = {h.strip().lower() for h in r.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "x-pagination", "content-disposition", "retry-after"} <= exposed
    assert "Origin" in r.headers.get("Vary", "")


def test_cors_disallowed_origin_gets_no_cors_headers(cors_client):
    r = cors_client.get("/api/v1/me", headers={"Origin": "https://evil.example.com"})
    assert not [h for h in r.headers.keys() if h.lower().startswith("access-control-")]
    pre = cors_client.options("/api/v1/participants", headers={
        "Origin": "https://evil.example.com", "Access-Control-Request-Method": "PATCH"})
    assert not [h for h in pre.headers.keys() if h.lower().startswith("access-control-")]


def test_cors_preflight(cors_client):
    r = cors_client.options("/api/v1/participants/abc", headers={
        "Origin": "https://app.example.org", "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "Authorization, Content-Type, If-Match"})
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "PATCH" in r.headers["Access-Control-Allow-Methods"]
    allowed = {h.strip().lower() for h in r.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "content-type", "if-match"} <= allowed
    assert int(r.headers["Access-Control-Max-Age"]) > 0


def test_no_cors_without_configured_origins(client):
    r = client.get("/api/v1/me", headers={"Origin": "https://app.example.org"})
    assert "Access-Control-Allow-Origin" not in r.headers


# --- security headers --------------------------------------------------------------------------------------


def test_nosniff_and_csp_everywhere(client, admin):
    for path in ("/healthz", "/api/v1/me", "/api/v1/openapi.json", "/api/v1/nope"):
        r = client.get(path, headers=admin["headers"])
        assert r.headers["X-Content-Type-Options"] == "nosniff", path
        assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"], path


def test_agenda_html_has_a_strict_csp(client, admin, create_group):
    group = create_group()
    r = client.get(f"/api/v1/groups/{group['id']}/agenda?format=html", headers=admin["headers"])
    assert r.status_code == 200 and r.mimetype == "text/html"
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp


def test_405_carries_allow(client, admin):
    r = client.put("/api/v1/participants", headers=admin["headers"], json={})
    assert_error(r, 405)
    assert {"GET", "POST"} <= {m.strip() for m in r.headers["Allow"].split(",")}


def test_500_has_no_stack_trace(app, client, monkeypatch):
    from toolkit import meta

    def boom(self):
        raise RuntimeError("secret internals /home/app/toolkit/meta.py line 42")

    monkeypatch.setattr(meta.Healthz, "get", boom)
    r = client.get("/healthz")
    body = assert_error(r, 500)
    text = r.get_data(as_text=True)
    assert "Traceback" not in text and "secret internals" not in text and "meta.py" not in text
    assert body["message"] and r.mimetype == "application/problem+json"


def test_every_idempotent_create_documents_its_409(spec):
    """The same Idempotency-Key while its first request still runs answers 409: every create that takes the key
    says so, so a generated client has the case typed."""
    takes_key = [(m, p, op) for m, p, op in operations(spec)
                 if any(x.get("name") == "Idempotency-Key" for x in op.get("parameters", []))]
    assert len(takes_key) >= 10
    assert [f"{m} {p}" for m, p, op in takes_key if "409" not in op["responses"]] == []


def test_every_value_set_is_declared_once(app, client):
    """Issue 34 point 4: each vocabulary is one named enum component, referenced wherever it is used, so a
    generated client has one type for it (not one per property or parameter)."""
    spec = client.get("/api/v1/openapi.json").get_json()
    seen: dict[tuple, list[str]] = {}

    def walk(node, path):
        if isinstance(node, dict):
            values = tuple(v for v in node.get("enum", ()) if v is not None)
            if values:  # (`enum: [null]` is the null branch of a nullable reference, not a vocabulary)
                seen.setdefault(values, []).append(path)
            for key, value in node.items():
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}/{i}")

    walk(spec, "")
    twice = {values: paths for values, paths in seen.items() if len(paths) > 1}
    assert twice == {}, twice

"""CORS lets a browser on an allowed origin use everything the contract offers (issue 34 point 1): every request
header the spec documents may be sent, every response header it documents may be read. The browser itself is in
tests/browser/test_cors_chromium.py; these checks are the fast half, against the spec and the preflight."""

import json
from pathlib import Path

import pytest

from tests.helpers import operations
from toolkit import create_app
from toolkit.extensions import CORS_EXPOSED_HEADERS, CORS_REQUEST_HEADERS

ORIGIN = "https://ui.example"
SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text(encoding="utf-8"))


def _resolve(node: dict, kind: str) -> dict:
    ref = node.get("$ref")
    return SPEC["components"][kind][ref.rsplit("/", 1)[1]] if ref else node


def documented_request_headers() -> set[str]:
    found = set()
    for _method, _path, op in operations(SPEC):
        for param in op.get("parameters", []):
            param = _resolve(param, "parameters")
            if param.get("in") == "header":
                found.add(param["name"])
    return found


def documented_response_headers() -> set[str]:
    found = set()
    for _method, _path, op in operations(SPEC):
        for response in op.get("responses", {}).values():
            found |= set(_resolve(response, "responses").get("headers", {}))
    for response in SPEC["components"]["responses"].values():
        found |= set(response.get("headers", {}))
    return found


def test_every_documented_request_header_may_be_sent_cross_origin():
    missing = documented_request_headers() - set(CORS_REQUEST_HEADERS)
    assert not missing, f"documented request headers a browser may not send: {missing}"
    # the ones a browser always needs, whether or not an operation names them as parameters
    assert {"Authorization", "Content-Type", "X-Request-ID", "Cache-Control", "Idempotency-Key"} <= set(
        CORS_REQUEST_HEADERS)


def test_every_documented_response_header_may_be_read_cross_origin():
    missing = documented_response_headers() - set(CORS_EXPOSED_HEADERS)
    assert not missing, f"documented response headers a browser may not read: {missing}"
    assert {"Location", "ETag", "X-Pagination", "X-Request-ID", "Retry-After"} <= set(CORS_EXPOSED_HEADERS)


@pytest.fixture
def cors_client(make_config):
    app = create_app(make_config(CORS_ORIGINS=[ORIGIN]))
    with app.test_client() as client:
        yield client


def test_preflight_allows_every_offered_header_and_method(cors_client):
    r = cors_client.options("/api/v1/participants", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": ", ".join(h.lower() for h in CORS_REQUEST_HEADERS)})
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == ORIGIN
    allowed = {h.strip().lower() for h in r.headers["Access-Control-Allow-Headers"].split(",")}
    assert {h.lower() for h in CORS_REQUEST_HEADERS} <= allowed
    for method in ("PATCH", "PUT", "DELETE"):
        r = cors_client.options("/api/v1/participants/x", headers={
            "Origin": ORIGIN, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": "if-match"})
        assert method in r.headers["Access-Control-Allow-Methods"]


def test_answers_expose_the_documented_headers_to_an_allowed_origin_only(cors_client):
    r = cors_client.get("/api/v1/screening/form", headers={"Origin": ORIGIN})
    assert r.headers["Access-Control-Allow-Origin"] == ORIGIN
    exposed = {h.strip() for h in r.headers["Access-Control-Expose-Headers"].split(",")}
    assert set(CORS_EXPOSED_HEADERS) <= exposed
    other = cors_client.get("/api/v1/screening/form", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers

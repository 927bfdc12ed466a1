"""What the spec promises about a request, enforced for every operation from the spec itself.

* A query parameter the operation does not declare answers 422 naming it (a typo such as `catgory`
  must not silently return everything).
* A body sent to an operation that takes JSON, with another media type or none, answers 415.

The rules are read from the generated spec (built once per app), so an operation added anywhere is covered
without a change here.
"""

import re

from flask import current_app, request
from flask_smorest import abort

_RULE_PARAM = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")
METHODS = ("get", "post", "put", "patch", "delete")


def openapi_path(rule: str) -> str:
    return _RULE_PARAM.sub(r"{\1}", rule)


def _operations(app) -> dict[tuple[str, str], tuple[frozenset[str], bool]]:
    cached = app.extensions.get("toolkit-contract")
    if cached is None:
        spec = app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
        cached = {}
        for path, item in spec["paths"].items():
            shared = item.get("parameters", [])
            for method in METHODS:
                operation = item.get(method)
                if operation is None:
                    continue
                names = frozenset(p["name"] for p in [*shared, *operation.get("parameters", [])]
                                  if isinstance(p, dict) and p.get("in") == "query")
                takes_json = "application/json" in operation.get("requestBody", {}).get("content", {})
                cached[(path, method.upper())] = (names, takes_json)
        app.extensions["toolkit-contract"] = cached
    return cached


def _has_body() -> bool:
    return bool(request.content_length) or "chunked" in request.headers.get("Transfer-Encoding", "").lower()


def check_request_contract() -> None:
    if request.url_rule is None or request.method == "OPTIONS":
        return
    method = "GET" if request.method == "HEAD" else request.method
    found = _operations(current_app._get_current_object()).get((openapi_path(request.url_rule.rule), method))
    if found is None:  # not an API operation (the docs, the spec itself)
        return
    allowed, takes_json = found
    if takes_json and _has_body() and not request.is_json:
        sent = request.mimetype or "none"
        abort(415, message="Send the request body as JSON, with 'Content-Type: application/json'.",
              errors={"Content-Type": [f"Expected application/json, got {sent}."]})
    unknown = sorted(set(request.args) - allowed)
    if unknown:
        known = ", ".join(sorted(allowed)) or "none"
        # FHIR's own rule for an unknown search parameter is 400; the rest of the API answers 422.
        abort(400 if request.blueprint == "fhir" else 422, message=f"Unknown query parameter(s): {', '.join(unknown)}.",
              errors={name: [f"Unknown query parameter. Known here: {known}."] for name in unknown})

"""What the spec promises about a request, enforced for every operation from the spec itself.

* A query parameter the operation does not declare answers 422 naming it (a typo such as `catgory`
  must not silently return everything).
* A body sent to an operation that takes JSON, with another media type or none, answers 415.
* Text a database cannot store (NUL, lone surrogates) and JSON nested too deeply are refused up front.

The rules are read from the generated spec (built once per app), so an operation added anywhere is covered
without a change here.
"""

import re

from flask import current_app, request
from flask_smorest import abort

MAX_JSON_DEPTH = 32
_SURROGATE = re.compile("[\ud800-\udfff]")


def refuse_nul_characters() -> None:
    """Text a database cannot store is refused before any view runs: a NUL (0x00) in an id, a query
    parameter or a JSON value (PostgreSQL text cannot hold it), and a lone surrogate in a JSON value (not
    valid UTF-8). A path id with a NUL cannot exist (404); bodies and queries get 422. A JSON body nested
    deeper than MAX_JSON_DEPTH (or too deep to parse) is 400."""
    if "\x00" in request.path:
        abort(404, message="Not found.")
    errors = {key or "query": ["Must not contain NUL characters."]
              for key, value in request.args.items(multi=True) if "\x00" in key or "\x00" in value}
    if request.is_json:
        try:
            body = request.get_json(silent=True)
        except RecursionError:
            body = None
            abort(400, message="The request body is nested too deeply.",
                  errors={"json": [f"Nest objects and arrays at most {MAX_JSON_DEPTH} levels deep."]})
        if _depth(body) > MAX_JSON_DEPTH:
            abort(400, message="The request body is nested too deeply.",
                  errors={"json": [f"Nest objects and arrays at most {MAX_JSON_DEPTH} levels deep."]})
        errors.update({path or "json": ["Must not contain NUL characters."]
                       for path in _bad_paths(body, "", lambda text: "\x00" in text)})
        errors.update({path or "json": ["Must not contain unpaired surrogate characters (not valid Unicode)."]
                       for path in _bad_paths(body, "", lambda text: _SURROGATE.search(text) is not None)})
    if errors:
        abort(422, message="The request contains characters that cannot be stored.", errors=errors)


def _depth(value) -> int:
    """How deeply objects and arrays nest (iteratively: a hostile body cannot exhaust the stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            if level > MAX_JSON_DEPTH:
                return level
            stack.extend((child, level + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def _bad_paths(value, path: str, bad):
    if isinstance(value, str):
        if bad(value):
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            yield from ([_SURROGATE.sub("?", child)] if bad(str(key)) else _bad_paths(item, child, bad))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _bad_paths(item, f"{path}.{index}" if path else str(index), bad)


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
    app = current_app._get_current_object()  # type: ignore[attr-defined]  # the real app, not the proxy
    found = _operations(app).get((openapi_path(request.url_rule.rule), method))
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

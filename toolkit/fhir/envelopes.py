"""What wraps FHIR resources: a Bundle (collection or searchset), an OperationOutcome for every error, and
the server's CapabilityStatement. Plain Python."""

from __future__ import annotations

from datetime import UTC, date, datetime
from http import HTTPStatus
from typing import Any

from . import rules
from .rules import FHIR_VERSION, MEDIA_TYPE
from .shapes import instant


def bundle(kind: str, resources: list[dict], *, base: str, total: int | None = None,
           links: dict[str, str] | None = None, timestamp: datetime | None = None) -> dict:
    """A Bundle (`collection` or `searchset`). Entries carry their fullUrl under `base` (the FHIR base URL)."""
    result: dict[str, Any] = {"resourceType": "Bundle", "type": kind}
    if timestamp is not None:
        result["timestamp"] = instant(timestamp)
    if total is not None:
        result["total"] = total
    if links:
        result["link"] = [{"relation": relation, "url": url} for relation, url in links.items()]
    entries = []
    for resource in resources:
        entry: dict[str, Any] = {"fullUrl": f"{base}/{resource['resourceType']}/{resource['id']}", "resource": resource}
        if kind == "searchset":
            entry["search"] = {"mode": "match"}
        entries.append(entry)
    if entries:
        result["entry"] = entries
    return result


ISSUE_CODES = {400: "invalid", 401: "login", 403: "forbidden", 404: "not-found", 405: "not-supported",
               406: "not-supported", 409: "conflict", 412: "conflict", 413: "too-costly", 415: "not-supported",
               422: "invalid", 428: "required", 429: "throttled"}


def operation_outcome(status: int, message: str, errors: dict | None = None) -> dict:
    """Our error (HTTP status, message, per-field errors) as an OperationOutcome: one issue for the message,
    one per field with the field as its expression."""
    code = ISSUE_CODES.get(status, "exception" if status >= 500 else "processing")
    issues = [{"severity": "error", "code": code,
               "details": {"text": message or HTTPStatus(status).phrase},
               "diagnostics": f"HTTP {status} {HTTPStatus(status).phrase}"}]
    for field, problems in _flatten(errors or {}):
        issues.append({"severity": "error", "code": code, "details": {"text": problems}, "expression": [field]})
    return {"resourceType": "OperationOutcome", "issue": issues}


def _flatten(errors, prefix: str = ""):
    for key, value in errors.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            yield from _flatten(value, path)
        elif isinstance(value, list | tuple):
            yield path, " ".join(str(v) for v in value)
        else:
            yield path, str(value)


def capability_statement(*, software_version: str, base: str, released: date | datetime) -> dict:
    """What this server serves, from rules.SERVED: read and search interactions and their parameters."""
    resources = []
    for served in rules.SERVED:
        entry = {"type": served.type, "interaction": [{"code": i} for i in served.interactions],
                 "versioning": "no-version", "readHistory": False, "updateCreate": False}
        if served.documentation:
            entry["documentation"] = served.documentation
        if served.search:
            entry["searchParam"] = [{"name": p.name, "type": p.type, "documentation": p.documentation}
                                    for p in served.search]
        resources.append(entry)
    when = released if isinstance(released, datetime) else datetime(released.year, released.month, released.day,
                                                                     tzinfo=UTC)
    return {
        "resourceType": "CapabilityStatement",
        "id": "inner-child-toolkit",
        "url": f"{rules.CANONICAL}/CapabilityStatement/inner-child-toolkit",
        "name": "InnerChildToolkitFhirServer",
        "title": "Inner Child Group Toolkit: FHIR R4 read API",
        "status": "active",
        "date": instant(when),
        "kind": "instance",
        "software": {"name": "Inner Child Group Toolkit", "version": software_version},
        "implementation": {"description": "Read-only FHIR R4 view of one practice's records.", "url": base},
        "fhirVersion": FHIR_VERSION,
        "format": [MEDIA_TYPE, "json"],
        "rest": [{
            "mode": "server",
            "documentation": ("Read-only. Every request needs `Authorization: Bearer <access token>` from "
                              "POST /api/v1/auth/login; a practice sees only its own records (another "
                              "practice's id answers 404). Search results page with _count (at most "
                              f"{rules.COUNT_MAX}) and _offset. Errors are OperationOutcome resources."),
            "security": {"cors": True, "description": "JWT bearer tokens (HS256) from POST /api/v1/auth/login."},
            "resource": resources,
        }],
    }

"""One error shape for every error: RFC 9457 problem details (`application/problem+json`).

    {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Not found.",
     "instance": "/api/v1/participants/...", "code": 404, "message": "Not found.", "errors": {...}}

`type`, `title`, `status`, `detail` and `instance` are RFC 9457's members (`type` is `about:blank`: the HTTP
status says what kind of problem it is, so `title` is its phrase); `code`, `message` and `errors` are kept as
extension members so clients written against version 2's `{code, status, message, errors}` keep working
(`status` is now the number, as RFC 9457 has it; `code` is the same number).

flask-smorest's own handler drops exception headers (Allow on 405, Retry-After on 429), so the
HTTPException handler is ours; domain errors (toolkit/errors.py) answer their status; unexpected
exceptions are logged with the request id (never the request body: it may hold clinical data) and
answer a 500 in the same shape.
"""

import logging
import traceback
from http import HTTPStatus

from flask import current_app, g, has_request_context, json, request
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from .errors import PROBLEM_JSON, DomainError
from .tenancy import CrossPracticeWrite

log = logging.getLogger("toolkit")



def error_payload(code: int, message: str | None = None, errors: dict | None = None,
                  instance: str | None = None) -> dict:
    title = HTTPStatus(code).phrase
    detail = message or title
    payload: dict = {"type": "about:blank", "title": title, "status": code, "detail": detail}
    if instance:
        payload["instance"] = instance
    payload.update({"code": code, "message": detail})
    if errors:
        payload["errors"] = errors
    return payload


def error_response(code: int, message: str, errors: dict | None = None, headers: dict | None = None):
    instance = request.path if has_request_context() else None
    response = current_app.response_class(json.dumps(error_payload(code, message, errors, instance)),
                                          status=code, mimetype=PROBLEM_JSON)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def handle_http_exception(error: HTTPException):
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    if isinstance(errors, dict) and set(errors) <= {"json", "query", "headers", "path", "view_args", "form",
                                                     "files", "cookies"} and len(errors) == 1:
        # webargs nests errors by location; a UI wants the fields themselves.
        location, errors = next(iter(errors.items()))
        if not isinstance(errors, dict):  # e.g. {"json": ["Invalid JSON body."]}
            errors = {location: errors}
    message = data.get("message") or _default_message(error)
    if error.code == 400 and isinstance(errors, dict) and "json" in errors:
        message = "The request body is not valid JSON."
    headers = dict(data.get("headers") or {})
    response = error_response(error.code or 500, message, errors, headers)
    for key in ("Allow", "Retry-After", "WWW-Authenticate"):
        value = error.get_response().headers.get(key) if key not in headers else None
        if value:
            response.headers[key] = value
    return response


def _default_message(error: HTTPException) -> str:
    if error.code == 422:
        return "The request has invalid fields: see errors."
    if error.code == 413:
        return "The request body is too large."
    if error.code == 404:
        return "Not found."
    if error.code == 405:
        return "This method is not allowed here."
    if error.code == 429:
        return f"Too many requests ({error.description}). Try again later."
    return error.description or error.name


def handle_stale(error):
    return error_response(412, "The record was changed by someone else: fetch it again and retry.")


def handle_cross_practice(error):
    return error_response(404, "Not found.")


def handle_domain_error(error: DomainError):
    return error_response(error.status, error.message, error.errors, error.headers)


def database_unavailable(error) -> bool:
    """The database cannot be reached (down, restarting, refusing connections, a dropped connection): the
    request may succeed later, unlike a bug."""
    if isinstance(error, (OperationalError, InterfaceError, DisconnectionError)):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def handle_database_error(error):
    """A database outage is a 503 with `Retry-After` in the one error shape, not a 500 (issue 28)."""
    if not database_unavailable(error):
        return handle_unexpected(error)
    log.error("database unavailable (request id %s): %s", g.get("request_id"), type(error).__name__)
    retry = str(current_app.config.get("DB_RETRY_AFTER_SECONDS", 5))
    return error_response(503, "The database is unavailable for a moment: try again shortly.",
                          headers={"Retry-After": retry})


def handle_unexpected(error):
    if isinstance(error, HTTPException):
        return handle_http_exception(error)
    # The exception's message may quote clinical data (e.g. SQL parameters): log its type and the frames
    # it passed through (file, line, function), never its text or source lines.
    frames = "\n".join(f"  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(error.__traceback__))
    log.error("unexpected error (request id %s): %s\n%s", g.get("request_id"), type(error).__name__, frames)
    return error_response(500, f"Something went wrong on our side. Request id: {g.get('request_id')}.")


def register_errorhandlers(app) -> None:
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(DomainError, handle_domain_error)
    app.register_error_handler(StaleDataError, handle_stale)
    app.register_error_handler(CrossPracticeWrite, handle_cross_practice)
    app.register_error_handler(DBAPIError, handle_database_error)
    app.register_error_handler(DisconnectionError, handle_database_error)
    app.register_error_handler(Exception, handle_unexpected)

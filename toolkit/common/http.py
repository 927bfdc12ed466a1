"""HTTP helpers every resource uses: error responses in the spec, ETags, lookups that 404."""

import hashlib
import re
from http import HTTPStatus

from flask import g, request
from flask_smorest import abort
from sqlalchemy import func, select

from ..extensions import db

IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": True,
    "description": "The ETag from your last GET. A stale tag answers 412; a missing one answers 428.",
    "schema": {"type": "string"},
}
ETAG_HEADER = {"ETag": {"description": "Version tag of the record: send it back as If-Match to write.",
                        "schema": {"type": "string"}}}
CREATED_HEADERS = {**ETAG_HEADER, "Location": {"description": "The URL of the new record.",
                                               "schema": {"type": "string", "format": "uri-reference"}}}
LOCATION_HEADER = {"Location": CREATED_HEADERS["Location"]}
PAGINATION_HEADER = {"X-Pagination": {
    "description": 'Pagination metadata as JSON text, e.g. {"total": 42, "total_pages": 3, "first_page": 1, '
                   '"last_page": 3, "page": 1, "next_page": 2}',
    "schema": {"type": "string"}}}


def document_errors(blp, *codes):
    """Document error responses (all in the one error shape) on an operation."""

    def decorator(func):
        for code in codes:
            func = blp.alt_response(code, response=HTTPStatus(code).name)(func)
        return func

    return decorator


def etag_of(record) -> str:
    digest = hashlib.sha256(f"{record.id}:{record.version}".encode()).hexdigest()[:20]
    return f'"{digest}"'


def check_if_match(record) -> None:
    """428 without If-Match, 412 when it is stale. The version column makes the write itself atomic:
    of two writers holding the same tag, the second UPDATE matches no row and answers 412 too."""
    if not request.if_match or not request.headers.get("If-Match"):
        abort(428, message="This write needs an If-Match header with the record's ETag (from a GET).")
    if request.if_match.star_tag:
        return
    if not request.if_match.contains(etag_of(record).strip('"')):
        abort(412, message="The record has changed since you fetched it: fetch it again and retry.")


def get_or_404(model, record_id: str, *, what: str | None = None, options=()):
    """Load one row of the caller's practice (tenancy adds the filter), else 404."""
    stmt = select(model).where(model.id == str(record_id)).options(*options)
    record = db.session.scalars(stmt).unique().first()
    if record is None:
        _audit_denied_attempt(model, str(record_id))
        abort(404, message=f"{what or model.__name__} not found.")
    return record


# Audit record types, named as the other audit events name them.
RECORD_TYPES = {"participants": "participant", "screenings": "screening", "session_plans": "plan",
                "groups": "group", "exercise_modules": "module", "therapists": "therapist",
                "session_notes": "note", "series": "series"}


def _audit_denied_attempt(model, record_id: str) -> None:
    """Every id the caller may not see is a denied attempt, whether it exists elsewhere or not: the same
    lookup and the same queued event for both, so neither the caller's trail nor the time taken tells
    whether the id exists. The caller's practice gets the event; when the id belongs to another practice,
    that practice's trail gets it too, so its admins see who tried. Nothing of this request is committed."""
    from ..audit.services import queue_event
    from ..tenancy import current_practice

    actor = g.get("therapist")
    if actor is None or current_practice(db.session) is None:
        return
    column = getattr(model, "practice_id", None)
    owner = None
    if column is not None:
        owner = db.session.scalar(select(column).where(model.id == record_id).execution_options(all_practices=True))
    db.session.rollback()
    queue_event("read" if request.method in ("GET", "HEAD") else "write",
                RECORD_TYPES.get(model.__tablename__, model.__tablename__), record_id[:64], actor=actor,
                outcome="denied", also_for=owner)


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


def paginate(stmt, pagination_parameters, *, unique: bool = False):
    """Apply flask-smorest's page/page_size to a select; sets the total for X-Pagination."""
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    pagination_parameters.item_count = total
    page, size = pagination_parameters.page, pagination_parameters.page_size
    offset = (page - 1) * size
    if offset >= total:  # past the end; a huge page would also overflow the database's integer (a 500)
        return []
    result = db.session.scalars(stmt.limit(size).offset(offset))
    return list(result.unique() if unique else result)


def contains(column, text: str):
    """A case-insensitive "contains" filter where `%`, `_` and `\\` in the search text are literal."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def sorted_by(stmt, model, sort: str):
    """Order by a `sort` query value ("name", "-name" for descending), then by id so pages are stable.
    The schema limits `sort` to the model's sortable columns."""
    column = getattr(model, sort.lstrip("-"))
    return stmt.order_by(column.desc() if sort.startswith("-") else column, model.id)

"""HTTP helpers every resource uses: error responses in the spec, ETags, lookups that 404."""

import hashlib
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
    """An id that exists in another practice is a denied cross-practice attempt: it goes on the caller's
    audit chain (committed on its own: the request answers 404 and writes nothing else)."""
    from ..audit.services import record
    from ..tenancy import current_practice

    actor = g.get("therapist")
    if actor is None or current_practice(db.session) is None:
        return
    exists = db.session.scalar(select(model.id).where(model.id == record_id)
                               .execution_options(all_practices=True))
    if exists is None:
        return
    db.session.rollback()  # nothing of this request may be committed with the event
    record("read" if request.method in ("GET", "HEAD") else "write", RECORD_TYPES.get(model.__tablename__,
           model.__tablename__), record_id, actor=actor, outcome="denied")
    db.session.commit()


def refuse_nul_characters() -> None:
    """PostgreSQL text cannot hold a NUL (0x00) character: it raised a 500 for such an id or text. An id in
    the path with one cannot exist (404); a query parameter or JSON value with one is refused (422)."""
    if "\x00" in request.path:
        abort(404, message="Not found.")
    errors = {key or "query": ["Must not contain NUL characters."]
              for key, value in request.args.items(multi=True) if "\x00" in key or "\x00" in value}
    if request.is_json:
        errors.update({path or "json": ["Must not contain NUL characters."]
                       for path in _nul_paths(request.get_json(silent=True), "")})
    if errors:
        abort(422, message="The request contains NUL characters.", errors=errors)


def _nul_paths(value, path: str):
    if isinstance(value, str):
        if "\x00" in value:
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            yield from ([child] if "\x00" in str(key) else _nul_paths(item, child))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nul_paths(item, f"{path}.{index}" if path else str(index))


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

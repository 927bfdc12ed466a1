"""`Idempotency-Key` on POST: a retried create returns the first response instead of making a second record.

A key belongs to one therapist of one practice and lives `IDEMPOTENCY_KEY_HOURS` (24 by default). The first
request with a key stores a placeholder row (committed before the work, so a concurrent duplicate gets 409),
then the response once it is a 201. A retry with the same key and the same request gets that stored
response again (with `Idempotent-Replayed: true`); the same key with a different request is a 422. A request
that fails frees its key, so it can be retried after fixing it. Public POSTs (register, login) and requests
without a valid token are not affected.
"""

import hashlib
import json
from datetime import UTC, datetime, timedelta
from functools import wraps

from flask import current_app, g, make_response, request
from flask_smorest import abort
from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model, db
from .models import IdMixin, PracticeOwned, UTCDateTime, utcnow

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
KEPT_HEADERS = ("Content-Type", "Location", "ETag")


class IdempotencyKey(IdMixin, PracticeOwned, Model):
    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("therapist_id", "key"),)

    therapist_id: Mapped[str] = mapped_column(String(36), ForeignKey("therapists.id", ondelete="CASCADE"),
                                              nullable=False)
    key: Mapped[str] = mapped_column(String(200), nullable=False)
    request_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    status_code: Mapped[int | None] = mapped_column(Integer)  # null while the first request runs
    response_body: Mapped[str | None] = mapped_column(Text)
    response_headers: Mapped[str | None] = mapped_column(Text)  # JSON object
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, index=True)


def _fingerprint() -> str:
    body = request.get_data(cache=True)
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode() if body else b""
    except ValueError:
        canonical = body
    seed = f"{request.method} {request.path}?{request.query_string.decode('latin-1')}\n".encode()
    return hashlib.sha256(seed + canonical).hexdigest()


def _therapist(authenticate):
    """The caller, if the request carries a valid access token (else the view answers as usual)."""
    if g.get("therapist") is not None:
        return g.therapist
    try:
        return authenticate()
    except Exception:  # noqa: BLE001 - any token problem: the view itself answers 401
        return None


def _replay(row: IdempotencyKey):
    response = make_response(row.response_body or "", row.status_code)
    for name, value in json.loads(row.response_headers or "{}").items():
        response.headers[name] = value
    response.headers[REPLAYED] = "true"
    return response


def _forget(row_id: str) -> None:
    db.session.rollback()
    db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.id == row_id))
    db.session.commit()


def idempotent(view, authenticate):
    @wraps(view)
    def wrapper(*args, **kwargs):
        key = request.headers.get(HEADER)
        if request.method != "POST" or key is None:
            return view(*args, **kwargs)
        if not 1 <= len(key) <= 200 or not key.isprintable():
            abort(422, message="The Idempotency-Key header is not valid.",
                  errors={HEADER: ["Use 1 to 200 printable characters, e.g. a UUID."]})
        therapist = _therapist(authenticate)
        if therapist is None:
            return view(*args, **kwargs)
        row, new = _claim(therapist, key, _fingerprint())
        if not new:
            return _replay(row)
        return _run_and_keep(row.id, view, args, kwargs)

    return wrapper


def _claim(therapist, key: str, fingerprint: str) -> tuple[IdempotencyKey, bool]:
    """The key's row, committed before the work: (a new placeholder, True), or (the finished first request's
    row, False). 409 while the first is still running, 422 for the same key with a different request."""
    now = datetime.now(UTC)
    db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.therapist_id == therapist.id,
                                                    IdempotencyKey.expires_at <= now))
    row = db.session.scalars(select(IdempotencyKey).where(IdempotencyKey.therapist_id == therapist.id,
                                                          IdempotencyKey.key == key)).first()
    if row is None:
        hours = current_app.config.get("IDEMPOTENCY_KEY_HOURS", 24)
        row = IdempotencyKey(therapist_id=therapist.id, key=key, request_hash=fingerprint,
                             expires_at=now + timedelta(hours=hours))
        db.session.add(row)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            abort(409, message="A request with this Idempotency-Key is still being processed: retry shortly.")
        return row, True
    db.session.commit()
    if row.request_hash != fingerprint:
        abort(422, message="This Idempotency-Key was already used for a different request.",
              errors={HEADER: ["Use a new key for a different request."]})
    if row.status_code is None:
        abort(409, message="A request with this Idempotency-Key is still being processed: retry shortly.")
    return row, False


def _run_and_keep(row_id: str, view, args, kwargs):
    """Run the view; keep its 201 for replays, or free the key when it fails."""
    try:
        response = make_response(view(*args, **kwargs))
    except BaseException:
        _forget(row_id)
        raise
    if response.status_code != 201:
        _forget(row_id)
        return response
    db.session.rollback()
    stored = db.session.get(IdempotencyKey, row_id)
    assert stored is not None  # committed before the view ran
    stored.status_code = response.status_code
    stored.response_body = response.get_data(as_text=True)
    stored.response_headers = json.dumps({h: response.headers[h] for h in KEPT_HEADERS if h in response.headers})
    db.session.commit()
    return response


def install(app, authenticate) -> None:
    """Wrap every API view that answers POST (the wrapper does nothing without the header). `authenticate()`
    returns the request's caller (toolkit.access.authenticate; handed in: this floor imports no area)."""
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods and rule.endpoint in app.view_functions:
            app.view_functions[rule.endpoint] = idempotent(app.view_functions[rule.endpoint], authenticate)

"""Read audits are durable with the disclosure (issue 28): an event of a read (`record()` with a read action,
or `note_event`) is kept on the request and appended to the practice's chain by an `after_request` hook,
in the request's own transaction, committed **before the response leaves the server**. If that commit
fails (the database went away after the data was read), the answer becomes 503 and shows nothing: no
data is disclosed without its access record, and no event waits in a queue it could be lost from.

A request that failed (4xx/5xx) rolls its own work back first and still records its events (a denied
attempt is one). Events that cannot be written at all are kept, never dropped (audit/undelivered.py).
Outside a request (the CLI, a task, the bench calling services), an event is appended at
once in the caller's transaction, which the caller commits. Chains are locked in practice order, so two
requests that each record for two practices cannot deadlock.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from flask import Flask, g, has_request_context

from ..extensions import db
from ..http_errors import error_response
from . import undelivered
from .chain import append

log = logging.getLogger("toolkit.audit")
PENDING = "audit_events_pending"


def current_request_id() -> str | None:
    """The request's id (X-Request-ID) that audit events carry, or None outside a request (CLI, worker)."""
    return g.get("request_id") if has_request_context() else None



def note_event(action: str, record_type: str, record_id: str | None, *, actor, outcome: str = "ok",
               also_for: str | None = None) -> None:
    """Record an event in the actor's practice chain (and, with `also_for`, in that practice's chain too),
    stamped with the time and request id of now: before the response is sent (in a request), or in the
    caller's transaction (outside one)."""
    request_id = current_request_id()
    base = dict(actor_id=actor.id, action=action, record_type=record_type, record_id=record_id, outcome=outcome,
                request_id=request_id, at=datetime.now(UTC))
    events = [{**base, "practice_id": actor.practice_id}]
    if also_for and also_for != actor.practice_id:
        events.append({**base, "practice_id": also_for})
    if has_request_context():
        g.setdefault(PENDING, []).extend(events)
    else:
        _append(events)


def _append(events: list[dict]) -> None:
    for event in sorted(events, key=lambda e: e["practice_id"]):  # one lock order for every request
        append(**event)


def record_before_response(response):
    """after_request: append the request's read events and commit them, or answer 503 instead of the data."""
    events = g.pop(PENDING, None)
    if not events:
        return response
    try:
        if response.status_code >= 400:
            db.session.rollback()  # a failed request's own work is not kept; its events are
        _append(events)
        db.session.commit()
    except Exception:  # noqa: BLE001 - any failure: the access record is not durable, so nothing is shown
        db.session.rollback()
        withheld = response.status_code < 400
        log.exception("audit events not recorded (%d): kept in the undelivered file%s", len(events),
                      "; the answer is withheld" if withheld else "")
        undelivered.keep(events, outcome="withheld" if withheld else None)
        if not withheld:
            return response
        return error_response(503, "The database is unavailable: try again shortly.", headers={"Retry-After": "5"})
    return response


def replay_undelivered() -> int:
    """Append the events kept while the database failed (in the app context of the caller)."""
    return undelivered.replay(append, db.session.commit, db.session.rollback)


def init_app(app: Flask) -> None:
    app.after_request(record_before_response)

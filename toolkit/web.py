"""The web floor: what only a request has. The flask-smorest Api, and lookups by a path id that answer 404
and audit the denied attempt (the caller's trail, and the owning practice's). Resources stand on this floor;
rules and models never import it (the FHIR services, which answer per request, do)."""

from flask import g, request
from sqlalchemy import select

from .audit.tasks import queue_event
from .common.spec import ToolkitApi
from .errors import NotFound
from .extensions import db
from .tenancy import current_practice

api = ToolkitApi()

# Audit record types, named as the other audit events name them.
RECORD_TYPES = {"participants": "participant", "screenings": "screening", "session_plans": "plan",
                "groups": "group", "exercise_modules": "module", "therapists": "therapist",
                "session_notes": "note", "series": "series"}


def get_or_404(model, record_id: str, *, what: str | None = None, options=()):
    """Load one row of the caller's practice (tenancy adds the filter), else 404."""
    stmt = select(model).where(model.id == str(record_id)).options(*options)
    record = db.session.scalars(stmt).unique().first()
    if record is None:
        audit_denied_attempt(model, str(record_id))
        raise NotFound(f"{what or model.__name__} not found.")
    return record


def audit_denied_attempt(model, record_id: str) -> None:
    """Every id the caller may not see is a denied attempt, whether it exists elsewhere or not: the same
    lookup and the same queued event for both, so neither the caller's trail nor the time taken tells
    whether the id exists. The caller's practice gets the event; when the id belongs to another practice,
    that practice's trail gets it too, so its admins see who tried. Nothing of this request is committed."""
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

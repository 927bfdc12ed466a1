"""Alerts: raise (once per cause), acknowledge, resolve, list. Services flush and raise the domain errors of
toolkit/errors.py; what raises an alert is in `receivers.py` (signals) and `due.py` (the periodic task)."""

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite

from .. import signals
from ..audit.chain import append
from ..audit.reads import current_request_id
from ..audit.services import record, record_denied
from ..auth.models import Therapist
from ..common.models import new_id
from ..common.query import rowcount, sorted_by
from ..common.zones import aware
from ..errors import Conflict, Forbidden, Invalid
from ..extensions import db
from ..signals import participant_shown
from .models import Alert
from .rules import UNRESOLVED, ResolveRefusal, check_resolve

_REFUSALS = {403: Forbidden, 422: Invalid}


def _insert(dialect: str):
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(Alert.__table__)


def raise_alert(*, practice_id: str, kind: str, cause: str, source_type: str, source_id: str,
                participant_id: str | None, actor: Therapist | None, now: datetime | None = None) -> Alert | None:
    """Raise the alert of one cause, once. The insert cannot make a second row for the same cause, on SQLite
    or PostgreSQL, whatever runs at the same time (two requests, two workers): the loser's insert does
    nothing. Returns the new alert, or None when the cause had raised one already. The new alert is audited
    and `signals.alert_raised` is sent (notifications and the event feed connect to it)."""
    now = now or datetime.now(UTC)
    values = dict(id=new_id(), practice_id=practice_id, kind=kind, participant_id=participant_id,
                  source_type=source_type, source_id=source_id, cause_key=cause, status="open", raised_at=now)
    stmt = (_insert(db.session.get_bind().dialect.name).values(**values)
            .on_conflict_do_nothing(index_elements=["practice_id", "cause_key"]).returning(Alert.__table__.c.id))
    if db.session.execute(stmt).scalar() is None:  # the cause had raised its alert already
        return None
    alert = db.session.scalars(select(Alert).where(Alert.id == values["id"])
                               .execution_options(all_practices=True)).one()
    _audit("raise", alert, actor=actor, at=now)
    signals.alert_raised.send(actor, alert=alert)
    return alert


def _audit(action: str, alert: Alert, *, actor: Therapist | None, at: datetime) -> None:
    """A change to an alert, in the change's transaction; the server's own (no actor) is audited too."""
    if actor is not None:
        record(action, "alert", alert.id, actor=actor)
        return
    append(practice_id=alert.practice_id, actor_id=None, action=action, record_type="alert", record_id=alert.id,
           outcome="ok", request_id=current_request_id(), at=at)


def acknowledge(*, alert: Alert, actor: Therapist) -> Alert:
    """Open -> acknowledged, with who and when. Acknowledging again changes nothing; a resolved alert is a
    409."""
    if alert.status == "acknowledged":
        return alert
    now = datetime.now(UTC)
    moved = rowcount(db.session.execute(
        update(Alert).where(Alert.id == alert.id, Alert.status == "open")
        .values(status="acknowledged", acknowledged_by_id=actor.id, acknowledged_at=now)))
    db.session.refresh(alert)
    if not moved:
        if alert.status == "acknowledged":
            return alert
        raise Conflict("This alert is resolved already.")
    _audit("acknowledge", alert, actor=actor, at=now)
    signals.alert_acknowledged.send(actor, alert=alert)
    return alert


def resolve(*, alert: Alert, reason: str, actor: Therapist) -> Alert:
    """Close an alert with who, when and why. A crisis or deterioration alert: a clinical lead only (403,
    audited as denied) and a reason of 20+ characters (422). Resolving twice is a 409: of two at the same
    time, exactly one wins (a conditional update)."""
    try:
        check_resolve(kind=alert.kind, status=alert.status, reason=reason, clinical_lead=bool(actor.clinical_lead))
    except ResolveRefusal as exc:
        if exc.status == 403:
            record_denied("resolve", "alert", alert.id, actor=actor)
        raise _REFUSALS[exc.status](exc.message, errors={exc.field: [exc.message]} if exc.field else None) from None
    now = datetime.now(UTC)
    moved = rowcount(db.session.execute(
        update(Alert).where(Alert.id == alert.id, Alert.status.in_(UNRESOLVED))
        .values(status="resolved", resolved_by_id=actor.id, resolved_at=now, resolution_reason=reason.strip())))
    db.session.refresh(alert)
    if not moved:
        raise Conflict("This alert is resolved already.")
    _audit("resolve", alert, actor=actor, at=now)
    signals.alert_resolved.send(actor, alert=alert)
    return alert


def alert_query(filters: dict):
    """The practice's alerts, filtered by status, kind and participant, in the `sort` order (newest first by
    default; then by id, so pages are stable)."""
    stmt = sorted_by(select(Alert), Alert, filters.get("sort") or "-raised_at")
    for name in ("status", "kind", "participant_id"):
        if filters.get(name):
            stmt = stmt.where(getattr(Alert, name) == filters[name])
    return stmt


def read_alert(*, alert: Alert, actor: Therapist) -> dict:
    record("read", "alert", alert.id, actor=actor)
    return present(alert)


def _person(therapist: Therapist | None) -> dict | None:
    return {"id": therapist.id, "name": therapist.name} if therapist is not None else None


def present(alert: Alert) -> dict:
    return {"id": alert.id, "kind": alert.kind, "status": alert.status, "participant_id": alert.participant_id,
            "source_type": alert.source_type, "source_id": alert.source_id, "raised_at": aware(alert.raised_at),
            "acknowledged_by": _person(alert.acknowledged_by), "acknowledged_at": aware(alert.acknowledged_at),
            "resolved_by": _person(alert.resolved_by), "resolved_at": aware(alert.resolved_at),
            "resolution_reason": alert.resolution_reason}


@participant_shown.connect
def open_alerts_of_one(_sender, *, participant_id: str) -> tuple[str, list[dict]]:
    """One participant's unresolved alerts (GET /participants/{id} shows them; participants imports nothing
    of alerts)."""
    return "open_alerts", open_alerts_of([participant_id])[participant_id]


def open_alerts_of(participant_ids) -> dict[str, list[dict]]:
    """participant id -> their unresolved alerts (open or acknowledged), newest first, as summaries
    `{id, kind, status, raised_at}`; in one query, scoped to the caller's practice. For the participant,
    clearance and the facilitator agenda's status box."""
    out: dict[str, list[dict]] = {pid: [] for pid in participant_ids}
    if not out:
        return out
    rows = db.session.execute(
        select(Alert.participant_id, Alert.id, Alert.kind, Alert.status, Alert.raised_at)
        .where(Alert.participant_id.in_(list(out)), Alert.status.in_(UNRESOLVED))
        .order_by(Alert.raised_at.desc(), Alert.id.desc()))
    for row in rows:
        out[row.participant_id].append({"id": row.id, "kind": row.kind, "status": row.status,
                                        "raised_at": aware(row.raised_at)})
    return out

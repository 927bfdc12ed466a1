from datetime import UTC, datetime

from sqlalchemy import func, select, update

from .. import signals
from ..auth.models import LoginSession, Therapist
from ..errors import Conflict
from ..extensions import db


def active_admin_count() -> int:
    stmt = select(func.count()).select_from(Therapist).where(Therapist.role == "admin", Therapist.active.is_(True))
    return db.session.scalar(stmt) or 0


def update_therapist(therapist: Therapist, changes: dict, *, actor: Therapist) -> Therapist:
    losing_admin = therapist.role == "admin" and therapist.active and (
        changes.get("role", "admin") != "admin" or changes.get("active", True) is False)
    if losing_admin and active_admin_count() <= 1:
        raise Conflict("A practice needs at least one active admin: promote another therapist first.")
    deactivating = therapist.active and changes.get("active", True) is False
    for key, value in changes.items():
        setattr(therapist, key, value)
    if deactivating:
        # End every login for good: reactivating the account later must not revive old tokens.
        db.session.execute(update(LoginSession)
                           .where(LoginSession.therapist_id == therapist.id, LoginSession.revoked_at.is_(None))
                           .values(revoked_at=datetime.now(UTC)), execution_options={"synchronize_session": False})
    db.session.flush()
    if deactivating:
        signals.therapist_deactivated.send(actor, therapist=therapist)
    return therapist


def deactivate_therapist(therapist: Therapist, *, actor: Therapist) -> None:
    """Therapists are deactivated, not deleted: their names stay on screenings and the audit trail."""
    update_therapist(therapist, {"active": False}, actor=actor)

from flask_smorest import abort
from sqlalchemy import func, select

from ..auth.models import Therapist
from ..extensions import db


def active_admin_count() -> int:
    stmt = select(func.count()).select_from(Therapist).where(Therapist.role == "admin", Therapist.active.is_(True))
    return db.session.scalar(stmt)


def update_therapist(therapist: Therapist, changes: dict, *, actor: Therapist) -> Therapist:
    losing_admin = therapist.role == "admin" and therapist.active and (
        changes.get("role", "admin") != "admin" or changes.get("active", True) is False)
    if losing_admin and active_admin_count() <= 1:
        abort(409, message="A practice needs at least one active admin: promote another therapist first.")
    for key, value in changes.items():
        setattr(therapist, key, value)
    db.session.flush()
    return therapist


def deactivate_therapist(therapist: Therapist, *, actor: Therapist) -> None:
    """Therapists are deactivated, not deleted: their names stay on screenings and the audit trail."""
    update_therapist(therapist, {"active": False}, actor=actor)

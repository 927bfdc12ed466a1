"""Progress in clearance: members whose screening is due again at a plan are listed (a person's unreviewed
reliable deterioration is clearance/rules.py's, over the same pure progress rules). A fixed number of
queries: they grow with the group, never with the number of plans or items."""

from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from ..plans.models import SessionPlan
from . import history
from .rules import rescreen_reasons


def _series_starts(series_id: str | None) -> list[datetime]:
    if series_id is None:
        return []
    return [s for s in db.session.scalars(select(SessionPlan.starts_at).where(SessionPlan.series_id == series_id))
            if s is not None]


def rescreen_due_at_plan(*, plan: SessionPlan, members) -> list[dict]:
    """Members to screen again before this plan: [{participant_id, display_name, reasons}]."""
    if plan.starts_at is None or not members:
        return []
    rhythm = history.rhythm_of()
    starts = _series_starts(plan.series_id) if rhythm.every_sessions else []
    out = []
    for m in members:
        reasons = rescreen_reasons(session_starts_at=plan.starts_at, session_ends_at=plan.ends_at,
                                   screened_at=m.screened_at, valid_until=m.valid_until, rhythm=rhythm,
                                   series_starts=starts)
        if reasons:
            out.append({"participant_id": m.participant_id, "display_name": m.display_name, "reasons": reasons})
    return out

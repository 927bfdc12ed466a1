"""Progress in clearance, the loop back: a member's unreviewed reliable deterioration keeps deep items
out, and members whose screening is due again at a plan are listed. A fixed number of queries: they grow
with the group, never with the number of plans or items. Screening's clearance calls these; nothing here
calls back into screening's services."""

from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, select

from ..extensions import db
from ..groups.models import GroupMember
from ..plans.models import SessionPlan
from . import history
from .rules import rescreen_reasons


def with_progress(*, group_id: str, members: list) -> list:
    """The group's MemberScreenings with their unreviewed reliable deteriorations (deep items excluded) and
    what is only shown (a review, a recovery). Three queries, whatever the group's size."""
    ids = [m.participant_id for m in members]
    if not ids:
        return members
    joined = {row.participant_id: row.joined_on for row in db.session.execute(
        select(GroupMember.participant_id, func.max(GroupMember.joined_on).label("joined_on"))
        .where(GroupMember.group_id == group_id).group_by(GroupMember.participant_id))}
    histories = history.histories(ids)
    reviews = history.reviews(ids)
    out = []
    for member in members:
        result = history.evaluate(histories[member.participant_id], joined_on=joined.get(member.participant_id),
                           latest_screening_at=member.screened_at, reviews=reviews[member.participant_id])
        notes = []
        if result["reviewed"]:
            review = result["review"]
            notes.append(f"reliable_deterioration reviewed by {review['by']['name']} on "
                         f"{review['at'].date().isoformat()}: {review['reason']}")
        if result["recovered"]:
            notes.append("recovered since baseline on " + ", ".join(result["recovered"])
                         + " (shown only: it changes no verdict)")
        out.append(replace(member, deterioration=tuple(result["deterioration"]) if result["enforced"] else (),
                           progress_notes=tuple(notes)))
    return out


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

"""The periodic causes: a crisis review's follow-up date reached with no newer screening (`follow_up_due`), a
member's screening not valid at a session in the next 7 days (`screening_due`), a held session's note still a
draft after 72 hours (`note_unsigned`). Raised by the background worker's periodic task (tasks.py), never by a
request. `raise_due_alerts(now)` is a plain function of the clock, so tests move `now` instead of sleeping; two
workers running it at once raise each alert once (the insert of `services.raise_alert`)."""

import logging
from datetime import datetime

from sqlalchemy import func, or_, select

from ..auth.models import Practice
from ..common.zones import aware
from ..extensions import db
from ..groups.models import GroupMember
from ..notes.models import SessionNote
from ..plans.models import SessionPlan
from ..screening.models import CrisisReview, Screening
from ..tenancy import ALL, set_practice
from .models import Alert
from .rules import NOTE_UNSIGNED_AFTER, SCREENING_DUE_WITHIN, cause_key, follow_up_due, note_unsigned, screening_due
from .services import raise_alert

log = logging.getLogger(__name__)


def raise_due_alerts(now: datetime) -> int:
    """Every practice, one transaction each (a failing practice does not stop the others): raise the alerts
    that are due at `now`. Returns how many were raised."""
    session = db.session
    practice_ids = list(session.scalars(select(Practice.id).order_by(Practice.id)))
    across = session.info.get(ALL)
    raised = 0
    try:
        for pid in practice_ids:
            set_practice(session, pid)
            try:
                raised += due_in_practice(practice_id=pid, now=now)
                session.commit()
            except Exception:
                session.rollback()
                log.exception("due alerts of practice %s failed", pid)
    finally:
        set_practice(session, None)
        if across is not None:
            session.info[ALL] = across
    return raised


def due_in_practice(*, practice_id: str, now: datetime) -> int:
    """The caller's practice (the session is scoped to it): raise what is due, flush, commit nothing."""
    raised = 0
    for kind, source_type, source_id, participant_id, extra in (*_follow_ups(now), *_screenings_due(now),
                                                                  *_unsigned_notes(now)):
        alert = raise_alert(practice_id=practice_id, kind=kind, cause=cause_key(kind, source_type, source_id, *extra),
                            source_type=source_type, source_id=source_id, participant_id=participant_id,
                            actor=None, now=now)
        raised += alert is not None
    return raised


def _raised(kind: str):
    return select(Alert.source_id).where(Alert.kind == kind)


def _follow_ups(now: datetime) -> list[tuple]:
    newest = (select(func.max(Screening.screened_at)).where(Screening.participant_id == CrisisReview.participant_id)
              .correlate(CrisisReview).scalar_subquery())
    rows = db.session.execute(
        select(CrisisReview.id, CrisisReview.participant_id, CrisisReview.follow_up_on, CrisisReview.at,
               newest.label("newest"))
        .where(CrisisReview.follow_up_on <= now.date(), CrisisReview.id.not_in(_raised("follow_up_due"))))
    return [("follow_up_due", "crisis_review", r.id, r.participant_id, ()) for r in rows
            if follow_up_due(follow_up_on=r.follow_up_on, reviewed_at=aware(r.at),
                             newest_screening_at=aware(r.newest), today=now.date())]


def _screenings_due(now: datetime) -> list[tuple]:
    plans = list(db.session.execute(
        select(SessionPlan.id, SessionPlan.group_id, SessionPlan.starts_at, SessionPlan.ends_at)
        .where(SessionPlan.group_id.is_not(None), SessionPlan.starts_at >= now,
               SessionPlan.starts_at < now + SCREENING_DUE_WITHIN)))
    if not plans:
        return []
    members = db.session.execute(
        select(GroupMember.group_id, GroupMember.participant_id)
        .where(GroupMember.group_id.in_({p.group_id for p in plans}), GroupMember.left_on.is_(None)))
    by_group: dict[str, list[str]] = {}
    for m in members:
        by_group.setdefault(m.group_id, []).append(m.participant_id)
    people = {pid for pids in by_group.values() for pid in pids}
    valid = {pid: until for pid, until in db.session.execute(
        select(Screening.participant_id, func.max(Screening.valid_until))
        .where(Screening.participant_id.in_(people)).group_by(Screening.participant_id))} if people else {}
    done = {(plan_id, pid) for plan_id, pid in db.session.execute(
        select(Alert.source_id, Alert.participant_id)
        .where(Alert.kind == "screening_due", Alert.source_id.in_([p.id for p in plans])))}
    out = []
    for plan in plans:
        for pid in by_group.get(plan.group_id, []):
            if (plan.id, pid) not in done and screening_due(
                    session_starts_at=aware(plan.starts_at), session_ends_at=aware(plan.ends_at),
                    valid_until=aware(valid.get(pid)), now=now):
                out.append(("screening_due", "plan", plan.id, pid, (pid,)))
    return out


def _unsigned_notes(now: datetime) -> list[tuple]:
    before = now - NOTE_UNSIGNED_AFTER
    rows = db.session.execute(
        select(SessionNote.id, SessionNote.status, SessionPlan.starts_at, SessionPlan.ends_at)
        .join(SessionPlan, SessionPlan.id == SessionNote.plan_id)
        .where(SessionNote.status == "draft", SessionNote.id.not_in(_raised("note_unsigned")),
               or_(SessionPlan.ends_at <= before, SessionPlan.ends_at.is_(None) & (SessionPlan.starts_at <= before))))
    return [("note_unsigned", "note", r.id, None, ()) for r in rows
            if note_unsigned(status=r.status, session_ends_at=aware(r.ends_at), session_starts_at=aware(r.starts_at),
                             now=now)]



"""Attendance: rosters on a session's date, the sheet (replaced whole, one transaction, no lost update),
tallies per member, the sign-in sheet and the prerequisite check clearance uses."""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, insert, select, update

from .. import signals
from ..audit.services import record
from ..auth.models import Therapist
from ..common.etag import tag_of
from ..common.models import new_id
from ..common.query import rowcount
from ..common.zones import localize
from ..errors import Conflict, Invalid, PreconditionFailed
from ..exercises.models import ExerciseModule
from ..extensions import db
from ..groups.models import Group
from ..groups.services import periods_of
from ..participants.models import Participant
from ..plans.models import PlanItem, SessionPlan
from ..series.rules import session_date
from .models import AttendanceRecord
from .rules import (
    EarlierSession,
    MissedPrerequisite,
    duplicates,
    missed_prerequisites,
    off_roster,
    roster_on,
    tally,
)
from .sheet import Sheet


def roster(plan: SessionPlan, periods=None) -> list[str]:
    """The participant ids on a session's roster: the members on its date in the group's zone."""
    if plan.group_id is None or plan.starts_at is None or plan.group is None:
        return []
    periods = periods_of(plan.group_id) if periods is None else periods
    return roster_on(periods, session_date(plan.starts_at, plan.group.timezone))


def etag_of_sheet(plan: SessionPlan) -> str:
    return tag_of(f"{plan.id}:attendance:{plan.attendance_version}")


def _names(ids) -> dict[str, str]:
    if not ids:
        return {}
    return dict(db.session.execute(select(Participant.id, Participant.display_name).where(Participant.id.in_(ids)))
                .all())


def _session_plan(plan: SessionPlan) -> tuple[Group, datetime]:
    """A session's group and start; a template (no group, no start) has no attendance (409)."""
    if plan.group_id is None or plan.starts_at is None or plan.group is None:
        raise Conflict("A template has no attendance: only a session of a group does.")
    return plan.group, plan.starts_at


def sheet(*, plan: SessionPlan, actor) -> dict:
    group, starts_at = _session_plan(plan)
    ids = roster(plan)
    rows = {r.participant_id: r for r in db.session.scalars(
        select(AttendanceRecord).where(AttendanceRecord.plan_id == plan.id))}
    names = _names(set(ids) | set(rows))
    recorders = dict(db.session.execute(select(Therapist.id, Therapist.name).where(
        Therapist.id.in_({r.recorded_by_id for r in rows.values()}))).all()) if rows else {}
    lines = []
    for pid in ids + [p for p in rows if p not in ids]:  # a record kept for someone whose period was changed
        row = rows.get(pid)
        lines.append({"participant_id": pid, "display_name": names.get(pid, pid),
                      "status": row.status if row else None, "note": row.note if row else None,
                      "recorded_by": {"id": row.recorded_by_id, "name": recorders.get(row.recorded_by_id, "")}
                      if row else None, "recorded_at": row.recorded_at if row else None})
    record("read", "attendance", plan.id, actor=actor)
    return {"plan_id": plan.id, "session_date": session_date(starts_at, group.timezone),
            "session_number": plan.session_number, "records": lines, "etag": etag_of_sheet(plan)}


def replace_sheet(*, plan: SessionPlan, actor, records: list[dict], now: datetime | None = None) -> None:
    """Replace the whole sheet in one transaction. Only members on the session's roster (422 naming the
    records otherwise); not before the session starts (409). The caller has checked If-Match against the
    version it read; the conditional UPDATE here makes the write atomic: of two editors holding the same
    tag, the second matches no row and answers 412, so no update is lost."""
    _group, starts_at = _session_plan(plan)
    now = now or datetime.now(UTC)
    if starts_at > now:
        raise Conflict("The session has not started yet: attendance is recorded once it is held.")
    allowed = roster(plan)
    errors = {str(i): {"participant_id": ["Not on this session's roster (a member on its date)."]}
              for i in off_roster(records, allowed)}
    errors.update({str(i): {"participant_id": ["Listed twice."]} for i in duplicates(records)})
    if errors:
        raise Invalid("Attendance is recorded only for the session's roster, once per member.",
              errors={"records": errors})
    expected = plan.attendance_version
    moved = rowcount(db.session.execute(
        update(SessionPlan).where(SessionPlan.id == plan.id, SessionPlan.attendance_version == expected)
        .values(attendance_version=expected + 1, updated_at=SessionPlan.updated_at),
        execution_options={"synchronize_session": False}))
    if not moved:
        raise PreconditionFailed("The attendance sheet was changed by someone else: fetch it again and retry.")
    db.session.execute(delete(AttendanceRecord).where(AttendanceRecord.plan_id == plan.id))
    if records:
        db.session.execute(insert(AttendanceRecord), [
            {"id": new_id(), "practice_id": actor.practice_id, "plan_id": plan.id,
             "participant_id": r["participant_id"], "status": r["status"], "note": r.get("note"),
             "recorded_by_id": actor.id, "recorded_at": now} for r in records])
    record("write", "attendance", plan.id, actor=actor)
    db.session.expire(plan, ["attendance_version"])
    signals.attendance_recorded.send(actor, plan=plan)


def _group_sessions(group_id: str) -> list[SessionPlan]:
    return list(db.session.scalars(select(SessionPlan).where(SessionPlan.group_id == group_id,
                                                             SessionPlan.starts_at.is_not(None))
                                   .order_by(SessionPlan.starts_at, SessionPlan.id)))


def _statuses(plan_ids) -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {}
    if plan_ids:
        for plan_id, pid, status in db.session.execute(
                select(AttendanceRecord.plan_id, AttendanceRecord.participant_id, AttendanceRecord.status)
                .where(AttendanceRecord.plan_id.in_(plan_ids))):
            result.setdefault(plan_id, {})[pid] = status
    return result


def group_tally(*, group: Group, actor) -> dict:
    periods = periods_of(group.id)
    plans = _group_sessions(group.id)
    statuses = _statuses([p.id for p in plans])
    sessions = [(roster(p, periods), statuses.get(p.id, {})) for p in plans]
    members = list(dict.fromkeys(pid for pid, _j, _l in sorted(periods, key=lambda p: (p[1], p[0]))))
    names = _names(members)
    current = {pid for pid, _j, left in periods if left is None}
    record("read", "attendance", group.id, actor=actor)
    return {"group_id": group.id, "sessions_held": sum(1 for _r, s in sessions if s),
            "members": [{"participant_id": t.participant_id, "display_name": names.get(t.participant_id, ""),
                         "current_member": t.participant_id in current, "sessions_held": t.sessions_held,
                         "unrecorded": t.unrecorded, "counts": t.counts, "attendance_rate": t.attendance_rate}
                        for t in tally(sessions=sessions, members=members)]}


@dataclass(frozen=True)
class PrerequisiteContext:
    """What the prerequisite check needs about one group's sessions, loaded once (constant queries) so an
    agenda of many sessions checks them all without more queries."""
    kind: str
    zone: str
    periods: tuple
    plans: tuple  # (id, title, session_number, starts_at), by start
    items: dict   # plan_id -> [(item_id, slug, prerequisites)] in order
    suits: dict   # slug -> suitable kinds
    statuses: dict  # plan_id -> {participant_id: status}


def prerequisite_context(group_id: str) -> PrerequisiteContext:
    rows = db.session.execute(
        select(SessionPlan.id, SessionPlan.title, SessionPlan.session_number, SessionPlan.starts_at, PlanItem.id,
               ExerciseModule.slug, ExerciseModule.prerequisites)
        .join(PlanItem, PlanItem.plan_id == SessionPlan.id)
        .outerjoin(ExerciseModule, ExerciseModule.id == PlanItem.module_id)
        .where(SessionPlan.group_id == group_id, SessionPlan.starts_at.is_not(None))
        .order_by(SessionPlan.starts_at, SessionPlan.id, PlanItem.position)).all()
    needed = {slug for row in rows for slug in (row.prerequisites or ())}
    if not needed:  # nothing to check: one query was enough
        return PrerequisiteContext(kind="", zone="UTC", periods=(), plans=(), items={}, suits={}, statuses={})
    group = db.session.get(Group, group_id)
    assert group is not None  # the caller loaded it (tenancy scoped)
    plans: dict[str, tuple] = {}
    items: dict[str, list[tuple]] = {}
    for plan_id, title, number, starts_at, item_id, slug, prerequisites in rows:
        plans.setdefault(plan_id, (plan_id, title, number, starts_at))
        items.setdefault(plan_id, []).append((item_id, slug, tuple(prerequisites or ())))
    suits: dict[str, list[str]] = dict(db.session.execute(select(ExerciseModule.slug, ExerciseModule.suitable_kinds)
                                    .where(ExerciseModule.slug.in_(needed))).all())
    return PrerequisiteContext(kind=group.kind, zone=group.timezone, periods=tuple(periods_of(group_id)),
                               plans=tuple(plans.values()), items=items, suits=suits,
                               statuses=_statuses(list(plans)))


def prerequisite_warnings(plan: SessionPlan, member_ids, context: PrerequisiteContext | None = None
                          ) -> list[MissedPrerequisite]:
    """Members of this session who missed a prerequisite of one of its items (clearance and the agenda). Pass
    `context` (from prerequisite_context) to check several sessions of one group without re-querying."""
    if plan.group_id is None or plan.starts_at is None:
        return []
    context = context if context is not None else prerequisite_context(plan.group_id)
    if not any(p for _i, _s, p in context.items.get(plan.id, ())):
        return []
    # A prerequisite that does not suit the group's kind (e.g. group agreements for one person) is not asked.
    applicable = [(item_id, slug, tuple(p for p in prerequisites if context.kind in context.suits.get(p, ())))
                  for item_id, slug, prerequisites in context.items[plan.id]]
    earlier = [EarlierSession(plan_id=pid, title=title, session_number=number, day=session_date(start, context.zone),
                              module_slugs=frozenset(s for _i, s, _p in context.items.get(pid, ()) if s),
                              roster=frozenset(roster_on(context.periods, session_date(start, context.zone))),
                              statuses=context.statuses.get(pid, {}))
               for pid, title, number, start in context.plans if start < plan.starts_at and pid != plan.id]
    return missed_prerequisites(items=applicable, roster=list(member_ids), earlier=earlier)


def sign_in_sheet(plan: SessionPlan) -> Sheet:
    """A session's sign-in sheet: its roster on its date (names only) and its facilitators (the route's and the
    offline pack's, one builder for both)."""
    ids = roster(plan)
    names = _names(ids)
    group = plan.group
    assert group is not None and plan.starts_at is not None  # a session (checked by the caller)
    when = localize(plan.starts_at, group.timezone).strftime("%A %d %B %Y, %H:%M")
    return Sheet(title=plan.title, group=group.name, when=f"{when} ({group.timezone})",
                 session_number=plan.session_number, names=tuple(names.get(i, i) for i in ids),
                 facilitators=tuple(f.name for f in group.facilitators))

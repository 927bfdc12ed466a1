"""Plan clearance: load a group's members with their newest screening, the plan's items with their modules'
contraindications, progress (the loop back) and missed prerequisites, as plain values in a fixed number of
queries, and call the pure rules (toolkit/screening/clearance.py). It reads screening, progress and
attendance, so it stands above all three: none of them imports it."""

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy.orm import lazyload

from ..agreements.rules import AGREEMENT_KINDS, missing_message
from ..agreements.services import agreement_missing
from ..alerts.services import open_alerts_of
from ..attendance.services import prerequisite_warnings
from ..exercises.rules import Contraindication
from ..extensions import db
from ..groups.rules import roster_on
from ..plans.models import SessionPlan
from ..progress.clearance import rescreen_due_at_plan
from ..screening.clearance import ClearanceItem, MemberScreening, clear_plan
from ..series.rules import session_date
from . import queries, state
from .rules import member_from_row, member_with


def group_screenings(group_id: str | None, *, facilitators=None, now: datetime | None = None,
                     on: date | None = None) -> "GroupScreenings":
    """A group's members (in enrolment order) with their newest screening, its current override (who, when,
    why) and what the crisis hold needs, as plain values in one query: only the columns clearance needs, and
    a cost that grows with the group, not with anyone's screening history. Whether an active
    trauma-informed therapist facilitates comes from `facilitators` when the caller has them loaded,
    else from one more query. Everyone who ever belonged is loaded with their membership periods; `on`
    keeps the roster of that date (a session's), else the current members (`.on(day)` narrows later)."""
    now = now or datetime.now(UTC)
    members: list[MemberScreening] = []
    names: dict[str, str] = {}
    periods: list[tuple] = []
    if group_id is None:
        return GroupScreenings(members=(), names={}, trauma_informed=False)
    stmt = queries.group_screenings_stmt(db.session.get_bind().dialect.name)
    for row in db.session.execute(stmt, {"group_id": group_id}):
        periods.append((row.participant_id, row.joined_on, row.left_on))
        if row.participant_id in names:
            continue
        names[row.participant_id] = row.display_name
        members.append(member_from_row(row, now))
    members = with_person(members, now=now)
    if facilitators is None:
        trauma_informed = db.session.scalar(queries.trauma_informed_stmt(), {"group_id": group_id}) is not None
    else:
        trauma_informed = any(f.trauma_informed and f.active for f in facilitators)
    everyone = GroupScreenings(members=tuple(members), names=names, trauma_informed=trauma_informed,
                               periods=tuple(periods), everyone=tuple(members),
                               alerts=open_alerts_of([m.participant_id for m in members]))
    return everyone.on(on)


def with_person(members: list[MemberScreening], *, now: datetime) -> list[MemberScreening]:
    """The members with what each person's whole history says (clearance/rules.py): crisis hold, recent
    crisis, reliable deterioration against their one baseline, read from the state stored when the history
    last changed (clearance/state.py): one statement, whatever the number of members or their histories."""
    states = state.read([m.participant_id for m in members])
    return [member_with(m, states[m.participant_id], now=now) for m in members]


@dataclass(frozen=True)
class GroupScreenings:
    members: tuple[MemberScreening, ...]
    names: dict
    trauma_informed: bool
    periods: tuple = ()  # (participant_id, joined_on, left_on) of every membership period
    everyone: tuple = ()  # every member who ever belonged; `members` is the roster chosen from them
    alerts: dict | None = None  # participant id -> their open alerts (None: not loaded)

    def on(self, day: date | None) -> "GroupScreenings":
        """Only the members on the roster of `day` (None: the current members, whose period has not ended)."""
        if day is None:
            keep = {pid for pid, _joined, left in self.periods if left is None}
        else:
            keep = set(roster_on(self.periods, day))
        return replace(self, members=tuple(m for m in self.everyone or self.members if m.participant_id in keep))


# The clearance endpoint reads the plan's items and the group's facilitators as plain rows itself.
CLEARANCE_PLAN_OPTIONS = (lazyload(SessionPlan.items), lazyload(SessionPlan.group))


def _clearance_item(item_id, module_id, title, contraindications, intensity=None, gated=False) -> ClearanceItem:
    return ClearanceItem(item_id=item_id, module_id=module_id, module_title=title, intensity=intensity,
                         gate_on_deterioration=bool(gated),
                         contraindications=tuple(Contraindication(c["flag"], c["action"], c.get("adaptation") or "")
                                                 for c in (contraindications or ())))


def clearance_items(plan: SessionPlan) -> list[ClearanceItem]:
    """The items of a plan whose items (with modules) are loaded already."""
    return [_clearance_item(item.id, item.module_id, item.module.title if item.module else None,
                            item.module.contraindications if item.module else None,
                            item.module.intensity if item.module else None,
                            item.module.gate_on_deterioration if item.module else False) for item in plan.items]


def clearance_items_of(plan_id: str) -> list[ClearanceItem]:
    """A plan's items with their modules' titles and contraindications, in one query."""
    return [_clearance_item(*row) for row in db.session.execute(queries.clearance_items_stmt(), {"plan_id": plan_id})]


def clearance(plan: SessionPlan, *, now: datetime | None = None, screenings: GroupScreenings | None = None,
              items: list[ClearanceItem] | None = None, prerequisites=None) -> dict:
    """Every member × every item of the plan: ok / adapt / exclude, in a constant number of queries.
    Pass `screenings` (from group_screenings, with the members' open alerts) and `items` (from clearance_items)
    to clear several plans of one group without re-querying."""
    now = now or datetime.now(UTC)
    day = session_date(plan.starts_at, plan.group.timezone) if plan.group is not None and plan.starts_at else None
    if screenings is None:
        screenings = group_screenings(plan.group_id, on=day)
    else:
        screenings = screenings.on(day)
    if items is None:
        items = clearance_items_of(plan.id)
    result = clear_plan(members=screenings.members, items=items, now=now, session_end=plan.ends_at,
                        has_trauma_informed_facilitator=screenings.trauma_informed)
    missed = prerequisite_warnings(plan, [m.participant_id for m in screenings.members], prerequisites)
    result["warnings"] = [{"code": "missed_prerequisite", "participant_id": m.participant_id, "item_id": m.item_id,
                           "module": m.module_slug, "prerequisite": m.prerequisite, "session": m.session,
                           "message": m.message} for m in missed]
    if plan.group is not None and plan.group.kind in AGREEMENT_KINDS and day is not None:
        unsigned = agreement_missing([m.participant_id for m in screenings.members], day)
        result["warnings"] += [{"code": "agreement_missing", "participant_id": pid, "item_id": None, "module": None,
                                "prerequisite": None, "session": None, "message": missing_message(version)}
                               for pid, version in unsigned.items()]
    ids = [p["participant_id"] for p in result["participants"]]
    # Loaded once per group with its members (several plans of one group, e.g. a retreat's agenda, share them).
    alerts = screenings.alerts if screenings.alerts is not None else open_alerts_of(ids)
    for member in result["participants"]:
        member["alerts"] = [{**a, "raised_at": a["raised_at"].isoformat()}
                            for a in alerts.get(member["participant_id"], ())]
    due = rescreen_due_at_plan(plan=plan, members=screenings.members)
    return {"plan_id": plan.id, "checked_at": now, "session_ends_at": plan.ends_at, "session_date": day, **result,
            "rescreen_due": due}

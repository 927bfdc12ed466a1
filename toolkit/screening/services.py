"""Screenings and plan clearance: load rows, call the pure rules, store, flush."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from flask import current_app
from flask_smorest import abort
from sqlalchemy import bindparam, select, true
from sqlalchemy.orm import aliased, lazyload

from ..audit.services import record
from ..auth.models import Therapist
from ..exercises.models import ExerciseModule
from ..extensions import db
from ..groups.models import GroupMember, group_facilitators
from ..participants.models import Participant
from ..plans.models import PlanItem, SessionPlan
from .clearance import ClearanceItem, Contraindication, MemberScreening, clear_plan
from .models import Screening, ScreeningOverride
from .rules import crisis_guidance, default_form, evaluate, validate_answers


def current_form():
    return default_form()


def validity(form) -> timedelta:
    days = current_app.config.get("SCREENING_VALIDITY_DAYS") or form.validity_days
    return timedelta(days=days)


def submit_screening(participant: Participant, data: dict, *, actor) -> Screening:
    """Score the answers with the current form and store the screening (immutable from now on)."""
    form = current_form()
    if data["form_version"] != form.version:
        abort(422, message=f"The intake form has changed: the current version is {form.version}. "
                           "Fetch GET /api/v1/screening/form and answer it again.",
              errors={"form_version": [f"Stale or unknown version; the current one is {form.version}."]})
    errors = validate_answers(form, data["answers"])
    if errors:
        abort(422, message="Some answers are missing or not valid: see errors.", errors={"answers": errors})
    result = evaluate(form, data["answers"], sex_at_birth=participant.sex_at_birth)
    now = datetime.now(UTC)
    screening = Screening(
        participant_id=participant.id, form_version=form.version, answers=dict(data["answers"]),
        scores={code: score.to_dict() for code, score in result.scores.items()},
        flags=[flag.to_dict() for flag in result.flags], findings=[note.to_dict() for note in result.notes],
        computed_outcome=result.outcome, notes=data.get("notes"), screened_by_id=actor.id, screened_at=now,
        valid_until=now + validity(form),
    )
    db.session.add(screening)
    db.session.flush()
    record("create", "screening", screening.id, actor=actor)
    return screening


def override(screening: Screening, outcome: str, reason: str, *, actor) -> Screening:
    if not reason.strip():
        abort(422, message="An override needs a written reason.", errors={"reason": ["Must not be blank."]})
    db.session.add(ScreeningOverride(screening_id=screening.id, outcome=outcome, reason=reason.strip(),
                                     by_id=actor.id))
    db.session.flush()
    db.session.expire(screening, ["overrides"])
    record("override", "screening", screening.id, actor=actor)
    return screening


def present(screening: Screening, now: datetime | None = None) -> dict:
    now = now or datetime.now(UTC)

    def person(therapist):
        return {"id": therapist.id, "name": therapist.name}

    overrides = [{"outcome": o.outcome, "reason": o.reason, "by": person(o.by), "at": o.at}
                 for o in screening.overrides]
    outcome = screening.outcome
    return {
        "id": screening.id, "participant_id": screening.participant_id, "form_version": screening.form_version,
        "answers": screening.answers, "scores": screening.scores, "flags": screening.flags,
        "findings": screening.findings or [], "outcome": outcome, "computed_outcome": screening.computed_outcome,
        "override": overrides[-1] if overrides else None, "overrides": overrides,
        "crisis_guidance": crisis_guidance(current_app.config.get("CRISIS_LINE_TEXT")) if outcome == "defer"
        else None,
        "notes": screening.notes, "screened_by": person(screening.screened_by),
        "screened_at": screening.screened_at, "valid_until": screening.valid_until,
        "is_valid": screening.valid_until > now,
    }


def screenings_of(participant: Participant):
    return (select(Screening).where(Screening.participant_id == participant.id)
            .order_by(Screening.screened_at.desc(), Screening.id))


def current_override_of(screening_id_column):
    """Correlated subquery: the outcome of the screening's latest override, if any."""
    return (select(ScreeningOverride.outcome).where(ScreeningOverride.screening_id == screening_id_column)
            .order_by(ScreeningOverride.at.desc(), ScreeningOverride.id.desc()).limit(1).scalar_subquery())


def flags_of(flags: list[dict]) -> frozenset[str]:
    """Flags that change what a person may do (info-level findings never do)."""
    return frozenset(f["flag"] for f in flags if f.get("level") != "info")


def group_screenings(group_id: str | None, *, facilitators=None) -> "GroupScreenings":
    """A group's members (in enrolment order) with their newest screening and its current outcome (the
    latest override's, else the computed one), as plain values in one query: only the columns clearance
    needs, and a cost that grows with the group, not with anyone's screening history. Whether an active
    trauma-informed therapist facilitates comes from `facilitators` when the caller has them loaded,
    else from one more query."""
    members: list[MemberScreening] = []
    names: dict[str, str] = {}
    if group_id is None:
        return GroupScreenings(members=(), names={}, trauma_informed=False)
    for row in db.session.execute(_group_screenings_stmt(db.session.get_bind().dialect.name), {"group_id": group_id}):
        names[row.participant_id] = row.display_name
        members.append(MemberScreening(participant_id=row.participant_id) if row.id is None else MemberScreening(
            participant_id=row.participant_id, screening_id=row.id, flags=flags_of(row.flags),
            outcome=row.override or row.computed_outcome, valid_until=row.valid_until))
    if facilitators is None:
        trauma_informed = db.session.scalar(_trauma_informed_stmt(), {"group_id": group_id}) is not None
    else:
        trauma_informed = any(f.trauma_informed and f.active for f in facilitators)
    return GroupScreenings(members=tuple(members), names=names, trauma_informed=trauma_informed)


# Built once: clearance runs on every plan view, and building these costs more than running them.
@cache
def _group_screenings_stmt(dialect: str):
    """Each member's newest screening (the one `screenings_of` lists first) is an index seek per member,
    whatever the length of their history: a LATERAL join on PostgreSQL (a correlated join there lets the
    planner hash the whole screenings table), a correlated subquery on SQLite (which has no LATERAL)."""
    members = (select(GroupMember.participant_id, Participant.display_name)
               .join(Participant, Participant.id == GroupMember.participant_id)
               .where(GroupMember.group_id == bindparam("group_id")).order_by(GroupMember.joined_at, GroupMember.id))
    newest = aliased(Screening)
    by_recency = (newest.screened_at.desc(), newest.id)
    if dialect == "postgresql":
        latest = (select(newest.id, newest.flags, newest.computed_outcome, newest.valid_until)
                  .where(newest.participant_id == GroupMember.participant_id)
                  .order_by(*by_recency).limit(1).lateral("latest"))
        return (members.add_columns(latest.c.id, latest.c.flags, latest.c.computed_outcome, latest.c.valid_until,
                                    current_override_of(latest.c.id).label("override"))
                .outerjoin(latest, true()))
    newest_id = (select(newest.id).where(newest.participant_id == GroupMember.participant_id)
                 .order_by(*by_recency).limit(1).scalar_subquery())
    return (members.add_columns(Screening.id, Screening.flags, Screening.computed_outcome, Screening.valid_until,
                                current_override_of(Screening.id).label("override"))
            .outerjoin(Screening, Screening.id == newest_id))


@cache
def _trauma_informed_stmt():
    return (select(Therapist.id).join(group_facilitators, group_facilitators.c.therapist_id == Therapist.id)
            .where(group_facilitators.c.group_id == bindparam("group_id"), Therapist.trauma_informed.is_(True),
                   Therapist.active.is_(True)).limit(1))


@cache
def _clearance_items_stmt():
    return (select(PlanItem.id, PlanItem.module_id, ExerciseModule.title, ExerciseModule.contraindications)
            .outerjoin(ExerciseModule, ExerciseModule.id == PlanItem.module_id)
            .where(PlanItem.plan_id == bindparam("plan_id")).order_by(PlanItem.position))


@dataclass(frozen=True)
class GroupScreenings:
    members: tuple[MemberScreening, ...]
    names: dict
    trauma_informed: bool


# The clearance endpoint reads the plan's items and the group's facilitators as plain rows itself.
CLEARANCE_PLAN_OPTIONS = (lazyload(SessionPlan.items), lazyload(SessionPlan.group))


def _clearance_item(item_id, module_id, title, contraindications) -> ClearanceItem:
    return ClearanceItem(item_id=item_id, module_id=module_id, module_title=title,
                         contraindications=tuple(Contraindication(c["flag"], c["action"], c.get("adaptation"))
                                                 for c in (contraindications or ())))


def clearance_items(plan: SessionPlan) -> list[ClearanceItem]:
    """The items of a plan whose items (with modules) are loaded already."""
    return [_clearance_item(item.id, item.module_id, item.module.title if item.module else None,
                            item.module.contraindications if item.module else None) for item in plan.items]


def clearance_items_of(plan_id: str) -> list[ClearanceItem]:
    """A plan's items with their modules' titles and contraindications, in one query."""
    return [_clearance_item(*row) for row in db.session.execute(_clearance_items_stmt(), {"plan_id": plan_id})]


def clearance(plan: SessionPlan, *, now: datetime | None = None, screenings: GroupScreenings | None = None,
              items: list[ClearanceItem] | None = None) -> dict:
    """Every member × every item of the plan: ok / adapt / exclude, in a constant number of queries.
    Pass `screenings` (from group_screenings) and `items` (from clearance_items) to clear several plans
    of one group without re-querying."""
    now = now or datetime.now(UTC)
    if screenings is None:
        screenings = group_screenings(plan.group_id)
    if items is None:
        items = clearance_items_of(plan.id)
    result = clear_plan(members=screenings.members, items=items, now=now,
                        has_trauma_informed_facilitator=screenings.trauma_informed)
    for entry in result["participants"]:
        entry["display_name"] = screenings.names.get(entry["participant_id"], "")
    return {"plan_id": plan.id, "checked_at": now, **result}

"""Screenings and plan clearance: load rows, call the pure rules, store, flush."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from flask_smorest import abort
from sqlalchemy import and_, func, select
from sqlalchemy.orm import selectinload

from ..audit.services import record
from ..exercises.models import ExerciseModule
from ..extensions import db
from ..groups.models import GroupMember
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


def latest_screenings(participant_ids) -> dict[str, MemberScreening]:
    """Each participant's newest screening with its current outcome (the latest override's, else the
    computed one), as plain values in one query: only the newest rows and the columns clearance needs,
    so the cost does not grow with a participant's screening history."""
    if not participant_ids:
        return {}
    newest = (select(Screening.participant_id, func.max(Screening.screened_at).label("at"))
              .where(Screening.participant_id.in_(list(participant_ids)))
              .group_by(Screening.participant_id).subquery())
    last_override = (select(ScreeningOverride.screening_id, func.max(ScreeningOverride.at).label("at"))
                     .group_by(ScreeningOverride.screening_id).subquery())
    rows = db.session.execute(
        select(Screening.id, Screening.participant_id, Screening.flags, Screening.computed_outcome,
               Screening.valid_until, ScreeningOverride.outcome.label("override"))
        .join(newest, and_(Screening.participant_id == newest.c.participant_id, Screening.screened_at == newest.c.at))
        .outerjoin(last_override, last_override.c.screening_id == Screening.id)
        .outerjoin(ScreeningOverride, and_(ScreeningOverride.screening_id == Screening.id,
                                           ScreeningOverride.at == last_override.c.at))
        .order_by(Screening.participant_id, Screening.id))
    latest: dict[str, MemberScreening] = {}
    for row in rows:
        latest.setdefault(row.participant_id, MemberScreening(
            participant_id=row.participant_id, screening_id=row.id, outcome=row.override or row.computed_outcome,
            flags=flags_of(row.flags), valid_until=row.valid_until))
    return latest


def flags_of(flags: list[dict]) -> frozenset[str]:
    """Flags that change what a person may do (info-level findings never do)."""
    return frozenset(f["flag"] for f in flags if f.get("level") != "info")


def members_of(group_id: str | None) -> list:
    """(participant_id, display_name) of a group's members, in enrolment order."""
    if group_id is None:
        return []
    stmt = (select(GroupMember.participant_id, Participant.display_name)
            .join(Participant, Participant.id == GroupMember.participant_id)
            .where(GroupMember.group_id == group_id).order_by(GroupMember.joined_at, GroupMember.id))
    return list(db.session.execute(stmt))


def group_screenings(group_id: str | None, *, facilitators=()) -> "GroupScreenings":
    """A group's members with their latest screenings, loaded once (two queries)."""
    members = members_of(group_id)
    latest = latest_screenings([m.participant_id for m in members])
    return GroupScreenings(
        members=tuple(latest.get(m.participant_id) or MemberScreening(participant_id=m.participant_id)
                      for m in members),
        names={m.participant_id: m.display_name for m in members},
        trauma_informed=any(f.trauma_informed and f.active for f in facilitators))


@dataclass(frozen=True)
class GroupScreenings:
    members: tuple[MemberScreening, ...]
    names: dict
    trauma_informed: bool


# Clearance reads only each item's module title and contraindications.
CLEARANCE_PLAN_OPTIONS = (
    selectinload(SessionPlan.items).joinedload(PlanItem.module).load_only(
        ExerciseModule.id, ExerciseModule.title, ExerciseModule.contraindications),
)


def clearance_items(plan: SessionPlan) -> list[ClearanceItem]:
    return [ClearanceItem(
        item_id=item.id, module_id=item.module_id, module_title=item.module.title if item.module else None,
        contraindications=tuple(Contraindication(c["flag"], c["action"], c.get("adaptation"))
                                for c in (item.module.contraindications if item.module else [])))
        for item in plan.items]


def clearance(plan: SessionPlan, *, now: datetime | None = None, screenings: GroupScreenings | None = None) -> dict:
    """Every member × every item of the plan: ok / adapt / exclude, in a constant number of queries.
    Pass `screenings` (from group_screenings) to clear several plans of one group without re-querying."""
    now = now or datetime.now(UTC)
    if screenings is None:
        screenings = group_screenings(plan.group_id, facilitators=plan.group.facilitators if plan.group else ())
    result = clear_plan(members=screenings.members, items=clearance_items(plan), now=now,
                        has_trauma_informed_facilitator=screenings.trauma_informed)
    for entry in result["participants"]:
        entry["display_name"] = screenings.names.get(entry["participant_id"], "")
    return {"plan_id": plan.id, "checked_at": now, **result}

"""The SQL statements clearance runs, built once per process: clearance runs on every plan view, and
building these costs more than running them. Each takes its values as bound parameters."""

from functools import cache

from sqlalchemy import bindparam, select, true
from sqlalchemy.orm import aliased

from ..auth.models import Therapist
from ..exercises.models import ExerciseModule
from ..groups.models import GroupMember, group_facilitators
from ..participants.models import Participant
from ..plans.models import PlanItem
from ..screening.models import Screening, ScreeningOverride


@cache
def group_screenings_stmt(dialect: str):
    """Each member's newest screening (the one `screenings_of` lists first) is an index seek per member,
    whatever the length of their history: a LATERAL join on PostgreSQL (a correlated join there lets the
    planner hash the whole screenings table), a correlated subquery on SQLite (which has no LATERAL).
    The newest screening's latest override (with its author) is found the same way."""
    members = (select(GroupMember.participant_id, Participant.display_name, Participant.date_of_birth,
                      GroupMember.joined_on, GroupMember.left_on)
               .join(Participant, Participant.id == GroupMember.participant_id)
               .where(GroupMember.group_id == bindparam("group_id"))
               .order_by(GroupMember.joined_on, GroupMember.joined_at, GroupMember.id))
    newest = aliased(Screening)
    by_recency = (newest.screened_at.desc(), newest.id)
    author = aliased(Therapist)
    o = aliased(ScreeningOverride)
    if dialect == "postgresql":
        latest = (select(newest.id, newest.flags, newest.findings, newest.computed_outcome, newest.valid_until,
                         newest.screened_at, newest.method)
                  .where(newest.participant_id == GroupMember.participant_id)
                  .order_by(*by_recency).limit(1).lateral("latest"))
        current = (select(o.outcome, o.reason, o.at, o.by_id, author.name)
                   .join(author, author.id == o.by_id).where(o.screening_id == latest.c.id)
                   .order_by(o.at.desc(), o.id.desc()).limit(1).lateral("current_override"))
        return (members.add_columns(latest.c.id, latest.c.flags, latest.c.findings, latest.c.computed_outcome,
                                    latest.c.valid_until, latest.c.screened_at, latest.c.method,
                                    current.c.outcome.label("override_outcome"),
                                    current.c.reason.label("override_reason"), current.c.at.label("override_at"),
                                    current.c.by_id.label("override_by_id"),
                                    current.c.name.label("override_by_name"))
                .outerjoin(latest, true()).outerjoin(current, true()))
    newest_id = (select(newest.id).where(newest.participant_id == GroupMember.participant_id)
                 .order_by(*by_recency).limit(1).scalar_subquery())
    current_id = (select(o.id).where(o.screening_id == Screening.id)
                  .order_by(o.at.desc(), o.id.desc()).limit(1).scalar_subquery())
    return (members.add_columns(Screening.id, Screening.flags, Screening.findings, Screening.computed_outcome,
                                Screening.valid_until, Screening.screened_at, Screening.method,
                                ScreeningOverride.outcome.label("override_outcome"),
                                ScreeningOverride.reason.label("override_reason"),
                                ScreeningOverride.at.label("override_at"),
                                ScreeningOverride.by_id.label("override_by_id"),
                                author.name.label("override_by_name"))
            .outerjoin(Screening, Screening.id == newest_id)
            .outerjoin(ScreeningOverride, ScreeningOverride.id == current_id)
            .outerjoin(author, author.id == ScreeningOverride.by_id))


@cache
def trauma_informed_stmt():
    return (select(Therapist.id).join(group_facilitators, group_facilitators.c.therapist_id == Therapist.id)
            .where(group_facilitators.c.group_id == bindparam("group_id"), Therapist.trauma_informed.is_(True),
                   Therapist.active.is_(True)).limit(1))


@cache
def clearance_items_stmt():
    return (select(PlanItem.id, PlanItem.module_id, ExerciseModule.title, ExerciseModule.contraindications,
                   ExerciseModule.intensity, ExerciseModule.gate_on_deterioration)
            .outerjoin(ExerciseModule, ExerciseModule.id == PlanItem.module_id)
            .where(PlanItem.plan_id == bindparam("plan_id")).order_by(PlanItem.position))

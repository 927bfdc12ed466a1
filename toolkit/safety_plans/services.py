"""Safety plans: PHI. Every read and write is audited; no text of a plan is ever logged.

A plan is never edited: `create_safety_plan` writes a new version that supersedes the current one, in one
transaction (at most one `current` per person: a partial unique index holds it under concurrency, and two
writers that both saw the same current version meet the unique version number, answered as a 409).
"""

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, scoped_session

from ..audit.services import record
from ..errors import Conflict, Invalid
from ..extensions import db
from ..participants.models import Participant
from .models import SafetyPlan
from .rules import SECTION_KEYS, next_version, normalise, problems


def current_safety_plan(session: Session | scoped_session | None, participant_id: str) -> SafetyPlan | None:
    """The participant's plan in force, or None. For other packages (the crisis review names it); reads under
    the session's practice scope like every query, so another practice's person has none. Not audited: the
    caller audits what it shows."""
    return (session or db.session).scalars(select(SafetyPlan).where(SafetyPlan.participant_id == participant_id,
                                                    SafetyPlan.status == "current")).first()


def sections_of(plan: SafetyPlan) -> dict:
    return {key: list(getattr(plan, key) or []) for key in SECTION_KEYS}


def present(plan: SafetyPlan) -> dict:
    return {"id": plan.id, "participant_id": plan.participant_id, "version": plan.version, "status": plan.status,
            "supersedes_id": plan.supersedes_id, **sections_of(plan),
            "created_by": {"id": plan.created_by.id, "name": plan.created_by.name}, "created_at": plan.created_at}


def create_safety_plan(*, participant: Participant, actor, sections: dict) -> SafetyPlan:
    """A new version of the person's plan, superseding the current one (if any). 422 naming the section for an
    empty plan or an entry listed twice; 409 when another version was saved at the same moment."""
    cleaned = normalise(sections)
    errors = problems(cleaned)
    if errors:
        raise Invalid("The safety plan is not complete.", errors=errors)
    newest = db.session.scalar(select(func.max(SafetyPlan.version)).where(SafetyPlan.participant_id == participant.id))
    current = current_safety_plan(db.session, participant.id)
    plan = SafetyPlan(participant_id=participant.id, version=next_version(newest), status="current",
                      supersedes_id=current.id if current is not None else None, created_by_id=actor.id, **cleaned)
    if current is not None:
        current.status = "superseded"
    try:
        db.session.flush()  # the old version stops being current before the new one is written
        db.session.add(plan)
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise Conflict("Another version of this safety plan was saved at the same moment: reload the plans and "
                       "write the new version again.") from None
    record("write", "safety_plan", plan.id, actor=actor)
    return plan


def plans_of(participant: Participant):
    """The person's plans, newest version first (a statement, for pagination)."""
    return (select(SafetyPlan).where(SafetyPlan.participant_id == participant.id)
            .order_by(SafetyPlan.version.desc()))


def read_safety_plan(*, plan: SafetyPlan, actor, printed: bool = False) -> dict:
    """One plan, audited as a read (`export` for the printed copy)."""
    record("export" if printed else "read", "safety_plan", plan.id, actor=actor)
    return present(plan)


def record_list(*, participant: Participant, actor) -> None:
    record("list", "safety_plan", participant.id, actor=actor)


def print_safety_plan(*, plan: SafetyPlan, practice, crisis_text: str | None) -> bytes:
    """The participant's own printed copy (toolkit/safety_plans/pdf.py): this plan's sections only. Imported
    here, not at start-up: WeasyPrint (~35 MiB) stays out of a web worker that never prints a plan."""
    from .pdf import plan_pdf

    return plan_pdf(sections=sections_of(plan), version=plan.version, made_on=plan.created_at.date(),
                    practice_name=practice.name, practice_contact=practice.contact, crisis_text=crisis_text)

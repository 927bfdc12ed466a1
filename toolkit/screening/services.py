"""Screenings: the intake form, submissions, overrides, crisis reviews; load rows, call the pure rules,
store, flush. Refusals are the domain errors of toolkit/errors.py (never HTTP): the app maps them to the one
error shape. Plan clearance, which reads screenings with progress and attendance, is toolkit/clearance/."""

from datetime import UTC, datetime, timedelta
from functools import cache

from flask import current_app
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import aliased
from sqlalchemy.orm.attributes import set_committed_value

from .. import signals
from ..audit.services import record
from ..auth.models import Therapist
from ..errors import Conflict, DomainError, Forbidden, Invalid
from ..extensions import db
from ..participants.models import Participant
from ..vocab import FLAGS
from .form_loader import default_form
from .guidance import default_guidance
from .intake import take
from .models import CrisisReview, Screening, ScreeningOverride
from .rules import AnswersError
from .safety import (
    ADULT_AGE,
    SafetyRefusal,
    check_assessment,
    check_override,
    flags_of,
    is_minor,
    minor_message,
    taken_during_hold,
)

_REFUSALS: dict[int, type[DomainError]] = {403: Forbidden, 409: Conflict, 422: Invalid}


def current_form():
    return default_form()


def validity(form) -> timedelta:
    return timedelta(days=validity_days(form))


def validity_days(form) -> int:
    """The deployment's validity (SCREENING_VALIDITY_DAYS), else the form's own."""
    return current_app.config.get("SCREENING_VALIDITY_DAYS") or form.validity_days


def form_for_clients(form) -> dict:
    return {**form.to_dict(), "validity_days": validity_days(form), "form_validity_days": form.validity_days,
            "adult_age": ADULT_AGE}


def _refusal(error: SafetyRefusal) -> DomainError:
    """The domain error for a refusal of the safety rules (403, 409 or 422)."""
    return _REFUSALS[error.status](error.message, errors={error.field: [error.message]} if error.field else None)


@cache
def _hold_inputs_stmt():
    defer_s = (select(func.max(Screening.screened_at))
               .where(Screening.participant_id == bindparam("pid"), Screening.computed_outcome == "defer")
               .scalar_subquery())
    owner = aliased(Screening)
    defer_o = (select(func.max(ScreeningOverride.at)).join(owner, owner.id == ScreeningOverride.screening_id)
               .where(owner.participant_id == bindparam("pid"), ScreeningOverride.outcome == "defer")
               .scalar_subquery())
    review = (select(func.max(CrisisReview.at))
              .where(CrisisReview.participant_id == bindparam("pid"), CrisisReview.safety_plan_in_place.is_(True))
              .scalar_subquery())
    return select(defer_s.label("defer_s"), defer_o.label("defer_o"), review.label("review_at"))


def hold_inputs(participant_id: str) -> tuple[list, list]:
    """(the latest defer moments, the latest crisis review with a safety plan) of a participant, in one
    query: all `taken_during_hold` needs for a screening taken now (every review is before now)."""
    row = db.session.execute(_hold_inputs_stmt(), {"pid": participant_id}).one()
    return [row.defer_s, row.defer_o], [row.review_at]


def submit_screening(*, participant: Participant, data: dict, actor: Therapist) -> Screening:
    """Score the answers with the current form (or record a clinical lead's assessment) and store the
    screening, immutable from now on. Returns it; `crisis_hold` says whether it was taken during a hold."""
    form = current_form()
    now = datetime.now(UTC)
    method = data.get("method", "form")
    if method == "clinician_assessment":
        screening = _clinician_assessment(participant, data, form=form, actor=actor, now=now)
    else:
        screening = _form_screening(participant, data, form=form, actor=actor, now=now, method=method)
    defer_at, reviews_at = hold_inputs(participant.id)
    screening.crisis_hold = taken_during_hold(defer_at=defer_at, reviews_at=reviews_at, at=now)
    db.session.add(screening)
    db.session.flush()
    set_committed_value(screening, "overrides", [])  # a new screening has none: nothing to read back
    record("create", "screening", screening.id, actor=actor)
    signals.screening_saved.send(actor, screening=screening, participant=participant)
    return screening


def _answer_errors(problems: dict[str, list[str]]) -> dict:
    """The intake's errors as the API reports them: {answers: {item: [...]}, declined: {index: [...]}}."""
    declined = {k: v for k, v in problems.items() if k.startswith("declined.")}
    errors: dict = {"answers": {k: v for k, v in problems.items() if k not in declined}} if len(declined) < len(
        problems) else {}
    for key, value in declined.items():
        errors.setdefault("declined", {})[key.split(".", 1)[1]] = value
    return errors


def _form_screening(participant: Participant, data: dict, *, form, actor, now, method: str = "form") -> Screening:
    """The intake form, typed by a therapist (`form`) or sent by the participant from their own page
    (`self_report`, toolkit/selfreport/): the same checks, rules and scores."""
    for key in ("outcome", "reason", "flags"):
        if key in data:
            raise Invalid(f"`{key}` belongs to a clinician assessment, not to the intake form.",
                          errors={key: ['Only with method "clinician_assessment".']})
    if "form_version" not in data or "answers" not in data:
        missing = [key for key in ("form_version", "answers") if key not in data]
        raise Invalid("The intake form needs form_version and answers.",
                      errors={key: ["Missing data for required field."] for key in missing})
    if data["form_version"] != form.version:
        raise Invalid(f"The intake form has changed: the current version is {form.version}. "
                      "Fetch GET /api/v1/screening/form and answer it again.",
                      errors={"form_version": [f"Stale or unknown version; the current one is {form.version}."]})
    date_of_birth = participant.date_of_birth
    if date_of_birth is not None and is_minor(date_of_birth, now.date()):
        message = minor_message(date_of_birth, now.date())
        raise Invalid(message, errors={"method": [message]})
    try:
        result = take(form, data["answers"], declined=data.get("declined", ()), sex_at_birth=participant.sex_at_birth)
    except AnswersError as exc:
        raise Invalid("Some answers are missing or not valid: see errors. An unanswered item is only accepted "
                      "when a critical item is positive (stop at a crisis) or the item is declined.",
                      errors=_answer_errors(exc.errors)) from exc
    evaluation = result.evaluation
    return Screening(
        participant_id=participant.id, form_version=form.version, answers=dict(data["answers"]),
        scores=result.scores(), flags=[flag.to_dict() for flag in evaluation.flags],
        findings=[note.to_dict() for note in evaluation.notes], computed_outcome=evaluation.outcome,
        method=method, complete=result.complete, declined=list(result.declined),
        notes=data.get("notes"), screened_by_id=actor.id, screened_at=now, valid_until=now + validity(form))


def _clinician_assessment(participant: Participant, data: dict, *, form, actor, now) -> Screening:
    for key in ("answers", "declined", "form_version"):
        if data.get(key):
            raise Invalid(f"A clinician assessment has no `{key}`: it records an outcome and a reason.",
                          errors={key: ['Not with method "clinician_assessment".']})
    missing = [key for key in ("outcome", "reason") if key not in data]
    if missing:
        raise Invalid("A clinician assessment needs an outcome and a reason.",
                      errors={key: ["Missing data for required field."] for key in missing})
    flags = list(dict.fromkeys(data.get("flags", [])))
    try:
        check_assessment(outcome=data["outcome"], reason=data["reason"], flags=flags,
                         clinical_lead=bool(actor.clinical_lead))
    except SafetyRefusal as exc:
        raise _refusal(exc) from exc
    reason = data["reason"].strip()
    level = data["outcome"] if data["outcome"] != "clear" else "caution"
    return Screening(
        participant_id=participant.id, form_version=form.version, answers={}, scores={},
        flags=[{"flag": f, "level": level, "reasons": [f"clinician assessment: {reason}"],
                "rules": ["clinician-assessment"]} for f in FLAGS if f in flags],
        findings=[], computed_outcome=data["outcome"], method="clinician_assessment", complete=True, declined=[],
        reason=reason, notes=data.get("notes"), screened_by_id=actor.id, screened_at=now,
        valid_until=now + validity(form))


def override(*, screening: Screening, outcome: str, reason: str, actor: Therapist) -> Screening:
    """More restrictive: any therapist. Less restrictive: a clinical lead with a reason of 20+ characters.
    Never below refer when the computed flags include acute_crisis (409)."""
    try:
        check_override(current=screening.outcome, new=outcome, computed_flags=flags_of(screening.flags),
                       reason=reason, clinical_lead=bool(actor.clinical_lead),
                       participant_id=screening.participant_id)
    except SafetyRefusal as exc:
        if exc.status == 403:
            db.session.rollback()  # nothing else of this request is written with the event
            record("override", "screening", screening.id, actor=actor, outcome="denied")
            db.session.commit()
        raise _refusal(exc) from exc
    made = ScreeningOverride(screening_id=screening.id, outcome=outcome, reason=reason.strip(), by_id=actor.id)
    db.session.add(made)
    db.session.flush()
    db.session.expire(screening, ["overrides"])
    record("override", "screening", screening.id, actor=actor)
    signals.screening_overridden.send(actor, screening=screening, override=made)
    return screening


def record_crisis_review(*, participant: Participant, data: dict, actor: Therapist) -> CrisisReview:
    """A clinical lead's review after a defer. With a safety plan in place, it lets the next screening lift
    the crisis hold."""
    if not actor.clinical_lead:
        raise Forbidden("Only a clinical lead may record a crisis review.")
    defer_at, _ = hold_inputs(participant.id)
    if not any(defer_at):
        raise Conflict("This participant has no defer to review: a crisis review follows a defer outcome.")
    if data["follow_up_on"] < datetime.now(UTC).date():
        raise Invalid("The follow-up date is in the past.", errors={"follow_up_on": ["Must not be in the past."]})
    review = CrisisReview(participant_id=participant.id, summary=data["summary"].strip(),
                          safety_plan_in_place=data["safety_plan_in_place"], follow_up_on=data["follow_up_on"],
                          by_id=actor.id)
    db.session.add(review)
    db.session.flush()
    record("create", "crisis_review", review.id, actor=actor)
    signals.crisis_review_recorded.send(actor, review=review, participant=participant)
    return review


def crisis_reviews_of(participant: Participant):
    return (select(CrisisReview).where(CrisisReview.participant_id == participant.id)
            .order_by(CrisisReview.at.desc(), CrisisReview.id))


def present_review(review: CrisisReview) -> dict:
    return {"id": review.id, "participant_id": review.participant_id, "summary": review.summary,
            "safety_plan_in_place": review.safety_plan_in_place, "follow_up_on": review.follow_up_on,
            "by": {"id": review.by.id, "name": review.by.name}, "at": review.at}


def present(screening: Screening, now: datetime | None = None, *, new_by=None) -> dict:
    """The screening as the API shows it. `new_by`: the therapist who has just stored it, so that the answer to
    its POST is built before the commit, with nothing read back."""
    now = now or datetime.now(UTC)

    def person(therapist):
        return {"id": therapist.id, "name": therapist.name}

    overrides = [{"outcome": o.outcome, "reason": o.reason, "by": person(o.by), "at": o.at}
                 for o in screening.overrides]
    outcome = screening.outcome
    guidance = None
    if outcome == "defer":
        declined = screening.declined or []
        guide = default_guidance()
        guidance = guide.for_kind(guide.kind_for(screening.answers or {}, declined),
                                  current_app.config.get("CRISIS_LINE_TEXT"))
    return {
        "id": screening.id, "participant_id": screening.participant_id, "form_version": screening.form_version,
        "method": screening.method, "complete": screening.complete, "declined": screening.declined or [],
        "crisis_hold": screening.crisis_hold, "reason": screening.reason,
        "answers": screening.answers, "scores": screening.scores, "flags": screening.flags,
        "findings": screening.findings or [], "outcome": outcome, "computed_outcome": screening.computed_outcome,
        "override": overrides[-1] if overrides else None, "overrides": overrides,
        "crisis_guidance": guidance,
        "notes": screening.notes, "screened_by": person(new_by or screening.screened_by),
        "screened_at": screening.screened_at, "valid_until": screening.valid_until,
        "is_valid": screening.valid_until > now,
    }


def screenings_of(participant: Participant):
    return (select(Screening).where(Screening.participant_id == participant.id)
            .order_by(Screening.screened_at.desc(), Screening.id))

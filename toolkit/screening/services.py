"""Screenings: the intake form, submissions, overrides, crisis reviews; load rows, call the pure rules,
store, flush. Refusals are the domain errors of toolkit/errors.py (never HTTP): the app maps them to the one
error shape. Plan clearance, which reads screenings with progress and attendance, is toolkit/clearance/."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, text
from sqlalchemy.orm.attributes import set_committed_value

from .. import signals
from ..audit.services import record, record_denied
from ..auth.models import Therapist
from ..common.query import sorted_by
from ..common.zones import earliest_today
from ..config import setting
from ..errors import Conflict, DomainError, Forbidden, Invalid
from ..extensions import db
from ..participants.models import Participant
from ..safety_plans import services as safety_plans
from ..vocab import FLAGS
from . import people
from .form_loader import default_form
from .guidance import default_guidance
from .intake import asked_items, screen
from .models import CrisisReview, Screening, ScreeningOverride
from .rules import AnswersError
from .safety import (
    ADULT_AGE,
    Conflicting,
    NotPermitted,
    SafetyRefusal,
    ScreeningEvent,
    Unacceptable,
    check_assessment,
    check_override,
    check_review_target,
    flags_of,
    is_minor,
    minor_message,
    taken_during_hold,
)

_REFUSALS: dict[type[SafetyRefusal], type[DomainError]] = {
    NotPermitted: Forbidden, Conflicting: Conflict, Unacceptable: Invalid}
REVIEW_SUMMARY_MIN = 20


def current_form():
    return default_form()


def validity(form) -> timedelta:
    return timedelta(days=validity_days(form))


def validity_days(form) -> int:
    """The deployment's validity (SCREENING_VALIDITY_DAYS), else the form's own."""
    return setting("SCREENING_VALIDITY_DAYS") or form.validity_days


def form_for_clients(form) -> dict:
    return {**form.to_dict(), "validity_days": validity_days(form), "form_validity_days": form.validity_days,
            "adult_age": ADULT_AGE}


def _refusal(error: SafetyRefusal) -> DomainError:
    """The one place a refusal of the safety rules becomes a domain error (and so an HTTP status)."""
    kind = next(domain for refusal, domain in _REFUSALS.items() if isinstance(error, refusal))
    return kind(error.message, errors={error.field: [error.message]} if error.field else None)


def lock_person(participant_id: str) -> None:
    """Serialise this person's safety writes (screenings, crisis reviews) until the transaction ends, so a
    review never decides on a crisis list that a concurrent screening is changing. PostgreSQL: FOR NO KEY
    UPDATE on the participant row (it does not block the KEY SHARE lock of a row that references it);
    SQLite: a no-op write takes the database's write lock before anything is read."""
    conn = db.session.connection()
    if conn.dialect.name == "sqlite":
        conn.execute(text("UPDATE participants SET id = id WHERE id = :id"), {"id": participant_id})
    else:
        conn.execute(select(Participant.__table__.c.id).where(Participant.__table__.c.id == participant_id)
                     .with_for_update(key_share=True))


def submit_screening(*, participant: Participant, data: dict, actor: Therapist,
                     invitation_id: str | None = None) -> Screening:
    """Score the answers with the current form (or record a clinical lead's assessment) and store the
    screening, immutable from now on. Returns it; `crisis_hold` says whether it was taken during a hold.
    `invitation_id`: the participant's link it was sent from (a self-report), told to the signal's receivers."""
    form = current_form()
    lock_person(participant.id)
    now = datetime.now(UTC)
    method = data.get("method", "form")
    if method == "clinician_assessment":
        screening = _clinician_assessment(participant, data, form=form, actor=actor, now=now)
    else:
        screening = _form_screening(participant, data, form=form, actor=actor, now=now, method=method)
    person = people.records([participant.id])[participant.id]
    screening.crisis_hold = taken_during_hold(person.screenings, person.reviews, ScreeningEvent(
        at=now, computed_outcome=screening.computed_outcome))
    db.session.add(screening)
    db.session.flush()
    set_committed_value(screening, "overrides", [])  # a new screening has none: nothing to read back
    record("create", "screening", screening.id, actor=actor)
    signals.screening_saved.send(actor, screening=screening, participant=participant, invitation_id=invitation_id)
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
    if date_of_birth is None:
        message = ("The intake form needs the participant's date of birth (it is for adults): record it on the "
                   "participant first, or a clinical lead records a clinician assessment.")
        raise Invalid(message, errors={"date_of_birth": [message]})
    if is_minor(date_of_birth, now.date()):
        message = minor_message(date_of_birth, now.date())
        raise Invalid(message, errors={"method": [message]})
    try:
        result = screen(form, data["answers"], declined=data.get("declined", ()),
                        sex_at_birth=participant.sex_at_birth)
    except AnswersError as exc:
        raise Invalid("Some answers are missing or not valid: see errors. An unanswered item is only accepted "
                      "when a critical item is positive (stop at a crisis) or the item is declined.",
                      errors=_answer_errors(exc.errors)) from exc
    return Screening(
        participant_id=participant.id, form_version=form.version, answers=dict(data["answers"]),
        scores=result.scores_json(), flags=[flag.to_dict() for flag in result.flags],
        findings=[note.to_dict() for note in result.notes], computed_outcome=result.outcome,
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
        if isinstance(exc, NotPermitted):
            record_denied("override", "screening", screening.id, actor=actor)
        raise _refusal(exc) from exc
    made = ScreeningOverride(screening_id=screening.id, outcome=outcome, reason=reason.strip(), by_id=actor.id)
    db.session.add(made)
    db.session.flush()
    db.session.expire(screening, ["overrides"])
    record("override", "screening", screening.id, actor=actor)
    signals.screening_overridden.send(actor, screening=screening, override=made)
    return screening


def record_crisis_review(*, participant: Participant, data: dict, actor: Therapist) -> CrisisReview:
    """A clinical lead's review of the person's latest crisis screening (409 for any other: a newer crisis
    is unseen), with a risk level, the person's current safety plan and a follow-up date. Unless the risk is
    high, a screening free of crisis taken 24 hours or more after it lifts the hold."""
    if not actor.clinical_lead:
        raise Forbidden("Only a clinical lead may record a crisis review.")
    lock_person(participant.id)
    person = people.records([participant.id])[participant.id]
    try:
        check_review_target(screening_id=data["screening_id"], screenings=person.screenings)
    except SafetyRefusal as exc:
        raise _refusal(exc) from exc
    summary = data["summary"].strip()
    if len(summary) < REVIEW_SUMMARY_MIN:
        raise Invalid(f"A crisis review's summary says what was assessed and agreed: at least {REVIEW_SUMMARY_MIN} "
                      "characters.", errors={"summary": [f"At least {REVIEW_SUMMARY_MIN} characters."]})
    if data["follow_up_on"] < earliest_today(datetime.now(UTC)):
        raise Invalid("The follow-up date is in the past.", errors={"follow_up_on": ["Must not be in the past."]})
    plan_id = current_safety_plan(participant_id=participant.id, given=data["safety_plan_id"])
    review = CrisisReview(participant_id=participant.id, summary=summary, screening_id=data["screening_id"],
                          risk_level=data["risk_level"], safety_plan_id=plan_id,
                          safety_plan_in_place=True, follow_up_on=data["follow_up_on"],
                          by_id=actor.id)
    db.session.add(review)
    db.session.flush()
    record("create", "crisis_review", review.id, actor=actor)
    signals.crisis_review_recorded.send(actor, review=review, participant=participant)
    return review


def current_safety_plan(*, participant_id: str, given: str) -> str:
    """The safety plan a review names must be the person's current one (422 naming `safety_plan_id`: an
    unknown id, another person's or another practice's plan, or a superseded version)."""
    current = safety_plans.current_safety_plan(db.session, participant_id)
    if current is None or current.id != given:
        hint = ("record one first (POST /api/v1/participants/{id}/safety-plans)" if current is None
                else "read the current one (GET /api/v1/participants/{id}/safety-plans)")
        message = f"safety_plan_id is not this participant's current safety plan: {hint}."
        raise Invalid(message, errors={"safety_plan_id": ["Not this participant's current safety plan."]})
    return current.id


def crisis_reviews_of(participant: Participant):
    return (select(CrisisReview).where(CrisisReview.participant_id == participant.id)
            .order_by(CrisisReview.at.desc(), CrisisReview.id))


def present_review(review: CrisisReview) -> dict:
    return {"id": review.id, "participant_id": review.participant_id, "screening_id": review.screening_id,
            "summary": review.summary, "risk_level": review.risk_level, "safety_plan_id": review.safety_plan_id,
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
    if outcome == "defer" or screening.crisis_hold or "acute_crisis" in flags_of(screening.flags):
        guidance = guidance_for(screening)
    return {
        "id": screening.id, "participant_id": screening.participant_id, "form_version": screening.form_version,
        "method": screening.method, "complete": screening.complete, "declined": screening.declined or [],
        "crisis_hold": screening.crisis_hold, "reason": screening.reason,
        "answers": screening.answers, "scores": screening.scores, "flags": screening.flags,
        "findings": screening.findings or [], "outcome": outcome, "computed_outcome": screening.computed_outcome,
        "effective_outcome": "defer" if screening.crisis_hold else outcome,
        "override": overrides[-1] if overrides else None, "overrides": overrides,
        "crisis_guidance": guidance,
        "notes": screening.notes, "screened_by": person(new_by or screening.screened_by),
        "screened_at": screening.screened_at, "valid_until": screening.valid_until,
        "is_valid": screening.valid_until > now,
    }


def guidance_for(screening: Screening) -> dict:
    """Acute or non-acute crisis guidance: acute when the acuity question is positive, declined, or asked
    (an ASQ question positive) and left unanswered: unknown acuity is acute."""
    declined = screening.declined or []
    answers = screening.answers or {}
    form = current_form()
    asked = asked_items(form, answers, declined) if screening.form_version == form.version else frozenset()
    guide = default_guidance()
    return guide.for_kind(guide.kind_for(answers, declined, asked=asked), setting("CRISIS_LINE_TEXT"))


def screenings_of(participant: Participant, sort: str = "-screened_at"):
    """The person's screenings in the `sort` order (newest first by default; then by id)."""
    return sorted_by(select(Screening).where(Screening.participant_id == participant.id), Screening, sort)

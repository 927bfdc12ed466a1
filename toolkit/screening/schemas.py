from marshmallow import fields, validate

from ..common.schemas import AlertSummarySchema, StrictSchema
from ..vocab import CLEARANCE_STATUSES, FLAGS, OUTCOMES, RULE_LEVELS, VERDICTS
from .guidance import KINDS as GUIDANCE_KINDS
from .safety import RISK_LEVELS

METHODS = ("form", "clinician_assessment", "self_report")
# What a therapist may send to POST /participants/{id}/screenings (`self_report` comes from the participant's page).
ENTERED_METHODS = ("form", "clinician_assessment")
VALIDITIES = ("valid", "missing", "unusable", "expired", "expires_before_session")


class OptionSchema(StrictSchema):
    """One answer option of a form item; its value is the item's score."""

    value = fields.Integer(required=True)
    label = fields.String(required=True)


class EnableWhenSchema(StrictSchema):
    """A condition on an earlier answer."""

    item = fields.String(required=True)
    values = fields.List(fields.Integer(), required=True)


class FormItemSchema(StrictSchema):
    """One question of the intake form."""

    id = fields.String(required=True)
    text = fields.String(required=True)
    options = fields.List(fields.Nested(OptionSchema), required=True)
    enable_when = fields.List(fields.Nested(EnableWhenSchema), required=True, metadata={
        "description": "Asked only when earlier answers are among `values` (all conditions, or any with "
                       "enable_behavior 'any'). Answers to items that are not enabled are refused (422)."})
    enable_behavior = fields.String(required=True, validate=validate.OneOf(["all", "any"]))
    critical = fields.Boolean(required=True, metadata={
        "description": "Any answer above the lowest is a suicide-risk or present-crisis indicator."})


class InstrumentSchema(StrictSchema):
    """One instrument of the intake form, with its licence and source."""

    code = fields.String(required=True)
    title = fields.String(required=True)
    screens_for = fields.List(fields.String(validate=validate.OneOf(FLAGS)), required=True)
    licence = fields.String(required=True)
    source = fields.String(required=True)
    instructions = fields.String(required=True)
    items = fields.List(fields.Nested(FormItemSchema), required=True)


class FormSchema(StrictSchema):
    """The current intake form: versioned instruments."""

    version = fields.String(required=True, metadata={"example": "2026-11.1"})
    validity_days = fields.Integer(required=True, metadata={
        "description": "How many days a screening stays valid in this deployment (SCREENING_VALIDITY_DAYS, else "
                       "the form's own). A screening counts for a plan only if still valid when the plan ends."})
    form_validity_days = fields.Integer(required=True, metadata={"description": "The form's own validity."})
    adult_age = fields.Integer(required=True, metadata={
        "description": "The form is for adults: a participant younger than this on the screening date gets a "
                       "clinician assessment instead (422 otherwise)."})
    instruments = fields.List(fields.Nested(InstrumentSchema), required=True)


class ScoreSchema(StrictSchema):
    """One instrument's score and band."""

    score = fields.Integer(required=True)
    band = fields.String(required=True)
    positive = fields.Boolean(required=True)
    cutoff = fields.Integer(allow_none=True)
    complete = fields.Boolean(metadata={"description": "False when items of the instrument were declined or "
                                                       "left unanswered: the score is then a lower bound."})


class FlagSchema(StrictSchema):
    """A contraindication flag raised by a screening, with the rules and reasons behind it."""

    flag = fields.String(required=True, validate=validate.OneOf(FLAGS))
    level = fields.String(required=True, validate=validate.OneOf(RULE_LEVELS))
    reasons = fields.List(fields.String(), required=True)
    rules = fields.List(fields.String(), required=True)


class FindingSchema(StrictSchema):
    """A note for the clinician that does not change the outcome (e.g. alcohol use below the crisis level)."""

    instrument = fields.String(required=True)
    level = fields.String(required=True)
    text = fields.String(required=True)
    rule = fields.String(required=True)


class PersonSchema(StrictSchema):
    """A therapist, by id and name."""

    id = fields.String(required=True)
    name = fields.String(required=True)


class OverrideSchema(StrictSchema):
    """A clinician's override of a screening's outcome (audited)."""

    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES))
    reason = fields.String(required=True)
    by = fields.Nested(PersonSchema, required=True)
    at = fields.AwareDateTime(required=True)


class CrisisGuidanceSchema(StrictSchema):
    """Crisis guidance for a `defer` outcome: a stabilisation checklist and this deployment's crisis line."""

    kind = fields.String(required=True, validate=validate.OneOf(GUIDANCE_KINDS), metadata={
        "description": "`acute` (thoughts of suicide right now: do not leave the person alone, emergency "
                       "assessment now) or `non_acute` (a full safety assessment before any group work)."})
    summary = fields.String(required=True)
    checklist = fields.List(fields.String(), required=True)
    crisis_line = fields.String(required=True)


class ScreeningSchema(StrictSchema):
    """A stored screening: answers, scores, flags, outcome and overrides. Immutable; decision support, not a
    diagnosis."""

    id = fields.String(required=True)
    participant_id = fields.String(required=True)
    form_version = fields.String(required=True)
    method = fields.String(required=True, validate=validate.OneOf(METHODS))
    complete = fields.Boolean(required=True, metadata={
        "description": "False when instruments were left unanswered (stopped at a crisis) or items declined."})
    declined = fields.List(fields.String(), required=True)
    crisis_hold = fields.Boolean(required=True, metadata={
        "description": "Taken while the participant was held after a defer, and it does not lift the hold (no "
                       "crisis review since the defer, a `high` risk review, less than 24 hours after the review, "
                       "or itself a crisis): its `effective_outcome` is `defer` and it carries crisis guidance."})
    reason = fields.String(allow_none=True, required=True, metadata={
        "description": "A clinician assessment's reason (null for a form screening)."})
    answers = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    scores = fields.Dict(keys=fields.String(), values=fields.Nested(ScoreSchema), required=True)
    flags = fields.List(fields.Nested(FlagSchema), required=True)
    findings = fields.List(fields.Nested(FindingSchema), required=True)
    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES),
                            metadata={"description": "The current outcome: the latest override's, else computed."})
    computed_outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES))
    effective_outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES), metadata={
        "description": "What the screening means for group work: `defer` when it was taken during a crisis hold "
                       "(`crisis_hold: true`), else `outcome`."})
    override = fields.Nested(OverrideSchema, allow_none=True, required=True)
    overrides = fields.List(fields.Nested(OverrideSchema), required=True)
    crisis_guidance = fields.Nested(CrisisGuidanceSchema, allow_none=True, required=True, metadata={
        "description": "Present whenever the computed flags include `acute_crisis`, the screening carries "
                       "`crisis_hold: true` or the outcome is `defer`, whatever an override says; null otherwise. "
                       "`kind` is `acute` when the ASQ acuity question is positive, declined, or asked and left "
                       "unanswered (unknown acuity is acute)."})
    notes = fields.String(allow_none=True)
    screened_by = fields.Nested(PersonSchema, required=True)
    screened_at = fields.AwareDateTime(required=True)
    valid_until = fields.AwareDateTime(required=True)
    is_valid = fields.Boolean(required=True, metadata={"description": "False once valid_until has passed."})


class OverrideCreateSchema(StrictSchema):
    """An override of a screening's outcome; the reason is required."""

    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES), metadata={"example": "refer"})
    reason = fields.String(required=True, validate=validate.Length(min=1, max=5000), metadata={
        "description": "Required: why the clinician departs from the computed outcome. Making the outcome less "
                       "restrictive needs a clinical lead and at least 20 characters.",
        "example": "Disclosed a recent bereavement in the intake interview; individual work first."})


class ClearanceVerdictSchema(StrictSchema):
    """One member's verdict for one plan item."""

    item_id = fields.String(required=True)
    module_id = fields.String(allow_none=True, required=True)
    verdict = fields.String(required=True, validate=validate.OneOf(VERDICTS))
    adaptation = fields.String(allow_none=True)
    alternative = fields.String(allow_none=True, required=True, metadata={
        "description": "For a flag's `exclude`: what the person does instead while the group does this item."})
    reasons = fields.List(fields.String(), required=True)


class ClearanceOverrideSchema(StrictSchema):
    """The override that sets a member's effective outcome: who made it, when and why."""

    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES))
    reason = fields.String(required=True)
    by = fields.Nested(PersonSchema, required=True)
    at = fields.String(required=True, metadata={"format": "date-time"})


class MemberWarningSchema(StrictSchema):
    """A warning on one member, e.g. `reliable_deterioration`."""

    code = fields.String(required=True, metadata={"example": "reliable_deterioration"})
    message = fields.String(required=True)


class RescreenDueSchema(StrictSchema):
    """A member to screen again before a session, with the reasons."""

    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    reasons = fields.List(fields.Dict(), required=True, metadata={
        "description": "[{reason, message}]; reason is no_screening, expires_before_session, rhythm_sessions "
                       "or rhythm_days."})


class RecentCrisisSchema(StrictSchema):
    """A crisis screening of the last 90 days, as clearance and the facilitator agenda show it."""

    screening_id = fields.String(required=True)
    on = fields.Date(required=True, metadata={"description": "The day of the crisis screening."})
    reviewed_by = fields.String(allow_none=True, required=True, metadata={
        "description": "The clinical lead who reviewed it (null: not reviewed yet)."})
    follow_up_on = fields.Date(allow_none=True, required=True, metadata={"description": "The review's follow-up."})


class ClearanceParticipantSchema(StrictSchema):
    """One member's screening outcome and verdicts."""

    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    screening_id = fields.String(allow_none=True, required=True)
    outcome = fields.String(allow_none=True, required=True, validate=validate.OneOf(OUTCOMES), metadata={
        "description": "The effective outcome: defer during a crisis hold, else the latest override's or the "
                       "computed one; null without a screening valid at the session."})
    computed_outcome = fields.String(allow_none=True, required=True, validate=validate.OneOf(OUTCOMES))
    override = fields.Nested(ClearanceOverrideSchema, allow_none=True, required=True)
    crisis_hold = fields.Boolean(required=True)
    findings = fields.List(fields.String(), required=True, metadata={
        "description": "Notes that do not change the outcome on their own (alcohol and drug use, incomplete "
                       "instruments)."})
    validity = fields.String(required=True, validate=validate.OneOf(VALIDITIES))
    expires_before_session = fields.Boolean(required=True)
    valid_until = fields.String(allow_none=True, required=True, metadata={"format": "date-time"})
    method = fields.String(allow_none=True, required=True, validate=validate.OneOf(METHODS))
    reasons = fields.List(fields.String(), required=True)
    warnings = fields.List(fields.Nested(MemberWarningSchema), required=True, metadata={
        "description": "Named warnings on this member, e.g. `reliable_deterioration` (since the person's one "
                       "baseline across all their groups, not yet reviewed by a clinical lead after the latest "
                       "screening: `deep` items and modules with `gate_on_deterioration` are excluded)."})
    recent_crisis = fields.Nested(RecentCrisisSchema, allow_none=True, required=True, metadata={
        "description": "The person's latest crisis screening of the last 90 days (null when none): `deep` items "
                       "are excluded until a second screening free of crisis after its review."})
    items = fields.List(fields.Nested(ClearanceVerdictSchema), required=True)
    alerts = fields.List(fields.Nested(AlertSummarySchema), required=True, metadata={
        "description": "The member's open and acknowledged alerts, newest first (GET /api/v1/alerts)."})


class PrerequisiteWarningSchema(StrictSchema):
    """A member who missed a module that an item of this session needs first (`missed_prerequisite`), or a
    member of a `group` or `retreat` without a signature of the group agreement in force (`agreement_missing`:
    item, module, prerequisite and session are null)."""

    code = fields.String(required=True, validate=validate.OneOf(["missed_prerequisite", "agreement_missing"]))
    participant_id = fields.String(required=True)
    item_id = fields.String(allow_none=True, required=True)
    module = fields.String(allow_none=True, required=True, metadata={"description": "The item's module (slug)."})
    prerequisite = fields.String(allow_none=True, required=True, metadata={
        "description": "The module (slug) the member missed."})
    session = fields.String(allow_none=True, required=True, metadata={
        "description": "The earlier session that had it (number, title, date); null when none did."})
    message = fields.String(required=True)


class ClearanceSchema(StrictSchema):
    """Who may take part in which item of a plan, and the overall status."""

    plan_id = fields.String(required=True)
    session_date = fields.Date(allow_none=True, required=True, metadata={
        "description": "The session's date in the group's zone: its roster is the members on this date."})
    warnings = fields.List(fields.Nested(PrerequisiteWarningSchema), required=True, metadata={
        "description": "Warnings that do not change a verdict: `missed_prerequisite` (a member absent from, or not "
                       "yet in the group for, the earlier session that had a module this one needs) and "
                       "`agreement_missing` (a member of a group or retreat who has not signed the current group "
                       "agreement)."})
    status = fields.String(required=True, validate=validate.OneOf(CLEARANCE_STATUSES))
    participants = fields.List(fields.Nested(ClearanceParticipantSchema), required=True)
    missing_screenings = fields.List(fields.String(), required=True,
                                     metadata={"description": "Members with no valid (unexpired) screening."})
    facilitator_warnings = fields.List(fields.String(), required=True, metadata={
        "description": "Names members by display name: for facilitators only."})
    session_ends_at = fields.AwareDateTime(required=True, allow_none=True, metadata={
        "description": "Screenings are judged valid or not at this moment (the plan's end); null for a "
                       "template that has no time yet (it has no members either)."})
    checked_at = fields.AwareDateTime(required=True)
    rescreen_due = fields.List(fields.Nested(RescreenDueSchema), required=True, metadata={
        "description": "Members to screen again before this session: not valid at its end, or the practice's "
                       "re-screen rhythm has come round."})



class CrisisReviewCreateSchema(StrictSchema):
    """A clinical lead's review of the person's latest crisis screening. Unless the risk is `high`, a
    screening free of crisis taken at least 24 hours after the review lifts the crisis hold."""

    screening_id = fields.String(required=True, validate=validate.Length(min=1, max=36), metadata={
        "description": "The person's latest crisis screening (409 for any other: a newer crisis is unseen).",
        "example": "6f1c2b4e-8d0a-4c57-9f3e-2a7b5d9e1c44"})
    summary = fields.String(required=True, validate=validate.Length(min=1, max=10000), metadata={
        "description": "What was assessed and agreed: at least 20 characters (422 otherwise).",
        "example": "Met with the person and their GP; thoughts have settled, coping plan agreed."})
    risk_level = fields.String(required=True, validate=validate.OneOf(RISK_LEVELS), metadata={
        "description": "The clinical lead's judgement of current risk; `high` never lifts the hold.",
        "example": "moderate"})
    safety_plan_id = fields.String(required=True, validate=validate.Length(min=1, max=36), metadata={
        "description": "The person's current safety plan (`POST /participants/{id}/safety-plans`; 422 naming "
                       "`safety_plan_id` when it is not: unknown, superseded or another person's).",
        "example": "0b7d3e52-41a9-4f0e-9c6d-5e2f8a1b3c77"})
    follow_up_on = fields.Date(required=True, metadata={"description": "When the follow-up contact happens.",
                                                        "example": "2027-01-15"})


class CrisisReviewSchema(StrictSchema):
    """A recorded crisis review."""

    id = fields.String(required=True)
    participant_id = fields.String(required=True)
    screening_id = fields.String(allow_none=True, required=True, metadata={
        "description": "The crisis screening reviewed (null on reviews recorded before version 3)."})
    summary = fields.String(required=True)
    risk_level = fields.String(allow_none=True, required=True, validate=validate.OneOf(RISK_LEVELS), metadata={
        "description": "null on reviews recorded before version 3."})
    safety_plan_id = fields.String(allow_none=True, required=True)
    safety_plan_in_place = fields.Boolean(required=True, metadata={
        "description": "Whether a safety plan was in place: what reviews before version 3 recorded instead of "
                       "a risk level (such a review lifts the hold only when true); always true on newer "
                       "reviews, which name the plan (`safety_plan_id`)."})
    follow_up_on = fields.Date(required=True)
    by = fields.Nested(PersonSchema, required=True)
    at = fields.AwareDateTime(required=True)

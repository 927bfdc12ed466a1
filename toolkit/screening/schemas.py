from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from ..vocab import CLEARANCE_STATUSES, FLAGS, OUTCOMES, VERDICTS

LEVELS = ("info", "caution", "refer", "defer")


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
    validity_days = fields.Integer(required=True)
    instruments = fields.List(fields.Nested(InstrumentSchema), required=True)


def _example_answers() -> dict[str, int]:
    """A complete answer set for the shipped form ("no symptom" everywhere): the example Swagger UI sends."""
    from .rules import default_form

    return {item.id: min(o.value for o in item.options)
            for instrument in default_form().instruments for item in instrument.items if not item.enable_when}


def _form_version() -> str:
    from .rules import default_form

    return default_form().version


class ScreeningCreateSchema(StrictSchema):
    """Answers to the current intake form."""

    form_version = fields.String(required=True, validate=validate.Length(min=1, max=40),
                                 metadata={"description": "The version of GET /screening/form answered; a stale "
                                                          "one is a 422.", "example": _form_version()})
    answers = fields.Dict(keys=fields.String(validate=validate.Length(max=64)), values=fields.Integer(strict=True),
                          required=True, validate=validate.Length(max=200), metadata={
                              "description": "Item id → the chosen option's value, for every item that is asked "
                                             "(see GET /screening/form).",
                              "example": _example_answers()})
    notes = fields.String(allow_none=True, validate=validate.Length(max=10000))


class ScoreSchema(StrictSchema):
    """One instrument's score and band."""

    score = fields.Integer(required=True)
    band = fields.String(required=True)
    positive = fields.Boolean(required=True)
    cutoff = fields.Integer(allow_none=True)


class FlagSchema(StrictSchema):
    """A contraindication flag raised by a screening, with the rules and reasons behind it."""

    flag = fields.String(required=True, validate=validate.OneOf(FLAGS))
    level = fields.String(required=True, validate=validate.OneOf(LEVELS))
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

    summary = fields.String(required=True)
    checklist = fields.List(fields.String(), required=True)
    crisis_line = fields.String(required=True)


class ScreeningSchema(StrictSchema):
    """A stored screening: answers, scores, flags, outcome and overrides. Immutable; decision support, not a
    diagnosis."""

    id = fields.String(required=True)
    participant_id = fields.String(required=True)
    form_version = fields.String(required=True)
    answers = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    scores = fields.Dict(keys=fields.String(), values=fields.Nested(ScoreSchema), required=True)
    flags = fields.List(fields.Nested(FlagSchema), required=True)
    findings = fields.List(fields.Nested(FindingSchema), required=True)
    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES),
                            metadata={"description": "The current outcome: the latest override's, else computed."})
    computed_outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES))
    override = fields.Nested(OverrideSchema, allow_none=True, required=True)
    overrides = fields.List(fields.Nested(OverrideSchema), required=True)
    crisis_guidance = fields.Nested(CrisisGuidanceSchema, allow_none=True, required=True,
                                    metadata={"description": "Present when the outcome is `defer`."})
    notes = fields.String(allow_none=True)
    screened_by = fields.Nested(PersonSchema, required=True)
    screened_at = fields.AwareDateTime(required=True)
    valid_until = fields.AwareDateTime(required=True)
    is_valid = fields.Boolean(required=True, metadata={"description": "False once valid_until has passed."})


class OverrideCreateSchema(StrictSchema):
    """An override of a screening's outcome; the reason is required."""

    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES), metadata={"example": "refer"})
    reason = fields.String(required=True, validate=validate.Length(min=1, max=5000), metadata={
        "description": "Required: why the clinician departs from the computed outcome.",
        "example": "Disclosed a recent bereavement in the intake interview; individual work first."})


class ClearanceVerdictSchema(StrictSchema):
    """One member's verdict for one plan item."""

    item_id = fields.String(required=True)
    module_id = fields.String(allow_none=True, required=True)
    verdict = fields.String(required=True, validate=validate.OneOf(VERDICTS))
    adaptation = fields.String(allow_none=True)
    reasons = fields.List(fields.String(), required=True)


class ClearanceParticipantSchema(StrictSchema):
    """One member's screening outcome and verdicts."""

    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    screening_id = fields.String(allow_none=True, required=True)
    outcome = fields.String(allow_none=True, required=True, validate=validate.OneOf(OUTCOMES))
    items = fields.List(fields.Nested(ClearanceVerdictSchema), required=True)


class ClearanceSchema(StrictSchema):
    """Who may take part in which item of a plan, and the overall status."""

    plan_id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(CLEARANCE_STATUSES))
    participants = fields.List(fields.Nested(ClearanceParticipantSchema), required=True)
    missing_screenings = fields.List(fields.String(), required=True,
                                     metadata={"description": "Members with no valid (unexpired) screening."})
    facilitator_warnings = fields.List(fields.String(), required=True)
    checked_at = fields.AwareDateTime(required=True)


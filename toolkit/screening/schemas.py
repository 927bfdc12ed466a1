from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from ..vocab import CLEARANCE_STATUSES, FLAGS, OUTCOMES, VERDICTS

LEVELS = ("info", "caution", "refer", "defer")


class OptionSchema(StrictSchema):
    value = fields.Integer(required=True)
    label = fields.String(required=True)


class EnableWhenSchema(StrictSchema):
    item = fields.String(required=True)
    values = fields.List(fields.Integer(), required=True)


class FormItemSchema(StrictSchema):
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
    code = fields.String(required=True)
    title = fields.String(required=True)
    screens_for = fields.List(fields.String(validate=validate.OneOf(FLAGS)), required=True)
    licence = fields.String(required=True)
    source = fields.String(required=True)
    instructions = fields.String(required=True)
    items = fields.List(fields.Nested(FormItemSchema), required=True)


class FormSchema(StrictSchema):
    version = fields.String(required=True, metadata={"example": "2026-11.1"})
    validity_days = fields.Integer(required=True)
    instruments = fields.List(fields.Nested(InstrumentSchema), required=True)


class ScreeningCreateSchema(StrictSchema):
    form_version = fields.String(required=True, validate=validate.Length(min=1, max=40),
                                 metadata={"example": "2026-11.1"})
    answers = fields.Dict(keys=fields.String(validate=validate.Length(max=64)), values=fields.Integer(strict=True),
                          required=True, validate=validate.Length(max=200), metadata={
                              "description": "Item id → the chosen option's value.",
                              "example": {"phq9_1": 0, "phq9_2": 1}})
    notes = fields.String(allow_none=True, validate=validate.Length(max=10000))


class ScoreSchema(StrictSchema):
    score = fields.Integer(required=True)
    band = fields.String(required=True)
    positive = fields.Boolean(required=True)
    cutoff = fields.Integer(allow_none=True)


class FlagSchema(StrictSchema):
    flag = fields.String(required=True, validate=validate.OneOf(FLAGS))
    level = fields.String(required=True, validate=validate.OneOf(LEVELS))
    reasons = fields.List(fields.String(), required=True)
    rules = fields.List(fields.String(), required=True)


class FindingSchema(StrictSchema):
    instrument = fields.String(required=True)
    level = fields.String(required=True)
    text = fields.String(required=True)
    rule = fields.String(required=True)


class PersonSchema(StrictSchema):
    id = fields.String(required=True)
    name = fields.String(required=True)


class OverrideSchema(StrictSchema):
    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES))
    reason = fields.String(required=True)
    by = fields.Nested(PersonSchema, required=True)
    at = fields.AwareDateTime(required=True)


class CrisisGuidanceSchema(StrictSchema):
    summary = fields.String(required=True)
    checklist = fields.List(fields.String(), required=True)
    crisis_line = fields.String(required=True)


class ScreeningSchema(StrictSchema):
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
    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES), metadata={"example": "refer"})
    reason = fields.String(required=True, validate=validate.Length(min=1, max=5000), metadata={
        "description": "Required: why the clinician departs from the computed outcome.",
        "example": "Disclosed a recent bereavement in the intake interview; individual work first."})


class ClearanceVerdictSchema(StrictSchema):
    item_id = fields.String(required=True)
    module_id = fields.String(allow_none=True, required=True)
    verdict = fields.String(required=True, validate=validate.OneOf(VERDICTS))
    adaptation = fields.String(allow_none=True)
    reasons = fields.List(fields.String(), required=True)


class ClearanceParticipantSchema(StrictSchema):
    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    screening_id = fields.String(allow_none=True, required=True)
    outcome = fields.String(allow_none=True, required=True, validate=validate.OneOf(OUTCOMES))
    items = fields.List(fields.Nested(ClearanceVerdictSchema), required=True)


class ClearanceSchema(StrictSchema):
    plan_id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(CLEARANCE_STATUSES))
    participants = fields.List(fields.Nested(ClearanceParticipantSchema), required=True)
    missing_screenings = fields.List(fields.String(), required=True,
                                     metadata={"description": "Members with no valid (unexpired) screening."})
    facilitator_warnings = fields.List(fields.String(), required=True)
    checked_at = fields.AwareDateTime(required=True)


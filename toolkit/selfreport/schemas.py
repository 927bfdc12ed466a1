from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from ..invitations.rules import PURPOSES

ITEM_ID = fields.String(validate=validate.Length(max=64))


class AnswersSchema(StrictSchema):
    """The whole draft so far: it replaces the saved one."""

    answers = fields.Dict(keys=ITEM_ID, values=fields.Integer(strict=True), load_default=dict,
                          validate=validate.Length(max=200), metadata={
                              "description": "Item id → the chosen option's value (items of the current form).",
                              "example": {"phq9_1": 0, "phq9_2": 1}})
    declined = fields.List(ITEM_ID, load_default=list, validate=validate.Length(max=200), metadata={
        "description": "Items the person chose not to answer (\"prefer not to answer\"). A declined critical item "
                       "counts as positive.", "example": []})


class SubmitSchema(StrictSchema):
    """Nothing for a form (the saved answers are sent); the signature for an `agreement` invitation."""

    typed_name = fields.String(validate=validate.Length(min=1, max=200), metadata={
        "description": "Agreement only: the name the person typed.", "example": "Sam Example"})
    agreed = fields.Boolean(metadata={"description": "Agreement only: the \"I agree\" tick (must be true).",
                                      "example": True})


class CrisisSchema(StrictSchema):
    """What to show at once when a critical item is positive."""

    text = fields.String(required=True, metadata={
        "description": "The deployment's crisis text (`CRISIS_LINE_TEXT`), to show at once."})


class AgreementTextSchema(StrictSchema):
    """The current group agreement, to read before signing."""

    version = fields.Integer(required=True)
    title = fields.String(required=True)
    text = fields.String(required=True)


class SelfReportSchema(StrictSchema):
    """What a participant's page needs: the form, the answers kept so far, and the crisis text when a critical
    item is positive."""

    purpose = fields.String(required=True, validate=validate.OneOf(PURPOSES))
    expires_at = fields.AwareDateTime(required=True)
    form = fields.Dict(allow_none=True, required=True, metadata={
        "description": "The current intake form (as GET /screening/form gives it: instruments in their validated "
                       "wording, option values); null for an agreement."})
    answers = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    declined = fields.List(fields.String(), required=True)
    asked = fields.List(fields.String(), required=True, metadata={
        "description": "The items asked with these answers, in order (follow-ups open as answers come in)."})
    unanswered = fields.List(fields.String(), required=True, metadata={
        "description": "Asked items neither answered nor declined yet."})
    crisis = fields.Nested(CrisisSchema, allow_none=True, required=True, metadata={
        "description": "Present when a critical item is answered positively (or declined): show it at once. The "
                       "practice's crisis alert was raised when that answer was saved. The person may still "
                       "finish, or send what they have (unanswered items are then allowed)."})
    agreement = fields.Nested(AgreementTextSchema, allow_none=True, required=True, metadata={
        "description": "For an `agreement` invitation: the current text to sign."})


class SubmittedSchema(StrictSchema):
    """Thank you: no scores, no outcome."""

    status = fields.String(required=True, validate=validate.OneOf(["completed"]))
    completed_at = fields.AwareDateTime(required=True)

from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from ..vocab import ALERT_KINDS, ALERT_STATUSES
from .rules import CLINICAL_REASON_MIN


class AlertQuerySchema(StrictSchema):
    status = fields.String(validate=validate.OneOf(ALERT_STATUSES), metadata={"description": "Only alerts in this "
                                                                                           "status."})
    kind = fields.String(validate=validate.OneOf(ALERT_KINDS), metadata={"description": "Only alerts of this kind."})
    participant_id = fields.String(validate=validate.Length(min=1, max=64), metadata={
        "description": "Only this participant's alerts (an unknown id lists none)."})
    sort = fields.String(load_default="-raised_at", metadata={"description": "Sort key; '-' sorts descending."},
                         validate=validate.OneOf(["-raised_at", "raised_at", "kind", "-kind", "status", "-status"]))


class AlertPersonSchema(StrictSchema):
    """A therapist who acknowledged or resolved an alert."""

    id = fields.String(required=True)
    name = fields.String(required=True)


class AlertSchema(StrictSchema):
    """An alert: what raised it (kind and the record), whom it is about, and who acknowledged and resolved it,
    when. Ids and kinds only: the clinical detail is in the record it names."""

    id = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(ALERT_KINDS))
    status = fields.String(required=True, validate=validate.OneOf(ALERT_STATUSES))
    participant_id = fields.String(allow_none=True, required=True, metadata={
        "description": "Whom it is about; null for an alert about no one (an unsigned note, a webhook)."})
    source_type = fields.String(required=True, metadata={
        "description": "The kind of record that raised it: screening, crisis_review, plan, note, invitation, "
                       "webhook.", "example": "screening"})
    source_id = fields.String(required=True, metadata={"description": "That record's id."})
    raised_at = fields.AwareDateTime(required=True)
    acknowledged_by = fields.Nested(AlertPersonSchema, allow_none=True, required=True)
    acknowledged_at = fields.AwareDateTime(allow_none=True, required=True)
    resolved_by = fields.Nested(AlertPersonSchema, allow_none=True, required=True)
    resolved_at = fields.AwareDateTime(allow_none=True, required=True)
    resolution_reason = fields.String(allow_none=True, required=True)


class ResolveSchema(StrictSchema):
    """Why the alert is resolved. A crisis or deterioration alert: a clinical lead, with at least
    20 characters."""

    reason = fields.String(required=True, validate=validate.Length(min=1, max=5000), metadata={
        "description": f"Why it is closed (crisis and deterioration: at least {CLINICAL_REASON_MIN} characters).",
        "example": "Called the person the same day; safety plan reviewed with their GP."})

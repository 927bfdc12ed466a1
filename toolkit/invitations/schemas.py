from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from .rules import MAX_DAYS, MIN_DAYS, PURPOSES, STATUSES


class InvitationCreateSchema(StrictSchema):
    """What the link is for and how long it stays open."""

    purpose = fields.String(required=True, validate=validate.OneOf(PURPOSES), metadata={
        "description": "`intake` or `rescreen` (the intake form: adults with a date of birth only, else 422), or "
                       "`agreement` (sign the practice's current group agreement).", "example": "intake"})
    expires_in_days = fields.Integer(load_default=7, validate=validate.Range(min=MIN_DAYS, max=MAX_DAYS),
                                     metadata={"description": "Days the link stays open (1-14).", "example": 7})


class InvitationSchema(StrictSchema):
    """An invitation and its status. The link's secret is never shown here (only once, when made)."""

    id = fields.String(required=True)
    participant_id = fields.String(required=True)
    purpose = fields.String(required=True, validate=validate.OneOf(PURPOSES))
    status = fields.String(required=True, validate=validate.OneOf(STATUSES), metadata={
        "description": "`sent` (not opened yet), `opened`, `completed` (the form was sent: the link now shows "
                       "only a thank-you), `expired` or `revoked` (also when superseded by a newer one)."})
    created_at = fields.AwareDateTime(required=True)
    created_by = fields.String(allow_none=True, required=True, metadata={
        "description": "The therapist who made it, or the clinician responsible for a scheduled one."})
    expires_at = fields.AwareDateTime(required=True)
    opened_at = fields.AwareDateTime(allow_none=True, required=True)
    completed_at = fields.AwareDateTime(allow_none=True, required=True)
    revoked_at = fields.AwareDateTime(allow_none=True, required=True)
    revoked_reason = fields.String(allow_none=True, required=True, validate=validate.OneOf(["revoked", "superseded"]))
    emailed = fields.Boolean(required=True, metadata={
        "description": "True when the link was sent to the participant's email address."})
    scheduled = fields.Boolean(required=True, metadata={
        "description": "True when the server invited by itself (a re-screen due before a session)."})
    plan_id = fields.String(allow_none=True, required=True, metadata={
        "description": "Scheduled invitations: the session the re-screen is for."})
    reminded_at = fields.AwareDateTime(allow_none=True, required=True)
    screening_id = fields.String(allow_none=True, required=True, metadata={
        "description": "The screening the participant's answers made (method `self_report`)."})
    crisis_answer_at = fields.AwareDateTime(allow_none=True, required=True, metadata={
        "description": "When a critical item was first answered positively on the page (a `crisis` alert "
                       "was raised then)."})


class InvitationCreatedSchema(InvitationSchema):
    """The new invitation with its URL: the only time the secret is shown."""

    url = fields.String(required=True, metadata={
        "description": "The participant's link (`/p/{token}`), with a 256-bit secret. Shown only now: give it "
                       "by hand when `emailed` is false.", "example": "https://toolkit.example/p/3q2-7wE..."})


class InvitationQuerySchema(StrictSchema):
    status = fields.String(validate=validate.OneOf(STATUSES), metadata={"description": "Only this status."})

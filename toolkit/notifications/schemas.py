from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from .rules import ALERT_KINDS, MESSAGE_KINDS, STATUSES


class PreferencesInSchema(StrictSchema):
    """What emails you: the alert kinds, and the weekly digest. Replaces your earlier choice."""

    alert_kinds = fields.List(fields.String(validate=validate.OneOf(ALERT_KINDS)), required=True,
                              validate=validate.Length(max=len(ALERT_KINDS)), metadata={
        "description": "The alert kinds that email you (the others are still in `GET /alerts`). A clinical lead "
                       "must keep `crisis` (422 naming this field otherwise).",
        "example": ["crisis", "deterioration", "follow_up_due"]})
    weekly_digest = fields.Boolean(required=True, metadata={
        "description": "A Monday email with this week's counts (open alerts, re-screens due, unsigned notes).",
        "example": True})


class PreferencesSchema(PreferencesInSchema):
    """Your notification preferences as they apply (before any choice: every kind and the digest)."""

    class Meta(StrictSchema.Meta):
        response = True

    always = fields.List(fields.String(), dump_only=True, metadata={
        "description": "Kinds that always email you and cannot be switched off (`crisis` for a clinical lead).",
        "example": ["crisis"]})


class OutboxQuerySchema(StrictSchema):
    """Filters of the outbox."""

    status = fields.String(validate=validate.OneOf(STATUSES), metadata={
        "description": "Only messages in this state."})


class OutboxMessageSchema(StrictSchema):
    """One email of the practice's outbox. Never a participant's name nor any clinical detail; the body and link
    of a message with a one-time link (password reset, a participant's invitation) are withheld."""

    class Meta(StrictSchema.Meta):
        response = True

    id = fields.String()
    kind = fields.String(validate=validate.OneOf(MESSAGE_KINDS), metadata={
        "description": "alert, digest (weekly), password_reset or invitation (to a participant)."})
    therapist_id = fields.String(allow_none=True, metadata={"description": "The therapist it is for; null for a "
                                                                           "participant's invitation."})
    to_address = fields.String(metadata={"example": "lead@example.org"})
    subject = fields.String(metadata={"example": "Hillside Practice: new crisis alert"})
    body = fields.String()
    link = fields.String(allow_none=True, metadata={"example": "https://toolkit.example.org/api/v1/alerts/0b7c…"})
    status = fields.String(validate=validate.OneOf(STATUSES), metadata={
        "description": "kept: no SMTP_URL is set, the message stays here; queued: the worker sends it (again at "
                       "`next_attempt_at` after a failure); sent; failed: refused, or no luck for about a day."})
    attempts = fields.Integer()
    last_error = fields.String(allow_none=True)
    next_attempt_at = fields.AwareDateTime(allow_none=True)
    sent_at = fields.AwareDateTime(allow_none=True)
    created_at = fields.AwareDateTime()

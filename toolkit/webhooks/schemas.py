from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from ..vocab import EVENT_TYPES

DELIVERY_STATUSES = ("pending", "delivered", "failed")
ATTEMPT_OUTCOMES = ("ok", "http_error", "network_error", "refused")


class WebhookCreateSchema(StrictSchema):
    """A subscription: an https endpoint and the kinds of event it receives."""

    url = fields.String(required=True, validate=validate.Length(min=1, max=2000), metadata={
        "description": "https only; its host must resolve to public addresses (private, loopback, link-local, "
                       "multicast and reserved ones are refused unless the deployment sets "
                       "WEBHOOK_ALLOW_PRIVATE=true).", "example": "https://ehr.example.org/hooks/toolkit"})
    events = fields.List(fields.String(validate=validate.OneOf(EVENT_TYPES)), required=True,
                         validate=validate.Length(min=1, max=len(EVENT_TYPES)), metadata={
                             "description": "Kinds of event to deliver (the same kinds as GET /events).",
                             "example": ["alert.raised", "clearance.changed"]})


class WebhookSchema(StrictSchema):
    """A webhook as listed: never its secret."""

    id = fields.String(required=True)
    url = fields.String(required=True)
    events = fields.List(fields.String(validate=validate.OneOf(EVENT_TYPES)), required=True)
    active = fields.Boolean(required=True, metadata={
        "description": "false once switched off after repeated failure (make a new one when the endpoint is fixed)."})
    consecutive_failures = fields.Integer(required=True)
    disabled_at = fields.AwareDateTime(allow_none=True, required=True)
    disabled_reason = fields.String(allow_none=True, required=True)
    created_at = fields.AwareDateTime(required=True)


class WebhookCreatedSchema(WebhookSchema):
    """A new webhook with its signing secret, shown this once."""

    secret = fields.String(required=True, metadata={
        "description": "The Standard Webhooks secret (`whsec_...`): verify each delivery with it, e.g. "
                       "`standardwebhooks.Webhook(secret).verify(body, headers)`. Shown only in this answer.",
        "example": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})


class AttemptSchema(StrictSchema):
    """One try at a delivery."""

    at = fields.AwareDateTime(required=True)
    outcome = fields.String(required=True, validate=validate.OneOf(ATTEMPT_OUTCOMES), metadata={
        "description": "ok (2xx); http_error (any other answer, a redirect included: never followed); "
                       "network_error; refused (the host resolved to a refused address, or the hook is off)."})
    status_code = fields.Integer(allow_none=True, required=True)
    error = fields.String(allow_none=True, required=True)


class DeliverySchema(StrictSchema):
    """One event sent (or to be sent) to one webhook, with its tries. Its id is the `webhook-id` header."""

    id = fields.String(required=True)
    event_id = fields.String(required=True)
    event_type = fields.String(required=True, validate=validate.OneOf(EVENT_TYPES))
    status = fields.String(required=True, validate=validate.OneOf(DELIVERY_STATUSES), metadata={
        "description": "pending (to send or retry), delivered, failed (retried for a day, or the hook was "
                       "switched off)."})
    attempts = fields.List(fields.Nested(AttemptSchema), required=True)
    next_attempt_at = fields.AwareDateTime(allow_none=True, required=True)
    created_at = fields.AwareDateTime(required=True)
    delivered_at = fields.AwareDateTime(allow_none=True, required=True)

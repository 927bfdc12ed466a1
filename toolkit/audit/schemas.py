"""The audit trail's shapes for the API: an event as listed, and the list's filters."""

from marshmallow import fields, validate

from ..common.schemas import StrictSchema, aware_datetime


class AuditEventSchema(StrictSchema):
    """One audit event: who read or changed which record, when."""

    id = fields.String(required=True)
    seq = fields.Integer(required=True)
    actor_id = fields.String(allow_none=True, required=True)
    action = fields.String(required=True, metadata={"example": "read"})
    record_type = fields.String(required=True, metadata={"example": "screening"})
    record_id = fields.String(allow_none=True, required=True)
    outcome = fields.String(required=True, validate=validate.OneOf(["ok", "denied"]))
    request_id = fields.String(allow_none=True, required=True)
    at = fields.AwareDateTime(required=True)


class AuditQuerySchema(StrictSchema):
    record_type = fields.String(validate=validate.Length(max=40), metadata={"description": "e.g. participant."})
    record_id = fields.String(validate=validate.Length(max=64), metadata={"description": "Events about this record."})
    actor_id = fields.String(validate=validate.Length(max=64), metadata={"description": "Events by this therapist."})
    action = fields.String(validate=validate.Length(max=40), metadata={"description": "e.g. read, update."})
    since = aware_datetime(metadata={"description": "Events at or after this time."})
    sort = fields.String(load_default="-seq", validate=validate.OneOf(["-seq", "seq"]), metadata={
        "description": "-seq: newest first; seq: oldest first (the order the chain was written)."})
    after_seq = fields.Integer(validate=validate.Range(min=0), metadata={
        "description": "Cursor: only events after this `seq` (send the last `seq` you read with `sort=seq` to "
                       "read on without offsets; new events never shift a page)."})
    before_seq = fields.Integer(validate=validate.Range(min=1), metadata={
        "description": "Cursor: only events before this `seq` (the last `seq` of a newest-first page)."})

from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from ..vocab import EVENT_TYPES
from .services import MAX_PAGE


class EventQuerySchema(StrictSchema):
    after = fields.Integer(load_default=0, validate=validate.Range(min=0, max=2**62), metadata={
        "description": "The cursor to resume after: `next_cursor` of the previous page (0, or left out: from "
                       "the start)."})
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=MAX_PAGE), metadata={
        "description": f"Events per page, 1 to {MAX_PAGE} (default 100)."})


class EventSchema(StrictSchema):
    """One change: its cursor, kind and the ids it concerns. Never clinical data: fetch the records by id (those
    reads are audited)."""

    cursor = fields.Integer(required=True, metadata={"description": "1, 2, 3, ... per practice: no gap, no "
                                                                    "duplicate, in commit order."})
    id = fields.String(required=True, metadata={"description": "The event's id (also `webhook-id`'s source)."})
    type = fields.String(required=True, validate=validate.OneOf(EVENT_TYPES), metadata={"example": "alert.raised"})
    at = fields.AwareDateTime(required=True)
    data = fields.Dict(required=True, metadata={
        "description": "Ids and kinds only, e.g. `{\"alert_id\": ..., \"alert_kind\": \"crisis\", "
                       "\"participant_id\": ...}`.",
        "example": {"screening_id": "4c1f2a7e-0000-4000-8000-000000000001",
                    "participant_id": "4c1f2a7e-0000-4000-8000-000000000002"}})


class EventPageSchema(StrictSchema):
    """A page of the change feed, oldest first, and the cursor to ask after next."""

    events = fields.List(fields.Nested(EventSchema), required=True)
    next_cursor = fields.Integer(required=True, metadata={
        "description": "Send as `after` to get the next events; the same as `after` when nothing is new."})

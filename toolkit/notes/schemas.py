from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from .rules import NOTE_STATUSES


class EntryInSchema(StrictSchema):
    participant_id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    text = fields.String(required=True, validate=validate.Length(min=1, max=20000))


class NoteCreateSchema(StrictSchema):
    shared = fields.String(load_default="", validate=validate.Length(max=20000), metadata={
        "description": "Written once for the whole session (what was done, themes): every member's record "
                       "shows it.", "example": "Week 3: needs of the younger self; letters begun."})
    entries = fields.List(fields.Nested(EntryInSchema), load_default=list, validate=validate.Length(max=200),
                          metadata={"description": "One per member on the session's roster, seen only in that "
                                                   "member's record."})


class NoteUpdateSchema(StrictSchema):
    shared = fields.String(validate=validate.Length(max=20000))
    entries = fields.List(fields.Nested(EntryInSchema), validate=validate.Length(max=200),
                          metadata={"description": "Replaces every entry."})


class AddendumInSchema(StrictSchema):
    text = fields.String(required=True, validate=validate.Length(min=1, max=20000),
                         metadata={"example": "Member phoned on Friday: the letter exercise stirred a lot; "
                                              "follow-up booked."})


class NotePersonSchema(StrictSchema):
    id = fields.String(required=True)
    name = fields.String(required=True)


class EntrySchema(StrictSchema):
    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    text = fields.String(required=True)


class AddendumSchema(StrictSchema):
    id = fields.String(required=True)
    author = fields.Nested(NotePersonSchema, required=True)
    at = fields.AwareDateTime(required=True)
    text = fields.String(required=True)


class NoteSchema(StrictSchema):
    id = fields.String(required=True)
    plan_id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(NOTE_STATUSES), metadata={
        "description": "draft: editable; signed: locked (edits answer 409), add addenda instead."})
    shared = fields.String(required=True)
    entries = fields.List(fields.Nested(EntrySchema), required=True)
    author = fields.Nested(NotePersonSchema, required=True)
    signed_by = fields.Nested(NotePersonSchema, allow_none=True, required=True)
    signed_at = fields.AwareDateTime(allow_none=True, required=True)
    addenda = fields.List(fields.Nested(AddendumSchema), required=True)
    created_at = fields.AwareDateTime(required=True)
    updated_at = fields.AwareDateTime(required=True)


class ParticipantNoteSchema(StrictSchema):
    note_id = fields.String(required=True)
    plan_id = fields.String(required=True)
    plan_title = fields.String(required=True)
    session_starts_at = fields.AwareDateTime(required=True)
    session_number = fields.Integer(allow_none=True, required=True)
    status = fields.String(required=True, validate=validate.OneOf(NOTE_STATUSES))
    shared = fields.String(required=True)
    entry = fields.String(allow_none=True, required=True, metadata={
        "description": "This participant's own entry (never another member's); null when none."})
    signed_at = fields.AwareDateTime(allow_none=True, required=True)
    addenda = fields.List(fields.Nested(AddendumSchema), required=True)

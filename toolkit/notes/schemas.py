from marshmallow import fields, validate

from ..common.schemas import StrictSchema, etag_string
from .rules import NOTE_STATUSES


class EntryInSchema(StrictSchema):
    """One member's entry in a session note."""

    participant_id = fields.String(required=True, validate=validate.Length(min=1, max=64), metadata={
        "description": "A member on the session's roster (else a 422 naming this field)."})
    text = fields.String(required=True, validate=validate.Length(min=1, max=20000), metadata={
        "description": "This member's part of the note.",
        "example": "Spoke about a school memory; calmer by the close."})


class NoteCreateSchema(StrictSchema):
    """A new session note (draft): a shared part and one entry per member on the roster."""

    shared = fields.String(load_default="", validate=validate.Length(max=20000), metadata={
        "description": "Written once for the whole session (what was done, themes): every member's record "
                       "shows it.", "example": "Week 3: needs of the younger self; letters begun."})
    entries = fields.List(fields.Nested(EntryInSchema), load_default=list, validate=validate.Length(max=200),
                          metadata={"description": "One per member on the session's roster, seen only in that "
                                                   "member's record."})


class NoteUpdateSchema(StrictSchema):
    """Changes to a draft note; a signed note is locked (409)."""

    shared = fields.String(validate=validate.Length(max=20000))
    entries = fields.List(fields.Nested(EntryInSchema), validate=validate.Length(max=200),
                          metadata={"description": "Replaces every entry."})


class AddendumInSchema(StrictSchema):
    """An addendum to a signed note."""

    text = fields.String(required=True, validate=validate.Length(min=1, max=20000),
                         metadata={"example": "Member phoned on Friday: the letter exercise stirred a lot; "
                                              "follow-up booked."})


class NotePersonSchema(StrictSchema):
    """A therapist named on a note (author, signer)."""

    id = fields.String(required=True)
    name = fields.String(required=True)


class EntrySchema(StrictSchema):
    """One member's entry in a session note."""

    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    text = fields.String(required=True)


class AddendumSchema(StrictSchema):
    """An addendum to a signed note, with its author and time."""

    id = fields.String(required=True)
    author = fields.Nested(NotePersonSchema, required=True)
    at = fields.AwareDateTime(required=True)
    text = fields.String(required=True)


class NoteSchema(StrictSchema):
    """A session note: shared part, entries, status (draft or signed), signature and addenda. Clinical data."""

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
    etag = etag_string("note")


class ParticipantNoteSchema(StrictSchema):
    """A session note as seen on one participant's record: the shared part and only their own entry."""

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

from marshmallow import fields, validate

from ..common.schemas import StrictSchema, text
from ..vocab import SEX_AT_BIRTH


class ParticipantSchema(StrictSchema):
    id = fields.String(dump_only=True)
    display_name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                                 metadata={"example": "Pat Example"})
    date_of_birth = fields.Date(allow_none=True, metadata={"example": "1988-05-17"})
    sex_at_birth = fields.String(allow_none=True, validate=validate.OneOf(SEX_AT_BIRTH), metadata={
        "description": "Optional; used only for the AUDIT-C cutoff (the lower cutoff applies when unknown)."})
    contact = text(1000, allow_none=True, metadata={"example": "pat@example.org"})
    emergency_contact = text(1000, allow_none=True)
    dietary_notes = text(2000, allow_none=True, metadata={"description": "Dietary needs and allergies."})
    consent_date = fields.Date(allow_none=True)
    notes = text(10000, allow_none=True)
    archived = fields.Boolean(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)


class ParticipantUpdateSchema(ParticipantSchema):
    display_name = fields.String(validate=validate.Length(min=1, max=200))
    archived = fields.Boolean(metadata={"description": "Archive (true) or restore (false) the participant."})


class ParticipantQuerySchema(StrictSchema):
    q = fields.String(validate=validate.Length(max=100), metadata={"description": "Search by name."})
    include_archived = fields.Boolean(load_default=False)
    sort = fields.String(load_default="display_name",
                         validate=validate.OneOf(["display_name", "-display_name", "created_at", "-created_at"]))

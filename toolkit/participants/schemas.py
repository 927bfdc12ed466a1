from marshmallow import fields, validate

from ..common.roundtrip import with_read_only_echo
from ..common.schemas import AlertSummarySchema, StrictSchema, etag_field, text
from ..vocab import SEX_AT_BIRTH


class ParticipantFieldsSchema(StrictSchema):
    """A participant's own fields (a client of the practice). Everything but the name is optional."""

    display_name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                                 metadata={"description": "How the practice names them.", "example": "Pat Example"})
    date_of_birth = fields.Date(allow_none=True, metadata={"description": "Date of birth.", "example": "1988-05-17"})
    sex_at_birth = fields.String(allow_none=True, validate=validate.OneOf(SEX_AT_BIRTH), metadata={
        "description": "Optional; used only for the AUDIT-C cutoff (the lower cutoff applies when unknown)."})
    contact = text(1000, allow_none=True, metadata={"description": "How to reach them.", "example": "pat@example.org"})
    emergency_contact = text(1000, allow_none=True, metadata={"description": "Whom to call in an emergency."})
    dietary_notes = text(2000, allow_none=True, metadata={"description": "Dietary needs and allergies."})
    consent_date = fields.Date(allow_none=True, metadata={"description": "When they gave consent to the work."})
    notes = text(10000, allow_none=True, metadata={"description": "Clinical notes (audited, never logged)."})


class ParticipantCreateSchema(ParticipantFieldsSchema):
    """A new participant (everything but the name is optional); `confirm_new` creates it even when one with the
    same name and date of birth exists."""

    confirm_new = fields.Boolean(load_default=False, metadata={
        "description": "Create it although a participant with the same name (case and spaces ignored) and date of "
                       "birth exists (otherwise 409 with `errors.possible_duplicate` naming the existing id)."})


class ParticipantSchema(ParticipantFieldsSchema):
    """A participant as the API shows it: every field is always present (null when not set)."""

    class Meta(StrictSchema.Meta):
        response = True

    id = fields.String(dump_only=True, metadata={"description": "Opaque id."})
    archived = fields.Boolean(dump_only=True, metadata={"description": "Archived participants are hidden in lists."})
    etag = etag_field()
    created_at = fields.AwareDateTime(dump_only=True, metadata={"description": "When the record was created."})
    updated_at = fields.AwareDateTime(dump_only=True, metadata={"description": "When the record last changed."})


class ParticipantUpdateSchema(ParticipantFieldsSchema):
    """Changes to a participant: only the fields sent are changed."""

    display_name = fields.String(validate=validate.Length(min=1, max=200),
                                 metadata={"description": "How the practice names them."})
    archived = fields.Boolean(metadata={"description": "Archive (true) or restore (false) the participant."})


class ParticipantDetailSchema(ParticipantSchema):
    """One participant as GET shows them: the record and their unresolved alerts."""

    alerts = fields.List(fields.Nested(AlertSummarySchema), dump_only=True, metadata={
        "description": "Their open and acknowledged alerts, newest first (GET /api/v1/alerts?participant_id=... "
                       "lists every one, resolved too)."})


ParticipantUpdateSchema = with_read_only_echo(ParticipantUpdateSchema, ParticipantDetailSchema)  # type: ignore[misc]  # the echoing subclass


class ParticipantQuerySchema(StrictSchema):
    q = fields.String(validate=validate.Length(max=100), metadata={"description": "Search by name."})
    include_archived = fields.Boolean(load_default=False, metadata={"description": "Also list archived participants."})
    sort = fields.String(load_default="display_name", metadata={"description": "Sort key; '-' sorts descending."},
                         validate=validate.OneOf(["display_name", "-display_name", "created_at", "-created_at"]))

from marshmallow import fields, validate

from ..common.schemas import StrictSchema, text
from ..vocab import ROLES


class TherapistSchema(StrictSchema):
    id = fields.String(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                         metadata={"example": "Sam Therapist"})
    email = fields.Email(required=True, validate=validate.Length(max=320), metadata={"example": "sam@example.org"})
    role = fields.String(validate=validate.OneOf(ROLES), load_default="therapist", metadata={"example": "therapist"})
    credentials = text(2000, allow_none=True, metadata={"example": "MSc, registered psychotherapist"})
    trauma_informed = fields.Boolean(load_default=False)
    clinical_lead = fields.Boolean(load_default=False, metadata={
        "description": "Set by an admin. A clinical lead may make a screening outcome less restrictive, record "
                       "crisis reviews and clinician assessments."})
    active = fields.Boolean(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)


class TherapistCreateSchema(TherapistSchema):
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256),
                             metadata={"example": "another-long-passphrase-7"})


class TherapistUpdateSchema(StrictSchema):
    name = fields.String(validate=validate.Length(min=1, max=200))
    role = fields.String(validate=validate.OneOf(ROLES))
    credentials = text(2000, allow_none=True)
    trauma_informed = fields.Boolean()
    clinical_lead = fields.Boolean()
    active = fields.Boolean()


class TherapistQuerySchema(StrictSchema):
    active = fields.Boolean()
    q = fields.String(validate=validate.Length(max=100))

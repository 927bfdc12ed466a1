import marshmallow as ma
from marshmallow import fields, validate

from ..vocab import ROLES


class RegisterSchema(ma.Schema):
    practice_name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                                  metadata={"example": "Riverside Counselling"})
    name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                         metadata={"example": "Dr. Alex Example"})
    email = fields.Email(required=True, validate=validate.Length(max=320),
                         metadata={"example": "alex@example.org"})
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256),
                             metadata={"example": "a-long-passphrase-42"})


class LoginSchema(ma.Schema):
    email = fields.String(required=True, validate=validate.Length(min=1, max=320),
                          metadata={"example": "alex@example.org"})
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256),
                             metadata={"example": "a-long-passphrase-42"})


class TokensSchema(ma.Schema):
    access_token = fields.String(required=True)
    refresh_token = fields.String(required=True)
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True, metadata={"description": "Seconds until the access token expires."})


class AccessTokenSchema(ma.Schema):
    access_token = fields.String(required=True)
    token_type = fields.String(required=True)
    expires_in = fields.Integer(required=True)


class PracticeSchema(ma.Schema):
    id = fields.String(dump_only=True)
    name = fields.String(dump_only=True)


class MeSchema(ma.Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    email = fields.String(required=True)
    role = fields.String(required=True, validate=validate.OneOf(ROLES))
    credentials = fields.String(allow_none=True)
    trauma_informed = fields.Boolean(required=True)
    clinical_lead = fields.Boolean(required=True, metadata={
        "description": "May lower screening outcomes and record crisis reviews and clinician assessments."})
    active = fields.Boolean(required=True)
    practice = fields.Nested(PracticeSchema, required=True)


class RegisteredSchema(ma.Schema):
    practice = fields.Nested(PracticeSchema, required=True)
    therapist = fields.Nested(MeSchema, required=True)

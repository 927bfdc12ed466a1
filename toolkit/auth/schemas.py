import marshmallow as ma
from marshmallow import fields, validate, validates_schema

from ..common.schemas import StrictSchema
from ..vocab import ROLES
from .rules import password_problems


def check_password(data: dict, **kwargs) -> None:
    """The password policy, checked with the other fields so one answer names every bad field."""
    password = data.get("password")
    if isinstance(password, str):
        problems = password_problems(password, email=data.get("email") if isinstance(data.get("email"), str)
                                     else None)
        if problems:
            raise ma.ValidationError({"password": problems})


class RegisterSchema(ma.Schema):
    """A new practice and its first admin."""

    practice_name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                                  metadata={"example": "Riverside Counselling"})
    name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                         metadata={"example": "Dr. Alex Example"})
    email = fields.Email(required=True, validate=validate.Length(max=320),
                         metadata={"example": "alex@example.org"})
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256), metadata={
        "description": "At least 12 characters, more than three different characters, and not the email address "
                       "(nor its part before the @).", "example": "a-long-passphrase-42"})

    @validates_schema(skip_on_field_errors=False)
    def _password_policy(self, data, **kwargs):
        check_password(data)


class LoginSchema(ma.Schema):
    """Email and password."""

    email = fields.String(required=True, validate=validate.Length(min=1, max=320),
                          metadata={"example": "alex@example.org"})
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256),
                             metadata={"example": "a-long-passphrase-42"})


class TokensSchema(ma.Schema):
    """An access token and a refresh token for one login (one device)."""

    access_token = fields.String(required=True)
    refresh_token = fields.String(required=True)
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True, metadata={"description": "Seconds until the access token expires."})


class PracticeSchema(ma.Schema):
    """A practice: the tenant every record belongs to, with its settings."""

    id = fields.String(required=True, metadata={"description": "Opaque id."})
    name = fields.String(required=True, metadata={"description": "The practice's name."})
    contact = fields.String(allow_none=True, metadata={
        "description": "How participants reach the practice, e.g. a phone number, an email address and the "
                       "crisis line to call out of hours. Printed on the participant handout; null when not set."})
    emergency_contact = fields.String(allow_none=True, metadata={
        "description": "Whom to call in an emergency during a session (e.g. 999): printed in the facilitator "
                       "agenda's \"What to do\" box and on the handout unless the group has its own."})


class PracticeUpdateSchema(StrictSchema):
    """The practice's settings an admin may change (send only the fields to change)."""

    name = fields.String(validate=validate.Length(min=1, max=200), metadata={
        "description": "The practice's name.", "example": "Willow Tree Therapy"})
    contact = fields.String(allow_none=True, validate=validate.Length(max=500), metadata={
        "description": "How participants reach the practice (printed on the participant handout); empty or "
                       "null clears it. Plain text, at most 500 characters.",
        "example": "Willow Tree Therapy: 01234 567890, hello@example.org. Out of hours: call your local "
                   "crisis line or 999 in an emergency."})
    emergency_contact = fields.String(allow_none=True, validate=validate.Length(max=500), metadata={
        "description": "Whom to call in an emergency during a session; a group's own `emergency_contact` "
                       "(a retreat abroad) wins over it. Empty or null clears it.", "example": "999"})


class MeSchema(ma.Schema):
    """A therapist account, as its owner sees it."""

    id = fields.String(required=True)
    name = fields.String(required=True)
    email = fields.String(required=True)
    role = fields.String(required=True, validate=validate.OneOf(ROLES))
    credentials = fields.String(allow_none=True, required=True)
    trauma_informed = fields.Boolean(required=True)
    clinical_lead = fields.Boolean(required=True, metadata={
        "description": "May lower screening outcomes and record crisis reviews and clinician assessments."})
    active = fields.Boolean(required=True)
    practice = fields.Nested(PracticeSchema, required=True)


class RegisteredSchema(ma.Schema):
    """The practice just created and its first admin."""

    practice = fields.Nested(PracticeSchema, required=True)
    therapist = fields.Nested(MeSchema, required=True)

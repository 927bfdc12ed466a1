from marshmallow import fields, validate, validates_schema

from ..auth.rules import MIN_PASSWORD_LENGTH
from ..auth.schemas import check_password
from ..common.roundtrip import with_read_only_echo
from ..common.schemas import StrictSchema, etag_field, text
from ..vocab import ROLES


class _TherapistFields(StrictSchema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                         metadata={"description": "Full name.", "example": "Sam Therapist"})
    email = fields.Email(required=True, validate=validate.Length(max=320),
                         metadata={"description": "Login email, unique.", "example": "sam@example.org"})
    role = fields.String(validate=validate.OneOf(ROLES), load_default="therapist",
                         metadata={"description": "admin or therapist.", "example": "therapist"})
    credentials = text(2000, allow_none=True, metadata={"description": "Qualifications, free text.",
                                                        "example": "MSc, registered psychotherapist"})
    phone = text(100, allow_none=True, metadata={
        "description": "How to reach the therapist quickly; the facilitator agenda prints it for clinical leads "
                       "in the \"What to do\" box of a member on a crisis hold.", "example": "07700 900123"})
    trauma_informed = fields.Boolean(load_default=False, metadata={"description": "Trained in trauma-informed care."})
    clinical_lead = fields.Boolean(load_default=False, metadata={
        "description": "Set by an admin. A clinical lead may make a screening outcome less restrictive, record "
                       "crisis reviews and clinician assessments."})


class TherapistSchema(_TherapistFields):
    """A therapist account as the API shows it: every field is always present."""

    class Meta(StrictSchema.Meta):
        response = True

    id = fields.String(dump_only=True, metadata={"description": "Opaque id."})
    active = fields.Boolean(dump_only=True, metadata={"description": "Deactivated accounts cannot log in."})
    created_at = fields.AwareDateTime(dump_only=True, metadata={"description": "When the account was created."})
    etag = etag_field()


class TherapistCreateSchema(_TherapistFields):
    """A new therapist account of your practice (admins only)."""

    password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256),
                             metadata={"description": "The same policy as at registration.",
                                       "example": "another-long-passphrase-7", "minLength": MIN_PASSWORD_LENGTH})

    @validates_schema(skip_on_field_errors=False)
    def _password_policy(self, data, **kwargs):
        check_password(data)


class TherapistUpdateSchema(StrictSchema):
    """Changes to a therapist account (admins only): only the fields sent change."""

    name = fields.String(validate=validate.Length(min=1, max=200), metadata={"description": "Full name."})
    role = fields.String(validate=validate.OneOf(ROLES), metadata={"description": "admin or therapist."})
    credentials = text(2000, allow_none=True, metadata={"description": "Qualifications, free text."})
    phone = text(100, allow_none=True, metadata={"description": "How to reach the therapist quickly."})
    trauma_informed = fields.Boolean(metadata={"description": "Trained in trauma-informed care."})
    clinical_lead = fields.Boolean(metadata={"description": "Set by an admin: may lower outcomes, record crisis "
                                                            "reviews and clinician assessments."})
    active = fields.Boolean(metadata={"description": "false deactivates the account and ends its logins."})


TherapistUpdateSchema = with_read_only_echo(TherapistUpdateSchema, TherapistSchema)  # type: ignore[misc]  # the echoing subclass


class TherapistQuerySchema(StrictSchema):
    active = fields.Boolean(metadata={"description": "Only active (true) or deactivated (false) accounts."})
    q = fields.String(validate=validate.Length(max=100), metadata={"description": "Search by name."})

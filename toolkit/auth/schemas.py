import marshmallow as ma
from marshmallow import fields, validate, validates_schema

from ..common.schemas import StrictSchema, etag_field
from ..vocab import ROLES
from .rules import MIN_PASSWORD_LENGTH, password_problems


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
                       "(nor its part before the @).", "example": "a-long-passphrase-42",
        "minLength": MIN_PASSWORD_LENGTH})

    @validates_schema(skip_on_field_errors=False)
    def _password_policy(self, data, **kwargs):
        check_password(data)


class LoginSchema(ma.Schema):
    """Email and password."""

    email = fields.String(required=True, validate=validate.Length(min=1, max=320),
                          metadata={"example": "alex@example.org"})
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256),
                             metadata={"example": "a-long-passphrase-42"})
    totp = fields.String(load_default=None, validate=validate.Length(min=6, max=8), metadata={
        "description": "With two-factor sign-in on: the current code of the authenticator app. Without it, a "
                       "right password answers 401 with `errors.totp`, and the login is sent again with it.",
        "example": "492039"})


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


class PracticeSettingsSchema(PracticeSchema):
    """A practice with the settings its therapists see."""

    class Meta(StrictSchema.Meta):
        response = True

    require_totp = fields.Boolean(required=True, metadata={
        "description": "Every therapist of the practice signs in with a TOTP code; those without one enrol at "
                       "their next login."})
    etag = etag_field()


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
    require_totp = fields.Boolean(metadata={
        "description": "true: every therapist must sign in with a TOTP code (those without one enrol at their "
                       "next login); false: two-factor sign-in is each therapist's choice.", "example": False})


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
    totp_enabled = fields.Boolean(required=True, metadata={"description": "Signs in with a TOTP code too."})
    must_enrol_totp = fields.Boolean(required=True, metadata={
        "description": "The practice requires two-factor sign-in and this account has none yet: until it enrols "
                       "(`POST /me/totp`, then `POST /me/totp/confirm`) every other operation answers 403."})


class RegisteredSchema(ma.Schema):
    """The practice just created and its first admin."""

    practice = fields.Nested(PracticeSchema, required=True)
    therapist = fields.Nested(MeSchema, required=True)


_NEW_PASSWORD = {"description": "At least 12 characters, not guessable (zxcvbn's top score, with your name and email "
                                "as context), not your email address.", "example": "kitten-orbit-lantern-59",
                 "minLength": MIN_PASSWORD_LENGTH}


class AcceptedSchema(ma.Schema):
    """The request was taken; what happens next is said in `message`."""

    message = fields.String(required=True, metadata={
        "example": "If an account has this email, a reset link is on its way to it."})


class PasswordChangeSchema(StrictSchema):
    """Your current password and the new one."""

    current_password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256),
                                     metadata={"example": "a-long-passphrase-42"})
    new_password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256),
                                 metadata=_NEW_PASSWORD)


class PasswordResetRequestSchema(StrictSchema):
    """The email address of the account."""

    email = fields.String(required=True, validate=validate.Length(min=1, max=320),
                          metadata={"example": "alex@example.org"})


class PasswordResetSchema(StrictSchema):
    """The new password."""

    new_password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256),
                                 metadata=_NEW_PASSWORD)


class LoginSessionSchema(ma.Schema):
    """One login (one device) of your account."""

    id = fields.String(required=True)
    created_at = fields.AwareDateTime(required=True, metadata={"description": "When the login began."})
    last_used_at = fields.AwareDateTime(allow_none=True, required=True, metadata={
        "description": "When it last got tokens (signed in or refreshed): within an access token's lifetime "
                       "of its last request."})
    user_agent = fields.String(allow_none=True, required=True, metadata={
        "description": "The device, summarised from its User-Agent.", "example": "Firefox on Linux"})
    current = fields.Boolean(required=True, metadata={"description": "The login this request comes from."})


class TotpEnrolmentSchema(ma.Schema):
    """A new TOTP secret, shown this once: add it to an authenticator app, then confirm with its first code."""

    otpauth_uri = fields.String(required=True, metadata={
        "example": "otpauth://totp/Inner%20Child%20Group%20Toolkit:alex%40example.org?secret=JBSWY3DPEHPK3PXP"
                   "&issuer=Inner%20Child%20Group%20Toolkit"})
    secret = fields.String(required=True, metadata={"example": "JBSWY3DPEHPK3PXP"})


class TotpCodeSchema(StrictSchema):
    """The current code of the authenticator app."""

    code = fields.String(required=True, validate=validate.Length(min=6, max=8), metadata={"example": "492039"})


class PasswordConfirmSchema(StrictSchema):
    """Your password, to confirm."""

    password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256),
                             metadata={"example": "kitten-orbit-lantern-59"})

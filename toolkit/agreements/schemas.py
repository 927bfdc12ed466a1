from marshmallow import fields, validate

from ..common.schemas import StrictSchema


class AgreementCreateSchema(StrictSchema):
    """A new version of the practice's group agreement."""

    title = fields.String(required=True, validate=validate.Length(min=1, max=200),
                          metadata={"example": "Our group agreement"})
    text = fields.String(required=True, validate=validate.Length(min=20, max=20000), metadata={
        "description": "Plain text; blank lines separate paragraphs. Confidentiality inside the group, what "
                       "happens in a crisis, attendance.",
        "example": "What is said in the group stays in the group.\n\nIf you are in crisis, we will contact you "
                   "and, if needed, emergency services.\n\nPlease tell us if you cannot come."})


class AgreementSchema(StrictSchema):
    """One version of the group agreement (the highest version is the current one)."""

    id = fields.String(required=True)
    version = fields.Integer(required=True, metadata={"example": 1})
    title = fields.String(required=True)
    text = fields.String(required=True)
    published_at = fields.AwareDateTime(required=True)
    published_by = fields.String(allow_none=True, required=True, metadata={"description": "Therapist id."})


class SignatureSchema(StrictSchema):
    """A participant's signature of one agreement version, as made on their own page."""

    id = fields.String(required=True)
    participant_id = fields.String(required=True)
    agreement_id = fields.String(required=True)
    version = fields.Integer(required=True)
    title = fields.String(required=True)
    typed_name = fields.String(required=True, metadata={"description": "The name the participant typed."})
    ticked = fields.Boolean(required=True, metadata={"description": "They ticked \"I agree\"."})
    signed_at = fields.AwareDateTime(required=True)
    address = fields.String(allow_none=True, required=True, metadata={
        "description": "The network address the signature came from."})
    invitation_id = fields.String(allow_none=True, required=True)
    current = fields.Boolean(required=True, metadata={
        "description": "True when this is a signature of the current version (a new version needs a new one)."})

from marshmallow import fields, validate

from ..common.schemas import StrictSchema, text, valid_timezone
from ..vocab import GROUP_KINDS


class FacilitatorSchema(StrictSchema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    trauma_informed = fields.Boolean(required=True)


class GroupSchema(StrictSchema):
    id = fields.String(dump_only=True)
    kind = fields.String(required=True, validate=validate.OneOf(GROUP_KINDS), metadata={"example": "retreat"})
    name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                         metadata={"example": "Spring retreat"})
    description = text(5000, allow_none=True)
    facilitator_ids = fields.List(fields.String(validate=validate.Length(max=64)), load_only=True,
                                  validate=validate.Length(max=50), load_default=list)
    facilitators = fields.List(fields.Nested(FacilitatorSchema), dump_only=True)
    capacity = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=1000),
                              metadata={"description": "Required for retreats; caps any kind."})
    member_count = fields.Integer(dump_only=True)
    starts_on = fields.Date(allow_none=True)
    ends_on = fields.Date(allow_none=True)
    timezone = fields.String(load_default="UTC", validate=[validate.Length(max=64), valid_timezone],
                             metadata={"example": "Europe/Berlin"})
    location = text(300, allow_none=True)
    closed = fields.Boolean(load_default=False, metadata={
        "description": "A closed group takes no new members after `starts_on` (an open group takes them any time)."})
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)


class GroupUpdateSchema(GroupSchema):
    closed = fields.Boolean()
    kind = fields.String(validate=validate.OneOf(GROUP_KINDS))
    name = fields.String(validate=validate.Length(min=1, max=200))
    timezone = fields.String(validate=[validate.Length(max=64), valid_timezone])
    facilitator_ids = fields.List(fields.String(validate=validate.Length(max=64)), load_only=True,
                                  validate=validate.Length(max=50))


class GroupQuerySchema(StrictSchema):
    kind = fields.String(validate=validate.OneOf(GROUP_KINDS))
    q = fields.String(validate=validate.Length(max=100))
    sort = fields.String(load_default="name",
                         validate=validate.OneOf(["name", "-name", "starts_on", "-starts_on", "created_at",
                                                  "-created_at"]))


class MemberCreateSchema(StrictSchema):
    participant_id = fields.String(required=True, validate=validate.Length(min=1, max=64),
                                   metadata={"example": "5b0c9a52-2f37-4a8e-9a51-3f6f1b0e6d21"})
    joined_on = fields.Date(metadata={"description": "First day of membership (default: today in the group's "
                                                     "time zone)."})


class MemberSchema(StrictSchema):
    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    joined_at = fields.AwareDateTime(required=True)
    joined_on = fields.Date(required=True, metadata={"description": "First day of this membership period."})
    left_on = fields.Date(allow_none=True, required=True, metadata={
        "description": "First day no longer a member (the period ended); null while current."})


class MemberQuerySchema(StrictSchema):
    on = fields.Date(metadata={"description": "The roster on this date: members whose period covers it. Without "
                                              "it: current members (no left_on)."})
    history = fields.Boolean(load_default=False, metadata={"description": "true: every period, ended ones too."})


class MemberEndSchema(StrictSchema):
    left_on = fields.Date(metadata={"description": "First day no longer a member (default: today in the group's "
                                                   "time zone)."})

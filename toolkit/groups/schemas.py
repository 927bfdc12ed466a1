from marshmallow import fields, validate

from ..common.roundtrip import with_read_only_echo
from ..common.schemas import TIMEZONE_PATTERN, StrictSchema, etag_field, text, valid_timezone
from ..vocab import GROUP_KINDS

TIMEZONE_NOTE = "An IANA time zone name (e.g. Europe/Berlin); plan times are shown in it."


class FacilitatorSchema(StrictSchema):
    """A therapist who facilitates the group."""

    id = fields.String(required=True, metadata={"description": "The therapist's id."})
    name = fields.String(required=True, metadata={"description": "The therapist's name."})
    trauma_informed = fields.Boolean(required=True, metadata={"description": "Trained in trauma-informed care."})


class GroupCreateSchema(StrictSchema):
    """A new group. A retreat needs a `capacity`; `ends_on` may not be before `starts_on`."""

    kind = fields.String(required=True, validate=validate.OneOf(GROUP_KINDS), metadata={
        "description": "individual holds one member, couples two, family two or more to be planned, retreat and "
                       "group (a therapy group of unrelated adults) up to its capacity.", "example": "retreat"})
    name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                         metadata={"description": "The group's name.", "example": "Spring retreat"})
    description = text(5000, allow_none=True, metadata={"description": "What the group is for."})
    facilitator_ids = fields.List(fields.String(validate=validate.Length(max=64)), load_only=True,
                                  validate=validate.Length(max=50), load_default=list, metadata={
                                      "description": "Therapists of your practice who facilitate it (an unknown id "
                                                     "is a 422 naming this field)."})
    capacity = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=1000), metadata={
        "description": "Required for the kinds `group` and `retreat` (422 naming `capacity` without it); caps any "
                       "kind (an `individual` group holds one person, a `couples` group two).", "example": 12})
    starts_on = fields.Date(allow_none=True, metadata={"description": "First day (retreats)."})
    ends_on = fields.Date(allow_none=True, metadata={"description": "Last day; not before starts_on."})
    timezone = fields.String(load_default="UTC", validate=[validate.Length(max=64), valid_timezone],
                             metadata={"description": TIMEZONE_NOTE, "example": "Europe/Berlin",
                                       "pattern": TIMEZONE_PATTERN})
    location = text(300, allow_none=True, metadata={"description": "Where it meets."})
    emergency_contact = text(500, allow_none=True, metadata={
        "description": "Whom to call in an emergency where the group meets (a retreat abroad has its own "
                       "number). The agendas print it; null falls back to the practice's `emergency_contact`.",
        "example": "112 (emergency, Germany); centre reception +49 30 0000000"})
    closed = fields.Boolean(load_default=False, metadata={
        "description": "A closed group takes no new members after `starts_on` (an open group takes them any time)."})


class GroupSchema(GroupCreateSchema):
    """A group as the API shows it: every field is always present (null when not set)."""

    class Meta(StrictSchema.Meta):
        response = True

    id = fields.String(dump_only=True, metadata={"description": "Opaque id."})
    facilitators = fields.List(fields.Nested(FacilitatorSchema), dump_only=True,
                               metadata={"description": "Who facilitates it, by name."})
    member_count = fields.Integer(dump_only=True, metadata={"description": "Current members."})
    etag = etag_field()
    created_at = fields.AwareDateTime(dump_only=True, metadata={"description": "When the record was created."})
    updated_at = fields.AwareDateTime(dump_only=True, metadata={"description": "When the record last changed."})


class GroupUpdateSchema(GroupCreateSchema):
    """Changes to a group: only the fields sent are changed; the kind rules are checked again."""

    closed = fields.Boolean(metadata={"description": "Closed groups take no new members after `starts_on`."})
    kind = fields.String(validate=validate.OneOf(GROUP_KINDS), metadata={"description": "The kind of group."})
    name = fields.String(validate=validate.Length(min=1, max=200), metadata={"description": "The group's name."})
    timezone = fields.String(validate=[validate.Length(max=64), valid_timezone],
                             metadata={"description": TIMEZONE_NOTE, "pattern": TIMEZONE_PATTERN})
    facilitator_ids = fields.List(fields.String(validate=validate.Length(max=64)), load_only=True,
                                  validate=validate.Length(max=50),
                                  metadata={"description": "Replaces the facilitators (ids of your therapists)."})


GroupUpdateSchema = with_read_only_echo(GroupUpdateSchema, GroupSchema)  # type: ignore[misc]  # the echoing subclass


class GroupQuerySchema(StrictSchema):
    kind = fields.String(validate=validate.OneOf(GROUP_KINDS), metadata={"description": "Only groups of this kind."})
    q = fields.String(validate=validate.Length(max=100), metadata={"description": "Search by name."})
    sort = fields.String(load_default="name", metadata={"description": "Sort key; '-' sorts descending."},
                         validate=validate.OneOf(["name", "-name", "starts_on", "-starts_on", "created_at",
                                                  "-created_at"]))


class MemberCreateSchema(StrictSchema):
    """Enrol a participant of your practice."""

    participant_id = fields.String(required=True, validate=validate.Length(min=1, max=64), metadata={
        "description": "An unknown id (or another practice's) is a 422 naming this field.",
        "example": "5b0c9a52-2f37-4a8e-9a51-3f6f1b0e6d21"})
    joined_on = fields.Date(metadata={"description": "First day of membership (default: today in the group's "
                                                     "time zone).", "example": "2026-01-05"})


class MemberSchema(StrictSchema):
    """A membership period of a group: who, and from when to when."""

    participant_id = fields.String(required=True, metadata={"description": "The participant."})
    display_name = fields.String(required=True, metadata={"description": "Their name."})
    joined_at = fields.AwareDateTime(required=True, metadata={"description": "When they were enrolled."})
    joined_on = fields.Date(required=True, metadata={"description": "First day of this membership period."})
    left_on = fields.Date(allow_none=True, required=True, metadata={
        "description": "First day no longer a member (the period ended); null while current."})


class MemberQuerySchema(StrictSchema):
    """Which membership periods to list."""

    on = fields.Date(metadata={"description": "The roster on this date: members whose period covers it. Without "
                                              "it: current members (no left_on)."})
    history = fields.Boolean(load_default=False, metadata={"description": "true: every period, ended ones too."})


class MemberEndSchema(StrictSchema):
    """Ending a membership (the history is kept)."""

    left_on = fields.Date(metadata={"description": "First day no longer a member (default: today in the group's "
                                                   "time zone)."})

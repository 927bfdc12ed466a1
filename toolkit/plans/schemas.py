from marshmallow import fields, validate

from ..common.roundtrip import with_read_only_echo
from ..common.schemas import StrictSchema, aware_datetime, text
from ..plans.rules import MAX_ITEM_MINUTES, MAX_ITEMS, MAX_TARGET_MINUTES, WARNING_CODES
from ..vocab import MODULE_CATEGORIES, PLAN_STATUSES


class PlanItemInSchema(StrictSchema):
    """One item of a plan: a module for some minutes, or a break (`module_id: null`)."""

    module_id = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=64), metadata={
        "description": "The module; null for a break. An unknown module (or another practice's) is a 422 naming "
                       "`items.N.module_id`.", "example": "9d2e4c1a-7b3f-4e0d-8a6c-1f2b3c4d5e6f"})
    minutes = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=MAX_ITEM_MINUTES),
                             metadata={"description": "How long the item runs.", "example": 20})
    notes = text(5000, allow_none=True, metadata={"description": "Facilitator notes for this item."})
    title = text(200, allow_none=True, metadata={"description": "Shown for breaks (default 'Break')."})
    lead_id = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=64), metadata={
        "description": "The facilitator leading this item (a therapist id); null for none. It must be a facilitator "
                       "of the plan's group, else a 422 naming `items.N.lead_id` (the same for an unknown id and "
                       "another practice's); a template's items have no lead. When the facilitator leaves the "
                       "group, or the plan moves to another group, the lead becomes null."})


class PlanItemReplaceSchema(PlanItemInSchema):
    """One item of the new list: with `id`, that stored item (it keeps its id); without, matched to the next
    stored item of the same module (or break) in order, else a new item."""

    id = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=64), metadata={
        "description": "The id of an item of this plan (from a GET) to keep it as the same item; an id that is "
                       "not an item of this plan is a 422 naming `items.N.id`.",
        "example": "5c3b2a1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d"})


class PlanItemSchema(StrictSchema):
    """One item of a plan, with its computed start and end in the group's time zone."""

    id = fields.String(required=True, metadata={"description": "Opaque id."})
    position = fields.Integer(required=True, metadata={"description": "0-based order in the plan."})
    module_id = fields.String(allow_none=True, required=True, metadata={"description": "null for a break."})
    title = fields.String(required=True, metadata={"description": "The module's title, or the break's."})
    category = fields.String(allow_none=True, required=True, validate=validate.OneOf(MODULE_CATEGORIES),
                             metadata={"description": "The module's category; null for a break."})
    is_break = fields.Boolean(required=True, metadata={"description": "True for a break."})
    minutes = fields.Integer(required=True, metadata={"description": "How long the item runs."})
    notes = fields.String(allow_none=True, required=True, metadata={"description": "Facilitator notes."})
    lead_id = fields.String(allow_none=True, required=True, metadata={
        "description": "The facilitator leading this item (one of the group's facilitators); null for none."})
    starts_at = fields.AwareDateTime(required=True, allow_none=True, metadata={
        "description": "Computed start; null in a template without a start time."})
    ends_at = fields.AwareDateTime(required=True, allow_none=True, metadata={
        "description": "Computed end; null in a template without a start time."})


class WarningSchema(StrictSchema):
    """Something the facilitator should look at; warnings never block saving."""

    code = fields.String(required=True, validate=validate.OneOf(WARNING_CODES),
                         metadata={"description": "What kind of warning."})
    message = fields.String(required=True, metadata={"description": "For people."})
    position = fields.Integer(allow_none=True, required=True,
                              metadata={"description": "The item it is about, if any."})


class PlanCreateSchema(StrictSchema):
    """A new plan. With no `group_id` it is a reusable template."""

    title = fields.String(required=True, validate=validate.Length(min=1, max=200),
                          metadata={"description": "The plan's title.", "example": "Day 1 - Meeting little me"})
    group_id = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=64), metadata={
        "description": "The group; null makes the plan a reusable template. An unknown group (or another "
                       "practice's) is a 422 naming this field."})
    starts_at = aware_datetime(allow_none=True, load_default=None, metadata={
        "description": "Start, with an offset (years 2000-2199). Required for a plan of a group; a template (no "
                       "group) may have none.", "example": "2027-04-01T09:00:00+02:00"})
    target_minutes = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=MAX_TARGET_MINUTES),
                                    metadata={"description": "Intended length; over it is a warning."})
    status = fields.String(load_default="draft", validate=validate.OneOf(PLAN_STATUSES),
                           metadata={"description": "draft or final."})
    notes = text(10000, allow_none=True, metadata={"description": "Notes for the facilitators."})
    items = fields.List(fields.Nested(PlanItemInSchema), load_only=True, load_default=list,
                        validate=validate.Length(max=MAX_ITEMS), metadata={"description": "The ordered items."})


class PlanSchema(StrictSchema):
    """A plan as the API shows it, with computed times, total and warnings: every field is always present."""

    class Meta(StrictSchema.Meta):
        response = True

    id = fields.String(metadata={"description": "Opaque id."})
    title = fields.String(metadata={"description": "The plan's title."})
    group_id = fields.String(allow_none=True, metadata={"description": "The group; null for a template."})
    is_template = fields.Boolean(metadata={"description": "True when the plan has no group."})
    starts_at = fields.AwareDateTime(allow_none=True, metadata={
        "description": "Start; null in a template without a start time."})
    ends_at = fields.AwareDateTime(allow_none=True, metadata={"description": "Computed end."})
    series_id = fields.String(allow_none=True, metadata={
        "description": "The series (programme) this session belongs to, if any."})
    session_number = fields.Integer(allow_none=True, metadata={
        "description": "1 for the first held session of its series; null outside a series."})
    target_minutes = fields.Integer(allow_none=True, metadata={"description": "Intended length."})
    status = fields.String(validate=validate.OneOf(PLAN_STATUSES), metadata={"description": "draft or final."})
    notes = fields.String(allow_none=True, metadata={"description": "Notes for the facilitators."})
    items = fields.List(fields.Nested(PlanItemSchema), metadata={"description": "The ordered items, timed."})
    total_minutes = fields.Integer(metadata={"description": "Sum of the items' minutes."})
    warnings = fields.List(fields.Nested(WarningSchema), metadata={"description": "Things to look at."})
    etag = fields.String(metadata={"description": "The plan's ETag, as the ETag header gives it: send it as "
                                                  "If-Match to change the plan.", "example": '"3f2a9c0d1e4b5a6f7a8b"'})
    created_at = fields.AwareDateTime(metadata={"description": "When the record was created."})
    updated_at = fields.AwareDateTime(metadata={"description": "When the record last changed."})


PlanOutSchema = PlanSchema  # the name other modules used before the input and output shapes were split


class PlanUpdateSchema(StrictSchema):
    """Changes to a plan's details (its items are replaced with PUT /plans/{id}/items)."""

    title = fields.String(validate=validate.Length(min=1, max=200), metadata={"description": "The plan's title."})
    group_id = fields.String(allow_none=True, validate=validate.Length(max=64),
                             metadata={"description": "Move to this group; null makes it a template."})
    starts_at = aware_datetime(allow_none=True, metadata={
        "description": "New start, with an offset (null only for a template)."})
    target_minutes = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=MAX_TARGET_MINUTES),
                                    metadata={"description": "Intended length."})
    status = fields.String(validate=validate.OneOf(PLAN_STATUSES), metadata={"description": "draft or final."})
    notes = text(10000, allow_none=True, metadata={"description": "Notes for the facilitators."})


PlanUpdateSchema = with_read_only_echo(PlanUpdateSchema, PlanSchema)  # type: ignore[misc]  # the echoing subclass


class PlanItemsSchema(StrictSchema):
    """The whole ordered list of a plan's items, replacing the old one."""

    items = fields.List(fields.Nested(PlanItemReplaceSchema), required=True, validate=validate.Length(max=MAX_ITEMS),
                        metadata={"description": "At most 100 items.", "example": [
                            {"module_id": None, "minutes": 15, "title": "Tea break"}]})


class PlanCloneSchema(StrictSchema):
    """Options for the copy; everything else is copied."""

    group_id = fields.String(allow_none=True, validate=validate.Length(max=64),
                             metadata={"description": "The group of the copy; omit to keep, null for a template."})
    starts_at = aware_datetime(metadata={"description": "Start of the copy; omit to keep."})
    title = fields.String(validate=validate.Length(min=1, max=200),
                          metadata={"description": "Title of the copy; default '<title> (copy)'."})


class PlanQuerySchema(StrictSchema):
    group_id = fields.String(validate=validate.Length(max=64), metadata={
        "description": "Only plans of this group. An unknown group (or another practice's) is a 422."})
    template = fields.Boolean(metadata={"description": "true: only templates; false: only group plans."})
    starts_from = aware_datetime(metadata={"description": "Plans starting at or after this time."})
    starts_before = aware_datetime(metadata={"description": "Plans starting before this time."})
    status = fields.String(validate=validate.OneOf(PLAN_STATUSES), metadata={"description": "Only this status."})
    sort = fields.String(load_default="starts_at", metadata={"description": "Sort key; '-' sorts descending."},
                         validate=validate.OneOf(
        ["starts_at", "-starts_at", "title", "-title", "created_at", "-created_at"]))

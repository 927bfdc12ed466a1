from marshmallow import fields, validate

from ..common.schemas import StrictSchema, aware_datetime, text
from ..plans.rules import WARNING_CODES
from ..vocab import MODULE_CATEGORIES, PLAN_STATUSES

MAX_ITEMS = 100


class PlanItemInSchema(StrictSchema):
    module_id = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=64), metadata={
        "description": "The module; null for a break.", "example": "9d2e4c1a-7b3f-4e0d-8a6c-1f2b3c4d5e6f"})
    minutes = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=24 * 60),
                             metadata={"example": 20})
    notes = text(5000, allow_none=True)
    title = text(200, allow_none=True, metadata={"description": "Shown for breaks (default 'Break')."})


class PlanItemSchema(StrictSchema):
    id = fields.String(required=True)
    position = fields.Integer(required=True)
    module_id = fields.String(allow_none=True, required=True)
    title = fields.String(required=True)
    category = fields.String(allow_none=True, validate=validate.OneOf(MODULE_CATEGORIES))
    is_break = fields.Boolean(required=True)
    minutes = fields.Integer(required=True)
    notes = fields.String(allow_none=True)
    starts_at = fields.AwareDateTime(required=True, allow_none=True, metadata={
        "description": "Null in a template without a start time."})
    ends_at = fields.AwareDateTime(required=True, allow_none=True)


class WarningSchema(StrictSchema):
    code = fields.String(required=True, validate=validate.OneOf([*WARNING_CODES, "too_few_members"]))
    message = fields.String(required=True)
    position = fields.Integer(allow_none=True, metadata={"description": "The item it is about, if any."})


class PlanSchema(StrictSchema):
    id = fields.String(dump_only=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=200),
                          metadata={"example": "Day 1 - Meeting little me"})
    group_id = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=64),
                             metadata={"description": "None makes the plan a reusable template."})
    is_template = fields.Boolean(dump_only=True)
    starts_at = aware_datetime(allow_none=True, load_default=None, metadata={
        "example": "2027-04-01T09:00:00+02:00",
        "description": "Required for a plan of a group; a template (no group) may have none."})
    ends_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    series_id = fields.String(dump_only=True, allow_none=True, metadata={
        "description": "The series (programme) this session belongs to, if any."})
    session_number = fields.Integer(dump_only=True, allow_none=True, metadata={
        "description": "1 for the first held session of its series."})
    target_minutes = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=24 * 60))
    status = fields.String(load_default="draft", validate=validate.OneOf(PLAN_STATUSES))
    notes = text(10000, allow_none=True)
    items = fields.List(fields.Nested(PlanItemInSchema), load_only=True, load_default=list,
                        validate=validate.Length(max=MAX_ITEMS))
    total_minutes = fields.Integer(dump_only=True)
    warnings = fields.List(fields.Nested(WarningSchema), dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)


class PlanOutSchema(PlanSchema):
    items = fields.List(fields.Nested(PlanItemSchema), dump_only=True)


class PlanUpdateSchema(StrictSchema):
    title = fields.String(validate=validate.Length(min=1, max=200))
    group_id = fields.String(allow_none=True, validate=validate.Length(max=64))
    starts_at = aware_datetime(allow_none=True)
    target_minutes = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=24 * 60))
    status = fields.String(validate=validate.OneOf(PLAN_STATUSES))
    notes = text(10000, allow_none=True)


class PlanItemsSchema(StrictSchema):
    items = fields.List(fields.Nested(PlanItemInSchema), required=True, validate=validate.Length(max=MAX_ITEMS),
                        metadata={"example": [{"module_id": "9d2e4c1a-7b3f-4e0d-8a6c-1f2b3c4d5e6f", "minutes": 20},
                                              {"module_id": None, "minutes": 15, "title": "Tea break"}]})


class PlanCloneSchema(StrictSchema):
    group_id = fields.String(allow_none=True, validate=validate.Length(max=64),
                             metadata={"description": "The group of the copy; omit to keep, null for a template."})
    starts_at = aware_datetime()
    title = fields.String(validate=validate.Length(min=1, max=200))


class PlanQuerySchema(StrictSchema):
    group_id = fields.String(validate=validate.Length(max=64))
    template = fields.Boolean(metadata={"description": "true: only templates; false: only group plans."})
    starts_from = aware_datetime(metadata={"description": "Plans starting at or after this time."})
    starts_before = aware_datetime(metadata={"description": "Plans starting before this time."})
    status = fields.String(validate=validate.OneOf(PLAN_STATUSES))
    sort = fields.String(load_default="starts_at", validate=validate.OneOf(
        ["starts_at", "-starts_at", "title", "-title", "created_at", "-created_at"]))

from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from ..vocab import (
    CONTRA_ACTIONS,
    FLAGS,
    FRAMEWORKS,
    GROUP_KINDS,
    INTENSITIES,
    MODULE_CATEGORIES,
    SETTINGS,
    TARGETS,
)


class MaterialSchema(StrictSchema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                         metadata={"example": "Crayons or markers"})
    quantity = fields.Integer(load_default=1, validate=validate.Range(min=1, max=10000))
    per_participant = fields.Boolean(load_default=False, metadata={
        "description": "When true the checklist multiplies `quantity` by the group's size."})


class ContraindicationSchema(StrictSchema):
    flag = fields.String(required=True, validate=validate.OneOf(FLAGS))
    action = fields.String(required=True, validate=validate.OneOf(CONTRA_ACTIONS))
    adaptation = fields.String(load_default="", validate=validate.Length(max=2000), metadata={
        "description": "Required for `adapt`: how to run the module for this person. For `exclude`: what to "
                       "offer instead."})


class ModuleSchema(StrictSchema):
    id = fields.String(dump_only=True)
    slug = fields.String(validate=validate.Length(min=1, max=80), metadata={
        "description": "Kebab-case; made from the title when omitted.", "example": "dear-little-me-letter"})
    title = fields.String(required=True, validate=validate.Length(min=1, max=120),
                          metadata={"example": "Dear little me: a letter"})
    summary = fields.String(required=True, validate=validate.Length(min=1, max=1000),
                            metadata={"example": "Write a kind letter to yourself as a child."})
    participant_summary = fields.String(required=True, validate=validate.Length(min=1, max=1000), metadata={
        "description": "A gentle description for participant handouts (no clinical language)."})
    category = fields.String(required=True, validate=validate.OneOf(MODULE_CATEGORIES),
                             metadata={"example": "exercise"})
    steps = fields.List(fields.String(validate=validate.Length(min=1, max=1000)), required=True,
                        validate=validate.Length(min=2, max=50),
                        metadata={"example": ["Settle and breathe.", "Write to your younger self.", "Read it back."]})
    facilitator_script = fields.String(required=True, validate=validate.Length(min=1, max=20000))
    default_minutes = fields.Integer(required=True, validate=validate.Range(min=1, max=480))
    min_minutes = fields.Integer(required=True, validate=validate.Range(min=1, max=480))
    max_minutes = fields.Integer(required=True, validate=validate.Range(min=1, max=480))
    materials = fields.List(fields.Nested(MaterialSchema), load_default=list, validate=validate.Length(max=50))
    suitable_kinds = fields.List(fields.String(validate=validate.OneOf(GROUP_KINDS)), required=True,
                                 validate=validate.Length(min=1, max=len(GROUP_KINDS)))
    frameworks = fields.List(fields.String(validate=validate.OneOf(FRAMEWORKS)), load_default=list,
                             validate=validate.Length(max=5))
    targets = fields.List(fields.String(validate=validate.OneOf(TARGETS)), load_default=list,
                          validate=validate.Length(max=6))
    intensity = fields.String(required=True, validate=validate.OneOf(INTENSITIES))
    setting = fields.String(required=True, validate=validate.OneOf(SETTINGS))
    contraindications = fields.List(fields.Nested(ContraindicationSchema), load_default=list,
                                    validate=validate.Length(max=4))
    prerequisites = fields.List(fields.String(validate=validate.Regexp(r"^[a-z0-9]+(-[a-z0-9]+)*$")), load_default=list,
                                validate=validate.Length(max=10), metadata={
        "description": "Module slugs a member should have done first (in an earlier session or item); a member "
                       "who missed one gets the clearance warning `missed_prerequisite`.",
        "example": ["group-agreements", "opening-check-in"]})
    builtin = fields.Boolean(dump_only=True, metadata={"description": "Built-in modules are read-only."})
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)


class ModuleUpdateSchema(ModuleSchema):
    title = fields.String(validate=validate.Length(min=1, max=120))
    summary = fields.String(validate=validate.Length(min=1, max=1000))
    participant_summary = fields.String(validate=validate.Length(min=1, max=1000))
    category = fields.String(validate=validate.OneOf(MODULE_CATEGORIES))
    steps = fields.List(fields.String(validate=validate.Length(min=1, max=1000)),
                        validate=validate.Length(min=2, max=50))
    default_minutes = fields.Integer(validate=validate.Range(min=1, max=480))
    min_minutes = fields.Integer(validate=validate.Range(min=1, max=480))
    max_minutes = fields.Integer(validate=validate.Range(min=1, max=480))
    suitable_kinds = fields.List(fields.String(validate=validate.OneOf(GROUP_KINDS)),
                                 validate=validate.Length(min=1, max=len(GROUP_KINDS)))
    intensity = fields.String(validate=validate.OneOf(INTENSITIES))
    setting = fields.String(validate=validate.OneOf(SETTINGS))


class ModuleQuerySchema(StrictSchema):
    kind = fields.String(validate=validate.OneOf(GROUP_KINDS), metadata={"description": "Suitable for this kind."})
    category = fields.String(validate=validate.OneOf(MODULE_CATEGORIES))
    framework = fields.String(validate=validate.OneOf(FRAMEWORKS))
    target = fields.String(validate=validate.OneOf(TARGETS))
    intensity = fields.String(validate=validate.OneOf(INTENSITIES))
    setting = fields.String(validate=validate.OneOf(SETTINGS))
    max_minutes = fields.Integer(validate=validate.Range(min=1, max=480),
                                 metadata={"description": "Modules that can run in this many minutes (min_minutes ≤)."})
    q = fields.String(validate=validate.Length(min=1, max=100),
                      metadata={"description": "Words to find in the title, summary or steps."})
    source = fields.String(validate=validate.OneOf(["builtin", "custom"]))

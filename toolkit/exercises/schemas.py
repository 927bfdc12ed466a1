from marshmallow import fields, validate

from ..common.roundtrip import with_read_only_echo
from ..common.schemas import StrictSchema, etag_field
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
    """Something a module needs."""

    name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                         metadata={"example": "Crayons or markers"})
    quantity = fields.Integer(load_default=1, validate=validate.Range(min=1, max=10000))
    per_participant = fields.Boolean(load_default=False, metadata={
        "description": "When true the checklist multiplies `quantity` by the group's size."})


class ContraindicationSchema(StrictSchema):
    """What a module does for a person with one screening flag."""

    flag = fields.String(required=True, validate=validate.OneOf(FLAGS))
    action = fields.String(required=True, validate=validate.OneOf(CONTRA_ACTIONS))
    adaptation = fields.String(load_default="", validate=validate.Length(max=2000), metadata={
        "description": "Required for `adapt`: how to run the module for this person. For `exclude`: what to "
                       "offer instead."})


class ModuleCreateSchema(StrictSchema):
    """A module of your practice's own, validated like the built-ins: min_minutes <= default_minutes <=
    max_minutes, at most one contraindication per flag, adaptation text for `adapt`, and a `deep` module must
    `exclude` `acute_crisis`."""

    slug = fields.String(validate=validate.Length(min=1, max=80), metadata={
        "description": "Kebab-case, unique in your practice; made from the title when omitted.",
        "example": "kind-letter-to-little-me"})
    title = fields.String(required=True, validate=validate.Length(min=1, max=120),
                          metadata={"description": "Title.", "example": "A kind letter to little me"})
    summary = fields.String(required=True, validate=validate.Length(min=1, max=1000), metadata={
        "description": "What the module does, for facilitators.",
        "example": "Write a kind letter to yourself as a child."})
    participant_summary = fields.String(required=True, validate=validate.Length(min=1, max=1000), metadata={
        "description": "A gentle description for participant handouts (no clinical language).",
        "example": "A quiet writing exercise."})
    category = fields.String(required=True, validate=validate.OneOf(MODULE_CATEGORIES),
                             metadata={"description": "Where it belongs in a session.", "example": "exercise"})
    steps = fields.List(fields.String(validate=validate.Length(min=1, max=1000)), required=True,
                        validate=validate.Length(min=2, max=50), metadata={
                            "description": "2 to 50 steps.",
                            "example": ["Settle and breathe.", "Write to your younger self.", "Read it back."]})
    facilitator_script = fields.String(required=True, validate=validate.Length(min=1, max=20000), metadata={
        "description": "What the facilitator says.", "example": "Invite everyone to settle, then to write."})
    default_minutes = fields.Integer(required=True, validate=validate.Range(min=1, max=480), metadata={
        "description": "Usual length; min_minutes <= default_minutes <= max_minutes.", "example": 20})
    min_minutes = fields.Integer(required=True, validate=validate.Range(min=1, max=480),
                                 metadata={"description": "Shortest sensible length.", "example": 15})
    max_minutes = fields.Integer(required=True, validate=validate.Range(min=1, max=480),
                                 metadata={"description": "Longest sensible length.", "example": 30})
    materials = fields.List(fields.Nested(MaterialSchema), load_default=list, validate=validate.Length(max=50),
                            metadata={"description": "What it needs."})
    suitable_kinds = fields.List(fields.String(validate=validate.OneOf(GROUP_KINDS)), required=True,
                                 validate=validate.Length(min=1, max=len(GROUP_KINDS)), metadata={
                                     "description": "Kinds of group it suits.", "example": ["individual", "retreat"]})
    frameworks = fields.List(fields.String(validate=validate.OneOf(FRAMEWORKS)), load_default=list,
                             validate=validate.Length(max=5), metadata={"description": "Frameworks it draws on."})
    targets = fields.List(fields.String(validate=validate.OneOf(TARGETS)), load_default=list,
                          validate=validate.Length(max=6), metadata={"description": "Themes it addresses."})
    intensity = fields.String(required=True, validate=validate.OneOf(INTENSITIES), metadata={
        "description": "A deep module must exclude acute_crisis.", "example": "gentle"})
    setting = fields.String(required=True, validate=validate.OneOf(SETTINGS),
                            metadata={"description": "Where it is done.", "example": "in_session"})
    contraindications = fields.List(fields.Nested(ContraindicationSchema), load_default=list,
                                    validate=validate.Length(max=4), metadata={
                                        "description": "At most one per flag.",
                                        "example": [{"flag": "acute_crisis", "action": "exclude"}]})
    prerequisites = fields.List(fields.String(validate=validate.Regexp(r"^[a-z0-9]+(-[a-z0-9]+)*$")),
                                load_default=list, validate=validate.Length(max=10), metadata={
        "description": "Module slugs a member should have done first (in an earlier session or item); a member "
                       "who missed one gets the clearance warning `missed_prerequisite`.",
        "example": ["group-agreements", "opening-check-in"]})


class ModuleSchema(ModuleCreateSchema):
    """A module as the API shows it: every field is always present."""

    class Meta(StrictSchema.Meta):
        response = True

    id = fields.String(dump_only=True, metadata={"description": "Opaque id."})
    builtin = fields.Boolean(dump_only=True, metadata={"description": "Built-in modules are read-only."})
    etag = etag_field()
    created_at = fields.AwareDateTime(dump_only=True, metadata={"description": "When the record was created."})
    updated_at = fields.AwareDateTime(dump_only=True, metadata={"description": "When the record last changed."})


class ModuleUpdateSchema(ModuleCreateSchema):
    """Changes to one of your practice's modules: only the fields sent change; the whole module is validated
    again."""

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


ModuleUpdateSchema = with_read_only_echo(ModuleUpdateSchema, ModuleSchema)  # type: ignore[misc]  # the echoing subclass


class ModuleQuerySchema(StrictSchema):
    kind = fields.String(validate=validate.OneOf(GROUP_KINDS), metadata={"description": "Suitable for this kind."})
    category = fields.String(validate=validate.OneOf(MODULE_CATEGORIES),
                             metadata={"description": "Only this category."})
    framework = fields.String(validate=validate.OneOf(FRAMEWORKS),
                              metadata={"description": "Drawing on this framework."})
    target = fields.String(validate=validate.OneOf(TARGETS), metadata={"description": "Addressing this theme."})
    intensity = fields.String(validate=validate.OneOf(INTENSITIES), metadata={"description": "Only this intensity."})
    setting = fields.String(validate=validate.OneOf(SETTINGS), metadata={"description": "Only this setting."})
    max_minutes = fields.Integer(validate=validate.Range(min=1, max=480),
                                 metadata={"description": "Modules that can run in this many minutes (min_minutes ≤)."})
    q = fields.String(validate=validate.Length(min=1, max=100),
                      metadata={"description": "Words to find in the title, summary or steps; every word must match. "
                                               "Word forms (letters, writing), UK and US spellings (visualisation, "
                                               "visualization) and the source's words for a technique (meditate) "
                                               "all match; best matches first, title matches before others."})
    source = fields.String(validate=validate.OneOf(["builtin", "custom"]),
                           metadata={"description": "builtin: the library; custom: your practice's own."})

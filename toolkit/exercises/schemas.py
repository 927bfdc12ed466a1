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
from .rules import (
    ADAPTATION_MAX,
    MATERIAL_NAME_MAX,
    MAX_MATERIALS,
    MAX_MINUTES,
    MAX_PREREQUISITES,
    MAX_QUANTITY,
    MAX_STEPS,
    MIN_STEPS,
    SCRIPT_MAX,
    SLUG_MAX,
    SLUG_PATTERN,
    STEP_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
)


class MaterialSchema(StrictSchema):
    """Something a module needs."""

    name = fields.String(required=True, validate=validate.Length(min=1, max=MATERIAL_NAME_MAX),
                         metadata={"example": "Crayons or markers"})
    quantity = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_QUANTITY))
    per_participant = fields.Boolean(load_default=False, metadata={
        "description": "When true the checklist multiplies `quantity` by the group's size."})
    consumable = fields.Boolean(load_default=False, dump_default=False, metadata={
        "description": "Used up (envelopes, paper, juice): the checklist adds up every use across items and "
                       "sessions. False (the default) for things that are reused (a bell, a flip chart stand): the "
                       "checklist keeps the largest number needed at one time."})
    for_participants = fields.Boolean(load_default=False, dump_default=False, metadata={
        "description": "Participants bring or use it themselves (a pen, a notebook): the participant handout "
                       "lists only these. False (the default) for the facilitators' own kit (a flip chart, "
                       "masking tape)."})


class ContraindicationSchema(StrictSchema):
    """What a module does for a person with one screening flag."""

    flag = fields.String(required=True, validate=validate.OneOf(FLAGS))
    action = fields.String(required=True, validate=validate.OneOf(CONTRA_ACTIONS))
    adaptation = fields.String(load_default="", validate=validate.Length(max=ADAPTATION_MAX), metadata={
        "description": "Required for `adapt`: how to run the module for this person. For `exclude`: what to "
                       "offer instead."})


class ModuleCreateSchema(StrictSchema):
    """A module of your practice's own, validated like the built-ins: min_minutes <= default_minutes <=
    max_minutes, at most one contraindication per flag, adaptation text for `adapt`, and a `deep` module must
    `exclude` `acute_crisis`."""

    slug = fields.String(validate=validate.Length(min=1, max=SLUG_MAX), metadata={
        "description": "Kebab-case, unique in your practice; made from the title when omitted.",
        "example": "kind-letter-to-little-me"})
    title = fields.String(required=True, validate=validate.Length(min=1, max=TITLE_MAX),
                          metadata={"description": "Title.", "example": "A kind letter to little me"})
    summary = fields.String(required=True, validate=validate.Length(min=1, max=SUMMARY_MAX), metadata={
        "description": "What the module does, for facilitators.",
        "example": "Write a kind letter to yourself as a child."})
    participant_summary = fields.String(required=True, validate=validate.Length(min=1, max=SUMMARY_MAX), metadata={
        "description": "A gentle description for participant handouts (no clinical language).",
        "example": "A quiet writing exercise."})
    category = fields.String(required=True, validate=validate.OneOf(MODULE_CATEGORIES),
                             metadata={"description": "Where it belongs in a session.", "example": "exercise"})
    steps = fields.List(fields.String(validate=validate.Length(min=1, max=STEP_MAX)), required=True,
                        validate=validate.Length(min=MIN_STEPS, max=MAX_STEPS), metadata={
                            "description": f"{MIN_STEPS} to {MAX_STEPS} steps.",
                            "example": ["Settle and breathe.", "Write to your younger self.", "Read it back."]})
    facilitator_script = fields.String(required=True, validate=validate.Length(min=1, max=SCRIPT_MAX), metadata={
        "description": "What the facilitator says.", "example": "Invite everyone to settle, then to write."})
    default_minutes = fields.Integer(required=True, validate=validate.Range(min=1, max=MAX_MINUTES), metadata={
        "description": "Usual length; min_minutes <= default_minutes <= max_minutes.", "example": 20})
    min_minutes = fields.Integer(required=True, validate=validate.Range(min=1, max=MAX_MINUTES),
                                 metadata={"description": "Shortest sensible length.", "example": 15})
    max_minutes = fields.Integer(required=True, validate=validate.Range(min=1, max=MAX_MINUTES),
                                 metadata={"description": "Longest sensible length.", "example": 30})
    materials = fields.List(fields.Nested(MaterialSchema), load_default=list,
                            validate=validate.Length(max=MAX_MATERIALS),
                            metadata={"description": "What it needs."})
    suitable_kinds = fields.List(fields.String(validate=validate.OneOf(GROUP_KINDS)), required=True,
                                 validate=validate.Length(min=1, max=len(GROUP_KINDS)), metadata={
                                     "description": "Kinds of group it suits.", "example": ["individual", "retreat"]})
    frameworks = fields.List(fields.String(validate=validate.OneOf(FRAMEWORKS)), load_default=list,
                             validate=validate.Length(max=len(FRAMEWORKS)),
                             metadata={"description": "Frameworks it draws on."})
    targets = fields.List(fields.String(validate=validate.OneOf(TARGETS)), load_default=list,
                          validate=validate.Length(max=len(TARGETS)), metadata={"description": "Themes it addresses."})
    intensity = fields.String(required=True, validate=validate.OneOf(INTENSITIES), metadata={
        "description": "A deep module must exclude acute_crisis.", "example": "gentle"})
    setting = fields.String(required=True, validate=validate.OneOf(SETTINGS),
                            metadata={"description": "Where it is done.", "example": "in_session"})
    contraindications = fields.List(fields.Nested(ContraindicationSchema), load_default=list,
                                    validate=validate.Length(max=len(FLAGS)), metadata={
                                        "description": "At most one per flag. A `deep` module must hold "
                                                       "`{\"flag\": \"acute_crisis\", \"action\": \"exclude\"}` "
                                                       "(422 naming `contraindications` otherwise).",
                                        "example": [{"flag": "acute_crisis", "action": "exclude"}]})
    prerequisites = fields.List(fields.String(validate=validate.Regexp(SLUG_PATTERN)),
                                load_default=list, validate=validate.Length(max=MAX_PREREQUISITES), metadata={
        "description": "Module slugs a member should have done first (in an earlier session or item); a member "
                       "who missed one gets the clearance warning `missed_prerequisite`.",
        "example": ["group-agreements", "opening-check-in"]})
    gate_on_deterioration = fields.Boolean(load_default=False, metadata={
        "description": "A trauma-focused module (e.g. a letter to the younger self): a person's unreviewed reliable "
                       "deterioration excludes it in clearance, as it excludes every `deep` module."})


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

    title = fields.String(validate=validate.Length(min=1, max=TITLE_MAX))
    summary = fields.String(validate=validate.Length(min=1, max=SUMMARY_MAX))
    participant_summary = fields.String(validate=validate.Length(min=1, max=SUMMARY_MAX))
    category = fields.String(validate=validate.OneOf(MODULE_CATEGORIES))
    steps = fields.List(fields.String(validate=validate.Length(min=1, max=STEP_MAX)),
                        validate=validate.Length(min=MIN_STEPS, max=MAX_STEPS))
    default_minutes = fields.Integer(validate=validate.Range(min=1, max=MAX_MINUTES))
    min_minutes = fields.Integer(validate=validate.Range(min=1, max=MAX_MINUTES))
    max_minutes = fields.Integer(validate=validate.Range(min=1, max=MAX_MINUTES))
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
    max_minutes = fields.Integer(validate=validate.Range(min=1, max=MAX_MINUTES),
                                 metadata={"description": "Modules that can run in this many minutes (min_minutes ≤)."})
    q = fields.String(validate=validate.Length(min=1, max=100),
                      metadata={"description": "Words to find in the title, summary or steps; every word must match. "
                                               "Word forms (letters, writing), UK and US spellings (visualisation, "
                                               "visualization) and the source's words for a technique (meditate) "
                                               "all match; best matches first, title matches before others."})
    source = fields.String(validate=validate.OneOf(["builtin", "custom"]),
                           metadata={"description": "builtin: the library; custom: your practice's own."})

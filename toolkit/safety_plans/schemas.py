from marshmallow import fields, validate

from ..common.schemas import StrictSchema, negotiated_format
from .rules import MAX_ITEMS, MAX_TEXT, STATUSES


def _texts(description: str, example: list[str]):
    return fields.List(fields.String(validate=validate.Length(min=1, max=MAX_TEXT)), load_default=list,
                       validate=validate.Length(max=MAX_ITEMS),
                       metadata={"description": f"{description} In the person's own words; up to {MAX_ITEMS} "
                                                f"entries of up to {MAX_TEXT} characters.", "example": example})


def _people(description: str, example: list[dict]):
    return fields.List(fields.Nested(PlanPersonSchema), load_default=list, validate=validate.Length(max=MAX_ITEMS),
                       metadata={"description": f"{description} Up to {MAX_ITEMS} entries.", "example": example})


class PlanPersonSchema(StrictSchema):
    """A person, place or service on a safety plan, and how to reach them."""

    name = fields.String(required=True, validate=validate.Length(min=1, max=120), metadata={
        "description": "Who (or where) it is, as the person names them.", "example": "My sister Jo"})
    contact = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=200), metadata={
        "description": "How to reach them (a phone number, an address, a time); null when not needed.",
        "example": "07700 900123"})


class SafetyPlanCreateSchema(StrictSchema):
    """A new version of a participant's safety plan (Stanley-Brown structure), written with the person in their
    own words. It supersedes the current version; at least one section must have an entry."""

    warning_signs = _texts("Step 1: thoughts, images, moods or situations that tell the person a crisis may be "
                           "starting.", ["Not sleeping", "Staying in my room all day"])
    internal_coping = _texts("Step 2: things the person can do alone to take their mind off their problems.",
                             ["Walk the dog round the park", "Play guitar"])
    social_contacts = _people("Step 3: people and social settings that distract (no need to talk about the "
                              "crisis).", [{"name": "The climbing wall", "contact": None}])
    people_to_ask = _people("Step 4: people the person can ask for help.",
                            [{"name": "My sister Jo", "contact": "07700 900123"}])
    professionals = _people("Step 5: professionals and services to contact in a crisis.",
                            [{"name": "Crisis line", "contact": "116 123"}])
    environment_safety = _texts("Step 6: how the person makes their surroundings safer.",
                                ["Ask Jo to keep my tablets"])
    reasons_for_living = _texts("The one thing (or things) most important to the person and worth living for.",
                                ["My daughter"])


class PlanAuthorSchema(StrictSchema):
    """The therapist who recorded a safety plan."""

    id = fields.String(required=True)
    name = fields.String(required=True)


class SafetyPlanSchema(SafetyPlanCreateSchema):
    """One version of a participant's safety plan. Clinical data: every read is audited."""

    class Meta(StrictSchema.Meta):
        response = True

    id = fields.String(dump_only=True, metadata={"description": "Opaque id."})
    participant_id = fields.String(dump_only=True)
    version = fields.Integer(dump_only=True, metadata={"description": "1 for the person's first plan, then one more "
                                                                       "for each new version.", "example": 2})
    status = fields.String(dump_only=True, validate=validate.OneOf(STATUSES), metadata={
        "description": "current: the plan in force (one per person); superseded: an earlier version, kept."})
    supersedes_id = fields.String(dump_only=True, allow_none=True, metadata={
        "description": "The version this one replaced; null for the first."})
    created_by = fields.Nested(PlanAuthorSchema, dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)


class SafetyPlanQuerySchema(StrictSchema):
    """How to answer: the record as JSON, or the participant's own printed copy."""

    format = negotiated_format(("json", "pdf"), described="json", load_default="json", description=(
        "`json`: the record, the representation this operation describes. Links may also ask this "
        "path for `pdf`, the participant's own copy to take home; that is its own operation at "
        "`/safety-plans/{safety_plan_id}.pdf` (getSafetyPlanPdf) with one media type, which generated clients "
        "call instead."))

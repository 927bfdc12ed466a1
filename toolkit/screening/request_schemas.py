"""What a therapist sends to create and list screenings: the two body shapes (the form, a clinician
assessment), the one schema that loads either, Swagger UI's example, and the list's query."""

from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from ..vocab import FLAGS, OUTCOMES
from .form_loader import default_form
from .schemas import ENTERED_METHODS


def _example_answers() -> dict[str, int]:
    """A complete answer set for the shipped form ("no symptom" everywhere): the example Swagger UI sends."""
    return {item.id: min(o.value for o in item.options)
            for instrument in default_form().instruments for item in instrument.items if not item.enable_when}


def _form_version() -> str:
    return default_form().version


def request_example() -> dict:
    """The body Swagger UI offers for POST /participants/{id}/screenings: the intake form, all answered."""
    return {"method": "form", "form_version": _form_version(), "answers": _example_answers(), "declined": []}


class ScreeningFormCreateSchema(StrictSchema):
    """A screening by the intake form: answers to its current version."""

    method = fields.String(required=True, validate=validate.OneOf(["form"]), metadata={
        "description": "`form`: the intake form (the server also takes a body without `method` as a form)."})
    form_version = fields.String(required=True, validate=validate.Length(min=1, max=40), metadata={
        "description": "The version of GET /screening/form answered; a stale one is a 422.",
        "example": _form_version()})
    answers = fields.Dict(keys=fields.String(validate=validate.Length(max=64)), values=fields.Integer(strict=True),
                          required=True, validate=validate.Length(max=200), metadata={
                              "description": "Item id → the chosen option's value. Items may stay unanswered only "
                                             "when a critical item is positive (stop at a crisis: saved with "
                                             "complete false, outcome defer).", "example": _example_answers()})
    declined = fields.List(fields.String(validate=validate.Length(max=64)), validate=validate.Length(max=200),
                           metadata={"description": "Items the person declined to answer. A declined critical "
                                                    "item counts as positive; any other leaves its instrument "
                                                    "incomplete (never better than caution)."})
    notes = fields.String(allow_none=True, validate=validate.Length(max=10000))


class ClinicianAssessmentCreateSchema(StrictSchema):
    """A clinician assessment instead of the form (a clinical lead only): for under-18s and anyone who cannot do
    the form."""

    method = fields.String(required=True, validate=validate.OneOf(["clinician_assessment"]))
    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES), metadata={
        "description": "The outcome the clinician decided."})
    reason = fields.String(required=True, validate=validate.Length(min=20, max=5000), metadata={
        "description": "Why, in words a colleague can follow (at least 20 characters)."})
    flags = fields.List(fields.String(validate=validate.OneOf(FLAGS)), validate=validate.Length(max=len(FLAGS)),
                        metadata={"description": "The contraindication flags found; their module adaptations apply "
                                                 "as for a form screening."})
    notes = fields.String(allow_none=True, validate=validate.Length(max=10000))


class ScreeningCreateSchema(StrictSchema):
    """Answers to the current intake form, or a clinician assessment: one of the two bodies, told apart by
    `method`."""

    class Meta(StrictSchema.Meta):
        # The spec documents this body as oneOf the two shapes with `method` as the discriminator (generated
        # clients get one type per shape); the server loads both with this one schema and checks each shape's
        # fields in the service (422 naming them).
        one_of = {"form": ScreeningFormCreateSchema, "clinician_assessment": ClinicianAssessmentCreateSchema}

    method = fields.String(load_default="form", validate=validate.OneOf(ENTERED_METHODS), metadata={
        "description": "`form` (the intake form: form_version, answers, declined) or `clinician_assessment` "
                       "(a clinical lead's outcome and reason, for under-18s and anyone who cannot do the form)."})
    form_version = fields.String(validate=validate.Length(min=1, max=40), metadata={
        "description": "Required with method `form`: the version of GET /screening/form answered; a stale one is "
                       "a 422.", "example": _form_version()})
    answers = fields.Dict(keys=fields.String(validate=validate.Length(max=64)), values=fields.Integer(strict=True),
                          validate=validate.Length(max=200), metadata={
                              "description": "Item id → the chosen option's value. Required with method `form`. "
                                             "Items may stay unanswered only when a critical item is positive "
                                             "(stop at a crisis: saved with complete false, outcome defer).",
                              "example": _example_answers()})
    declined = fields.List(fields.String(validate=validate.Length(max=64)), validate=validate.Length(max=200),
                           metadata={"description": "Items the person declined to answer. A declined critical "
                                                    "item counts as positive; any other leaves its instrument "
                                                    "incomplete (never better than caution)."})
    outcome = fields.String(validate=validate.OneOf(OUTCOMES), metadata={
        "description": "Clinician assessment only: the outcome."})
    reason = fields.String(validate=validate.Length(min=1, max=5000), metadata={
        "description": "Clinician assessment only: why (at least 20 characters)."})
    flags = fields.List(fields.String(validate=validate.OneOf(FLAGS)), validate=validate.Length(max=len(FLAGS)),
                        metadata={"description": "Clinician assessment only: the contraindication flags found; "
                                                 "their module adaptations apply as for a form screening."})
    notes = fields.String(allow_none=True, validate=validate.Length(max=10000))


class ScreeningListQuerySchema(StrictSchema):
    sort = fields.String(load_default="-screened_at", metadata={"description": "Sort key; '-' sorts descending."},
                         validate=validate.OneOf(["-screened_at", "screened_at", "computed_outcome",
                                                  "-computed_outcome"]))

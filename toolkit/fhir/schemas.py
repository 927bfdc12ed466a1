"""Search parameters (shape only) and the documentation of FHIR responses in the OpenAPI spec.

The resources themselves are built as plain JSON by builders.py and returned as they are; the schemas
below only describe them for the spec (resourceType, id, and "more FHIR elements").
"""

import marshmallow as ma
from marshmallow import fields, validate

from ..common.schemas import StrictSchema
from .rules import COUNT_DEFAULT, COUNT_MAX, SERVED_TYPES

FORMATS = ("json", "application/json", "application/fhir+json")  # what `_format` may name (XML answers 406)
_DATE_HELP = ("`[prefix]YYYY[-MM[-DD]]` or a dateTime with an offset; prefix one of eq (default), ne, gt, lt, "
              "ge, le. Repeat the parameter to combine conditions (AND), e.g. `ge2026-01-01` and `le2026-03-31`.")


class _Search(StrictSchema):
    count = fields.Integer(data_key="_count", load_default=COUNT_DEFAULT,
                           validate=validate.Range(min=1, max=COUNT_MAX),
                           metadata={"description": f"Page size (at most {COUNT_MAX})."})
    offset = fields.Integer(data_key="_offset", load_default=0, validate=validate.Range(min=0, max=1_000_000),
                            metadata={"description": "How many matches to skip (the `next` link carries it)."})
    format = fields.String(data_key="_format", validate=validate.OneOf(FORMATS), metadata={
        "description": "Accepted for FHIR clients that send it; only JSON is served."})
    subject = fields.String(validate=validate.Length(min=1, max=200), metadata={
        "description": "The participant: `Patient/<id>` (or the bare id). An unknown patient answers 422.",
        "example": "Patient/3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10"})
    patient = fields.String(validate=validate.Length(min=1, max=200), metadata={
        "description": "FHIR's standard name for the same search as `subject` (a Patient): `Patient/<id>` or the "
                       "bare id. Given with `subject`, both must name the same participant (else 400).",
        "example": "Patient/3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10"})


class QuestionnaireResponseSearchSchema(_Search):
    authored = fields.List(fields.String(validate=validate.Length(min=4, max=40)),
                           metadata={"description": "When the screening was taken. " + _DATE_HELP,
                                     "example": ["ge2026-01-01"]})


class ObservationSearchSchema(_Search):
    category = fields.List(fields.String(validate=validate.Length(min=1, max=300)), metadata={
        "description": "`system|code` or a bare code of the observation category; every Observation here is "
                       "`http://terminology.hl7.org/CodeSystem/observation-category|survey`, so `survey` "
                       "matches all of them and any other category none.", "example": ["survey"]})
    date = fields.List(fields.String(validate=validate.Length(min=4, max=40)),
                       metadata={"description": "The effective time. " + _DATE_HELP, "example": ["ge2026-01-01"]})
    code = fields.List(fields.String(validate=validate.Length(min=1, max=300)), metadata={
        "description": "`system|code` (or a bare code); comma-separated values are alternatives, e.g. "
                       "`http://loinc.org|44261-6` for PHQ-9 totals.", "example": ["http://loinc.org|44261-6"]})


class _Resource(ma.Schema):
    class Meta:
        unknown = ma.INCLUDE

    id = fields.String(required=True, metadata={"description": "The logical id of the resource."})


def resource_schema(resource_type: str, description: str, *, with_id: bool = True) -> type[ma.Schema]:
    """A documentation schema for one FHIR resource type (named Fhir<Type> in the spec)."""
    return type(f"Fhir{resource_type}Schema", (_Resource,), {
        "id": fields.String(required=with_id, metadata={"description": "The logical id of the resource."}),
        "resourceType": fields.String(required=True, validate=validate.OneOf([resource_type]),
                                      metadata={"example": resource_type}),
        "Meta": type("Meta", (), {"unknown": ma.INCLUDE,
                                  "title": f"Fhir{resource_type}",
                                  "description": description}),
    })


RESOURCE_SCHEMAS = {t: resource_schema(t, f"A FHIR R4 {t} (https://hl7.org/fhir/R4/{t.lower()}.html); every "
                                          "other element as the FHIR specification defines it.")
                    for t in (*SERVED_TYPES, "CapabilityStatement")}
BundleSchema = resource_schema("Bundle", "A FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html): `searchset` "
                                         "for a search (with `total` and paging links), `collection` for a "
                                         "participant's record.", with_id=False)


class IssueDetailsSchema(ma.Schema):
    """The human-readable part of an OperationOutcome issue."""

    text = fields.String(metadata={"description": "What went wrong, for people."})


class IssueSchema(ma.Schema):
    """One issue of a FHIR OperationOutcome."""

    severity = fields.String(required=True, validate=validate.OneOf(["fatal", "error", "warning", "information"]))
    code = fields.String(required=True, metadata={"description": "FHIR issue type, e.g. not-found, login, invalid.",
                                                  "example": "not-found"})
    details = fields.Nested(IssueDetailsSchema)
    diagnostics = fields.String(metadata={"description": "The HTTP status, e.g. `HTTP 404 Not Found`."})
    expression = fields.List(fields.String(), metadata={"description": "The search parameter at fault."})


class OperationOutcomeSchema(ma.Schema):
    """Errors under /api/v1/fhir (and of a participant's FHIR Bundle) are FHIR OperationOutcome resources with
    the HTTP status of the one error shape: 400 bad search parameter, 401 no or bad token, 404 not found
    (another practice's record too), 422 unknown patient in `subject`."""

    class Meta:
        title = "OperationOutcome"

    resourceType = fields.String(required=True, validate=validate.OneOf(["OperationOutcome"]),
                                 metadata={"example": "OperationOutcome"})
    issue = fields.List(fields.Nested(IssueSchema), required=True)


class SmartConfigurationSchema(ma.Schema):
    """SMART App Launch discovery (`.well-known/smart-configuration`): what is supported. No SMART launch yet."""

    class Meta:
        unknown = ma.INCLUDE
        response = True

    issuer = fields.String(required=True, metadata={"description": "The FHIR base URL."})
    token_endpoint = fields.String(required=True, metadata={
        "description": "Where a token is obtained today: the API's login (not an OAuth token endpoint)."})
    capabilities = fields.List(fields.String(), required=True, metadata={
        "description": "SMART capabilities supported: none yet."})
    grant_types_supported = fields.List(fields.String(), required=True, metadata={"description": "None yet."})
    code_challenge_methods_supported = fields.List(fields.String(), required=True,
                                                   metadata={"description": "None yet."})
    scopes_supported = fields.List(fields.String(), required=True, metadata={"description": "None yet."})
    response_types_supported = fields.List(fields.String(), required=True, metadata={"description": "None yet."})
    token_endpoint_auth_methods_supported = fields.List(fields.String(), required=True,
                                                        metadata={"description": "None yet."})
    toolkit_auth = fields.String(data_key="x-toolkit-auth", required=True, metadata={
        "description": "How to authenticate today, in words (an extension member of this document)."})

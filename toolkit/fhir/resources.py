"""FHIR R4 read API under /api/v1/fhir, and a participant's record as a Bundle.

Thin: parse, call a service, commit the audit event, answer `application/fhir+json`. Errors under these
routes are converted to OperationOutcome resources (same status codes as the rest of the API).
"""

import re
from datetime import UTC, datetime
from urllib.parse import urlencode

import marshmallow as ma
from flask import Blueprint as FlaskBlueprint
from flask import Response, current_app, json, redirect, request
from flask.views import MethodView
from flask_smorest import abort

from ..access import auth_required, current_user
from ..common.spec import Blueprint
from ..errors import PROBLEM_JSON
from ..extensions import db
from . import envelopes, rules, services
from .schemas import (
    FORMATS,
    RESOURCE_SCHEMAS,
    BundleSchema,
    ObservationSearchSchema,
    OperationOutcomeSchema,
    QuestionnaireResponseSearchSchema,
    SmartConfigurationSchema,
)

PREFIX = "/api/v1/fhir"
RELEASED = datetime(2026, 12, 1, tzinfo=UTC)  # the date of this CapabilityStatement's content
_BUNDLE_PATH = re.compile(r"^/api/v1/participants/[^/]+/fhir/?$")

class FhirBlueprint(Blueprint):
    """Documents the `default` error response of its operations as an OperationOutcome, like the others."""

    @staticmethod
    def _prepare_response_doc(doc, doc_info, *, api, spec, **kwargs):
        doc = Blueprint._prepare_response_doc(doc, doc_info, api=api, spec=spec, **kwargs)
        if "default" in doc.get("responses", {}):
            doc["responses"]["default"] = {
                "description": "Any other error, as an OperationOutcome.",
                "content": {rules.MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/OperationOutcome"}}}}
        return doc


blp = FhirBlueprint("fhir", __name__, url_prefix="/api/v1",
                description="FHIR R4 (read-only, `application/fhir+json`): the intake form as a Questionnaire, "
                            "screenings as QuestionnaireResponse and Observation (LOINC where one exists), "
                            "participants as Patient, groups as Group and CarePlan, templates as PlanDefinition. "
                            "Same bearer token, tenancy and audit as the rest of the API; errors are "
                            "OperationOutcome resources.")

ERRORS = {400: "A search parameter is not valid or not supported.",
          401: "No token, or a token that is invalid, expired or revoked.",
          404: "No such resource in your practice (another practice's record answers the same).",
          406: "Only JSON is served: `_format` or `Accept` asks for XML or another representation.",
          422: "`subject` (or `patient`) names a patient that does not exist in your practice."}


def fhir_errors(*codes):
    """Document error responses as OperationOutcome (application/fhir+json)."""

    def decorator(func):
        for code in codes:
            func = blp.alt_response(code, schema=OperationOutcomeSchema, content_type=rules.MEDIA_TYPE,
                                    description=ERRORS[code])(func)
        return func

    return decorator


def fhir_response(payload: dict, status: int = 200) -> Response:
    return Response(json.dumps(payload), status=status, mimetype=rules.MEDIA_TYPE)


def base_url() -> str:
    return request.url_root.rstrip("/") + PREFIX


def is_fhir_request() -> bool:
    return request.path == PREFIX or request.path.startswith(PREFIX + "/") or bool(_BUNDLE_PATH.match(request.path))


@blp.after_app_request
def _errors_as_operation_outcome(response: Response) -> Response:
    """Every error under /api/v1/fhir (and of a participant's Bundle) in FHIR's own shape, whichever layer raised
    it (token checks, routing, validation, a service): the one error shape becomes an OperationOutcome."""
    if response.status_code < 400 or response.mimetype != PROBLEM_JSON or not is_fhir_request():
        return response
    body = response.get_json(silent=True)
    if not isinstance(body, dict) or "code" not in body:
        return response
    outcome = envelopes.operation_outcome(response.status_code, body.get("message") or "", body.get("errors"))
    response.set_data(json.dumps(outcome))
    response.mimetype = rules.MEDIA_TYPE
    return response


JSON_TYPES = (rules.MEDIA_TYPE, "application/json")
FORMAT_PARAM = {"in": "query", "name": "_format", "required": False,
                "schema": {"$ref": "#/components/schemas/FhirFormat"},
                "description": "FHIR's override of the Accept header. Only JSON is served: `json`, `application/json` "
                               "or `application/fhir+json`; an XML format answers 406."}
PUBLIC: dict[str, list] = {"security": []}


@blp.before_request
def _negotiate() -> None:
    """JSON is the only representation served. `_format` (FHIR's override of Accept) may name it; an XML format,
    or an Accept header that admits no JSON type, answers 406 (as an OperationOutcome); any other `_format` 400."""
    wanted = request.args.get("_format")
    if wanted is not None:
        if "xml" in wanted.lower() or "turtle" in wanted.lower() or "ttl" in wanted.lower():
            abort(406, message="Only JSON is served (application/fhir+json).",
                  errors={"_format": [f"Not served: {wanted}. Use json."]})
        if wanted not in FORMATS:
            abort(400, message="Unknown _format.", errors={"_format": [f"One of: {', '.join(FORMATS)}."]})
        return
    if request.headers.get("Accept") and request.accept_mimetypes.best_match(JSON_TYPES) is None:
        abort(406, message="Only JSON is served (application/fhir+json).",
              errors={"Accept": ["Accept application/fhir+json or application/json."]})


def _path_param(name: str, description: str) -> dict:
    return {"in": "path", "name": name, "required": True, "schema": {"type": "string"},
            "description": description}


def _read(resource_type: str, operation_id: str, summary: str, description: str):
    """Document one read operation."""

    def decorator(func):
        func = blp.response(200, RESOURCE_SCHEMAS[resource_type], content_type=rules.MEDIA_TYPE,
                            description=f"The {resource_type}.")(func)
        func = fhir_errors(400, 401, 404, 406)(func)
        return blp.doc(operationId=operation_id, summary=summary, description=description,
                       parameters=[FORMAT_PARAM])(func)

    return decorator


def _search_page(page: services.Page, query: dict, path: str) -> Response:
    """A searchset with its total and self/next/previous links (the query repeated, with _offset moved)."""
    def link(offset: int) -> str:
        params = [(k, v) for k, v in request.args.items(multi=True) if k != "_offset"]
        return f"{base_url()}/{path}?{urlencode([*params, ('_offset', offset)])}"

    links = {"self": link(query["offset"])}
    if query["offset"] + query["count"] < page.total:
        links["next"] = link(query["offset"] + query["count"])
    if query["offset"] > 0:
        links["previous"] = link(max(0, query["offset"] - query["count"]))
    return fhir_response(envelopes.bundle("searchset", page.resources, base=base_url(), total=page.total,
                                         links=links, timestamp=datetime.now(UTC)))


@blp.route("/fhir/metadata")
class FhirMetadata(MethodView):
    """Public, as FHIR has it: a client reads what the server can do before it has a token."""

    @blp.response(200, RESOURCE_SCHEMAS["CapabilityStatement"], content_type=rules.MEDIA_TYPE,
                  description="What this server serves.")
    @fhir_errors(400, 406)
    @blp.doc(operationId="fhirMetadata", summary="FHIR CapabilityStatement: what is served",
             description="The resource types, their interactions (read, search) and search parameters, exactly as "
                         "this server serves them. Public (no token), as FHIR has it.",
             parameters=[FORMAT_PARAM], **PUBLIC)
    def get(self):
        return fhir_response(envelopes.capability_statement(
            software_version=current_app.config["API_VERSION"], base=base_url(), released=RELEASED))


@blp.route("/fhir/.well-known/smart-configuration")
class FhirSmartConfiguration(MethodView):
    """SMART App Launch discovery: what is supported today (no SMART launch yet)."""

    @blp.response(200, SmartConfigurationSchema, description="What this server supports of SMART App Launch.")
    @fhir_errors(400, 406)
    @blp.doc(operationId="fhirSmartConfiguration", summary="SMART configuration: what is supported",
             description="SMART App Launch (2.x) discovery at the FHIR base. **SMART launch is not supported yet**: "
                         "`capabilities` and the grant types are empty and there is no OAuth authorization "
                         "endpoint. A client authenticates as for the rest of the API, with a bearer token from "
                         "`POST /api/v1/auth/login` (`token_endpoint` points at it); `x-toolkit-auth` says so "
                         "in words. Public (no token).", **PUBLIC)
    def get(self):
        root = request.url_root.rstrip("/")
        return {"issuer": base_url(), "token_endpoint": f"{root}/api/v1/auth/login", "capabilities": [],
                "grant_types_supported": [], "code_challenge_methods_supported": [], "scopes_supported": [],
                "response_types_supported": [], "token_endpoint_auth_methods_supported": [],
                "toolkit_auth": "SMART App Launch is not supported yet. Log in with POST /api/v1/auth/login "
                                  "(email, password) and send the access token as 'Authorization: Bearer ...'; the "
                                  "same token, tenancy and audit apply to the FHIR API."}


@blp.route("/fhir/Patient/<string:participant_id>",
           parameters=[_path_param("participant_id", "The participant's id (the Patient's logical id).")])
class FhirPatient(MethodView):
    decorators = [auth_required]

    @_read("Patient", "readFhirPatient", "Read a participant as a FHIR Patient",
           "Name, birth date, contact and emergency contact as held; no invented identifiers. Audited as a read "
           "of the participant.")
    def get(self, participant_id):
        resource = services.read_patient(participant_id, actor=current_user)
        db.session.commit()
        return fhir_response(resource)


@blp.route("/fhir/Questionnaire/<string:questionnaire_id>",
           parameters=[_path_param("questionnaire_id", "The intake form version, e.g. `2026-11.1`.")])
class FhirQuestionnaire(MethodView):
    decorators = [auth_required]

    @_read("Questionnaire", "readFhirQuestionnaire", "Read a version of the intake form as a FHIR Questionnaire",
           "One group per instrument (LOINC panel codes for PHQ-9, GAD-7 and AUDIT-C, our own code system for "
           "the others), choice items with their answer options and item scores (ordinalValue), enableWhen "
           "for follow-up items. The current version is `active`, older ones `retired`.")
    def get(self, questionnaire_id):
        return fhir_response(services.read_questionnaire(questionnaire_id))


@blp.route("/fhir/QuestionnaireResponse/<string:screening_id>",
           parameters=[_path_param("screening_id", "The screening's id.")])
class FhirQuestionnaireResponse(MethodView):
    decorators = [auth_required]

    @_read("QuestionnaireResponse", "readFhirQuestionnaireResponse",
           "Read a screening's answers as a FHIR QuestionnaireResponse",
           "The answers grouped by instrument; `completed`, or `stopped` for a screening stopped at a crisis; a "
           "declined item is answered with the data-absent-reason `asked-declined`. Audited as a read of the "
           "screening.")
    def get(self, screening_id):
        resource = services.read_questionnaire_response(screening_id, actor=current_user)
        db.session.commit()
        return fhir_response(resource)


@blp.route("/fhir/QuestionnaireResponse")
class FhirQuestionnaireResponses(MethodView):
    decorators = [auth_required]

    @blp.arguments(QuestionnaireResponseSearchSchema, location="query", error_status_code=400, unknown=ma.RAISE)
    @blp.response(200, BundleSchema, content_type=rules.MEDIA_TYPE, description="A searchset Bundle.")
    @fhir_errors(400, 401, 406, 422)
    @blp.doc(operationId="searchFhirQuestionnaireResponse", summary="Search screenings as QuestionnaireResponses",
             description="Newest first, by `subject` (or `patient`) and `authored`. Audited as a listing of "
                         "screenings.")
    def get(self, query):
        page = services.search_questionnaire_responses(query, actor=current_user)
        db.session.commit()
        return _search_page(page, query, "QuestionnaireResponse")


@blp.route("/fhir/Observation/<string:observation_id>",
           parameters=[_path_param("observation_id", "`<screening id>-<instrument>` for a score (e.g. "
                                                     "`…-phq9`), `<screening id>-outcome` for the outcome.")])
class FhirObservation(MethodView):
    decorators = [auth_required]

    @_read("Observation", "readFhirObservation", "Read a score or a screening outcome as a FHIR Observation",
           "A score: the total, its band and positive/negative as interpretation, the LOINC total code where one "
           "exists. The outcome: our code system, the flags as components, an override as status `amended` "
           "with the computed outcome kept. Audited as a read of the screening.")
    def get(self, observation_id):
        resource = services.read_observation(observation_id, actor=current_user)
        db.session.commit()
        return fhir_response(resource)


@blp.route("/fhir/Observation")
class FhirObservations(MethodView):
    decorators = [auth_required]

    @blp.arguments(ObservationSearchSchema, location="query", error_status_code=400, unknown=ma.RAISE)
    @blp.response(200, BundleSchema, content_type=rules.MEDIA_TYPE, description="A searchset Bundle.")
    @fhir_errors(400, 401, 406, 422)
    @blp.doc(operationId="searchFhirObservation", summary="Search scores and outcomes as Observations",
             description="By `subject` (or `patient`), `category`, `date` (with prefixes) and `code`; newest "
                         "screening first. Audited as a listing of screenings.")
    def get(self, query):
        page = services.search_observations(query, actor=current_user)
        db.session.commit()
        return _search_page(page, query, "Observation")


@blp.route("/fhir/Group/<string:group_id>", parameters=[_path_param("group_id", "The group's id.")])
class FhirGroup(MethodView):
    decorators = [auth_required]

    @_read("Group", "readFhirGroup", "Read a group as a FHIR Group",
           "Its kind (our code system), name and members, each with the start of their membership. Audited as a "
           "read of the group (it names its members).")
    def get(self, group_id):
        body = services.read_group(group_id, actor=current_user)
        db.session.commit()
        return fhir_response(body)


@blp.route("/fhir/PlanDefinition/<string:template_id>",
           parameters=[_path_param("template_id", "The id of a template (a plan with no group).")])
class FhirPlanDefinition(MethodView):
    decorators = [auth_required]

    @_read("PlanDefinition", "readFhirPlanDefinition", "Read a session template as a FHIR PlanDefinition",
           "The template's items in order as actions with their durations. A plan of a group is not a template "
           "(404): its group's sessions are the CarePlan.")
    def get(self, template_id):
        return fhir_response(services.read_plan_definition(template_id))


@blp.route("/fhir/CarePlan/<string:group_id>",
           parameters=[_path_param("group_id", "The group's id: a group's CarePlan has the group's id.")])
class FhirCarePlan(MethodView):
    decorators = [auth_required]

    @_read("CarePlan", "readFhirCarePlan", "Read a group's scheduled sessions as a FHIR CarePlan",
           "One activity per session plan of the group with its scheduled period: `scheduled` while it is to "
           "come, `unknown` once past (attendance is not recorded here). Audited as a read of the group's care plan.")
    def get(self, group_id):
        body = services.read_care_plan(group_id, actor=current_user)
        db.session.commit()
        return fhir_response(body)


@blp.route("/fhir/CodeSystem/<string:code_system_id>",
           parameters=[_path_param("code_system_id", "One of " + ", ".join(f"`{n}`" for n in rules.OWN_CODE_SYSTEMS)
                                   + ".")])
class FhirCodeSystem(MethodView):
    decorators = [auth_required]

    @_read("CodeSystem", "readFhirCodeSystem", "Read one of our own code systems",
           "Every code the other resources use in this system, with its display and, where there is one, its "
           "definition. Its version is the current intake form's.")
    def get(self, code_system_id):
        return fhir_response(services.read_code_system(code_system_id))


@blp.route("/participants/<string:participant_id>/fhir",
           parameters=[_path_param("participant_id", "The participant's id.")])
class ParticipantFhirBundle(MethodView):
    decorators = [auth_required]

    @blp.response(200, BundleSchema, content_type=rules.MEDIA_TYPE, description="A collection Bundle.")
    @fhir_errors(400, 401, 404, 406)
    @blp.doc(operationId="exportParticipantFhir", summary="A participant's record as a FHIR Bundle",
             description="Patient, every screening's QuestionnaireResponse and Observations, and the Questionnaire "
                         "of each form version answered: a `collection` for a transfer or a subject-access "
                         "request. Audited as an export of the participant.", parameters=[FORMAT_PARAM])
    def get(self, participant_id):
        resource = services.participant_bundle(participant_id, actor=current_user, base=base_url())
        db.session.commit()
        return fhir_response(resource)


# /fhir (DESIGN's path) is the API's FHIR base under another name: a permanent redirect that keeps the method,
# the rest of the path and the query (308). Not an operation of the spec: a client is sent on to one.
base_redirect = FlaskBlueprint("fhir_base", __name__)


@base_redirect.route("/fhir", defaults={"rest": ""}, methods=["GET", "HEAD"], strict_slashes=False)
@base_redirect.route("/fhir/<path:rest>", methods=["GET", "HEAD"])
def fhir_base(rest: str):
    target = f"{PREFIX}/{rest}" if rest else f"{PREFIX}/metadata"
    query = request.query_string.decode("latin-1")
    return redirect(f"{target}?{query}" if query else target, code=308)

"""How marshmallow schemas become the OpenAPI document, where apispec's defaults cost generated clients.

* A schema's docstring is its description (components without one fail a test).
* A nullable nested schema is `allOf: [$ref] + nullable: true`, not "an empty object or the schema".
* A closed vocabulary shared by several fields (screening outcomes, group kinds, ...) is one enum component,
  referenced wherever it is used, so a generated client has one type for it, not one per field.
* An operation with an explicit summary keeps its whole docstring as the description.
"""

import http
import inspect
import json

import flask_smorest
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.ext.marshmallow.openapi import OpenAPIConverter
from flask_smorest import Api
from flask_smorest.error_handler import ErrorSchema as SmorestErrorSchema
from flask_smorest.spec.plugins import FlaskPlugin
from flask_smorest.utils import prepare_response
from marshmallow import fields

from ..errors import PROBLEM_JSON
from .enums import BY_VALUES, register_enums
from .etag import IF_NONE_MATCH
from .pagination import PaginationMetadataSchema, page_metadata

LOCATION_HEADER = {"Location": {"description": "The URL of the new record.",
                                "schema": {"type": "string", "format": "uri-reference"}}}
PAGINATION_HEADER = {"X-Pagination": {
    "description": 'Pagination metadata as JSON text, e.g. {"total": 42, "total_pages": 3, "first_page": 1, '
                   '"last_page": 3, "page": 1, "next_page": 2}',
    "schema": {"type": "string"}}}
IDEMPOTENCY_PARAMETER = {
    "in": "header", "name": "Idempotency-Key", "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
    "description": "Any unique string (e.g. a UUID) per intended create. A retry with the same key and the same "
                   "body returns the first 201 again (with `Idempotent-Replayed: true`) instead of creating a second "
                   "record; the same key with a different body is a 422; while the first is still running, 409. "
                   "Keys are per therapist and kept for 24 hours.",
}


def document_errors(blp, *codes):
    """Document error responses (all in the one error shape) on an operation."""

    def decorator(func):
        for code in codes:
            func = blp.alt_response(code, response=http.HTTPStatus(code).name)(func)
        return func

    return decorator


_STRING = {"schema": {"type": "string"}}
_INTEGER = {"schema": {"type": "integer"}}
ERROR_HEADERS = {
    "*": {"X-Request-ID": {"description": "The request's id (yours, if you sent a valid X-Request-ID; else a new "
                                          "one). Quote it when reporting a problem.", **_STRING}},
    405: {"Allow": {"description": "The methods this path allows.", **_STRING}},
    429: {"Retry-After": {"description": "Seconds to wait before trying again.", **_INTEGER},
          "X-RateLimit-Limit": {"description": "Requests allowed in the window.", **_INTEGER},
          "X-RateLimit-Remaining": {"description": "Requests left in the window.", **_INTEGER},
          "X-RateLimit-Reset": {"description": "When the window resets (Unix time).", **_INTEGER}},
}
ERROR_TEXTS = {
    400: "The body is not valid JSON.",
    401: "No token, or it is malformed, expired, revoked or of the wrong kind. Refresh it or log in again.",
    403: "Your role does not allow this (e.g. only an admin), or a built-in module is read-only.",
    404: "Not found: an unknown id in the path, or a record of another practice (the answers are identical).",
    405: "This method is not allowed on this path; Allow lists the ones that are.",
    406: "No agenda format matches the Accept header.",
    409: "The request conflicts with the current state (see message); on a create, also the same "
         "Idempotency-Key while its first request is still running.",
    304: "Not modified: If-None-Match names the current ETag (an answer you hold is still current); no body.",
    412: "If-Match is stale: the record changed since you fetched it. Fetch it again and retry.",
    413: "The body is larger than MAX_BODY_BYTES (1 MiB by default).",
    415: "The body is not sent as application/json.",
    422: "Invalid fields (each named in errors), an unknown or foreign id in the body or query, or an unknown "
         "query parameter.",
    428: "This write needs If-Match with the record's ETag.",
    429: "Too many requests: wait Retry-After seconds.",
    500: "Something went wrong on our side; the message carries the request id.",
    503: "Not ready: the database is unreachable or not migrated.",
}
QUERY_DESCRIPTIONS = {
    "page": "Page number, from 1.",
    "page_size": "Items per page, 1 to 100 (default 10). The X-Pagination header carries the totals.",
}


# A nullable reference in OpenAPI 3.0, which reads `nullable` only beside a `type` and ignores a $ref's siblings:
# `anyOf: [$ref, null_of(type)]`. Redocly's recommended rules, openapi-typescript (X | null) and
# openapi-python-client (None | X) all read it as "the referenced schema, or null".
def null_of(kind: str) -> dict:
    """The null branch of a nullable reference to a schema of type `kind` (a new dict each time: the spec
    builder changes dicts in place)."""
    return {"type": kind, "nullable": True, "enum": [None]}


class ToolkitConverter(OpenAPIConverter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_attribute_function(self.enum2component)
        self.add_attribute_function(self.default2description)

    def _field2parameter(self, field, *, name, location):
        param = super()._field2parameter(field, name=name, location=location)
        schema = param.get("schema", {})
        if list(schema) == ["allOf"] and len(schema["allOf"]) == 1:  # a named enum, its description on the parameter
            param["schema"] = schema["allOf"][0]
        if "description" not in param and name in QUERY_DESCRIPTIONS:
            param["description"] = QUERY_DESCRIPTIONS[name]
        return param

    def schema2jsonschema(self, schema):
        cls = schema if isinstance(schema, type) else type(schema)
        variants = getattr(getattr(cls, "Meta", None), "one_of", None)
        if variants:  # a body of several shapes: oneOf them, told apart by `method` (Meta.one_of: value -> schema)
            refs = {value: self.resolve_nested_schema(variant) for value, variant in variants.items()}
            return {"oneOf": list(refs.values()), "description": inspect.cleandoc(cls.__doc__ or ""),
                    "discriminator": {"propertyName": "method",
                                      "mapping": {value: ref["$ref"] for value, ref in refs.items()}}}
        jsonschema = super().schema2jsonschema(schema)
        own = cls.__dict__.get("__doc__")
        if own and "description" not in jsonschema:
            jsonschema["description"] = inspect.cleandoc(own)
        if getattr(getattr(cls, "Meta", None), "response", False):
            # A response schema: every field is always present (nullable ones as null).
            jsonschema["required"] = sorted(name for name, prop in jsonschema.get("properties", {}).items()
                                            if not prop.get("writeOnly"))
        return jsonschema

    def field2nullable(self, field, ret) -> dict:
        if field.allow_none and self.openapi_version.major == 3 and self.openapi_version.minor == 0:
            # OpenAPI 3.0 reads `nullable` only beside a `type` and ignores a $ref's siblings: a nullable reference
            # is `anyOf: [$ref, null_of("object")]` (a named enum's: enum2component).
            if "$ref" in ret:
                return {"anyOf": [{"$ref": ret.pop("$ref")}, null_of("object")]}
            if "allOf" in ret:  # a described reference (nested2properties wrote the `allOf`)
                return {"anyOf": [*ret.pop("allOf"), null_of("object")]}
        return super().field2nullable(field, ret)

    def default2description(self, field, ret=None, **kwargs) -> dict:
        """A server-side default is said in the description, not as `default`: generated clients (openapi-typescript
        with its default flags) make a property with a `default` required, though a client may leave it out."""
        if ret is None or "default" not in ret:
            return {}
        value = ret.pop("default")
        said = f"Default when left out: `{json.dumps(value)}`."
        ret["description"] = f"{ret['description'].rstrip()} {said}" if ret.get("description") else said
        return {}

    def enum2component(self, field, ret=None, **kwargs) -> dict:
        values = tuple(v for v in (ret or {}).get("enum", ()) if v is not None)
        name = BY_VALUES.get(values)
        if name is None:
            return {}
        ret.pop("enum")
        ref = {"$ref": f"#/components/schemas/{name}"}
        ret.pop("type", None)
        if ret.pop("nullable", False):  # the vocabulary, or null
            ret["anyOf"] = [ref, null_of("string")]
        elif ret:  # a description beside the reference: OpenAPI 3.0 ignores a $ref's siblings
            ret["allOf"] = [ref]
        else:
            ret.update(ref)
        return {}


class ToolkitMarshmallowPlugin(MarshmallowPlugin):
    Converter = ToolkitConverter


# Path parameters that are not record ids.
NOT_AN_ID = {"token": "A calendar feed's secret token (from POST /groups/{group_id}/calendar-feed). An unknown, "
                      "replaced or revoked token is a 404."}


class ToolkitFlaskPlugin(FlaskPlugin):
    """Path parameters (ids) say what they are and what an unknown one answers; every GET takes If-None-Match."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        get = (operations or {}).get("get")
        if get is not None:
            parameters = get.setdefault("parameters", [])
            # a header schema (not yet expanded here: no name) is an operation declaring its own If-None-Match
            declared = [p for p in parameters if isinstance(p, dict)]
            if not any(p.get("name") == "If-None-Match" or (p.get("in") in ("header", "headers") and "name" not in p)
                       for p in declared):
                parameters.append(dict(IF_NONE_MATCH))

    def rule_to_params(self, rule):
        params = super().rule_to_params(rule)
        for param in params:
            if param["name"] in NOT_AN_ID:
                param.setdefault("description", NOT_AN_ID[param["name"]])
            what = param["name"].removesuffix("_id").replace("_", " ")
            param.setdefault("description", f"The {what}'s id. An unknown id, or one of another practice, is a 404.")
        return params


def docstrings_as_descriptions(blueprint) -> None:
    """flask-smorest takes a docstring's first paragraph as the summary, which an explicit `summary=` then
    replaces: keep the whole docstring as the description instead."""
    for endpoint_doc in blueprint._docs.values():
        for method, doc in endpoint_doc.items():
            if method == "parameters" or not isinstance(doc, dict):
                continue
            manual = doc.get("manual_doc", {})
            docstring = doc.get("docstring", {})
            if "summary" in manual and "description" not in manual and docstring.get("summary"):
                text = docstring["summary"] + ("\n\n" + docstring["description"] if docstring.get("description")
                                               else "")
                doc["docstring"] = {"description": text}


def document_idempotency(blueprint) -> None:
    """Every POST that creates (201) takes an optional Idempotency-Key header (toolkit/common/idempotency.py)."""
    for endpoint_doc in blueprint._docs.values():
        doc = endpoint_doc.get("post")
        if not isinstance(doc, dict) or 201 not in doc.get("success_status_codes", ()):
            continue
        manual = doc.setdefault("manual_doc", {})
        if manual.get("security") == []:  # public: there is no caller to keep the key for
            continue
        parameters = manual.setdefault("parameters", [])
        if not any(p.get("name") == IDEMPOTENCY_PARAMETER["name"] for p in parameters):
            parameters.append(dict(IDEMPOTENCY_PARAMETER))
        # the same key while its first request still runs answers 409 (toolkit/common/idempotency.py)
        doc.setdefault("response", {}).setdefault("responses", {}).setdefault(409, ["CONFLICT"])


def document_generic_errors(blueprint) -> None:
    """What toolkit/common/contract.py enforces on every operation: 422 for an unknown query parameter, and 415
    for a body that is not JSON where the operation takes one. The FHIR blueprint documents its own errors
    (OperationOutcome; 400 for an unknown search parameter, as FHIR has it)."""
    if blueprint.name == "fhir":
        return
    for endpoint_doc in blueprint._docs.values():
        for method, doc in endpoint_doc.items():
            if method == "parameters" or not isinstance(doc, dict):
                continue
            responses = doc.setdefault("response", {}).setdefault("responses", {})
            responses.setdefault(422, ["UNPROCESSABLE_ENTITY"])
            if any(a.get("in") == "json" for a in doc.get("arguments", {}).get("parameters", [])):
                responses.setdefault(415, ["UNSUPPORTED_MEDIA_TYPE"])


def document_conditional_gets(blueprint) -> None:
    """Every GET may answer 304 (toolkit/common/etag.answer_conditionally); its If-None-Match header is added
    to the composed operation by ToolkitFlaskPlugin.operation_helper."""
    for endpoint_doc in blueprint._docs.values():
        doc = endpoint_doc.get("get")
        if isinstance(doc, dict):
            doc.setdefault("response", {}).setdefault("responses", {}).setdefault(304, ["NOT_MODIFIED"])


class ErrorSchema(SmorestErrorSchema):
    """The one error shape: RFC 9457 problem details (`application/problem+json`) with this API's `code`,
    `message` and `errors` kept as extension members (toolkit/http_errors.py)."""

    class Meta:
        ordered = True

    type = fields.String(required=True, metadata={
        "description": "A URI reference naming the problem type; `about:blank` here: the HTTP status says it.",
        "example": "about:blank"})
    title = fields.String(required=True, metadata={"description": "The HTTP status phrase.",
                                                   "example": "Unprocessable Entity"})
    status = fields.Integer(required=True, metadata={"description": "The HTTP status code (RFC 9457).",
                                                     "example": 422})
    detail = fields.String(required=True, metadata={"description": "What went wrong, for people.",
                                                    "example": "The request has invalid fields: see errors."})
    code = fields.Integer(required=True, metadata={"description": "The HTTP status code (kept from version 2; the "
                                                                  "same as `status`).", "example": 422})
    message = fields.String(required=True, metadata={"description": "The same as `detail` (kept from version 2).",
                                                     "example": "The request has invalid fields: see errors."})
    errors = fields.Dict(metadata={
        "description": "Present when there are details. On 422: each invalid field → its list of messages, "
                       "nested like the request (`{\"items\": {\"0\": {\"minutes\": [...]}}}`). Otherwise "
                       "a short explanation by topic (e.g. `format` on 406).",
        "example": {"display_name": ["Missing data for required field."]}})


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's Blueprint with complete pagination metadata (every package's blueprint is one)."""

    @staticmethod
    def _make_pagination_metadata(page, page_size, item_count):
        return page_metadata(page, page_size, item_count)


class FiledUnder(Blueprint):
    """A package's own blueprint whose operations the spec files under another area's tag, where clients have
    always found them (clearance under "screening", the sign-in sheet under "attendance"): each route gets
    that tag, and registering it adds no tag of its own to the spec's tag list. The package owns its routes;
    the spec does not change."""

    def __init__(self, name: str, import_name: str, *, tag: str, **options):
        super().__init__(name, import_name, **options)
        self.tag = tag

    def route(self, rule, *, parameters=None, tags=None, **options):
        return super().route(rule, parameters=parameters, tags=tags or [self.tag], **options)


class ToolkitApi(Api):
    """flask-smorest's Api with our error schema and X-Pagination documented as the JSON text it is.

    The documentation is built once per process. The blueprints are module-level and the spec depends on no
    setting (create_app sets the API_*/OPENAPI_* keys to constants), so every app of one process documents the
    same operations: the first app builds the spec, later apps register their routes and share that spec.
    Without this, building the spec was 80% of create_app, which the test suite runs for every test."""

    ERROR_SCHEMA = ErrorSchema
    _built_spec = None  # the spec the first app of this process built (shared by the apps made after it)

    def init_app(self, app, *, spec_kwargs=None):
        super().init_app(app, spec_kwargs=spec_kwargs)
        if ToolkitApi._built_spec is None:
            ToolkitApi._built_spec = self.spec  # completed by the register_blueprint calls that follow
            self._documenting = True
        else:
            self.spec = ToolkitApi._built_spec
            self._documenting = False

    def _init_spec(self, **options):
        options.setdefault("marshmallow_plugin", ToolkitMarshmallowPlugin())
        options.setdefault("flask_plugin", ToolkitFlaskPlugin())
        super()._init_spec(**options)
        register_enums(self.spec)

    def _register_responses(self):
        """The error responses, with the headers the server sends on them (see toolkit/http_errors.py)."""
        for status in http.HTTPStatus:
            response = {"description": ERROR_TEXTS.get(status.value, status.phrase)}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            if status >= 400:
                response["headers"] = {**ERROR_HEADERS.get("*", {}), **ERROR_HEADERS.get(status.value, {})}
            prepare_response(response, self.spec, PROBLEM_JSON if status >= 400 else self.DEFAULT_RESPONSE_CONTENT_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Any other error, in the same shape.", "schema": self.ERROR_SCHEMA,
                    "headers": dict(ERROR_HEADERS["*"])}
        prepare_response(response, self.spec, PROBLEM_JSON)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)

    def register_blueprint(self, blp, **options):
        if not self._documenting:  # the spec already documents it (see the class docstring)
            self._app.extensions["flask-smorest"]["blp_name_to_api"][options.get("name", blp.name)] = self
            self._app.register_blueprint(blp, **options)
            return
        docstrings_as_descriptions(blp)
        document_idempotency(blp)
        document_generic_errors(blp)
        document_conditional_gets(blp)
        if not isinstance(blp, FiledUnder):
            super().register_blueprint(blp, **options)
            return
        # As Api.register_blueprint, without adding the blueprint's name to the spec's tags.
        self._app.extensions["flask-smorest"]["blp_name_to_api"][blp.name] = self
        self._app.register_blueprint(blp, **options)
        blp.register_views_in_doc(self, self._app, self.spec, name=blp.name, parameters=None)

    def _register_pagination_header(self):
        self.spec.components.header("PAGINATION", {
            "description": "Pagination metadata as JSON text, e.g. "
                           '{"total": 42, "total_pages": 5, "first_page": 1, "last_page": 5, "page": 1, '
                           '"next_page": 2}.',
            "content": {"application/json": {"schema": PaginationMetadataSchema}},
        }, lazy=True)

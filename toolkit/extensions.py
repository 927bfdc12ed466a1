"""Extensions, created unbound and bound to the app in create_app()."""

from flask_cors import CORS
from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_migrate import Migrate
from flask_smorest import Api
from flask_smorest.error_handler import ErrorSchema as SmorestErrorSchema
from flask_smorest.pagination import PaginationMetadataSchema
from flask_sqlalchemy import SQLAlchemy
from marshmallow import fields
from sqlalchemy import Engine, MetaData, event
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _client_address():
    from flask import request

    return request.remote_addr or "unknown"


class ErrorSchema(SmorestErrorSchema):
    """The one error shape (toolkit/errors.py): documentation only."""

    code = fields.Integer(required=True, metadata={"description": "The HTTP status code.", "example": 422})
    status = fields.String(required=True, metadata={"description": "The HTTP status phrase.",
                                                    "example": "Unprocessable Entity"})
    message = fields.String(required=True, metadata={"description": "What went wrong, for people.",
                                                     "example": "The request has invalid fields: see errors."})
    errors = fields.Dict(metadata={
        "description": "Present when there are details. On 422: each invalid field → its list of messages, "
                       "nested like the request (`{\"items\": {\"0\": {\"minutes\": [...]}}}`). Otherwise "
                       "a short explanation by topic (e.g. `format` on 406).",
        "example": {"display_name": ["Missing data for required field."]}})


class ToolkitApi(Api):
    """flask-smorest's Api with our error schema and X-Pagination documented as the JSON text it is."""

    ERROR_SCHEMA = ErrorSchema

    def _init_spec(self, **options):
        from .common.spec import ToolkitFlaskPlugin, ToolkitMarshmallowPlugin, register_enums

        options.setdefault("marshmallow_plugin", ToolkitMarshmallowPlugin())
        options.setdefault("flask_plugin", ToolkitFlaskPlugin())
        super()._init_spec(**options)
        register_enums(self.spec)

    def _register_responses(self):
        """The error responses, with the headers the server sends on them (see toolkit/errors.py)."""
        import http

        from flask_smorest.utils import prepare_response

        from .common.spec import ERROR_HEADERS, ERROR_TEXTS

        for status in http.HTTPStatus:
            response = {"description": ERROR_TEXTS.get(status.value, status.phrase)}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            if status >= 400:
                response["headers"] = {**ERROR_HEADERS.get("*", {}), **ERROR_HEADERS.get(status.value, {})}
            prepare_response(response, self.spec, self.DEFAULT_RESPONSE_CONTENT_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Any other error, in the same shape.", "schema": self.ERROR_SCHEMA,
                    "headers": dict(ERROR_HEADERS["*"])}
        prepare_response(response, self.spec, self.DEFAULT_RESPONSE_CONTENT_TYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)

    def register_blueprint(self, blp, **options):
        from .common.spec import docstrings_as_descriptions, document_generic_errors, document_idempotency

        docstrings_as_descriptions(blp)
        document_idempotency(blp)
        document_generic_errors(blp)
        super().register_blueprint(blp, **options)

    def _register_pagination_header(self):
        self.spec.components.header("PAGINATION", {
            "description": "Pagination metadata as JSON text, e.g. "
                           '{"total": 42, "total_pages": 5, "first_page": 1, "last_page": 5, "page": 1, '
                           '"next_page": 2}.',
            "content": {"application/json": {"schema": PaginationMetadataSchema}},
        }, lazy=True)


# Rows stay loaded after the commit: responses are built from what was just written, without reloading.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})
migrate = Migrate()
jwt = JWTManager()
api = ToolkitApi()
cors = CORS()
limiter = Limiter(key_func=_client_address, default_limits=[], headers_enabled=True)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """SQLite: enforce foreign keys; WAL so readers never wait for a writer and a commit is one
    append (synchronous=NORMAL is durable across application crashes in WAL mode); wait for locks."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

"""Extensions, created unbound and bound to the app in create_app()."""

import time

from flask_cors import CORS
from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_migrate import Migrate
from flask_smorest import Api
from flask_smorest.error_handler import ErrorSchema as SmorestErrorSchema
from flask_smorest.pagination import PaginationMetadataSchema
from flask_sqlalchemy import SQLAlchemy
from marshmallow import fields
from sqlalchemy import Engine, MetaData, event, exc, text
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


class ToolkitLimiter(Limiter):
    """flask-limiter whose request hooks run only on the routes that carry a limit (login, registration,
    agendas). Its before-request, after-request and teardown hooks otherwise run on every request of the
    app, limited or not. With application-wide, default or blueprint limits every route is limited and
    nothing is skipped."""

    def init_app(self, app) -> None:
        super().init_app(app)
        marker = "__wrapper-limiter-instance"
        limited: dict[str | None, bool] = {}

        def is_limited() -> bool:
            from flask import current_app, request

            endpoint = request.endpoint
            if endpoint not in limited:
                view = current_app.view_functions.get(endpoint or "")
                found = False
                while view is not None and not found:
                    owner = getattr(view, marker, None)  # a weakref proxy of the limiter: == compares the referent
                    found = owner is not None and owner == self
                    view = getattr(view, "__wrapped__", None)
                manager = self.limit_manager
                everywhere = bool(manager._application_limits or manager._default_limits or manager._blueprint_limits)
                limited[endpoint] = found or everywhere
            return limited[endpoint]

        def only_when_limited(hook, passthrough: bool):
            def guarded(*args):
                if is_limited():
                    return hook(*args)
                return args[0] if passthrough and args else None

            return guarded

        for hooks, passthrough in ((app.before_request_funcs, False), (app.after_request_funcs, True),
                                   (app.teardown_request_funcs, True)):
            funcs = hooks.setdefault(None, [])
            for i, hook in enumerate(funcs):
                if getattr(hook, "__self__", None) is self or getattr(hook, "args", (None,))[:1] == (self,):
                    funcs[i] = only_when_limited(hook, passthrough)


class ToolkitSQLAlchemy(SQLAlchemy):
    """Flask-SQLAlchemy whose engines check a pooled connection only when it has been idle for a while.

    `pool_pre_ping` costs a `SELECT 1` round trip on every checkout, so on every request. Connections die
    when the database restarts or a firewall or server drops idle ones: a connection that sat in the pool
    longer than `DB_PING_IDLE_SECONDS` is pinged on checkout (a dead one is replaced before the request
    uses it); `pool_recycle` replaces connections older than `DB_POOL_RECYCLE_SECONDS` anyway. A connection
    that dies while in use raises a disconnect error, which makes SQLAlchemy drop the whole pool, so the
    next request gets fresh connections (tests/db/test_dead_connections.py)."""

    def _make_engine(self, bind_key, options, app):
        engine = super()._make_engine(bind_key, options, app)
        if engine.dialect.name != "sqlite":  # a file: nothing to drop the connection
            watch_idle_connections(engine, app.config.get("DB_PING_IDLE_SECONDS", 10.0))
        return engine


def watch_idle_connections(engine, idle_seconds: float) -> None:
    @event.listens_for(engine, "checkin")
    def _idle_from(dbapi_connection, record):
        if record is not None:
            record.info["idle_from"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection, record, proxy):
        idle_from = record.info.get("idle_from")
        if idle_from is None or time.monotonic() - idle_from < idle_seconds:
            return
        try:
            cursor = dbapi_connection.cursor()
            cursor.execute("SELECT 1")
            cursor.close()
            dbapi_connection.rollback()
        except Exception as err:  # noqa: BLE001 - any failure: the pool discards it and connects anew
            raise exc.DisconnectionError("idle connection is gone") from err


# Rows stay loaded after the commit: responses are built from what was just written, without reloading.
db = ToolkitSQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})
migrate = Migrate()
jwt = JWTManager()
api = ToolkitApi()
cors = CORS()
limiter = ToolkitLimiter(key_func=_client_address, default_limits=[], headers_enabled=True)


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


def refresh_planner_statistics(engine) -> bool:
    """PostgreSQL: `ANALYZE` the whole database, so the planner's statistics describe the rows now there
    (after migrations and imports; autovacuum may be off or slow to notice). SQLite keeps no statistics
    unless told to, and this service runs it without them: nothing to do. True when it ran."""
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    return True

"""Extensions, created unbound and bound to the app in create_app(). The Api (flask-smorest) is made on the web
floor (toolkit/web.py), from the spec plugins in toolkit/common/spec.py."""

import os
import time
from typing import TYPE_CHECKING, ClassVar

from flask import current_app, g, request
from flask_cors import CORS
from flask_limiter import Limiter
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.session import Session as FlaskSQLAlchemySession
from sqlalchemy import Engine, MetaData, Table, event, exc, text
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
    if TYPE_CHECKING:
        __table__: ClassVar[Table]  # every model here maps one table


def _client_address():
    return request.remote_addr or "unknown"


_OWN_RETRY_AFTER = "own_retry_after"


def _note_own_retry_after(response):
    """Runs before the limiter's header hook: what the answer itself said (or None)."""
    g.setdefault(_OWN_RETRY_AFTER, response.headers.get("Retry-After"))
    return response


def _keep_own_retry_after(response):
    """Runs after the limiter's header hook: a 429 keeps the limiter's Retry-After; any other answer keeps
    its own, or has none."""
    if response.status_code == 429 or _OWN_RETRY_AFTER not in g:
        return response
    own = g.get(_OWN_RETRY_AFTER)
    if own is None:
        response.headers.pop("Retry-After", None)
    else:
        response.headers["Retry-After"] = own
    return response


class ToolkitLimiter(Limiter):
    """flask-limiter whose request hooks run only on the routes that carry a limit (login, registration,
    agendas). Its before-request, after-request and teardown hooks otherwise run on every request of the
    app, limited or not. With application-wide, default or blueprint limits every route is limited and
    nothing is skipped."""

    def init_app(self, app) -> None:
        # flask-limiter's header hook sets Retry-After on *every* answer of a limited route, to the later of
        # the answer's own and its window's reset (issue 31: a PDF's 202 said 60 s for a render of one). The
        # limiter's value belongs on its 429 only: these two hooks, around its own (after_request hooks run
        # in reverse order), keep the answer's own Retry-After (the render estimate, a 503's) or none.
        app.after_request(_keep_own_retry_after)
        super().init_app(app)
        app.after_request(_note_own_retry_after)
        marker = "__wrapper-limiter-instance"
        limited: dict[str | None, bool] = {}

        def is_limited() -> bool:
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
                if getattr(hook, "__self__", None) is self or getattr(hook, "args", (None,))[:1] == (self,) \
                        or hook in (_note_own_retry_after, _keep_own_retry_after):
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
        elif engine.url.database and engine.url.database != ":memory:":
            private_database_file(engine.url.database)
        return engine


def private_database_file(path: str) -> None:
    """The SQLite database holds clinical data: its file is its owner's only (0600), created so if it does not
    exist yet, narrowed if it is wider; SQLite gives the -wal and -shm files the database file's mode."""
    if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        return
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for name in (path, path + "-wal", path + "-shm"):
        try:
            os.chmod(name, 0o600)
        except FileNotFoundError:
            pass


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


class ToolkitSession(FlaskSQLAlchemySession):
    """The app's own session class: the tenancy hooks (toolkit/tenancy.py) listen on it, not on SQLAlchemy's
    global Session, so a plain `sqlalchemy.orm.Session` elsewhere in the process is not scoped."""


# Rows stay loaded after the commit: responses are built from what was just written, without reloading.
db = ToolkitSQLAlchemy(model_class=Base, session_options={"expire_on_commit": False, "class_": ToolkitSession})
# The models' base class, as a static type checker can follow it (db.Model is made at run time from Base).
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model
migrate = Migrate()
cors = CORS()
# What a browser on an allowed origin (CORS_ORIGINS) may send and read: every request header the contract
# offers, and every response header it documents. tests/api/test_cors.py holds these lists to the spec (a
# header documented there and missing here fails), and tests/browser/test_cors_chromium.py uses each of them
# from a real page on another origin.
CORS_REQUEST_HEADERS = ["Accept", "Accept-Language", "Authorization", "Cache-Control", "Content-Type",
                        "Idempotency-Key", "If-Match", "If-None-Match", "X-Request-ID"]
CORS_EXPOSED_HEADERS = ["Cache-Control", "Content-Disposition", "ETag",
                        "Idempotent-Replayed", "Location", "Retry-After", "X-Pagination", "X-RateLimit-Limit",
                        "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-Request-ID"]
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

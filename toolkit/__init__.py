"""Inner Child Group Toolkit: the application factory."""

import logging
import re
import uuid

from flask import Flask, g, request

from .config import Config

API_TITLE = "Inner Child Group Toolkit API"
API_VERSION = "1.0.0"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

# The headers every answer carries unless the view set its own (issue 32.4: added in one pass, not one
# lookup each). Swagger UI needs inline styles and scripts of its own; everything is served from here.
_SECURITY = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
             ("Cross-Origin-Resource-Policy", "same-origin"))
_API_HEADERS = (*_SECURITY, ("Content-Security-Policy",
                             "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"))
_DOCS_HEADERS = (*_SECURITY, ("Content-Security-Policy",
                              "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                              "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
_HSTS = ("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
_PRIVATE = ("Cache-Control", "private, no-store")


def _missing(response, wanted) -> list[tuple[str, str]]:
    """The (name, value) pairs of `wanted` whose name the response does not carry yet (one pass over it)."""
    present = {name.lower() for name, _ in response.headers.items()}
    return [pair for pair in wanted if pair[0].lower() not in present]


def create_app(config: Config | None = None) -> Flask:
    config = config or Config()
    config.check()
    app = Flask(__name__, static_folder=None)
    app.config.from_object(config)
    if app.config.get("TRUST_PROXY"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        # Behind a reverse proxy: take the client address and scheme (HSTS, rate limits) from it.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)  # type: ignore[method-assign]
    configure_app(app)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_request_hooks(app)
    register_commands(app)
    return app


def configure_app(app: Flask) -> None:
    app.config.update(
        API_TITLE=API_TITLE,
        API_VERSION=API_VERSION,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="/api/v1/docs/assets/",
        API_SPEC_OPTIONS={
            "info": {
                "description": (
                    "REST API for clinicians who run inner child work: an exercise module library, "
                    "session plans, intake screening against contraindications, plan clearance and "
                    "printable agendas. Screening is decision support for a clinician, not a diagnosis.\n\n"
                    "Every error has one shape (`Error`). Ids in a path that are unknown or of another practice "
                    "answer 404; ids in a body or query answer 422 naming the field; an unknown query parameter "
                    "is a 422 naming it; a body not sent as `application/json` is a 415; a method a path does not "
                    "allow is a 405 with `Allow`. Lists take `page` and `page_size` and answer `X-Pagination`. "
                    "Records carry an `ETag` (also `etag` in bodies and list items): writes need it as `If-Match` "
                    "(412 when stale, 428 when missing). POSTs that create answer 201 with `Location` and accept an "
                    "`Idempotency-Key`. Failed logins, registrations and PDF agendas are rate-limited (429 with "
                    "`Retry-After`; `X-RateLimit-*` on those responses). Send `X-Request-ID` (1-64 of "
                    "`A-Za-z0-9._-`) to have it echoed; every response carries one."
                ),
                "license": {"name": "MIT", "url": "https://opensource.org/license/mit"},
                "contact": {"name": "Inner Child Group Toolkit API team", "email": "api@example.org"},
            },
            "servers": [{"url": "/", "description": "This server"}],
            "components": {"securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}},
            "security": [{"bearerAuth": []}],
        },
        JWT_ALGORITHM="HS256",  # tokens: toolkit/auth/tokens.py makes them, toolkit/access.py verifies them
        JWT_DECODE_ALGORITHMS=["HS256"],
        RATELIMIT_STORAGE_URI=app.config.get("REDIS_URL") or "memory://",
        RATELIMIT_HEADERS_ENABLED=True,
        RATELIMIT_KEY_PREFIX="toolkit",
        PROPAGATE_EXCEPTIONS=False,
    )
    # Bodies keep the order their schemas give (Flask 3 ignores JSON_SORT_KEYS; the provider's setting is the
    # one read). The committed spec is written by flask-smorest with sort_keys=False either way.
    app.json.sort_keys = False  # type: ignore[attr-defined]  # DefaultJSONProvider
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # font-subsetting notices only
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def register_extensions(app: Flask) -> None:
    from .extensions import CORS_EXPOSED_HEADERS, CORS_REQUEST_HEADERS, cors, db, limiter, migrate
    from .web import api

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"), render_as_batch=True,
                     compare_type=True)
    limiter.init_app(app)
    cors.init_app(
        app,
        resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}},
        expose_headers=CORS_EXPOSED_HEADERS,
        allow_headers=CORS_REQUEST_HEADERS,
        methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        max_age=600,
    )
    api.init_app(app)
    from .compression import init_compression

    init_compression(app)
    from . import models  # noqa: F401  (every model before the spec)
    from .auth.logins import init_app as init_logins

    init_logins(app)  # who a verified token belongs to (toolkit/access.py)


def register_blueprints(app: Flask) -> None:
    from .registry import BLUEPRINTS
    from .web import api

    for blp in BLUEPRINTS:
        api.register_blueprint(blp)
    from .meta import docs_assets, health

    api.register_blueprint(health)  # in the spec (tag "meta"), public
    app.register_blueprint(docs_assets)
    from .selfreport.pages import init_pages

    init_pages(app)  # the participant's page /p/{token} (server-rendered, not an API operation) and its catalogue
    from .fhir.resources import base_redirect

    app.register_blueprint(base_redirect)  # /fhir/... -> /api/v1/fhir/... (308)
    from .access import authenticate
    from .common.idempotency import install

    install(app, authenticate)  # Idempotency-Key on every POST


def register_errorhandlers(app: Flask) -> None:
    from .http_errors import register_errorhandlers as register

    register(app)


def register_request_hooks(app: Flask) -> None:
    from .common.contract import check_request_contract, refuse_nul_characters
    from .common.etag import answer_conditionally
    from .extensions import db
    from .tenancy import set_practice

    @app.before_request
    def _start():
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        set_practice(db.session, None)
        refuse_nul_characters()
        check_request_contract()

    app.after_request(answer_conditionally)  # runs after _headers: 304 on a matching If-None-Match

    @app.after_request
    def _headers(response):
        wanted = list(_DOCS_HEADERS if request.path.startswith("/api/v1/docs") else _API_HEADERS)
        if request.is_secure:
            wanted.append(_HSTS)
        if "Authorization" in request.headers:
            wanted.append(_PRIVATE)
        response.headers.extend(_missing(response, wanted))
        response.headers["X-Request-ID"] = g.get("request_id", "")
        if app.config["CORS_ORIGINS"] and request.path.startswith("/api/"):
            response.vary.add("Origin")  # CORS headers depend on the Origin: shared caches must know
        return response

    from .audit.reads import init_app as record_read_audits

    record_read_audits(app)  # registered last, so it runs first: read audits committed before the answer leaves


def register_commands(app: Flask) -> None:
    from .cli import register

    register(app)

"""Health checks, production configuration guard and security headers."""

import pytest

from tests.helpers import assert_error
from toolkit import create_app
from toolkit.config import DEV_SECRET, Config, ConfigError, normalise_database_url


def _dispose(app):
    from toolkit.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


# --- health -----------------------------------------------------------------------------------------------


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.get_json() == {"status": "ok"}


def test_health_checks_need_no_token(client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200


def test_readyz_when_migrated(client):
    r = client.get("/readyz")
    assert r.status_code == 200
    assert r.get_json()["status"] == "ready"


def test_readyz_is_503_when_not_migrated(tmp_path):
    app = create_app(Config(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
                            RATELIMIT_ENABLED=False))
    try:
        r = app.test_client().get("/readyz")
        body = assert_error(r, 503)
        assert "migrat" in body["message"].lower()
        assert app.test_client().get("/healthz").status_code == 200  # alive, just not ready
    finally:
        _dispose(app)


def test_readyz_is_503_when_database_unreachable(tmp_path):
    app = create_app(Config(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'missing-dir' / 'x.sqlite3'}",
                            RATELIMIT_ENABLED=False))
    try:
        body = assert_error(app.test_client().get("/readyz"), 503)
        assert "unreachable" in body["message"].lower()
    finally:
        _dispose(app)


# --- configuration ----------------------------------------------------------------------------------------


@pytest.fixture
def production_env(monkeypatch, tmp_path):
    monkeypatch.setenv("TOOLKIT_ENV", "production")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'prod.sqlite3'}")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("JWT_SECRET_KEY", raising=False)
    monkeypatch.delenv("AUDIT_KEY", raising=False)
    return monkeypatch


def test_production_without_secrets_refuses_to_start(production_env):
    config = Config()
    assert config.is_production
    with pytest.raises(ConfigError) as info:
        config.check()
    assert "SECRET_KEY" in str(info.value) and "JWT_SECRET_KEY" in str(info.value)
    with pytest.raises(ConfigError):
        create_app(Config())


@pytest.mark.parametrize("secret", [DEV_SECRET, "", "too-short-secret"])
def test_production_with_weak_jwt_secret_refuses_to_start(production_env, secret):
    production_env.setenv("SECRET_KEY", "s" * 48)
    production_env.setenv("AUDIT_KEY", "k" * 48)
    production_env.setenv("JWT_SECRET_KEY", secret)
    with pytest.raises(ConfigError) as info:
        Config().check()
    assert "JWT_SECRET_KEY" in str(info.value)
    assert "SECRET_KEY and" not in str(info.value)  # only the weak one is named


@pytest.mark.parametrize("audit_key", [None, "dev-only-audit-key-change-me", "short-audit-key"])
def test_production_needs_a_real_audit_key(production_env, audit_key):
    production_env.setenv("SECRET_KEY", "s" * 48)
    production_env.setenv("JWT_SECRET_KEY", "j" * 48)
    if audit_key is not None:
        production_env.setenv("AUDIT_KEY", audit_key)
    with pytest.raises(ConfigError) as info:
        Config().check()
    assert "AUDIT_KEY" in str(info.value) and "JWT_SECRET_KEY" not in str(info.value)


def test_production_with_real_secrets_starts(production_env):
    production_env.setenv("SECRET_KEY", "a" * 48)
    production_env.setenv("JWT_SECRET_KEY", "b" * 48)
    production_env.setenv("AUDIT_KEY", "c" * 48)
    config = Config()
    config.check()
    app = create_app(config)
    try:
        assert app.config["JWT_SECRET_KEY"] == "b" * 48
    finally:
        _dispose(app)


def test_development_allows_dev_secret(monkeypatch):
    monkeypatch.delenv("TOOLKIT_ENV", raising=False)
    monkeypatch.delenv("JWT_SECRET_KEY", raising=False)
    config = Config(SQLALCHEMY_DATABASE_URI="sqlite://")
    assert not config.is_production
    assert config.JWT_SECRET_KEY == DEV_SECRET
    config.check()


def test_environment_is_read_when_config_is_made(monkeypatch):
    monkeypatch.setenv("ACCESS_TOKEN_MINUTES", "7")
    monkeypatch.setenv("MAX_BODY_BYTES", "2048")
    monkeypatch.setenv("RATELIMIT_ENABLED", "false")
    monkeypatch.setenv("CORS_ORIGINS", "https://a.example, https://b.example ,")
    config = Config(SQLALCHEMY_DATABASE_URI="sqlite://")
    assert config.JWT_ACCESS_TOKEN_EXPIRES.total_seconds() == 7 * 60
    assert config.MAX_CONTENT_LENGTH == 2048
    assert config.RATELIMIT_ENABLED is False
    assert config.CORS_ORIGINS == ["https://a.example", "https://b.example"]
    assert Config(SQLALCHEMY_DATABASE_URI="sqlite://", MAX_CONTENT_LENGTH=5).MAX_CONTENT_LENGTH == 5


@pytest.mark.parametrize("raw, expected", [("0", False), ("false", False), ("No", False), ("off", False),
                                           ("1", True), ("TRUE", True), ("yes", True), ("", True)])
def test_one_boolean_parser_for_every_switch(monkeypatch, raw, expected):
    """RATELIMIT_ENABLED=0 turns the limits off (it left them on when booleans were parsed two ways)."""
    monkeypatch.setenv("RATELIMIT_ENABLED", raw)
    monkeypatch.setenv("TRUST_PROXY", raw)
    config = Config(SQLALCHEMY_DATABASE_URI="sqlite://")
    assert config.RATELIMIT_ENABLED is expected
    assert config.TRUST_PROXY is (expected and raw != "")  # blank: its default, off


@pytest.mark.parametrize("name, raw", [("RATELIMIT_ENABLED", "maybe"), ("MAX_BODY_BYTES", "1mb"),
                                       ("DB_PING_IDLE_SECONDS", "soon")])
def test_a_value_that_does_not_parse_stops_the_start_naming_it(monkeypatch, name, raw):
    monkeypatch.setenv(name, raw)
    with pytest.raises(ConfigError, match=name):
        Config(SQLALCHEMY_DATABASE_URI="sqlite://")


@pytest.mark.parametrize("url,expected", [
    ("postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
    ("postgresql://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
    ("postgresql+psycopg://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
])
def test_database_url_normalised(url, expected):
    assert normalise_database_url(url) == expected


# --- security headers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/healthz", "/api/v1/nope", "/api/v1/me"])
def test_security_headers_on_every_response(client, path):
    r = client.get(path)
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["X-Frame-Options"] == "DENY"
    assert r.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]
    assert r.headers["X-Request-ID"]


def test_authenticated_responses_are_not_cached(client, admin):
    r = client.get("/api/v1/me", headers=admin["headers"])
    assert r.status_code == 200
    assert "no-store" in r.headers["Cache-Control"]
    assert "Strict-Transport-Security" not in r.headers  # plain http in tests


def test_hsts_over_https(client):
    r = client.get("/healthz", base_url="https://localhost")
    assert r.headers["Strict-Transport-Security"].startswith("max-age=")


def test_cors_allows_configured_origin_only(make_config):
    app = create_app(make_config(CORS_ORIGINS=["https://ui.example"]))
    try:
        client = app.test_client()
        allowed = client.options("/api/v1/participants", headers={
            "Origin": "https://ui.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Authorization, Content-Type, If-Match"})
        assert allowed.headers.get("Access-Control-Allow-Origin") == "https://ui.example"
        denied = client.options("/api/v1/participants", headers={
            "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
        assert "Access-Control-Allow-Origin" not in denied.headers
        exposed = client.get("/api/v1/me", headers={"Origin": "https://ui.example"})
        assert "ETag" in exposed.headers.get("Access-Control-Expose-Headers", "")
    finally:
        _dispose(app)


def test_spec_and_docs_are_public(client):
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    assert r.get_json()["openapi"].startswith("3.")
    assert client.get("/api/v1/docs").status_code in (200, 308)

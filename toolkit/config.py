"""Configuration from the environment, through one typed reader (environs): every variable is documented
in the README's table. Blank means unset (the default applies); a value that does not parse (`MAX_BODY_BYTES=1mb`,
`RATELIMIT_ENABLED=maybe`) stops the start with ConfigError naming the variable. Booleans have one parser:
1/true/yes/on and 0/false/no/off, any case (`flag`)."""

import os
from datetime import timedelta
from pathlib import Path

from environs import Env, EnvError
from flask import current_app

from .common.smtp_url import parse_smtp_url

ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET = "dev-only-insecure-secret-change-me"
DEV_AUDIT_KEY = "dev-only-audit-key-change-me"  # the same default as migration i15c


class ConfigError(RuntimeError):
    """The service refuses to start with this configuration."""


class EnvReader:
    """The one reader of the environment: typed getters over environs, read at call time (tests set the
    environment first). `get` reads a string, like os.environ.get, with blank meaning unset."""

    def __init__(self):
        self._env = Env(expand_vars=False)

    @staticmethod
    def _unset(name: str) -> bool:
        return os.environ.get(name, "").strip() == ""

    def _read(self, kind: str, name: str, default):
        if self._unset(name):
            return default
        try:
            return getattr(self._env, kind)(name)
        except EnvError as exc:
            raise ConfigError(f"{name}={os.environ.get(name)!r} is not a valid {kind}: {exc}") from None

    def get(self, name: str, default=None):
        return default if self._unset(name) else os.environ[name]

    def int(self, name: str, default: int) -> int:
        return self._read("int", name, default)

    def float(self, name: str, default: float) -> float:
        return self._read("float", name, default)

    def bool(self, name: str, default: bool) -> bool:
        return self._read("bool", name, default)

    def list(self, name: str) -> list[str]:
        return [item.strip() for item in (self.get(name) or "").split(",") if item.strip()]


env = EnvReader()


def flag(name: str, default: bool = False) -> bool:
    """A boolean setting (the one parser, for code outside Config too)."""
    return env.bool(name, default)


def _int(name: str, default: int) -> int:
    return env.int(name, default)


def _float(name: str, default: float) -> float:
    return env.float(name, default)


def default_database_url() -> str:
    instance = ROOT / "instance"
    instance.mkdir(exist_ok=True)
    return f"sqlite:///{instance / 'toolkit.sqlite3'}"


def normalise_database_url(url: str) -> str:
    """Accept the common `postgres://` and `postgresql://` spellings and use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class Config:
    """Read once, when the app is created (so tests can set the environment first)."""

    def __init__(self, **overrides):
        self.ENV_NAME = env.get("TOOLKIT_ENV", "development")
        self.SECRET_KEY = env.get("SECRET_KEY", DEV_SECRET)
        self.JWT_SECRET_KEY = env.get("JWT_SECRET_KEY", DEV_SECRET)
        # Keys the audit chain's HMAC: keep it outside the database (and its backups).
        self.AUDIT_KEY = env.get("AUDIT_KEY", DEV_AUDIT_KEY)
        # Every audit chain head is also appended here, outside the database (audit/anchors.py); one file per database.
        self.AUDIT_ANCHOR_PATH = env.get("AUDIT_ANCHOR_PATH") or str(ROOT / "instance" / "audit-anchors.log")
        # Audit events the database refused (an outage) wait here until appended (audit/undelivered.py).
        self.AUDIT_UNDELIVERED_PATH = env.get("AUDIT_UNDELIVERED_PATH") or str(
            ROOT / "instance" / "audit-undelivered.jsonl")
        self.SQLALCHEMY_DATABASE_URI = normalise_database_url(env.get("DATABASE_URL") or default_database_url())
        # No pre-ping on every checkout (a round trip per request): idle connections are pinged, old ones
        # recycled (toolkit/extensions.py, ToolkitSQLAlchemy).
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_recycle": _int("DB_POOL_RECYCLE_SECONDS", 1800)}
        self.DB_PING_IDLE_SECONDS = _float("DB_PING_IDLE_SECONDS", 10.0)
        self.REDIS_URL = env.get("REDIS_URL") or None
        self.CORS_ORIGINS = env.list("CORS_ORIGINS")
        self.JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=_int("ACCESS_TOKEN_MINUTES", 15))
        self.JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=_int("REFRESH_TOKEN_DAYS", 14))
        self.MAX_CONTENT_LENGTH = _int("MAX_BODY_BYTES", 1024 * 1024)
        self.SCREENING_VALIDITY_DAYS = _int("SCREENING_VALIDITY_DAYS", 0) or None  # None: the form's own
        self.CRISIS_LINE_TEXT = env.get("CRISIS_LINE_TEXT") or None
        self.LOGIN_RATE_LIMIT = env.get("LOGIN_RATE_LIMIT", "10 per minute")  # registrations, reset requests
        # Failed sign-ins: per account (by email, with backoff: each tier waits longer) and per client address
        # (high: a whole clinic may sign in from one address).
        self.LOGIN_ACCOUNT_RATE_LIMIT = env.get("LOGIN_ACCOUNT_RATE_LIMIT", "5 per minute;20 per hour;50 per day")
        self.LOGIN_ADDRESS_RATE_LIMIT = env.get("LOGIN_ADDRESS_RATE_LIMIT", "100 per minute")
        self.REFRESH_GRACE_SECONDS = _int("REFRESH_GRACE_SECONDS", 30)
        self.PASSWORD_RESET_MINUTES = _int("PASSWORD_RESET_MINUTES", 30)
        # The reset link emailed: `{token}` is replaced by the secret (default: this server's
        # /reset-password#token={token}; a fragment never reaches a server's logs or a Referer).
        self.PASSWORD_RESET_URL = env.get("PASSWORD_RESET_URL") or None
        self.PASSWORD_RESET_MIN_SECONDS = _float("PASSWORD_RESET_MIN_SECONDS", 0.25)
        self.DB_RETRY_AFTER_SECONDS = _int("DB_RETRY_AFTER_SECONDS", 5)
        self.PDF_RATE_LIMIT = env.get("PDF_RATE_LIMIT", "30 per minute")
        self.IDEMPOTENCY_KEY_HOURS = _int("IDEMPOTENCY_KEY_HOURS", 24)
        self.AGENDA_RATE_LIMIT = env.get("AGENDA_RATE_LIMIT", "120 per minute")
        self.CALENDAR_FEED_RATE_LIMIT = env.get("CALENDAR_FEED_RATE_LIMIT", "60 per minute")  # per client address
        # The participant's page (/p/{token}) and its JSON twin: requests per client address.
        self.SELF_REPORT_RATE_LIMIT = env.get("SELF_REPORT_RATE_LIMIT", "60 per minute")
        # A folder of extra page languages (<lang>/LC_MESSAGES/messages.mo) a practice adds (selfreport/i18n.py).
        self.SELF_REPORT_TRANSLATIONS = env.get("SELF_REPORT_TRANSLATIONS") or None
        # Scheduled measures: invite members whose screening will not be valid at a session this many days ahead.
        self.SELF_REPORT_LEAD_DAYS = _int("SELF_REPORT_LEAD_DAYS", 7)
        # Agendas: caps checked before rendering, and the budgets of one PDF render (agendas/layout.py).
        self.AGENDA_MAX_CHARS = _int("AGENDA_MAX_CHARS", 2_000_000)
        self.AGENDA_MAX_PDF_PAGES = _int("AGENDA_MAX_PDF_PAGES", 200)
        self.AGENDA_WAIT_PAGES = _int("AGENDA_WAIT_PAGES", 15)
        self.AGENDA_WAIT_SECONDS = _float("AGENDA_WAIT_SECONDS", 8.0)
        self.AGENDA_CACHE_HOURS = _int("AGENDA_CACHE_HOURS", 24)
        self.RENDER_SECONDS = _float("RENDER_SECONDS", 60.0)
        self.RENDER_MEMORY_MB = _int("RENDER_MEMORY_MB", 1536)
        self.RENDER_MAX_MB = _int("RENDER_MAX_MB", 50)
        # The render workers (agendas/pool.py, agendas/fairqueue.py): warm layout processes, one per core by
        # default, recycled after so many renders or so much resident memory; a cap of queued renders per
        # practice (429 past it); how long a render that timed out twice (once on an idle worker) is refused.
        self.RENDER_WORKERS = _int("RENDER_WORKERS", os.cpu_count() or 1)
        self.RENDER_RECYCLE_RENDERS = _int("RENDER_RECYCLE_RENDERS", 50)
        self.RENDER_RECYCLE_MB = _int("RENDER_RECYCLE_MB", 300)
        self.RENDER_QUEUE_PER_PRACTICE = _int("RENDER_QUEUE_PER_PRACTICE", 8)
        self.RENDER_REFUSAL_MINUTES = _int("RENDER_REFUSAL_MINUTES", 60)
        # /readyz needs a fresh heartbeat of the render consumer (toolkit/queue.py) unless tasks run eagerly
        # or this machine runs no consumer (RENDER_WORKERS=0).
        self.READY_NEEDS_CONSUMER = env.get("READY_NEEDS_CONSUMER", "auto").lower() in ("1", "true", "yes") or (
            env.get("READY_NEEDS_CONSUMER", "auto").lower() == "auto"
            and env.get("RENDER_QUEUE_IMMEDIATE", "").lower() not in ("1", "true", "yes")
            and self.RENDER_WORKERS > 0)
        # gzip for text bodies of at least this many bytes (toolkit/compression.py); 0 compresses everything.
        self.COMPRESS_MIN_BYTES = _int("COMPRESS_MIN_BYTES", 1400)
        self.COMPRESS_GZIP_LEVEL = _int("COMPRESS_GZIP_LEVEL", 5)
        # Notifications (toolkit/notifications): with SMTP_URL the worker sends the outbox, else it is kept for
        # admins; links in emails start with PUBLIC_URL, the address people open the service at.
        self.SMTP_URL = env.get("SMTP_URL") or None
        self.MAIL_FROM = env.get("MAIL_FROM") or "Inner Child Toolkit <no-reply@localhost>"
        self.PUBLIC_URL = (env.get("PUBLIC_URL") or "http://localhost:5000").rstrip("/")
        # Webhooks (toolkit/webhooks/): private, loopback and link-local targets only where this is true (a test
        # receiver on this machine); failed tries in a row before a hook is switched off; one try's time limit.
        self.WEBHOOK_ALLOW_PRIVATE = flag("WEBHOOK_ALLOW_PRIVATE", False)
        self.WEBHOOK_MAX_FAILURES = _int("WEBHOOK_MAX_FAILURES", 15)
        self.WEBHOOK_TIMEOUT_SECONDS = _float("WEBHOOK_TIMEOUT_SECONDS", 10.0)
        self.RATELIMIT_ENABLED = flag("RATELIMIT_ENABLED", True)
        self.TRUST_PROXY = flag("TRUST_PROXY", False)
        for key, value in overrides.items():
            setattr(self, key, value)

    @property
    def is_production(self) -> bool:
        return self.ENV_NAME == "production"

    def check(self) -> None:
        """Refuse to start with an SMTP_URL that cannot be read, and in production without real secrets."""
        if self.SMTP_URL:
            try:
                parse_smtp_url(self.SMTP_URL)
            except ValueError as exc:
                raise ConfigError(f"{exc} (e.g. smtp://user:pass@mail.example.org:587?starttls=true)") from None
        if not self.is_production:
            return
        weak = [k for k in ("SECRET_KEY", "JWT_SECRET_KEY", "AUDIT_KEY")
                if getattr(self, k) in (None, "", DEV_SECRET, DEV_AUDIT_KEY) or len(getattr(self, k)) < 32]
        if weak:
            raise ConfigError(
                f"TOOLKIT_ENV=production needs real secrets: set {', '.join(weak)} "
                "to random strings of at least 32 characters (e.g. `python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))'`)."
            )


def setting(name: str, default=None):
    """A setting of the running app (its Config, read once at start): how services, tasks and rules' callers
    read configuration, so none of them reaches into Flask's objects for it."""
    return current_app.config.get(name, default)

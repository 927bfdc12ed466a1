"""`SMTP_URL`, read once where the configuration is checked (a wrong one stops the start) and by the
notifications' worker (toolkit/notifications/delivery.py). Plain Python."""

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    ssl: bool  # smtps://: TLS from the first byte
    starttls: bool  # smtp://...?starttls=true: upgrade with STARTTLS before logging in
    username: str | None
    password: str | None
    timeout: float


def parse_smtp_url(url: str) -> SmtpSettings:
    """`smtp://user:pass@host:587?starttls=true` or `smtps://user:pass@host:465` (user and password
    percent-encoded; `timeout=SECONDS` optional). Raises ValueError naming what is wrong."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("smtp", "smtps"):
        raise ValueError("SMTP_URL must start with smtp:// or smtps://")
    if not parts.hostname:
        raise ValueError("SMTP_URL names no host")
    query = {k.lower(): v[-1].lower() for k, v in parse_qs(parts.query).items()}
    unknown = set(query) - {"starttls", "timeout"}
    if unknown:
        raise ValueError(f"SMTP_URL has unknown parameters: {', '.join(sorted(unknown))}")
    starttls = query.get("starttls", "false") in ("1", "true", "yes")
    if scheme == "smtps" and starttls:
        raise ValueError("smtps:// is TLS already: leave out starttls")
    try:
        port = parts.port or (465 if scheme == "smtps" else 587 if starttls else 25)
        timeout = float(query.get("timeout", "20"))
    except ValueError as exc:
        raise ValueError(f"SMTP_URL: {exc}") from None
    return SmtpSettings(host=parts.hostname, port=port, ssl=scheme == "smtps", starttls=starttls,
                        username=unquote(parts.username) if parts.username else None,
                        password=unquote(parts.password) if parts.password else None, timeout=timeout)

"""gunicorn's access log, safe against forged lines: a `%0a` (or any control character) in the URL is
written escaped, so a client cannot start a new log line. `boot.sh` passes `--logger-class` with this."""

import ctypes
import re

from gunicorn.glogging import Logger

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(value: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", value)


# A calendar feed's secret token is its path (calendar apps send no header): the log keeps the path, not the key.
# The same for a participant's link (/p/{token}, and its JSON twin /api/v1/self-report/{token}/...).
_FEED_TOKEN = re.compile(r"(/calendar-feeds/|/self-report/|(?:^|(?<=[\s\"]))/p/(?!assets/))[^/?#\s\"]+")


def redact_secrets(value: str) -> str:
    return _FEED_TOKEN.sub(r"\1[token]", value)


class AccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: escape_controls(redact_secrets(value)) if isinstance(value, str) else value
                for key, value in atoms.items()}


def die_with_parent(sig: int = 15) -> None:
    """Ask Linux to send `sig` to this process when its parent dies (PR_SET_PDEATHSIG)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, sig)
    except (OSError, AttributeError):  # not Linux: nothing to arm
        pass


# gunicorn settings (`gunicorn --config python:toolkit.serving`).
logger_class = "toolkit.serving.AccessLogger"


def post_fork(server, worker):
    """A worker whose master was killed (SIGKILL, OOM) exits at once instead of keeping the socket open."""
    die_with_parent()

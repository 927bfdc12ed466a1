"""Domain errors: what a service refuses, said in plain Python (no Flask, no HTTP).

Each kind carries the status it answers with on the web floor, where toolkit/http_errors.py maps every one
of them, once, to the one JSON error shape. The CLI, the workers and the tests catch `DomainError`.
"""

# The media type of every error answer (RFC 9457 problem details), on the web floor and in the spec.
PROBLEM_JSON = "application/problem+json"


class DomainError(Exception):
    """A rule a service enforces, said without HTTP: the app maps each kind to one status, once.

    Services raise these (never `abort()`), so the CLI, the workers and the tests get plain exceptions
    with a message a person can act on and, where useful, per-field `errors`.
    """

    status = 400

    def __init__(self, message: str, *, errors: dict | None = None, headers: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors
        self.headers = headers


class NotFound(DomainError):
    status = 404


class Forbidden(DomainError):
    status = 403


class Conflict(DomainError):
    status = 409


class PreconditionFailed(DomainError):
    """The record changed since the caller's ETag (If-Match is stale)."""

    status = 412


class PreconditionRequired(DomainError):
    """A write that needs If-Match came without one."""

    status = 428


class Invalid(DomainError):
    """The request is well formed but breaks a rule (bad field values, unknown ids in a body)."""

    status = 422


class BadRequest(DomainError):
    status = 400

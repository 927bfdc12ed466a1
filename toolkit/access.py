"""Authentication, owned plainly (issue 33 point 2): PyJWT verifies the bearer token, the accounts package
says who the login belongs to, and `current_therapist()` hands out the caller, typed.

* `auth_required` is the one decorator every operation uses: a valid access token (or, where asked, a refresh
  token), and for some operations the admin role (403). Where the practice requires two-factor sign-in and the
  caller has not enrolled, only the operations marked `enrolling=True` are open (403 elsewhere).
* A token is checked for signature, algorithm, expiry, type and claims, then its login (`sid`) must be live:
  the accounts package registers the loader as the app extension `toolkit.logins` (toolkit/auth/logins.py),
  one Core query for login, therapist and practice, which also scopes the session to the practice.
* Every problem is a 401 in the one error shape with `WWW-Authenticate: Bearer`.

It imports nothing of the toolkit, so every area's resources, the audit trail's included, stand above it.
"""

import time
from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn, Protocol

import jwt as pyjwt
from flask import current_app, g, request
from flask_smorest import abort
from werkzeug.local import LocalProxy

LOGINS = "toolkit.logins"  # app.extensions key: (claims) -> the caller, or None when the login is not live
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="api"'}


class Caller(Protocol):
    """What every caller has (toolkit.auth.services.Caller is the one the accounts package returns)."""

    id: str
    practice_id: str
    role: str
    login_id: str
    must_enrol_totp: bool


def current_therapist() -> Any:
    """The authenticated caller of this request (`toolkit.auth.services.Caller`)."""
    caller = g.get("therapist")
    if caller is None:
        raise RuntimeError("current_therapist() outside an authenticated request (use @auth_required)")
    return caller


# For resources that read the caller as an object: `current_user.id`, `actor=current_user`.
current_user: Any = LocalProxy(current_therapist)


def token_claims() -> dict:
    """The verified token's claims (`sid` the login, `rid` a refresh token's id)."""
    return g.token_claims


def _unauthorized(message: str) -> NoReturn:
    abort(401, message=message, headers=_CHALLENGE)
    raise AssertionError("abort() raises")


def _bearer() -> str | None:
    parts = request.headers.get("Authorization", "").split()
    return parts[1] if len(parts) == 2 and parts[0] == "Bearer" else None


# Tokens this worker has verified: token -> claims. A client sends the same access token on every request for
# its lifetime; PyJWT's checks (signature, a strict base64 pass over every character, claims) then run once per
# token and worker, while expiry, type and the login's liveness are checked on every request. Bounded, and
# keyed by the token itself, so a tampered copy is verified afresh (and refused).
_VERIFIED: dict[str, dict] = {}
_VERIFIED_MAX = 4096


def _claims_of(token: str) -> dict:
    config = current_app.config
    claims = _VERIFIED.get(token)
    if claims is None:
        try:
            claims = pyjwt.decode(token, config["JWT_SECRET_KEY"], algorithms=config["JWT_DECODE_ALGORITHMS"],
                                  options={"require": ["exp", "sub", "type", "sid"]})
        except pyjwt.ExpiredSignatureError:
            _unauthorized("The token has expired: refresh it or log in again.")
        except pyjwt.PyJWTError:
            _unauthorized("The token is invalid.")
        if len(_VERIFIED) >= _VERIFIED_MAX:
            _VERIFIED.clear()
        _VERIFIED[token] = claims
    if claims["exp"] <= time.time():
        _VERIFIED.pop(token, None)
        _unauthorized("The token has expired: refresh it or log in again.")
    return claims


def authenticate(*, kind: str | None = "access") -> Caller:
    """Verify the request's bearer token (`kind`: access, refresh, or None for either) and its login; the caller
    is then `current_therapist()`. Aborts with 401 otherwise."""
    token = _bearer()
    if token is None or len(token) > 4096:
        _unauthorized("Authentication required: send 'Authorization: Bearer <access token>'."
                      if token is None else "The token is invalid.")
    claims = _claims_of(token)
    if kind is not None and claims.get("type") != kind:
        _unauthorized(f"Only {kind} tokens are allowed here.")
    load: Callable[[dict], Any] = current_app.extensions[LOGINS]
    caller = load(claims)
    if caller is None:
        _unauthorized("The token is no longer valid (logged out or account deactivated).")
    g.therapist, g.token_claims, g.token_type = caller, claims, claims.get("type")
    return caller


def auth_required(fn=None, *, admin: bool = False, refresh: bool = False, verify_type: bool = True,
                  enrolling: bool = False):
    """Require a valid access token (`refresh=True`: a refresh token; `verify_type=False`: either);
    `admin=True` also requires the admin role (403); `enrolling=True` keeps the operation open to a login that
    must still enrol in two-factor sign-in."""
    kind = None if not verify_type else ("refresh" if refresh else "access")

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            caller = g.get("therapist")
            if caller is None or g.get("token_type") != kind or kind is None:
                caller = authenticate(kind=kind)  # unless this request was authenticated already
            if kind == "access" and not enrolling and caller.must_enrol_totp:
                abort(403, message="Your practice requires two-factor sign-in: enrol first (POST /me/totp, then "
                                   "POST /me/totp/confirm with a code).")
            if admin and caller.role != "admin":
                abort(403, message="Only a practice admin may do this.")
            return view(*args, **kwargs)

        wrapper._auth_required = True
        return wrapper

    return decorator(fn) if fn is not None else decorator

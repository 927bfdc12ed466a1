"""Access to an operation: `auth_required`, the one decorator every resource uses. A valid access token (or
refresh token, where asked), verified by flask-jwt-extended's documented `verify_jwt_in_request()` with the
loaders in toolkit/auth/jwt.py, which also scope the request to its practice; for some operations the admin
role. `current_therapist()` is the caller, typed.

It imports nothing of the toolkit, so every area's resources, the audit trail's included, stand above it.
"""

from functools import wraps
from typing import Any

from flask import g
from flask_jwt_extended import get_current_user, get_jwt, verify_jwt_in_request
from flask_smorest import abort


def current_therapist() -> Any:
    """The authenticated caller (`toolkit.auth.services.Caller`: id, practice_id, role, login_id, ...)."""
    return get_current_user()


def token_claims() -> dict:
    """The verified token's claims (`sid` the login, `rid` a refresh token's id)."""
    return get_jwt()


def auth_required(fn=None, *, admin: bool = False, refresh: bool = False, verify_type: bool = True,
                  enrolling: bool = False):
    """Require a valid access token (or refresh token); `admin=True` also requires the admin role (403).

    Where the practice requires two-factor sign-in and the caller has not enrolled yet, only the operations
    marked `enrolling=True` (enrolment itself, /me, one's logins and password) are open: the rest answer 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not (verify_type and not refresh and g.get("token_type") == "access" and g.get("therapist")):
                verify_jwt_in_request(refresh=refresh, verify_type=verify_type)  # unless verified already
            caller = current_therapist()
            if not (enrolling or refresh or not verify_type) and caller.must_enrol_totp:
                abort(403, message="Your practice requires two-factor sign-in: enrol first (POST /me/totp, then "
                                   "POST /me/totp/confirm with a code).")
            if admin and caller.role != "admin":
                abort(403, message="Only a practice admin may do this.")
            return view(*args, **kwargs)

        wrapper._auth_required = True
        return wrapper

    return decorator(fn) if fn is not None else decorator

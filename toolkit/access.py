"""Access to an operation: a valid access token (verified by flask-jwt-extended with the loaders in
toolkit/auth/jwt.py, which also scope the request to its practice), and for some operations the admin role.

It imports nothing of the toolkit, so every area's resources, the audit trail's included, stand above it.
The hot path of a plain access token (parsed once, one Core query for login, therapist and practice) is
handed in by toolkit/auth/jwt.py with `use_fast_path`; anything it does not accept goes through
flask-jwt-extended's `verify_jwt_in_request`, which answers the token's problem with those loaders.
"""

from collections.abc import Callable
from functools import wraps

from flask import g
from flask_jwt_extended import current_user, verify_jwt_in_request
from flask_smorest import abort

_fast_path: list[Callable[[], bool]] = []


def use_fast_path(verify: Callable[[], bool]) -> None:
    """Set the verifier tried first for access tokens: True when it authenticated the request."""
    _fast_path[:] = [verify]


def _fast() -> bool:
    return bool(_fast_path) and _fast_path[0]()


def auth_required(fn=None, *, admin: bool = False, refresh: bool = False, verify_type: bool = True):
    """Require a valid access token (or refresh token); `admin=True` also requires the admin role (403)."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if refresh or not verify_type:
                verify_jwt_in_request(refresh=refresh, verify_type=verify_type)
            elif g.get("therapist") is None and not _fast():
                verify_jwt_in_request()
            if admin and current_user.role != "admin":
                abort(403, message="Only a practice admin may do this.")
            return view(*args, **kwargs)

        wrapper._auth_required = True
        return wrapper

    return decorator(fn) if fn is not None else decorator

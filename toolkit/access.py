"""Access to an operation: a valid access token (verified by flask-jwt-extended with the loaders in
toolkit/auth/jwt.py, which also scope the request to its practice), and for some operations the admin role.

It imports nothing of the toolkit, so every area's resources, the audit trail's included, stand above it.
"""

from functools import wraps

from flask import g
from flask_jwt_extended import current_user, verify_jwt_in_request
from flask_smorest import abort


def auth_required(fn=None, *, admin: bool = False, refresh: bool = False, verify_type: bool = True):
    """Require a valid access token (or refresh token); `admin=True` also requires the admin role (403)."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if refresh or not verify_type or g.get("therapist") is None:
                verify_jwt_in_request(refresh=refresh, verify_type=verify_type)
            if admin and current_user.role != "admin":
                abort(403, message="Only a practice admin may do this.")
            return view(*args, **kwargs)

        wrapper._auth_required = True
        return wrapper

    return decorator(fn) if fn is not None else decorator

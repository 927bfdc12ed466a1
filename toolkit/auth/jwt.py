"""flask-jwt-extended, used as its documentation says: every token problem is a 401 in the one error shape,
revocations live in the database (every instance honours them), and an authenticated request is scoped to its
practice.

`verify_jwt_in_request()` (called by `toolkit.access.auth_required`) decodes and checks the token, then asks
`token_in_blocklist_loader` whether it is revoked: that loader reads the login, its therapist and practice
with one Core query (`load_login`). `user_lookup_loader`, which the library calls last, once every check has
passed, hands that caller out as `current_user`, keeps it on `g.therapist` (with the token's type on
`g.token_type`) and scopes the session to the practice. Nothing here touches the library's private state."""

from flask import g

from ..extensions import db, jwt
from ..http_errors import error_response
from ..tenancy import set_practice
from .services import load_login


def _unauthorized(message: str):
    return error_response(401, message, headers={"WWW-Authenticate": 'Bearer realm="api"'})


@jwt.token_in_blocklist_loader
def _is_revoked(jwt_header, jwt_payload) -> bool:
    found = load_login(jwt_payload.get("sid"))
    if found is None or found.id != jwt_payload.get("sub"):
        return True
    g.login_found = found
    return False


@jwt.user_lookup_loader
def _lookup(jwt_header, jwt_payload):
    therapist = g.pop("login_found", None)
    if therapist is not None:
        g.therapist, g.token_type = therapist, jwt_payload.get("type")
        set_practice(db.session, therapist.practice_id)
    return therapist


@jwt.unauthorized_loader
def _missing(reason):
    return _unauthorized("Authentication required: send 'Authorization: Bearer <access token>'.")


@jwt.invalid_token_loader
def _invalid(reason):
    return _unauthorized("The token is invalid.")


@jwt.expired_token_loader
def _expired(jwt_header, jwt_payload):
    return _unauthorized("The token has expired: refresh it or log in again.")


@jwt.revoked_token_loader
def _revoked(jwt_header, jwt_payload):
    return _unauthorized("The token is no longer valid (logged out or account deactivated).")


@jwt.user_lookup_error_loader
def _lookup_error(jwt_header, jwt_payload):
    return _unauthorized("The token is no longer valid.")


@jwt.needs_fresh_token_loader
def _needs_fresh(jwt_header, jwt_payload):
    return _unauthorized("This action needs a fresh login.")


@jwt.token_verification_failed_loader
def _verification_failed(jwt_header, jwt_payload):
    return _unauthorized("The token is invalid.")

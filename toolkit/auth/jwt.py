"""flask-jwt-extended wiring: every token problem is a 401 in the one error shape, revocations live
in the database (every instance honours them), and an authenticated request is scoped to its practice.

The hot path (`_verify_access_token`): a well-formed, valid access token is parsed once (PyJWT's
`decode_complete`: header, claims and signature in one pass) and its login, therapist and practice are read
with one Core query. Anything else (no token, a bad one, a refresh token, a revoked login) goes through
flask-jwt-extended's own `verify_jwt_in_request`, which answers with the error loaders below."""

import time

import jwt as pyjwt
from flask import g, request
from flask_jwt_extended.config import config as jwt_config

from ..access import auth_required, use_fast_path
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
    g.therapist = found
    return False


@jwt.user_lookup_loader
def _lookup(jwt_header, jwt_payload):
    therapist = g.get("therapist")
    if therapist is not None:
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


def _bearer_token() -> str | None:
    parts = request.headers.get("Authorization", "").split()
    return parts[1] if len(parts) == 2 and parts[0] == "Bearer" else None


def _verify_access_token() -> bool:
    """True when the request carries a valid, live access token; the caller is then on `g` as
    flask-jwt-extended would leave it (`current_user`, `get_jwt()`) and the session is scoped to the
    practice. False for anything else, which the caller hands to flask-jwt-extended for the error."""
    token = _bearer_token()
    if token is None or jwt_config.decode_audience is not None or jwt_config.decode_issuer is not None:
        return False
    decoded = _decode(token)
    if decoded is None:
        return False
    header, claims = decoded
    if claims.get("type", "access") != "access" or not isinstance(claims.get(jwt_config.identity_claim_key), str):
        return False
    caller = load_login(claims.get("sid"))
    if caller is None or caller.id != claims[jwt_config.identity_claim_key]:
        return False
    g.therapist = caller
    g._jwt_extended_jwt_user = {"loaded_user": caller}
    g._jwt_extended_jwt_header = header
    g._jwt_extended_jwt = claims
    g._jwt_extended_jwt_location = "headers"
    set_practice(db.session, caller.practice_id)
    return True


# Tokens this worker has verified: (token, key) -> (header, claims). A client sends the same access token on
# every request for its lifetime; PyJWT's checks (signature, base64 alphabet character by character, claims)
# then run once per token and worker, while expiry and the login's liveness are checked on every request.
_VERIFIED: dict[tuple[str, str], tuple[dict, dict]] = {}
_VERIFIED_MAX = 4096


def _decode(token: str) -> tuple[dict, dict] | None:
    """The token's header and claims if it verifies (signature, algorithm, claims) and has not expired."""
    key = (token, jwt_config.decode_key)
    known = _VERIFIED.get(key)
    if known is not None:
        if _in_time(known[1]):
            return known[0], dict(known[1])
        _VERIFIED.pop(key, None)
        return None
    try:
        decoded = pyjwt.api_jwt.decode_complete(token, jwt_config.decode_key, algorithms=jwt_config.decode_algorithms,
                                                leeway=jwt_config.leeway, options={"verify_sub": jwt_config.verify_sub})
    except pyjwt.PyJWTError:
        return None
    claims = {"fresh": False, "jti": None, **decoded["payload"]}
    if len(_VERIFIED) >= _VERIFIED_MAX:
        _VERIFIED.clear()
    _VERIFIED[key] = (decoded["header"], claims)
    return decoded["header"], dict(claims)


def _in_time(claims: dict) -> bool:
    now, leeway = time.time(), jwt_config.leeway
    exp, nbf = claims.get("exp"), claims.get("nbf")
    return (exp is None or now < exp + leeway) and (nbf is None or nbf <= now + leeway)


use_fast_path(_verify_access_token)

__all__ = ["auth_required"]  # the resources' decorator (toolkit/access.py), importable from here

"""What a login is handed: its JWT pair, and the one-time secrets of an account (reset links).

A pair is a pure function of the login, its refresh token id and the moment that id was issued (PyJWT, HS256:
the issue time, expiry and `jti` are set from them), so the same inputs give the same two strings. That is how
a refresh repeated within the grace window answers with the very pair the first one got, without storing any
token. toolkit/access.py verifies them."""

import hashlib
import secrets
from datetime import datetime

import jwt as pyjwt
from flask import current_app


def token_pair(therapist, *, login_id: str, refresh_id: str, issued_at: datetime) -> tuple[str, str]:
    """(access token, refresh token) for one login. Claims: `sid` (the login), `pid` (practice), `role`, and in
    the refresh token `rid`, the refresh id the login holds as current."""
    at = int(issued_at.timestamp())
    config = current_app.config
    base = {"fresh": False, "iat": at, "nbf": at, "sub": therapist.id, "sid": login_id,
            "pid": therapist.practice_id, "role": therapist.role}
    access = {**base, "type": "access", "jti": f"{refresh_id}.a",
              "exp": at + int(config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds())}
    refresh = {**base, "type": "refresh", "jti": f"{refresh_id}.r", "rid": refresh_id,
               "exp": at + int(config["JWT_REFRESH_TOKEN_EXPIRES"].total_seconds())}
    key, algorithm = config["JWT_SECRET_KEY"], config["JWT_ALGORITHM"]
    return pyjwt.encode(access, key, algorithm=algorithm), pyjwt.encode(refresh, key, algorithm=algorithm)


def new_secret() -> tuple[str, str]:
    """A 256-bit URL-safe secret and the SHA-256 that is stored in its place."""
    secret = secrets.token_urlsafe(32)
    return secret, hash_secret(secret)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()

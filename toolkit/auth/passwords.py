"""Password hashing with argon2id.

Parameters follow OWASP's Password Storage Cheat Sheet (argon2id, m=19 MiB, t=2, p=1): as strong as
its first option while each hash needs 19 MiB instead of argon2-cffi's default 64 MiB, which keeps a
sync worker's peak memory low. Hashes carry their parameters, so older hashes still verify."""

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
_DUMMY_HASH = None


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("not-a-real-password-for-timing")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Verifies against a dummy hash when no account matches, so an unknown email takes as long as a
    wrong password."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH or _dummy_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False

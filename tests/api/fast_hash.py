"""A cheap argon2 hasher for API tests (import the autouse fixture into a test module).

The real parameters cost about 0.1 s per hash or verify; every `register`/`login` pays it twice,
which dominated these tests' run time. The hashing itself is still argon2 and still verified."""

import pytest
from argon2 import PasswordHasher


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    from toolkit.auth import passwords

    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords, "_hasher", hasher)
    monkeypatch.setattr(passwords, "_DUMMY_HASH", hasher.hash("not-a-real-password-for-timing"))

"""Several instances (the documented way to scale out): two real gunicorn processes against one
PostgreSQL database share logins, logouts, rate limits (through Redis) and the If-Match versions; a
worker or a whole instance killed with SIGKILL loses no committed data. Every process is stopped in
fixture teardown, and every wait is bounded."""

import os
import random
import signal
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
import requests

from tests.conftest import PASSWORD
from tests.helpers import assert_error
from tests.security.support import API, Gunicorn, run_together

JWT_SECRET = f"multi-instance-test-secret-{uuid.uuid4().hex}"
REDIS_URL = "redis://127.0.0.1:6379/11"
TIMEOUT = 30


def redis_reachable() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:  # noqa: BLE001 - any failure means: not reachable
        return False


def instance_env(url: str, **extra) -> dict:
    env = {key: value for key, value in os.environ.items()
           if key not in ("REDIS_URL", "TEST_DATABASE_URL", "LOGIN_RATE_LIMIT", "LOGIN_ACCOUNT_RATE_LIMIT",
                          "LOGIN_ADDRESS_RATE_LIMIT", "PDF_RATE_LIMIT")}
    env.update({"DATABASE_URL": url, "JWT_SECRET_KEY": JWT_SECRET, "SECRET_KEY": JWT_SECRET, "TOOLKIT_ENV": "test",
                "RATELIMIT_ENABLED": "false", "TRUST_PROXY": "true"})
    env.update(extra)
    return env


def start(env: dict, log_dir: Path, count: int, started: list, workers: int = 1) -> list[Gunicorn]:
    fresh = [Gunicorn(env, log_dir, workers=workers) for _ in range(count)]
    started.extend(fresh)
    for instance in fresh:
        instance.wait_ready()
    return fresh


@pytest.fixture(scope="module")
def pair(database, tmp_path_factory):
    """Two instances for this module (they keep no state, so tests share them). With Redis reachable they
    share rate limits there: 3 failed sign-ins a minute for one account."""
    if database[0] != "postgresql":
        pytest.skip("needs PostgreSQL: set TEST_DATABASE_URL (CI runs the suite again on PostgreSQL)")
    extra = {"REDIS_URL": REDIS_URL, "RATELIMIT_ENABLED": "true", "LOGIN_ACCOUNT_RATE_LIMIT": "3 per minute"} \
        if redis_reachable() else {}
    started: list[Gunicorn] = []
    try:
        yield start(instance_env(database[1], **extra), tmp_path_factory.mktemp("gunicorn"), 2, started)
    finally:
        for instance in started:
            instance.stop()


@pytest.fixture
def servers(pair, db_url):
    """The pair, for one test's database state (db_url empties the database after the test)."""
    for instance in pair:
        assert instance.proc.poll() is None, instance.output()
    return [instance.url for instance in pair]


@pytest.fixture
def launcher(on_postgres, db_url, tmp_path):
    """launch(count, workers=1) -> fresh instances of this test's own; all stopped at teardown."""
    started: list[Gunicorn] = []

    def launch(count=1, workers=1, **extra):
        return start(instance_env(db_url, **extra), tmp_path, count, started, workers=workers)

    try:
        yield launch
    finally:
        for instance in started:
            instance.stop()


def login(base: str, email: str, password: str = PASSWORD, ip: str = "10.20.0.1"):
    return requests.post(f"{base}{API}/auth/login", json={"email": email, "password": password},
                         headers={"X-Forwarded-For": ip}, timeout=TIMEOUT)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


class Http:
    """requests' responses seen through tests.helpers.assert_error (which reads .status_code, .mimetype,
    .get_json() and .get_data())."""

    def __init__(self, response):
        self.response = response
        self.status_code = response.status_code
        self.mimetype = response.headers.get("Content-Type", "").split(";")[0].strip()

    def get_json(self):
        return self.response.json()

    def get_data(self, as_text=False):
        return self.response.text


def assert_http_error(response, code):
    return assert_error(Http(response), code)


def test_a_token_from_one_instance_works_on_the_other_and_logout_is_shared(servers, admin):
    a, b = servers
    r = login(a, admin["email"])
    assert r.status_code == 200, r.text
    tokens = r.json()
    me = requests.get(f"{b}{API}/me", headers=bearer(tokens["access_token"]), timeout=TIMEOUT)
    assert me.status_code == 200 and me.json()["id"] == admin["therapist_id"]
    refreshed = requests.post(f"{b}{API}/auth/refresh", headers=bearer(tokens["refresh_token"]), timeout=TIMEOUT)
    assert refreshed.status_code == 200
    refreshed_access = refreshed.json()["access_token"]
    assert requests.get(f"{a}{API}/me", headers=bearer(refreshed_access), timeout=TIMEOUT).status_code == 200
    other_device = login(b, admin["email"]).json()

    logout = requests.post(f"{a}{API}/auth/logout", headers=bearer(tokens["access_token"]), timeout=TIMEOUT)
    assert logout.status_code == 204
    for base in (b, a):  # honoured at once by the other instance (revocations live in the database)
        for token in (tokens["access_token"], refreshed_access):
            assert_http_error(requests.get(f"{base}{API}/me", headers=bearer(token), timeout=TIMEOUT), 401)
        assert_http_error(requests.post(f"{base}{API}/auth/refresh", headers=bearer(tokens["refresh_token"]),
                                        timeout=TIMEOUT), 401)
        # The same therapist's other login goes on.
        assert requests.get(f"{base}{API}/me", headers=bearer(other_device["access_token"]),
                            timeout=TIMEOUT).status_code == 200


def test_concurrent_if_match_patches_through_both_instances_have_one_winner(servers, admin, create_participant):
    a, b = servers
    token = login(a, admin["email"]).json()["access_token"]
    participant = create_participant(display_name="Original")
    path = f"{API}/participants/{participant['id']}"
    etag = requests.get(f"{b}{path}", headers=bearer(token), timeout=TIMEOUT).headers["ETag"]
    headers = {**bearer(token), "If-Match": etag}

    results = run_together(12, lambda i: requests.patch(f"{servers[i % 2]}{path}", headers=headers,
                                                        json={"display_name": f"W{i}"}, timeout=TIMEOUT))
    assert not [r for r in results if isinstance(r, Exception)], results
    counts = Counter(r.status_code for r in results)
    assert counts == {200: 1, 412: 11}, counts
    winner = next(r for r in results if r.status_code == 200).json()
    for base in servers:
        assert requests.get(f"{base}{path}", headers=bearer(token), timeout=TIMEOUT).json()["display_name"] == \
            winner["display_name"]


def test_read_modify_write_loops_through_both_instances_lose_nothing(servers, admin, create_participant):
    """Two editors, one per instance, each add 8 words to the notes with GET + PATCH If-Match, retrying on
    412: every word of both is in the final notes."""
    token = login(servers[0], admin["email"]).json()["access_token"]
    participant = create_participant(display_name="Shared", notes="")
    path = f"{API}/participants/{participant['id']}"

    def editor(i):
        base, added, attempts = servers[i], 0, 0
        while added < 8:
            attempts += 1
            assert attempts < 200, "too many retries"
            r = requests.get(f"{base}{path}", headers=bearer(token), timeout=TIMEOUT)
            notes = (r.json()["notes"] or "") + f" e{i}-{added}"
            w = requests.patch(f"{base}{path}", headers={**bearer(token), "If-Match": r.headers["ETag"]},
                               json={"notes": notes}, timeout=TIMEOUT)
            assert w.status_code in (200, 412), w.text
            added += w.status_code == 200
        return attempts

    results = run_together(2, editor)
    assert not [r for r in results if isinstance(r, Exception)], results
    notes = requests.get(f"{servers[1]}{path}", headers=bearer(token), timeout=TIMEOUT).json()["notes"].split()
    assert sorted(notes) == sorted(f"e{i}-{n}" for i in range(2) for n in range(8))


def test_failed_logins_are_counted_across_instances_through_redis(servers, admin):
    if not redis_reachable():
        pytest.skip(f"Redis is not reachable at {REDIS_URL}: shared rate limits cannot be shown")
    a, b = servers
    ip = f"10.{random.randint(30, 250)}.{random.randint(0, 255)}.{random.randint(1, 254)}"  # a fresh client
    for base in (a, b, a):
        assert_http_error(login(base, admin["email"], "wrong-password-here", ip=ip), 401)
    for base in (b, a):
        r = login(base, admin["email"], "wrong-password-here", ip=ip)
        assert_http_error(r, 429)
        assert int(r.headers["Retry-After"]) > 0
    # The right password is refused too for a while: the account is being guessed at.
    assert_http_error(login(b, admin["email"], ip=ip), 429)


def worker_pids(instance: Gunicorn) -> list[int]:
    path = Path(f"/proc/{instance.proc.pid}/task/{instance.proc.pid}/children")
    return [int(pid) for pid in path.read_text().split()]


def wait_for(predicate, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def assert_all_there(base: str, committed: list[str], headers: dict) -> None:
    """Every answered 201 is stored, and every stored participant is whole: none lacks the audit event
    written in the same transaction (a request killed midway left nothing; one killed after its commit
    may exist unanswered: at most one per kill, as the writer has one request in flight)."""
    for participant_id in committed:
        r = requests.get(f"{base}{API}/participants/{participant_id}", headers=headers, timeout=TIMEOUT)
        assert r.status_code == 200, (participant_id, r.text)
    listed = requests.get(f"{base}{API}/participants", headers=headers, params={"page_size": 100}, timeout=TIMEOUT)
    stored = {p["id"] for p in listed.json()}
    assert set(committed) <= stored and len(stored) <= len(committed) + 2, (len(stored), len(committed))
    created = requests.get(f"{base}{API}/audit-events", headers=headers, timeout=TIMEOUT,
                           params={"record_type": "participant", "action": "create", "page_size": 100}).json()
    assert {e["record_id"] for e in created} == stored


def test_killed_workers_and_instances_lose_no_committed_data(launcher, servers, client, admin):
    (instance,) = launcher(1)
    headers = bearer(login(instance.url, admin["email"]).json()["access_token"])
    committed: list[str] = []
    stop = threading.Event()

    def writer():
        n = 0
        while not stop.is_set() and n < 90:
            n += 1
            try:
                r = requests.post(f"{instance.url}{API}/participants", headers=headers,
                                  json={"display_name": f"Kill {n}", "notes": "x" * 2000}, timeout=10)
            except requests.RequestException:
                time.sleep(0.05)
                continue
            if r.status_code == 201:
                committed.append(r.json()["id"])

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        # 1. SIGKILL the worker right after a committed 201: the master starts a new one, which serves on.
        assert wait_for(lambda: len(committed) >= 5), instance.output()
        victim = worker_pids(instance)[0]
        os.kill(victim, signal.SIGKILL)
        seen = len(committed)
        assert wait_for(lambda: len(committed) >= seen + 5), instance.output()
        assert victim not in worker_pids(instance)
        # 2. SIGKILL the whole instance (master and worker) right after a committed 201.
        seen = len(committed)
        assert wait_for(lambda: len(committed) > seen), instance.output()
        instance.kill()
    finally:
        stop.set()
        thread.join(timeout=TIMEOUT)
    assert not thread.is_alive() and len(committed) >= 11
    # The other instances of the service (same database) have every committed record.
    assert_all_there(servers[0], committed, bearer(login(servers[0], admin["email"]).json()["access_token"]))
    verify = client.application.test_cli_runner().invoke(args=["audit", "verify"])
    assert verify.exit_code == 0, verify.output

"""The background queue's storage: embedded SQLite by default, Redis when REDIS_URL is set."""

import pytest
from huey import RedisHuey, SqliteHuey

from toolkit.queue import make_huey

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_reachable() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:  # noqa: BLE001 - any failure means: not reachable
        return False


def test_sqlite_by_default_in_the_given_file(monkeypatch, tmp_path):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("RENDER_QUEUE_IMMEDIATE", "false")
    monkeypatch.setenv("RENDER_QUEUE_PATH", str(tmp_path / "q" / "queue.sqlite3"))
    queue = make_huey()
    assert isinstance(queue, SqliteHuey) and not queue.immediate
    queue.enqueue(queue.task()(lambda: None).s())
    assert (tmp_path / "q" / "queue.sqlite3").exists() and queue.pending_count() == 1


def test_redis_when_redis_url_is_set(monkeypatch):
    if not redis_reachable():
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")
    monkeypatch.setenv("REDIS_URL", REDIS_URL)
    monkeypatch.setenv("RENDER_QUEUE_IMMEDIATE", "false")
    queue = make_huey()
    assert isinstance(queue, RedisHuey)
    queue.flush()
    try:
        queue.enqueue(queue.task(name="probe")(lambda: None).s())
        assert queue.pending_count() == 1
        assert queue.dequeue() is not None and queue.pending_count() == 0
    finally:
        queue.flush()


def test_the_queue_file_and_its_wal_are_the_owners_only(monkeypatch, tmp_path):
    import os
    import stat

    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("RENDER_QUEUE_IMMEDIATE", "false")
    path = tmp_path / "queue.sqlite3"
    path.write_bytes(b"")
    os.chmod(path, 0o644)  # a file left by an older version
    monkeypatch.setenv("RENDER_QUEUE_PATH", str(path))
    queue = make_huey()
    queue.enqueue(queue.task(name="probe")(lambda key: None).s("an-id"))
    files = [p for p in tmp_path.iterdir() if p.name.startswith("queue.sqlite3")]
    assert {p.name for p in files} >= {"queue.sqlite3", "queue.sqlite3-wal", "queue.sqlite3-shm"}
    assert {p.name: stat.S_IMODE(os.stat(p).st_mode) for p in files} == {p.name: 0o600 for p in files}


def test_the_consumer_heartbeat_is_fresh_only_while_recent_and_its_process_lives(tmp_path):
    import os
    import subprocess
    import time

    from toolkit.queue import HEARTBEAT_STALE_SECONDS, heartbeat_fresh, read_heartbeat, write_heartbeat

    path = str(tmp_path / "beat")
    assert heartbeat_fresh(read_heartbeat(path)) is False  # no consumer ever beat
    write_heartbeat(slots=2, busy=0, path=path)
    beat = read_heartbeat(path)
    assert beat["slots"] == 2 and beat["pid"] == os.getpid() and heartbeat_fresh(beat)
    assert not heartbeat_fresh(beat, now=time.time() + HEARTBEAT_STALE_SECONDS + 1)
    gone = subprocess.Popen(["true"])
    gone.wait()
    assert not heartbeat_fresh({**beat, "pid": gone.pid})  # a dead consumer is not ready at once
    assert heartbeat_fresh({**beat, "host": "another-machine", "pid": gone.pid})  # elsewhere: the time says
    assert oct(os.stat(path).st_mode & 0o777) == oct(0o600)

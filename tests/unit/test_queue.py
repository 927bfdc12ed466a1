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

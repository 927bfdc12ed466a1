"""The background queue (Huey): wake-ups of the render workers (the jobs themselves are rows of the fair
render queue, agendas/fairqueue.py) and any other background task. Tasks carry ids only, never clinical text.

    huey_consumer toolkit.worker.huey -w 3      # started and supervised by boot.sh beside gunicorn

The queue lives in Redis when `REDIS_URL` is set (the workers then scale out over every machine running
a consumer), else in an embedded SQLite file (`RENDER_QUEUE_PATH`, default
`instance/render-queue.sqlite3`, created 0600) shared by the web workers and the consumer of this machine. Task
results are stored in the database, never in the queue. Tests run tasks eagerly (`RENDER_QUEUE_IMMEDIATE`).
"""

import json
import os
import socket
import threading
import time
from contextlib import contextmanager

from huey import RedisHuey, SqliteHuey
from huey.storage import SqliteStorage

from .config import ROOT


def _truthy(name: str) -> bool:
    return os.environ.get(name, "").lower() in ("1", "true", "yes")


class QueueFile(SqliteStorage):
    """The embedded queue file in WAL mode with `synchronous=NORMAL`, like the service's own SQLite database:
    an enqueue is one append, not an fsync per task (a read's audit event is enqueued on the request path).
    Durable across application crashes; a power loss may drop the newest tasks, as it may the newest
    commits of the database itself."""

    def _create_connection(self):
        conn = super()._create_connection()
        conn.execute("pragma synchronous=NORMAL")
        return conn


def queue_path() -> str:
    return os.environ.get("RENDER_QUEUE_PATH") or str(ROOT / "instance" / "render-queue.sqlite3")


def private_file(path: str) -> None:
    """Create `path` if missing, readable by its owner only (0600), and narrow it if it was wider; SQLite
    gives its -wal and -shm files the mode of the database file."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for name in (path, path + "-wal", path + "-shm"):
        try:
            os.chmod(name, 0o600)
        except FileNotFoundError:
            pass


def make_huey():
    immediate = _truthy("RENDER_QUEUE_IMMEDIATE")
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        return RedisHuey("toolkit", url=redis_url, results=False, immediate=immediate)
    path = queue_path()
    if not immediate:
        private_file(path)  # the queue holds ids only, and still is nobody else's to read
    return SqliteHuey("toolkit", filename=path, results=False, immediate=immediate, storage_class=QueueFile)


# The consumer's heartbeat (issue 28): a small file the render consumer rewrites every HEARTBEAT_SECONDS;
# /readyz is not ready while it is older than HEARTBEAT_STALE_SECONDS or names a process that is gone.
HEARTBEAT_SECONDS = 2.0
HEARTBEAT_STALE_SECONDS = 10.0


def heartbeat_path() -> str:
    return os.environ.get("CONSUMER_HEARTBEAT_PATH") or os.path.join(
        os.path.dirname(queue_path()) or ".", "render-consumer.heartbeat")


def write_heartbeat(*, slots: int, busy: int, path: str | None = None) -> None:
    path = path or heartbeat_path()
    beat = {"host": socket.gethostname(), "pid": os.getpid(), "slots": slots, "busy": busy, "at": time.time()}
    temporary = f"{path}.{os.getpid()}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(beat, fh)
    os.replace(temporary, path)


def read_heartbeat(path: str | None = None) -> dict | None:
    try:
        with open(path or heartbeat_path()) as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def heartbeat_fresh(beat: dict | None, *, now: float | None = None) -> bool:
    """A consumer beat recently, and (on this host) its process still exists."""
    if not beat:
        return False
    if (now if now is not None else time.time()) - float(beat.get("at", 0)) > HEARTBEAT_STALE_SECONDS:
        return False
    if beat.get("host") == socket.gethostname():
        try:
            os.kill(int(beat["pid"]), 0)
        except ProcessLookupError:
            return False
        except (PermissionError, KeyError, ValueError):
            pass
    return True


huey = make_huey()
_worker_app = None
_app_factory = None
_building = threading.Lock()


def use_app_factory(factory) -> None:
    """The consumer's entry point (toolkit/worker.py) says how to build its app; the queue imports no app."""
    global _app_factory
    _app_factory = factory


@huey.on_startup()
def warm_up() -> None:
    """Build the worker's app when the consumer starts, so the first task does not pay for it."""
    global _worker_app
    with _building:  # every worker thread runs the start-up hooks: one app, built once
        if _worker_app is None:
            if _app_factory is None:
                raise RuntimeError("Start the consumer as `huey_consumer toolkit.worker.huey`.")
            _worker_app = _app_factory()


@contextmanager
def app_context():
    """The request's app when a task runs eagerly; in the consumer, one app built from the environment
    (and, there being no request, a session that reads across practices: explicitly)."""
    from flask import has_app_context

    if has_app_context():
        yield
        return
    warm_up()
    from .extensions import db
    from .tenancy import across_practices

    # A task belongs to no request: it names its practice in its arguments and reads across practices.
    with _worker_app.app_context(), across_practices(db.session):
        yield


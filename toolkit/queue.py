"""The background queue (Huey): PDF agenda renders and the audit events of reads.

    huey_consumer toolkit.worker.huey -w 2      # started by boot.sh beside gunicorn (toolkit/worker.py)

The queue lives in Redis when `REDIS_URL` is set (the workers then scale out over every machine running
a consumer), else in an embedded SQLite file (`RENDER_QUEUE_PATH`, default
`instance/render-queue.sqlite3`) shared by the web workers and the consumer of this machine. Task
results are stored in the database, never in the queue. Tests run tasks eagerly (`RENDER_QUEUE_IMMEDIATE`).
"""

import os
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


def make_huey():
    immediate = _truthy("RENDER_QUEUE_IMMEDIATE")
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        return RedisHuey("toolkit", url=redis_url, results=False, immediate=immediate)
    path = os.environ.get("RENDER_QUEUE_PATH") or str(ROOT / "instance" / "render-queue.sqlite3")
    if not immediate:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    return SqliteHuey("toolkit", filename=path, results=False, immediate=immediate, storage_class=QueueFile)


huey = make_huey()
_worker_app = None
_app_factory = None


def use_app_factory(factory) -> None:
    """The consumer's entry point (toolkit/worker.py) says how to build its app; the queue imports no app."""
    global _app_factory
    _app_factory = factory


@huey.on_startup()
def warm_up() -> None:
    """Build the worker's app when the consumer starts, so the first task does not pay for it."""
    global _worker_app
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


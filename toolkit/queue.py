"""The background queue (Huey): PDF agenda renders and the audit events of reads.

    huey_consumer toolkit.queue.huey -w 2      # started by boot.sh beside gunicorn

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


@huey.on_startup()
def warm_up() -> None:
    """Build the worker's app when the consumer starts, so the first task does not pay for it."""
    global _worker_app
    if _worker_app is None:
        from . import create_app

        _worker_app = create_app()


@contextmanager
def app_context():
    """The request's app when a task runs eagerly; in the consumer, one app built from the environment."""
    from flask import has_app_context

    if has_app_context():
        yield
        return
    warm_up()
    with _worker_app.app_context():
        yield


# Register every task with the consumer (the modules import `huey` from here).
from .agendas import tasks as _agenda_tasks  # noqa: E402, F401
from .audit import tasks as _audit_tasks  # noqa: E402, F401

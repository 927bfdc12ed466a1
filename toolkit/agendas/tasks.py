"""The render queue: PDF agendas are laid out by Huey workers, never in a web worker.

    huey_consumer toolkit.agendas.tasks.huey -w 2      # started by boot.sh beside gunicorn

The queue lives in Redis when `REDIS_URL` is set (renders then scale out over every machine running a
consumer), else in an embedded SQLite file (`RENDER_QUEUE_PATH`, default `instance/render-queue.sqlite3`)
shared by the web workers and the consumer on this machine. The finished PDF is stored in the database
(`agenda_renders`), so every instance answers from it. Tests run tasks eagerly (`RENDER_QUEUE_IMMEDIATE`).
"""

import os
from contextlib import contextmanager

from huey import RedisHuey, SqliteHuey

from ..config import ROOT


def _truthy(name: str) -> bool:
    return os.environ.get(name, "").lower() in ("1", "true", "yes")


def make_huey():
    immediate = _truthy("RENDER_QUEUE_IMMEDIATE")
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        return RedisHuey("toolkit-agendas", url=redis_url, results=False, immediate=immediate)
    path = os.environ.get("RENDER_QUEUE_PATH") or str(ROOT / "instance" / "render-queue.sqlite3")
    if not immediate:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    return SqliteHuey("toolkit-agendas", filename=path, results=False, immediate=immediate)


huey = make_huey()
_worker_app = None


@huey.on_startup()
def _warm_up() -> None:
    """Build the worker's app when the consumer starts, so the first render does not pay for it."""
    global _worker_app
    if _worker_app is None:
        from .. import create_app

        _worker_app = create_app()


@contextmanager
def _app_context():
    """The request's app when a task runs eagerly; in the consumer, one app built from the environment."""
    from flask import has_app_context

    if has_app_context():
        yield
        return
    _warm_up()
    with _worker_app.app_context():
        yield


@huey.task()
def render_pdf(key: str, html: str) -> None:
    """Lay out one queued PDF agenda within its budgets and store the result (or the failure)."""
    from .delivery import run_render

    with _app_context():
        run_render(key, html)

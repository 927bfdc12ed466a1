"""Agenda tasks of the background queue (toolkit/queue.py): render jobs are laid out here, never in a web
worker. The task is a wake-up carrying a job's key (an id): the job itself waits in the fair render queue
(agendas/fairqueue.py), and whichever render thread is free claims the fairest job there.

In the consumer (`huey_consumer toolkit.worker.huey`, started by boot.sh), start-up also starts the warm
layout pool (agendas/pool.py, `RENDER_WORKERS` processes) and one supervisor thread that, every
HEARTBEAT_SECONDS, writes the consumer's heartbeat (read by /readyz), appends audit events kept during a
database failure (audit/undelivered.py), queues again the renders of dead workers and wakes a render
thread when jobs wait and a slot is free.
"""

from __future__ import annotations

import logging
import os
import threading
from datetime import UTC, datetime
from typing import Any

from flask import current_app

from ..audit.reads import replay_undelivered
from ..extensions import db
from ..queue import HEARTBEAT_SECONDS, app_context, huey, write_heartbeat
from . import fairqueue, rendering
from .pool import LayoutPool, Recycle

log = logging.getLogger("toolkit.agendas")
_started = threading.Lock()
_state: dict[str, Any] = {}


@huey.task()
def render_pdf(key: str) -> None:
    """Wake a render thread: it claims the fairest queued job (not necessarily `key`) and the next, while
    a layout slot is free."""
    with app_context():
        rendering.drain(_pool())


def _pool():
    pool = _state.get("pool")
    return pool if pool is not None else _state.setdefault("eager", rendering.OneShotPool())


@huey.on_startup()
def start_render_workers() -> None:
    """Once per consumer process (the hook runs in every worker thread): the warm pool and the supervisor."""
    with _started:
        if "pool" in _state:
            return
        with app_context():
            config = current_app.config
            _state["pool"] = LayoutPool(config["RENDER_WORKERS"], rendering.budget(),
                                        Recycle(renders=config["RENDER_RECYCLE_RENDERS"],
                                                memory_mb=config["RENDER_RECYCLE_MB"]))
        _state["stop"] = threading.Event()
        threading.Thread(target=_supervise, name="render-supervisor", daemon=True).start()


@huey.on_shutdown()
def stop_render_workers() -> None:
    stop = _state.get("stop")
    if stop is not None:
        stop.set()
    pool = _state.pop("pool", None)
    if pool is not None:
        pool.close()


def _supervise() -> None:
    pool, stop = _state["pool"], _state["stop"]
    while not stop.is_set():
        try:
            write_heartbeat(slots=pool.size, busy=pool.busy())
            with app_context():
                replay_undelivered()  # audit events kept while the database failed, without a cap
                with db.engine.begin() as conn:
                    sweep(conn, render_seconds=current_app.config["RENDER_SECONDS"])
                    waiting = fairqueue.has_queued(conn)
            if waiting and pool.busy() < pool.size:
                render_pdf("sweep")
        except Exception:  # noqa: BLE001 - the supervisor outlives a database outage
            log.exception("render supervisor: one round failed")
        stop.wait(HEARTBEAT_SECONDS)


def sweep(conn, *, render_seconds: float) -> int:
    """Queue again the renders of workers that died: a consumer of this host whose process is gone at
    once, any worker after RENDER_SECONDS + LOST_AFTER."""
    host = rendering.worker_id().rsplit(":", 1)[0]
    dead = [w for w in fairqueue.claimers(conn) if w.rsplit(":", 1)[0] == host and not _alive(w)]
    lost = fairqueue.requeue_lost(conn, now=datetime.now(UTC), render_seconds=render_seconds, dead_workers=dead)
    if lost:
        log.warning("render supervisor: %d render(s) of dead workers queued again", lost)
    return lost


def _alive(worker: str) -> bool:
    """The process named by `worker` (host:pid, on this host) still exists."""
    try:
        os.kill(int(worker.rsplit(":", 1)[1]), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, ValueError):
        return True
    return True

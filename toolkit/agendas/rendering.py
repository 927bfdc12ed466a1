"""The render workers' side of the fair render queue (agendas/fairqueue.py): claim the fairest job, make its
file within the budgets, store it (or the failure). Runs in the Huey consumer (`tasks.render_pdf`, a
wake-up that carries a job's key only), never in a web worker.

**Adding a kind of render job** ("render job of kind X for practice P"): write a function
`make(job, layout) -> bytes` and add it to `KINDS` under X. `job` has `key`, `practice_id`, `kind`,
`source` (text the web worker handed over, e.g. HTML; dropped once the job is finished), `params` (a
JSON object of ids and options, for kinds that load what they need here, with the consumer's app
context and a session that reads across practices: filter by `job.practice_id` yourself), `pages` and
`attempts`. `layout(html) -> bytes` lays one PDF out on this job's warm layout process within the
budgets (call it several times for a file of several PDFs, e.g. a zip). The web side queues a job with
`delivery.obtain(key, practice_id, make_source, kind="X", params={...}, pages=...)` and answers
202 + `Retry-After` until the row is `ready`; the stored body is served as it is.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import current_app

from ..extensions import db
from . import fairqueue
from .layout import Budget, RenderFailed, lay_out

log = logging.getLogger("toolkit.agendas")
TABLE = fairqueue.TABLE
PENDING = fairqueue.PENDING
RETRIES_ON_TIMEOUT = 1

Layout = Callable[[str], bytes]


def _pdf(job: Any, layout: Layout) -> bytes:
    """A PDF agenda or sign-in sheet: the HTML the web worker built, laid out."""
    return layout(job.source or "")


def _pack(job: Any, layout: Layout) -> bytes:
    """The offline retreat pack (issue 31): its PDFs laid out here, its charts, the zip."""
    from .pack import make_pack

    return make_pack(job, layout)


KINDS: dict[str, Callable[[Any, Layout], bytes]] = {"pdf": _pdf, "pack": _pack}


def budget() -> Budget:
    config = current_app.config
    return Budget(seconds=config["RENDER_SECONDS"], memory_mb=config["RENDER_MEMORY_MB"],
                  max_bytes=config["RENDER_MAX_MB"] * 1024 * 1024)


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class OneShotPool:
    """One fresh layout child per PDF (`layout.lay_out`): the eager queue of the tests and scripts."""

    size = 1

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._busy = False

    def acquire(self) -> int | None:
        with self._lock:
            if self._busy:
                return None
            self._busy = True
            return 0

    def release(self, slot: int) -> None:
        with self._lock:
            self._busy = False

    def busy(self) -> int:
        return int(self._busy)

    def render(self, slot: int, html: str, budget: Budget) -> bytes:
        return lay_out(html, budget)


def drain(pool) -> int:
    """Claim and run jobs while a layout slot is free and a job may be claimed; the number run. A wake-up
    that finds every slot busy returns at once: the busy threads claim the next jobs when they finish."""
    done = 0
    me = worker_id()
    retry_wait = timedelta(seconds=2 * current_app.config["RENDER_SECONDS"])
    while True:
        slot = pool.acquire()
        if slot is None:
            return done
        try:
            with db.engine.begin() as conn:
                job = fairqueue.claim_next(conn, worker=me, idle=pool.busy() == 1, now=datetime.now(UTC),
                                           retry_wait=retry_wait)
            if job is None:
                return done
            run_job(job, _layout_on(pool, slot), worker=me)
            done += 1
        finally:
            pool.release(slot)


def _layout_on(pool, slot: int) -> Layout:
    def layout(html: str) -> bytes:
        return pool.render(slot, html, budget())

    return layout


def run_job(job: Any, layout: Layout, *, worker: str) -> None:
    """Make one claimed job's file and store it, the failure, or (a first timeout) the job queued again."""
    started = time.monotonic()
    values: dict
    try:
        body = KINDS[job.kind](job, layout)
        values = dict(status="ready", body=body, source=None, render_ms=int((time.monotonic() - started) * 1000))
    except RenderFailed as failure:
        log.warning("render %s (%s) failed: %s (%s)", job.key[:12], job.kind, failure.reason, failure.message)
        if failure.reason == "time" and job.attempts <= RETRIES_ON_TIMEOUT:
            values = dict(status="queued", claimed_by=None)  # once more, on an idle worker
        else:
            values = dict(status="failed", reason=failure.reason, error=failure.message, source=None)
    except Exception as exc:  # never leave a row "rendering" for ever
        log.error("render %s (%s) crashed: %s", job.key[:12], job.kind, type(exc).__name__)
        values = dict(status="failed", reason="crash", error="the layout failed unexpectedly", source=None)
    if values["status"] != "queued":
        values["finished_at"] = datetime.now(UTC)
    with db.engine.begin() as conn:
        fairqueue.finish(conn, key=job.key, worker=worker, values=values)

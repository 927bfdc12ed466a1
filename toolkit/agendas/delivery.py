"""Delivering rendered files (PDF agendas, sign-in sheets, and any kind of render job) through the fair
render queue.

A GET computes its file's ETag from the data (cheap), then looks the render up by (practice, ETag) in
`agenda_renders`: a finished file answers at once, a queued one answers 202 with an honest `Retry-After`
(the estimate of the renders ahead of it in the fair order and of its own, `retry_after`), and a new one
is queued as a job (a row holding its input) plus a wake-up task carrying its key only
(`tasks.render_pdf`). Small files wait a moment for the worker so a simple client usually gets its file
straight away. A practice may have at most `RENDER_QUEUE_PER_PRACTICE` renders waiting: past it the
answer is 429 with `Retry-After` (`RenderQueueFull`).

The rows are written on their own short connections (committed at once), never in the request's
transaction: a render worker on another process must see a queued row as soon as its task arrives.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from ..config import setting
from ..extensions import db
from ..queue import heartbeat_fresh, read_heartbeat
from . import fairqueue, tasks
from .budget import seconds_per_page, seconds_until_ready
from .fairqueue import PENDING, TABLE

MAX_RETRY_AFTER = 3600


class RenderQueueFull(Exception):
    """The practice has as many renders waiting as it may: ask again after `retry_after` seconds."""

    def __init__(self, retry_after: int, limit: int):
        super().__init__(f"at most {limit} renders may wait per practice")
        self.retry_after, self.limit = retry_after, limit


def cache_key(practice_id: str, tag: str) -> str:
    return hashlib.sha256(f"{practice_id}:{tag}".encode()).hexdigest()


def lookup(key: str, practice_id: str):
    """The render row (a fresh read on its own connection), or None."""
    with db.engine.connect() as conn:
        return conn.execute(select(TABLE).where(TABLE.c.key == key, TABLE.c.practice_id == practice_id)).first()


def _lost_before(now: datetime) -> datetime:
    """A render claimed before this was lost with its worker (the consumers' sweep normally finds it sooner)."""
    return now - timedelta(seconds=setting("RENDER_SECONDS") + fairqueue.LOST_AFTER)


def _refused_before(now: datetime) -> datetime:
    return now - timedelta(minutes=setting("RENDER_REFUSAL_MINUTES"))


def _restartable(now: datetime):
    return or_(and_(TABLE.c.status == "failed", TABLE.c.reason == "crash"),
               and_(TABLE.c.status == "failed", TABLE.c.finished_at < _refused_before(now)),
               and_(TABLE.c.status == "rendering", TABLE.c.claimed_at < _lost_before(now)))


def needs_start(row) -> bool:
    if row is None:
        return True
    now = datetime.now(UTC)
    if row.status == "failed":  # a crash is retried; a budget exceeded twice is refused for a while, not a day
        return row.reason == "crash" or (row.finished_at is not None and row.finished_at < _refused_before(now))
    return row.status == "rendering" and row.claimed_at is not None and row.claimed_at < _lost_before(now)


def start(key: str, practice_id: str, source: str | None, *, kind: str = "pdf", params: dict | None = None,
          pages: int = 1) -> bool:
    """Queue the render job `key` (once, whoever asks at the same time). True if this call queued it.
    RenderQueueFull when the practice already has its cap of renders waiting."""
    now = datetime.now(UTC)
    limit = setting("RENDER_QUEUE_PER_PRACTICE")
    with db.engine.begin() as conn:
        hours = setting("AGENDA_CACHE_HOURS")
        conn.execute(delete(TABLE).where(TABLE.c.created_at < now - timedelta(hours=hours)))
        if fairqueue.pending_of(conn, practice_id) >= limit:
            oldest = conn.execute(select(TABLE.c.key).where(TABLE.c.practice_id == practice_id,
                                                            TABLE.c.status.in_(PENDING))
                                  .order_by(TABLE.c.created_at).limit(1)).scalar()
            raise RenderQueueFull(_estimate(conn, oldest) if oldest else 1, limit)
    job = dict(status="queued", source=source, kind=kind, params=params, pages=max(1, pages), attempts=0,
               body=None, reason=None, error=None, claimed_by=None, claimed_at=None, finished_at=None,
               render_ms=None)
    try:
        with db.engine.begin() as conn:
            conn.execute(insert(TABLE).values(key=key, practice_id=practice_id, created_at=now, **job))
    except IntegrityError:
        with db.engine.begin() as conn:
            restarted = conn.execute(update(TABLE).where(TABLE.c.key == key, _restartable(now))
                                     .values(created_at=now, **job)).rowcount
        if not restarted:
            return False
    tasks.render_pdf(key)
    return True


def obtain(key: str, practice_id: str, make_source: Callable[[], str | None], *, wait_seconds: float,
           kind: str = "pdf", params: dict | None = None, pages: int = 1) -> tuple[Any, bool]:
    """The render row of `key` (None when pruned meanwhile) and whether this call queued it: a missing, lost
    or crashed render is queued once, from `make_source()` (called only then); a pending one is waited for up to
    `wait_seconds`. Raises RenderQueueFull past the practice's cap. The caller (a resource) has ended its own
    transaction first: the queue's rows are written on their own connections, and a request must not hold a
    transaction open while it waits."""
    row = lookup(key, practice_id)
    started = False
    if needs_start(row):
        source = make_source()
        started = start(key, practice_id, source, kind=kind, params=params, pages=pages)
        row = lookup(key, practice_id)
    elif row is not None and row.status == "queued" and row.created_at < datetime.now(UTC) - timedelta(seconds=30):
        tasks.render_pdf(key)  # a wake-up may have been lost with a queue file: one more costs nothing
    if wait_seconds and row is not None and row.status in PENDING:
        row = wait(key, practice_id, wait_seconds)
    return row, started


def wait(key: str, practice_id: str, seconds: float):
    """Poll the render row until it is ready or failed, for at most `seconds`; returns the last row read."""
    deadline = time.monotonic() + seconds
    row = lookup(key, practice_id)
    while row is not None and row.status in PENDING and time.monotonic() < deadline:
        time.sleep(0.1)
        row = lookup(key, practice_id)
    return row


def render_slots() -> int:
    """Layout processes serving the queue: the running consumer's pool, else the configured size."""
    beat = read_heartbeat()
    if heartbeat_fresh(beat) and beat and int(beat.get("slots", 0)) > 0:
        return int(beat["slots"])
    return max(1, int(setting("RENDER_WORKERS")))


def _estimate(conn, key: str) -> int:
    per_page = seconds_per_page(fairqueue.recent_timings(conn))
    seconds = seconds_until_ready(fairqueue.pending(conn), key, per_page=per_page, slots=render_slots(),
                                  now=datetime.now(UTC))
    return max(1, min(MAX_RETRY_AFTER, math.ceil(seconds)))


def retry_after(key: str) -> int:
    """Seconds a client should wait before asking again: the estimate of the renders ahead of `key` in the
    fair order (shared by the render workers) and of its own, from how long recent renders took."""
    with db.engine.connect() as conn:
        return _estimate(conn, key)

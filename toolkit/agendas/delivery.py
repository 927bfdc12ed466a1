"""Delivering PDF agendas through the render queue.

A GET computes the agenda's ETag from its data (cheap), then looks the render up by (practice, ETag) in
`agenda_renders`: a finished PDF answers at once, a queued one answers 202 with `Retry-After`, and a new
one is queued for the render workers (`tasks.render_pdf`). Small agendas wait a moment for the worker so
a simple client usually gets its PDF straight away. The cache is in the database, so every web instance
and every render worker sees the same renders.

The rows are written on their own short connections (committed at once), never in the request's
transaction: a render worker on another process must see a queued row as soon as its task arrives.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from . import tasks
from .rendering import PENDING, TABLE


def cache_key(practice_id: str, tag: str) -> str:
    return hashlib.sha256(f"{practice_id}:{tag}".encode()).hexdigest()


def lookup(key: str, practice_id: str):
    """The render row (a fresh read on its own connection), or None."""
    with db.engine.connect() as conn:
        return conn.execute(select(TABLE).where(TABLE.c.key == key, TABLE.c.practice_id == practice_id)).first()


def _stale_before(now: datetime) -> datetime:
    """A render still queued or running after this long was lost (no consumer, a killed worker): queue it again."""
    return now - timedelta(seconds=2 * current_app.config["RENDER_SECONDS"] + 60)


def needs_start(row) -> bool:
    if row is None:
        return True
    if row.status == "failed":
        return row.reason == "crash"  # a budget exceeded stays exceeded for the same data; a crash is retried
    return row.status in PENDING and row.created_at < _stale_before(datetime.now(UTC))


def start(key: str, practice_id: str, html: str) -> bool:
    """Queue the render of `html` under `key` (once, whoever asks at the same time). True if this call queued it."""
    now = datetime.now(UTC)
    with db.engine.begin() as conn:
        hours = current_app.config["AGENDA_CACHE_HOURS"]
        conn.execute(delete(TABLE).where(TABLE.c.created_at < now - timedelta(hours=hours)))
    try:
        with db.engine.begin() as conn:
            conn.execute(insert(TABLE).values(key=key, practice_id=practice_id, status="queued", created_at=now))
    except IntegrityError:
        with db.engine.begin() as conn:
            restarted = conn.execute(
                update(TABLE).where(TABLE.c.key == key, or_(
                    and_(TABLE.c.status == "failed", TABLE.c.reason == "crash"),
                    and_(TABLE.c.status.in_(PENDING), TABLE.c.created_at < _stale_before(now))))
                .values(status="queued", body=None, reason=None, error=None, created_at=now, finished_at=None)
            ).rowcount
        if not restarted:
            return False
    tasks.render_pdf(key, html)
    return True


def obtain(key: str, practice_id: str, make_html: Callable[[], str], *, wait_seconds: float) -> tuple[Any, bool]:
    """The render row of `key` (None when pruned meanwhile) and whether this call queued it: a missing, stale
    or crashed render is queued once, from `make_html()` (called only then), after the request's transaction
    is ended (the queue writes on its own connections); a pending one is waited for up to `wait_seconds`."""
    row = lookup(key, practice_id)
    started = False
    if needs_start(row):
        html = make_html()
        db.session.commit()
        started = start(key, practice_id, html)
        row = lookup(key, practice_id)
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


def retry_after(estimated_pages: int) -> int:
    """Seconds a client should wait before asking again: about one per 15 pages, 1 to 30."""
    return max(1, min(30, estimated_pages // 15 + 1))

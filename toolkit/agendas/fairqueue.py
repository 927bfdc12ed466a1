"""The fair render queue: `agenda_renders` rows are the jobs, and render workers claim them here.

Fair across practices: the next job is the oldest queued one of the practice whose latest claim is the
oldest (a practice never served comes first), so no practice's queue delays another's render by more
than the renders already running. The claim is one atomic UPDATE of the row it picks (PostgreSQL:
`FOR UPDATE SKIP LOCKED`, so concurrent workers pick different rows; SQLite: one writer at a time).

A render that timed out goes back to the queue once (`attempts` 1) and is claimed only by a worker whose
pool is otherwise idle (or after it has waited `retry_wait`): one slow render on a busy machine is not
refused. A render whose worker died (its consumer is gone from this host, or it has been claimed for
longer than any render may take) is queued again by the consumers' sweep (`requeue_lost`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import and_, case, false, func, or_, select, update
from sqlalchemy.engine import Connection

from .budget import PendingRender
from .models import AgendaRender

TABLE = AgendaRender.__table__
PENDING = ("queued", "rendering")
LOST_AFTER = 15  # seconds past RENDER_SECONDS: a render claimed this long ago was lost with its worker


def claim_next(conn: Connection, *, worker: str, idle: bool, now: datetime, retry_wait: timedelta):
    """Claim the fairest queued job for `worker` (status `rendering`, attempts + 1) and return it (key,
    practice_id, kind, source, params, pages, attempts), or None when nothing may be claimed."""
    queued, served = TABLE.alias("q"), TABLE.alias("s")
    last_claim = (select(func.max(served.c.claimed_at)).where(served.c.practice_id == queued.c.practice_id)
                  .scalar_subquery())
    claimable = queued.c.status == "queued"
    if not idle:  # a render that timed out once waits for an idle pool (or for retry_wait)
        claimable = and_(claimable, or_(queued.c.attempts == 0, queued.c.claimed_at < now - retry_wait))
    pick = (select(queued.c.key).where(claimable)
            .order_by(last_claim.asc().nulls_first(), queued.c.created_at, queued.c.key).limit(1))
    if conn.dialect.name == "postgresql":
        pick = pick.with_for_update(of=queued, skip_locked=True)
    return conn.execute(
        update(TABLE).where(TABLE.c.key == pick.scalar_subquery(), TABLE.c.status == "queued")
        .values(status="rendering", claimed_by=worker, claimed_at=now, attempts=TABLE.c.attempts + 1)
        .returning(TABLE.c.key, TABLE.c.practice_id, TABLE.c.kind, TABLE.c.source, TABLE.c.params,
                   TABLE.c.pages, TABLE.c.attempts, TABLE.c.claimed_at)).first()


def finish(conn: Connection, *, key: str, worker: str, values: dict) -> bool:
    """Store a claimed job's outcome, unless it was taken back meanwhile (then another worker owns it)."""
    done = conn.execute(update(TABLE).where(TABLE.c.key == key, TABLE.c.status == "rendering",
                                            TABLE.c.claimed_by == worker).values(**values))
    return bool(done.rowcount)


def requeue_lost(conn: Connection, *, now: datetime, render_seconds: float, dead_workers: Iterable[str] = ()) -> int:
    """Queue again the renders whose worker died: claimed by a consumer known to be gone, or claimed for
    longer than a render may take. An interrupted render does not count as an attempt."""
    dead = list(dead_workers)
    lost = or_(TABLE.c.claimed_at < now - timedelta(seconds=render_seconds + LOST_AFTER),
               TABLE.c.claimed_by.in_(dead) if dead else false())
    return int(conn.execute(update(TABLE).where(TABLE.c.status == "rendering", lost).values(
        status="queued", claimed_by=None,
        attempts=case((TABLE.c.attempts > 0, TABLE.c.attempts - 1), else_=0))).rowcount or 0)


def claimers(conn: Connection) -> list[str]:
    """The workers holding renders now (host:pid)."""
    return [r for r in conn.execute(select(TABLE.c.claimed_by).where(TABLE.c.status == "rendering")
                                    .distinct()).scalars() if r]


def has_queued(conn: Connection) -> bool:
    return conn.execute(select(TABLE.c.key).where(TABLE.c.status == "queued").limit(1)).first() is not None


def pending(conn: Connection) -> list[PendingRender]:
    """Every queued or running render (ids, sizes and times only), for the estimate."""
    rows = conn.execute(select(TABLE.c.key, TABLE.c.practice_id, TABLE.c.status, TABLE.c.pages,
                               TABLE.c.created_at, TABLE.c.claimed_at).where(TABLE.c.status.in_(PENDING)))
    return [PendingRender(key=r.key, practice_id=r.practice_id, status=r.status, pages=r.pages,
                          created_at=r.created_at, claimed_at=r.claimed_at) for r in rows]


def recent_timings(conn: Connection, limit: int = 50) -> list[tuple[int, int]]:
    """(milliseconds, estimated pages) of the newest finished renders."""
    rows = conn.execute(select(TABLE.c.render_ms, TABLE.c.pages)
                        .where(TABLE.c.status == "ready", TABLE.c.render_ms.is_not(None))
                        .order_by(TABLE.c.finished_at.desc()).limit(limit))
    return [(int(r.render_ms), int(r.pages)) for r in rows]


def pending_of(conn: Connection, practice_id: str) -> int:
    return int(conn.execute(select(func.count()).select_from(TABLE).where(
        TABLE.c.practice_id == practice_id, TABLE.c.status.in_(PENDING))).scalar() or 0)

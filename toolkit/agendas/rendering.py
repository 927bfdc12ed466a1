"""The render workers' side of a queued PDF agenda: claim the row, lay the PDF out within its budgets, store
the PDF or the failure. Runs in the Huey consumer (`tasks.render_pdf`), never in a web worker."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from flask import current_app
from sqlalchemy import update

from ..extensions import db
from .layout import Budget, RenderFailed, lay_out
from .models import AgendaRender

log = logging.getLogger("toolkit.agendas")
TABLE = AgendaRender.__table__
PENDING = ("queued", "rendering")


def budget() -> Budget:
    config = current_app.config
    return Budget(seconds=config["RENDER_SECONDS"], memory_mb=config["RENDER_MEMORY_MB"],
                  max_bytes=config["RENDER_MAX_MB"] * 1024 * 1024)


def run_render(key: str, html: str) -> None:
    """The task body (in a render worker): lay the PDF out within the budgets, store the PDF or the failure."""
    with db.engine.begin() as conn:
        claimed = conn.execute(update(TABLE).where(TABLE.c.key == key, TABLE.c.status == "queued")
                               .values(status="rendering")).rowcount
    if not claimed:  # pruned, or already taken by another worker
        return
    values: dict
    try:
        pdf = lay_out(html, budget())
        values = dict(status="ready", body=pdf)
    except RenderFailed as failure:
        log.warning("agenda render %s failed: %s (%s)", key[:12], failure.reason, failure.message)
        values = dict(status="failed", reason=failure.reason, error=failure.message)
    except Exception as exc:  # never leave a row "rendering" for ever
        log.error("agenda render %s crashed: %s", key[:12], type(exc).__name__)
        values = dict(status="failed", reason="crash", error="the layout failed unexpectedly")
    with db.engine.begin() as conn:
        conn.execute(update(TABLE).where(TABLE.c.key == key).values(finished_at=datetime.now(UTC), **values))

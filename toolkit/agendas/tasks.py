"""Agenda tasks of the background queue (toolkit/queue.py): PDF layouts, never in a web worker."""

from ..queue import app_context, huey
from .rendering import run_render


@huey.task()
def render_pdf(key: str, html: str) -> None:
    """Lay out one queued PDF agenda within its budgets and store the result (or the failure)."""
    with app_context():
        run_render(key, html)


@huey.task()
def render_pack(key: str, spec: dict) -> None:
    """Build one offline retreat pack (its PDFs within the same budgets, its charts, the zip) and store it like a
    PDF render (issue 31: the smallest job kind beside the PDF one)."""
    from .pack import run_pack

    with app_context():
        run_pack(key, spec)

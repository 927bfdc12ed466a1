"""Agenda tasks of the background queue (toolkit/queue.py): PDF layouts, never in a web worker."""

from ..queue import app_context, huey
from .rendering import run_render


@huey.task()
def render_pdf(key: str, html: str) -> None:
    """Lay out one queued PDF agenda within its budgets and store the result (or the failure)."""
    with app_context():
        run_render(key, html)

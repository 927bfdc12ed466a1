"""Lay out PDFs in a short-lived child process.

WeasyPrint needs tens of MiB to lay out a long retreat agenda and the allocator keeps much of it, so a
sync worker that rendered one PDF would stay large for the rest of its life. The worker renders the
HTML itself (cheap), imports WeasyPrint once, then forks a child that lays out and writes the PDF and
exits: its memory goes back to the system at once. Fork is cheap (copy-on-write) next to a render."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

PDF_TIMEOUT_SECONDS = 120


def _write(html: str) -> bytes:
    from .render import _write_pdf

    return _write_pdf(html)


def render_pdf_isolated(html: str) -> bytes:
    import weasyprint  # noqa: F401  (imported once in the worker, so the child does not pay for it)

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_write, html).result(timeout=PDF_TIMEOUT_SECONDS)

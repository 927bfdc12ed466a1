"""Agendas: one document model (`document.py`), one audience view (`view.py`), rendered as HTML and
Markdown (`html.py`), iCalendar (`ics.py`), PDF (`pdf.py`) and JSON. This module is the one entry point the
API layer calls.

Pure Python (Jinja2, WeasyPrint, icalendar): the service layer loads plans, modules, members and clearance,
fills the frozen dataclasses of `document.py` and calls `render()`.

Safety: HTML is autoescaped, Markdown is escaped by a `finalize` hook, no template or stylesheet references
an external URL, and PDF rendering uses `SafeURLFetcher`, which serves only files of the bundled `static/`
folder (and data: URLs) and refuses everything else (SSRF protection). WeasyPrint (~30 MiB) is imported
only when a PDF is rendered, not in every web worker at start-up.
"""

from __future__ import annotations

from typing import Any

from .document import FORMATS, MEDIA_TYPES, AgendaDocument, AgendaError
from .html import render_html, render_markdown
from .ics import render_ics
from .view import render_json


def render(
    doc: AgendaDocument, fmt: str, *, detail_items: bool = False
) -> tuple[bytes | dict[str, Any], str]:
    """(body, media type) for `fmt` in FORMATS; json gives a dict for the framework to serialise."""
    if fmt == "json":
        return render_json(doc), MEDIA_TYPES["json"]
    if fmt == "html":
        return render_html(doc).encode("utf-8"), MEDIA_TYPES["html"]
    if fmt == "pdf":
        from .pdf import render_pdf

        return render_pdf(doc), MEDIA_TYPES["pdf"]
    if fmt == "ics":
        return render_ics(doc, detail_items=detail_items), MEDIA_TYPES["ics"]
    if fmt == "md":
        return render_markdown(doc).encode("utf-8"), MEDIA_TYPES["md"]
    raise AgendaError(f"format must be one of {', '.join(FORMATS)}")

"""PDF agendas: the HTML agenda printed by WeasyPrint, whose URL fetcher may load only our own bundled assets
(no SSRF). Imported only where a PDF is rendered (the render workers' layout child)."""

from __future__ import annotations

from ..common.pdf import FONTS_CSS, AssetRefused, BundledAssetFetcher
from ..common.pdf import write_pdf as _write_pdf
from .document import STATIC_DIR, AgendaDocument
from .html import render_html

__all__ = ["FONTS_CSS", "AssetRefused", "SafeURLFetcher", "render_pdf", "write_pdf"]


class SafeURLFetcher(BundledAssetFetcher):
    """The agendas' URL fetcher: only the files of the agendas' bundled `static/` (toolkit/common/pdf.py)."""

    def __init__(self) -> None:
        super().__init__(STATIC_DIR)


def write_pdf(html: str) -> bytes:
    """The PDF of `html`, with the bundled font; every URL goes through SafeURLFetcher. Tagged as PDF/UA-1
    (issue 31): a structure tree a screen reader follows, the document's <title> shown as its title, and the
    language from <html lang>."""
    return _write_pdf(html, fetcher=SafeURLFetcher(), variant="pdf/ua-1")


def render_pdf(doc: AgendaDocument) -> bytes:
    """The HTML agenda printed by WeasyPrint (page size from doc.paper, 'Page N of M' footers)."""
    return write_pdf(render_html(doc))

"""PDF agendas: the HTML agenda printed by WeasyPrint, whose URL fetcher may load only our own bundled assets
(no SSRF). Imported only where a PDF is rendered (the render workers' layout child)."""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from .document import ASSET_SCHEME, STATIC_DIR, AgendaDocument
from .html import render_html


class AssetRefused(ValueError):
    """A URL the PDF renderer may not fetch."""



class SafeURLFetcher(URLFetcher):
    """WeasyPrint URL fetcher that serves only the bundled static assets.

    Allowed: `toolkit-asset:NAME` and `file://` URLs that resolve to a file inside `static/`, and
    `data:` URLs. Everything else (http, https, ftp, other files, ../ escapes) raises AssetRefused,
    which WeasyPrint logs and skips, so no request ever leaves the process.
    """

    def __init__(self) -> None:
        super().__init__(timeout=1, allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        scheme, _, rest = url.partition(":")
        scheme = scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == ASSET_SCHEME:
            relative = unquote(urlsplit(url).path).lstrip("/")
            return self._asset(url, STATIC_DIR / relative)
        if scheme == "file":
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                raise AssetRefused(f"refused to fetch {url!r}: remote file URL")
            return self._asset(url, Path(url2pathname(parts.path)))
        raise AssetRefused(f"refused to fetch {url!r}: only bundled assets may be loaded")

    @staticmethod
    def _asset(url: str, path: Path) -> URLFetcherResponse:
        try:
            resolved = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            raise AssetRefused(f"refused to fetch {url!r}: no such bundled asset") from exc
        static = STATIC_DIR.resolve()
        if static not in resolved.parents or not resolved.is_file():
            raise AssetRefused(f"refused to fetch {url!r}: outside the bundled assets")
        media_type = mimetypes.guess_type(resolved.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            resolved.as_uri(), body=resolved.read_bytes(), headers={"Content-Type": media_type}
        )


FONTS_CSS = f"{ASSET_SCHEME}:fonts.css"  # the bundled font's @font-face rules (static/fonts.css)


def write_pdf(html: str) -> bytes:
    """The PDF of `html`, with the bundled font; every URL goes through SafeURLFetcher. Tagged as PDF/UA-1
    (issue 31): a structure tree a screen reader follows, the document's <title> shown as its title, and the
    language from <html lang>."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = SafeURLFetcher()
    fonts = FontConfiguration()
    return HTML(
        string=html,
        base_url=STATIC_DIR.resolve().as_uri() + "/",
        url_fetcher=fetcher,
    ).write_pdf(stylesheets=[CSS(url=FONTS_CSS, url_fetcher=fetcher, font_config=fonts)], font_config=fonts,
                pdf_variant="pdf/ua-1")


def render_pdf(doc: AgendaDocument) -> bytes:
    """The HTML agenda printed by WeasyPrint (page size from doc.paper, 'Page N of M' footers)."""
    return write_pdf(render_html(doc))


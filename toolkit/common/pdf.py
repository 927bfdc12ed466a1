"""PDF printing with WeasyPrint, whose URL fetcher may load only bundled assets (no SSRF).

WeasyPrint fetches every URL it finds in the HTML; `BundledAssetFetcher` serves only files inside one
folder of bundled assets (and `data:` URLs) and refuses everything else, so no request ever leaves the
process. The agendas (toolkit/agendas/pdf.py) and the participant's safety plan print through it.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

ASSET_SCHEME = "toolkit-asset"
FONTS_CSS = f"{ASSET_SCHEME}:fonts.css"  # the bundled font's @font-face rules, in the assets folder


class AssetRefused(ValueError):
    """A URL the PDF renderer may not fetch."""


class BundledAssetFetcher(URLFetcher):
    """WeasyPrint URL fetcher that serves only the files of one folder of bundled assets.

    Allowed: `toolkit-asset:NAME` and `file://` URLs that resolve to a file inside `static_dir`, and
    `data:` URLs. Everything else (http, https, ftp, other files, ../ escapes) raises AssetRefused,
    which WeasyPrint logs and skips, so no request ever leaves the process.
    """

    def __init__(self, static_dir: Path) -> None:
        super().__init__(timeout=1, allowed_protocols=("data",), allow_redirects=False)
        self.static_dir = static_dir

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        scheme, _, rest = url.partition(":")
        scheme = scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == ASSET_SCHEME:
            relative = unquote(urlsplit(url).path).lstrip("/")
            return self._asset(url, self.static_dir / relative)
        if scheme == "file":
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                raise AssetRefused(f"refused to fetch {url!r}: remote file URL")
            return self._asset(url, Path(url2pathname(parts.path)))
        raise AssetRefused(f"refused to fetch {url!r}: only bundled assets may be loaded")

    def _asset(self, url: str, path: Path) -> URLFetcherResponse:
        try:
            resolved = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            raise AssetRefused(f"refused to fetch {url!r}: no such bundled asset") from exc
        static = self.static_dir.resolve()
        if static not in resolved.parents or not resolved.is_file():
            raise AssetRefused(f"refused to fetch {url!r}: outside the bundled assets")
        media_type = mimetypes.guess_type(resolved.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            resolved.as_uri(), body=resolved.read_bytes(), headers={"Content-Type": media_type}
        )


def write_pdf(html: str, *, fetcher: BundledAssetFetcher, stylesheets: Iterable[str] = (FONTS_CSS,),
              variant: str | None = None) -> bytes:
    """The PDF of `html` with the given stylesheets (the bundled font's by default); every URL goes through
    `fetcher`. `variant`: WeasyPrint's `pdf_variant`, e.g. "pdf/ua-1" for a tagged, accessible PDF."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return HTML(
        string=html,
        base_url=fetcher.static_dir.resolve().as_uri() + "/",
        url_fetcher=fetcher,
    ).write_pdf(stylesheets=[CSS(url=url, url_fetcher=fetcher, font_config=fonts) for url in stylesheets],
                font_config=fonts, pdf_variant=variant)

"""Response compression (issue 21): gzip through Flask-Compress for text bodies above a size threshold,
with validators that stay correct.

* Only text media types (JSON, FHIR JSON, HTML, Markdown, iCalendar, CSV, SVG) of at least
  `COMPRESS_MIN_BYTES` are compressed; PDFs and anything that already has a `Content-Encoding` are sent
  as they are. Every response says `Vary: Accept-Encoding`, so a shared cache keeps the two apart.
* A strong ETag names one representation: the gzip body gets its own tag, `"<tag>:gzip"` (Flask-Compress's
  suffix); a weak tag stays as it is (the bodies are equivalent).
* A client that sends a suffixed tag back in `If-Match` or `If-None-Match` means the same version of the
  record: the suffix is taken off before the app compares (so writes with it are not 412 and 304s still
  work), and a 304 answered for a suffixed tag carries that tag again.
"""

import re

from flask import Flask, request
from flask_compress import Compress

SUFFIX = ":gzip"
_SUFFIXED = re.compile(r'(?<!W/)"([^"]*)' + re.escape(SUFFIX) + '"')
CONDITIONAL_HEADERS = ("HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH")
ENVIRON_KEY = "toolkit.gzip_tags"
MEDIA_TYPES = ["application/json", "application/fhir+json", "text/html", "text/markdown", "text/calendar",
               "text/csv", "text/plain", "image/svg+xml"]

compress = Compress()


def strip_suffixes(value: str) -> tuple[str, set[str]]:
    """`"abc:gzip", W/"x"` -> (`"abc", W/"x"`, {"abc"}): the tags as the app wrote them, and which were suffixed."""
    found: set[str] = set()

    def plain(match):
        found.add(match.group(1))
        return f'"{match.group(1)}"'

    return _SUFFIXED.sub(plain, value), found


class ConditionalTags:
    """WSGI middleware: strips the gzip suffix from the conditional headers before Flask reads them."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        for key in CONDITIONAL_HEADERS:
            value = environ.get(key)
            if value and SUFFIX in value:
                environ[key], found = strip_suffixes(value)
                environ.setdefault(ENVIRON_KEY, set()).update(found)
        return self.wsgi_app(environ, start_response)


def _retag_not_modified(response):
    """A 304 for a tag the client knew with the suffix answers with that tag, as the 200 would have."""
    if response.status_code == 304:
        tag, weak = response.get_etag()
        if tag and not weak and tag in request.environ.get(ENVIRON_KEY, ()):
            response.set_etag(tag + SUFFIX)
    return response


def _small(response, min_size: int) -> bool:
    return not response.is_streamed and response.content_length is not None and response.content_length < min_size


def _vary_on_encoding(response) -> None:
    vary = response.headers.get("Vary")
    if not vary:
        response.headers["Vary"] = "Accept-Encoding"
    elif "accept-encoding" not in vary.lower():
        response.headers["Vary"] = f"{vary}, Accept-Encoding"


def init_compression(app: Flask) -> None:
    app.config.setdefault("COMPRESS_ALGORITHM", ["gzip"])
    app.config.setdefault("COMPRESS_MIMETYPES", MEDIA_TYPES)
    app.config.setdefault("COMPRESS_MIN_SIZE", app.config.get("COMPRESS_MIN_BYTES", 1400))
    app.config.setdefault("COMPRESS_LEVEL", app.config.get("COMPRESS_GZIP_LEVEL", 5))
    app.config.setdefault("COMPRESS_STREAMS", False)
    # The app answers its own conditional requests (before doing the work); nothing to re-evaluate here.
    app.config.setdefault("COMPRESS_EVALUATE_CONDITIONAL_REQUEST", False)
    app.after_request(_retag_not_modified)
    app.config["COMPRESS_REGISTER"] = False  # registered below, behind the size check
    compress.init_app(app)
    min_size = app.config["COMPRESS_MIN_SIZE"]

    @app.after_request
    def _compress(response):
        """A body under the threshold (most answers: a record, an error) only says that it varies with
        Accept-Encoding; Flask-Compress's negotiation runs for the others (issue 32.4)."""
        if _small(response, min_size):
            _vary_on_encoding(response)
            return response
        return compress.after_request(response)
    app.wsgi_app = ConditionalTags(app.wsgi_app)  # type: ignore[method-assign]  # the usual WSGI middleware wrap

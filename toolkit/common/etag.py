"""ETags: the version tag of a record, the If-Match check before a write, and the answer that carries both."""

import hashlib

from flask import request

from ..errors import PreconditionFailed, PreconditionRequired

IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": True,
    "description": "The ETag from your last GET. A stale tag answers 412; a missing one answers 428.",
    "schema": {"type": "string"},
}
ETAG_HEADER = {"ETag": {"description": "Version tag of the record: send it back as If-Match to write.",
                        "schema": {"type": "string"}}}
CREATED_HEADERS = {**ETAG_HEADER, "Location": {"description": "The URL of the new record.",
                                               "schema": {"type": "string", "format": "uri-reference"}}}


def tag_of(text: str) -> str:
    """A strong ETag for a version described by `text`."""
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:20] + '"'


def etag_of(record) -> str:
    return tag_of(f"{record.id}:{record.version}")


def check_if_match(record=None, *, tag: str | None = None, what: str = "record") -> None:
    """428 without If-Match, 412 when it is stale: against the record's ETag, or `tag` for a representation
    that is not one record (an attendance sheet). The one If-Match check of the API. The version column
    makes the write itself atomic: of two writers holding the same tag, the second UPDATE matches no row and
    answers 412 too."""
    if not request.if_match or not request.headers.get("If-Match"):
        raise PreconditionRequired(f"This write needs an If-Match header with the {what}'s ETag (from a GET).")
    if request.if_match.star_tag:
        return
    current = tag if tag is not None else etag_of(record)
    if not request.if_match.contains(current.strip('"')):
        raise PreconditionFailed(f"The {what} has changed since you fetched it: fetch it again and retry.")


def with_etag(body, record, status: int = 200, *, collection: str) -> tuple:
    """A record's answer: its body, status and ETag; a 201 also says where the new record lives
    (`collection` is the URL the record's id is appended to)."""
    headers = {"ETag": etag_of(record)}
    if status == 201:
        headers["Location"] = f"{collection}/{record.id}"
    return body, status, headers


# Conditional GETs, one mechanism for every read (issue 34 point 3). A GET or HEAD answered 200 carries an ETag:
# the record's version tag where the resource set one, else a weak tag of the body's bytes. When the request's
# If-None-Match names it, the answer is 304 with no body (werkzeug's make_conditional). The view still runs, so a
# read's audit event is recorded on a 304 too: the client shows the data it holds.
CONDITIONAL_TYPES = ("application/json", "application/fhir+json")
IF_NONE_MATCH = {
    "in": "header", "name": "If-None-Match", "required": False, "schema": {"type": "string"},
    "description": "The ETag of the answer you hold: 304 with no body while it is still current."}


def answer_conditionally(response):
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.direct_passthrough:
        return response
    if "ETag" not in response.headers:
        if response.mimetype not in CONDITIONAL_TYPES:
            return response  # files and feeds set their own tags (agendas, calendars) or have none
        response.add_etag(weak=True)
    if request.if_none_match:
        response.make_conditional(request)
    return response

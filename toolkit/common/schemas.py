"""Schema pieces shared by every area."""

from datetime import UTC, datetime
from zoneinfo import available_timezones

import marshmallow as ma
from marshmallow import fields, validate

from .. import vocab
from .etag import etag_of


class StrictSchema(ma.Schema):
    """Unknown fields are refused (422 naming them): `practice_id`, `role`, `id` are never applied."""

    class Meta:
        unknown = ma.RAISE


EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def _in_service_years(value: datetime) -> None:
    """Times outside 2000-2199 are refused: far years overflow when converted (a 500) and old ones come back in
    a zone's local mean time, an offset with seconds that is not a valid RFC 3339 date-time."""
    try:
        inside = EARLIEST <= value < LATEST
    except OverflowError:
        inside = False
    if not inside:
        raise ma.ValidationError("Must be between 2000-01-01 and 2199-12-31.")


def aware_datetime(**kwargs):
    """An ISO 8601 datetime that must carry an offset (years 2000-2199)."""
    validators = kwargs.pop("validate", None) or []
    validators = [validators] if callable(validators) else list(validators)
    metadata = dict(kwargs.pop("metadata", None) or {})
    rule = "An ISO 8601 date-time with an offset, between 2000-01-01 and 2199-12-31."
    metadata["description"] = f"{metadata['description']} {rule}" if metadata.get("description") else rule
    kwargs["metadata"] = metadata
    return fields.AwareDateTime(format="iso", default_timezone=None, validate=[_in_service_years, *validators],
                                **kwargs)


_ZONES = None


def valid_timezone(value: str) -> None:
    global _ZONES
    if _ZONES is None:
        _ZONES = available_timezones()
    if value not in _ZONES:
        raise ma.ValidationError("Not an IANA time zone name (e.g. 'Europe/Berlin').")


# The shape of an IANA zone name, for the spec (valid_timezone checks the name is a real zone).
TIMEZONE_PATTERN = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"


def text(max_length: int, **kwargs):
    return fields.String(validate=validate.Length(max=max_length), **kwargs)


def etag_field():
    """The record's ETag in a list item or body, as the `ETag` header gives it (so inline edits need no GET)."""
    return fields.Function(etag_of, dump_only=True, metadata={
        "type": "string", "example": '"3f2a9c0d1e4b5a6f7a8b"',
        "description": "The record's ETag, as the ETag header gives it: send it as If-Match to change the record."})


def etag_string(what: str):
    """The `etag` of a body a service builds as a dict (a note, a series, an attendance sheet): the same tag
    as the ETag header."""
    return fields.String(required=True, metadata={
        "description": f"The {what}'s ETag, as the ETag header gives it: send it as If-Match to change it.",
        "example": '"3f2a9c0d1e4b5a6f7a8b"'})


class AlertSummarySchema(StrictSchema):
    """One unresolved alert of a participant, as the participant and clearance show it (the whole alert is at
    GET /api/v1/alerts/{alert_id})."""

    id = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(vocab.ALERT_KINDS))
    status = fields.String(required=True, validate=validate.OneOf(vocab.ALERT_STATUSES), metadata={
        "description": "open or acknowledged: a resolved alert is not shown here."})
    raised_at = fields.AwareDateTime(required=True)


def negotiated_format(values, *, described: str, description: str, **kwargs):
    """`?format=` on a path that also negotiates other representations for browsers and links (issue 34): every
    one of `values` is accepted, but the spec lists only `described`, the representation the operation
    documents. Each other representation is its own operation at a sibling path (`agenda.pdf`, `progress.svg`)
    with one media type, which generated clients call; the description says so."""
    return fields.String(validate=validate.OneOf(values), metadata={"enum": [described], "description": description},
                         **kwargs)

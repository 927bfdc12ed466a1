"""Schema pieces shared by every area."""

from zoneinfo import available_timezones

import marshmallow as ma
from marshmallow import fields, validate


class StrictSchema(ma.Schema):
    """Unknown fields are refused (422 naming them): `practice_id`, `role`, `id` are never applied."""

    class Meta:
        unknown = ma.RAISE


def aware_datetime(**kwargs):
    """An ISO 8601 datetime that must carry an offset."""
    return fields.AwareDateTime(format="iso", default_timezone=None, **kwargs)


_ZONES = None


def valid_timezone(value: str) -> None:
    global _ZONES
    if _ZONES is None:
        _ZONES = available_timezones()
    if value not in _ZONES:
        raise ma.ValidationError("Not an IANA time zone name (e.g. 'Europe/Berlin').")


def text(max_length: int, **kwargs):
    return fields.String(validate=validate.Length(max=max_length), **kwargs)

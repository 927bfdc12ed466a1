"""Time-zone helpers, the one set: a stored moment read as aware UTC, an IANA zone by name, a wall time in
a zone. Plain Python (zoneinfo)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import overload
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@overload
def aware(moment: datetime) -> datetime: ...
@overload
def aware(moment: None) -> None: ...
def aware(moment: datetime | None) -> datetime | None:
    """`moment` as an aware datetime: a naive one (SQLite hands timestamps back without a zone) is UTC."""
    if moment is None:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


# The westernmost civil time (UTC-12): its date is the earliest "today" anywhere on Earth.
EARLIEST_OFFSET = timedelta(hours=-12)


def earliest_today(now: datetime) -> date:
    """The earliest calendar date that is "today" somewhere at `now`: a date before it is in the past
    wherever the person entering it is (a date checked against the UTC date would refuse "today" typed in
    the evening in the Americas)."""
    return (aware(now) + EARLIEST_OFFSET).date()


def get_zone(tz_name: str) -> ZoneInfo:
    """The IANA zone called `tz_name`; ValueError for an unknown or malformed name."""
    if not isinstance(tz_name, str) or not tz_name.strip():
        raise ValueError("timezone must be a non-empty IANA name such as 'Europe/Berlin'")
    try:
        return ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:  # ValueError: path-like or malformed keys
        raise ValueError(f"unknown timezone {tz_name!r}") from exc


def localize(dt: datetime, tz_name: str) -> datetime:
    """`dt` expressed in the zone `tz_name`.

    An aware datetime is converted (same instant, local wall time of the zone). A naive datetime is
    read as wall-clock time in that zone: a time that does not exist (inside a spring-forward gap)
    moves forward by the gap, and an ambiguous time (fall-back) means its first occurrence.
    """
    zone = get_zone(tz_name)
    if dt.tzinfo is None or dt.utcoffset() is None:
        # Round trip through UTC normalises wall times that fall into a gap.
        return dt.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)
    return dt.astimezone(zone)

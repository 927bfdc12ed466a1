"""The earliest "today" anywhere: what a date typed by a person, wherever they are, is compared with."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from toolkit.common.zones import earliest_today


@pytest.mark.parametrize("utc_hour, expected", [(0, date(2026, 3, 9)), (11, date(2026, 3, 9)),
                                                (12, date(2026, 3, 10)), (23, date(2026, 3, 10))])
def test_earliest_today_is_the_date_at_utc_minus_12(utc_hour, expected):
    assert earliest_today(datetime(2026, 3, 10, utc_hour, 30, tzinfo=UTC)) == expected


def test_the_evening_in_los_angeles_is_still_today():
    """20:00 in Los Angeles on 9 March is 04:00 UTC on 10 March: the UTC date would call 9 March past."""
    now = datetime(2026, 3, 9, 20, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert now.astimezone(UTC).date() == date(2026, 3, 10)
    assert earliest_today(now) <= now.date()


def test_a_naive_moment_is_utc():
    assert earliest_today(datetime(2026, 3, 10, 6, 0)) == date(2026, 3, 9)

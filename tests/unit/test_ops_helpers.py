"""The pure helpers behind `export`/`import` and the PostgreSQL backup commands."""

from datetime import date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from toolkit.common.models import UTCDateTime
from toolkit.ops.backup import libpq_command
from toolkit.ops.portability import from_json_value, to_json_value

TABLE = sa.Table("t", sa.MetaData(), sa.Column("at", UTCDateTime), sa.Column("on", sa.Date),
                 sa.Column("data", sa.JSON), sa.Column("name", sa.String))


def test_datetimes_are_written_in_utc_with_offset_and_read_back():
    at = datetime(2027, 4, 1, 9, 0, 0, 123456, tzinfo=timezone(timedelta(hours=2)))
    text = to_json_value(at)
    assert text == "2027-04-01T07:00:00.123456+00:00"
    assert from_json_value(TABLE.c.at, text) == at


def test_dates_and_other_values_round_trip():
    assert to_json_value(date(1980, 2, 3)) == "1980-02-03"
    assert from_json_value(TABLE.c.on, "1980-02-03") == date(1980, 2, 3)
    assert from_json_value(TABLE.c.data, {"a": [1]}) == {"a": [1]}
    assert from_json_value(TABLE.c.name, "x") == "x"
    assert from_json_value(TABLE.c.at, None) is None


def test_a_datetime_without_offset_is_refused():
    with pytest.raises(ValueError, match="t.at"):
        from_json_value(TABLE.c.at, "2027-04-01T09:00:00")


def test_libpq_command_keeps_the_password_out_of_the_arguments():
    url = sa.make_url("postgresql+psycopg://toolkit:s3cret@db.example:5433/toolkit?sslmode=require")
    conninfo, env = libpq_command(url)
    assert "s3cret" not in conninfo and env["PGPASSWORD"] == "s3cret"
    assert conninfo == "postgresql://toolkit@db.example:5433/toolkit?sslmode=require"

"""Pure rules of programmes: series dates, rosters on a date, tallies, prerequisites, notes. No Flask, no DB."""

from datetime import UTC, date, datetime

import pytest

from toolkit.attendance.rules import EarlierSession, Tally, duplicates, missed_prerequisites, off_roster, tally
from toolkit.groups.rules import closed_to, on_roster, roster_on
from toolkit.notes.rules import editable, entry_problems, view_for_participant
from toolkit.series.rules import (
    SeriesRuleError,
    local_start,
    removable,
    rrule_of,
    series_dates,
    session_date,
)

LONDON = "Europe/London"


def test_weekly_series_keeps_the_wall_clock_time_across_the_dst_change():
    # 2027-03-28 is the spring change in the UK: 18:00 GMT before, 18:00 BST after.
    dates = series_dates(first_local=datetime(2027, 3, 14, 18, 0), zone=LONDON, count=4)
    assert [d.strftime("%Y-%m-%d %H:%M") for d in dates.sessions] == [
        "2027-03-14 18:00", "2027-03-21 18:00", "2027-03-28 18:00", "2027-04-04 18:00"]
    assert [d.utcoffset().total_seconds() / 3600 for d in dates.sessions] == [0, 0, 1, 1]
    assert [d.astimezone(UTC).hour for d in dates.sessions] == [18, 18, 17, 17]


def test_autumn_change_in_new_york():
    dates = series_dates(first_local=datetime(2027, 10, 31, 9, 30), zone="America/New_York", count=2)
    assert [d.astimezone(UTC).strftime("%H:%M") for d in dates.sessions] == ["13:30", "14:30"]


@pytest.mark.parametrize("count, every, skips, expected, skipped", [
    (3, 1, [], ["2027-01-07", "2027-01-14", "2027-01-21"], []),
    (3, 1, [date(2027, 1, 14)], ["2027-01-07", "2027-01-21", "2027-01-28"], ["2027-01-14"]),
    (3, 2, [], ["2027-01-07", "2027-01-21", "2027-02-04"], []),
    (3, 2, [date(2027, 1, 7)], ["2027-01-21", "2027-02-04", "2027-02-18"], ["2027-01-07"]),
    (2, 1, [date(2027, 1, 14), date(2027, 1, 21)], ["2027-01-07", "2027-01-28"], ["2027-01-14", "2027-01-21"]),
])
def test_skipped_dates_push_the_count(count, every, skips, expected, skipped):
    dates = series_dates(first_local=datetime(2027, 1, 7, 18, 0), zone=LONDON, count=count, every_weeks=every,
                         skip_dates=skips)
    assert [d.date().isoformat() for d in dates.sessions] == expected
    assert [d.date().isoformat() for d in dates.skipped] == skipped
    assert len(dates.sessions) == count


def test_eight_sessions_with_one_skip_is_a_rule_of_nine_with_one_exdate():
    first = datetime(2027, 3, 4, 18, 0)
    dates = series_dates(first_local=first, zone=LONDON, count=8, skip_dates=[date(2027, 4, 1)])
    ical = rrule_of(first_local=first, zone=LONDON, count=8, every_weeks=1, skipped=dates.skipped)
    assert ical == {"dtstart": "DTSTART;TZID=Europe/London:20270304T180000",
                    "rrule": "RRULE:FREQ=WEEKLY;COUNT=9;INTERVAL=1",
                    "exdates": ["EXDATE;TZID=Europe/London:20270401T180000"]}
    assert len(dates.sessions) == 8 and dates.sessions[-1].date() == date(2027, 4, 29)


@pytest.mark.parametrize("kwargs, field", [
    ({"count": 0}, "count"), ({"count": 53}, "count"), ({"count": 2, "every_weeks": 0}, "every_weeks"),
    ({"count": 2, "every_weeks": 9}, "every_weeks"),
    ({"count": 2, "skip_dates": [date(2027, 1, 8)]}, "skip_dates"),  # not a date of the series
    ({"count": 2, "every_weeks": 2, "skip_dates": [date(2027, 1, 14)]}, "skip_dates"),
])
def test_bad_series_are_refused_naming_the_field(kwargs, field):
    with pytest.raises(SeriesRuleError) as err:
        series_dates(first_local=datetime(2027, 1, 7, 18, 0), zone=LONDON, **kwargs)
    assert err.value.field == field


def test_a_time_in_the_spring_gap_moves_forward_with_the_clock():
    dates = series_dates(first_local=datetime(2027, 3, 21, 1, 30), zone=LONDON, count=2)
    assert dates.sessions[1].strftime("%H:%M %z") == "02:30 +0100"


def test_local_start_and_session_date_use_the_group_zone():
    moment = datetime(2027, 3, 4, 23, 30, tzinfo=UTC)
    assert local_start(moment, "Europe/Berlin") == datetime(2027, 3, 5, 0, 30)
    assert session_date(moment, "Europe/Berlin") == date(2027, 3, 5)
    assert session_date(moment, LONDON) == date(2027, 3, 4)


NOW = datetime(2027, 3, 10, tzinfo=UTC)


@pytest.mark.parametrize("starts, attendance, notes, expected", [
    (datetime(2027, 3, 11, tzinfo=UTC), False, False, True),
    (datetime(2027, 3, 11, tzinfo=UTC), True, False, False),
    (datetime(2027, 3, 11, tzinfo=UTC), False, True, False),
    (datetime(2027, 3, 9, tzinfo=UTC), False, False, False),  # held already: history stays
])
def test_removable(starts, attendance, notes, expected):
    assert removable(starts_at=starts, now=NOW, has_attendance=attendance, has_notes=notes) is expected


@pytest.mark.parametrize("joined, left, day, expected", [
    (date(2027, 1, 1), None, date(2027, 1, 1), True),
    (date(2027, 1, 1), None, date(2026, 12, 31), False),
    (date(2027, 1, 1), date(2027, 2, 1), date(2027, 1, 31), True),
    (date(2027, 1, 1), date(2027, 2, 1), date(2027, 2, 1), False),  # left_on is the first day no longer a member
])
def test_on_roster(joined, left, day, expected):
    assert on_roster(joined, left, day) is expected


def test_roster_through_a_series_with_a_member_joining_in_week_3_and_one_leaving_before_week_6():
    weeks = [date(2027, 1, 7 + 7 * i) if i < 4 else date(2027, 2, 4 + 7 * (i - 4)) for i in range(8)]
    periods = [("ana", date(2027, 1, 1), None), ("ben", date(2027, 1, 20), None),  # joins before week 3
               ("cy", date(2027, 1, 1), date(2027, 2, 10)),  # leaves after week 5
               ("cy", date(2027, 2, 24), None)]  # and comes back for week 8
    rosters = [roster_on(periods, day) for day in weeks]
    assert rosters[0] == ["ana", "cy"] and rosters[1] == ["ana", "cy"]
    assert rosters[2] == ["ana", "cy", "ben"]
    assert rosters[4] == ["ana", "cy", "ben"]
    assert rosters[5] == ["ana", "ben"] and rosters[6] == ["ana", "ben"]
    assert rosters[7] == ["ana", "ben", "cy"]  # back in a new period, ordered by when it began


def test_closed_group_refuses_joining_after_its_start():
    assert closed_to(closed=True, starts_on=date(2027, 1, 7), joined_on=date(2027, 1, 14))
    assert closed_to(closed=True, starts_on=date(2027, 1, 7), joined_on=date(2027, 1, 7)) is None
    assert closed_to(closed=False, starts_on=date(2027, 1, 7), joined_on=date(2027, 3, 1)) is None


def test_records_off_the_roster_and_duplicates():
    records = [{"participant_id": "a"}, {"participant_id": "x"}, {"participant_id": "a"}]
    assert off_roster(records, ["a", "b"]) == [1]
    assert duplicates(records) == [2]


def test_tally_counts_only_sessions_held_while_on_the_roster():
    sessions = [
        (["a", "b"], {"a": "present", "b": "no_show"}),
        (["a", "b"], {"a": "late", "b": "excused"}),
        (["a", "b", "c"], {"a": "cancelled_by_practice", "b": "cancelled_by_practice", "c": "cancelled_by_practice"}),
        (["a", "c"], {"a": "left_early", "c": "present"}),  # b left
        (["a", "c"], {}),  # not held yet
    ]
    by_id = {t.participant_id: t for t in tally(sessions=sessions, members=["a", "b", "c"])}
    assert by_id["a"].sessions_held == 4 and by_id["a"].attendance_rate == 1.0
    assert by_id["a"].counts["present"] == 1 and by_id["a"].counts["late"] == 1
    assert by_id["b"].sessions_held == 3 and by_id["b"].attendance_rate == 0.0
    assert by_id["c"].sessions_held == 2 and by_id["c"].attendance_rate == 1.0


def test_tally_rate_is_none_before_anything_counts_and_unrecorded_is_not_an_absence():
    assert Tally("a").attendance_rate is None
    [t] = tally(sessions=[(["a"], {"b": "present"}), (["a"], {"a": "no_show"})], members=["a"])
    assert t.unrecorded == 1 and t.sessions_held == 2 and t.attendance_rate == 0.0


def _session(pid, number, day, slugs, roster, statuses=None):
    return EarlierSession(plan_id=pid, title=f"Week {number}", session_number=number, day=day,
                          module_slugs=frozenset(slugs), roster=frozenset(roster), statuses=statuses or {})


VISUALISE = [("i1", "opening-check-in", ()), ("i2", "younger-self-visualisation",
                                                ("group-agreements", "opening-check-in"))]


def test_prerequisites_met_by_an_earlier_item_and_an_attended_session():
    earlier = [_session("p1", 1, date(2027, 1, 7), ["group-agreements"], ["a"], {"a": "present"})]
    assert missed_prerequisites(items=VISUALISE, roster=["a"], earlier=earlier) == []


@pytest.mark.parametrize("roster, statuses, who", [
    (["a", "b"], {"a": "present", "b": "no_show"}, ["b"]),        # absent from the session that had it
    (["a", "b"], {"a": "late", "b": "excused"}, ["b"]),
    (["a"], {"a": "present"}, ["b"]),                              # b joined after it
    (["a", "b"], {}, []),                                          # not recorded (a session ahead): expected there
    (["a", "b"], {"a": "left_early", "b": "cancelled_by_practice"}, ["b"]),
])
def test_missed_prerequisite_names_module_and_session(roster, statuses, who):
    earlier = [_session("p1", 1, date(2027, 1, 7), ["group-agreements"], roster, statuses)]
    missed = missed_prerequisites(items=VISUALISE, roster=["a", "b"], earlier=earlier)
    assert [m.participant_id for m in missed] == who
    for m in missed:
        assert m.prerequisite == "group-agreements" and m.item_id == "i2"
        assert m.session == "session 1: Week 1 (2027-01-07)"
        assert "group-agreements" in m.message and "Week 1" in m.message


def test_a_later_makeup_session_counts_and_no_earlier_session_is_named_as_such():
    earlier = [_session("p1", 1, date(2027, 1, 7), ["group-agreements"], ["a"], {"a": "no_show"}),
               _session("p2", 2, date(2027, 1, 14), ["group-agreements"], ["a"], {"a": "present"})]
    assert missed_prerequisites(items=VISUALISE, roster=["a"], earlier=earlier) == []
    [missed] = missed_prerequisites(items=VISUALISE, roster=["a"], earlier=[])
    assert missed.session is None and "no earlier session" in missed.message
    # the grounding came earlier in the same session: only the agreements are missing
    assert missed.prerequisite == "group-agreements"


def test_note_rules():
    assert editable("draft") and not editable("signed")
    entries = [{"participant_id": "a", "text": "A's entry"}, {"participant_id": "b", "text": "B's entry"}]
    assert view_for_participant(shared="S", entries=entries, participant_id="b") == {
        "shared": "S", "entry": {"participant_id": "b", "text": "B's entry"}}
    assert view_for_participant(shared="S", entries=entries, participant_id="c")["entry"] is None
    assert entry_problems(entries, ["a", "b"]) == {}
    more = [*entries, {"participant_id": "a", "text": "again"}, {"participant_id": "z", "text": "x"}]
    assert set(entry_problems(more, ["a", "b"])) == {"2", "3"}


def test_a_stored_rule_is_read_by_property_not_by_line_position():
    """An older row's lines in another order (or its RRULE parts in another order) read the same."""
    from toolkit.series.rules import read_stored

    text = ("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3\nEXDATE;TZID=Europe/London:20270318T180000\n"
            "DTSTART;TZID=Europe/London:20270304T180000")
    assert read_stored(text) == {"dtstart": "DTSTART;TZID=Europe/London:20270304T180000",
                                 "rrule": "RRULE:FREQ=WEEKLY;COUNT=3;INTERVAL=2",
                                 "exdates": ["EXDATE;TZID=Europe/London:20270318T180000"]}

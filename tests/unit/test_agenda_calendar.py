"""The calendar (issue 18, point 7) without HTTP: item identity across edits, SEQUENCE and LAST-MODIFIED,
control characters, and a VTIMEZONE of yearly rules (no RDATE) that reproduces the zone's offsets."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tests.factories import make_doc, make_plan, retreat_plans
from toolkit.agendas.ics import SEQUENCE_EPOCH, render_ics, sequence_of
from toolkit.agendas.vtimezone import vtimezone
from toolkit.plans.identity import ItemIdentityError, Sent, Stored, match_items

BERLIN = ZoneInfo("Europe/Berlin")


# --------------------------------------------------------------------------------------------------
# Which stored item a replacement item is
# --------------------------------------------------------------------------------------------------

STORED = [Stored("a", "open"), Stored("b", "letter"), Stored("c", None), Stored("d", "letter"), Stored("e", "close")]


@pytest.mark.parametrize(("sent", "expected"), [
    # the same list (minutes or notes changed): every item keeps its id
    ([(None, "open"), (None, "letter"), (None, None), (None, "letter"), (None, "close")], ["a", "b", "c", "d", "e"]),
    # moved: the same module's occurrences keep their order, the break stays the break
    ([(None, "close"), (None, None), (None, "open"), (None, "letter"), (None, "letter")], ["e", "c", "a", "b", "d"]),
    # one removed, one new module: the rest keep their ids
    ([(None, "open"), (None, "photo"), (None, "letter"), (None, "close")], ["a", None, "b", "e"]),
    # ids sent win over the order: the second letter is named, the other letter takes the first one
    ([(None, "letter"), ("d", "letter"), (None, "open")], ["b", "d", "a"]),
    # an id may keep an item whose module changed
    ([("b", "photo"), (None, "letter")], ["b", "d"]),
    # a longer list: the extra items are new
    ([(None, "open"), (None, "open")], ["a", None]),
    ([], []),
])
def test_match_items(sent, expected):
    assert match_items(STORED, [Sent(i, m) for i, m in sent]) == expected


@pytest.mark.parametrize(("sent", "index", "message"), [
    ([("zzz", "open")], 0, "Not an item of this plan"),
    ([("a", "open"), ("a", "open")], 1, "sent twice"),
])
def test_match_items_refuses_unknown_and_repeated_ids(sent, index, message):
    with pytest.raises(ItemIdentityError, match=message) as err:
        match_items(STORED, [Sent(i, m) for i, m in sent])
    assert err.value.index == index


# --------------------------------------------------------------------------------------------------
# Events: UID, SEQUENCE, LAST-MODIFIED, text
# --------------------------------------------------------------------------------------------------


def _events(doc, **kw):
    return list(icalendar.Calendar.from_ical(render_ics(doc, detail_items=True, **kw)).walk("VEVENT"))


def test_events_carry_sequence_and_last_modified_from_the_plans_change():
    changed = datetime(2027, 3, 1, 10, 30, 15, 999, tzinfo=UTC)
    plans = [replace(p, changed_at=changed + timedelta(minutes=n)) for n, p in enumerate(retreat_plans())]
    evs = _events(make_doc(plans=plans), dtstamp=datetime(2027, 3, 5, tzinfo=UTC))
    by_plan = {p.plan_id: p.changed_at for p in plans}
    for event in evs:
        plan_id = str(event["UID"]).split("-i")[0].removeprefix("item-")
        assert event.decoded("LAST-MODIFIED") == by_plan[plan_id].replace(microsecond=0)
        assert int(event["SEQUENCE"]) == sequence_of(by_plan[plan_id]) > 0
        assert event.decoded("DTSTAMP") == datetime(2027, 3, 5, tzinfo=UTC)


def test_sequence_grows_with_every_change_and_fits_32_bits():
    first = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)
    values = [sequence_of(first + timedelta(seconds=s)) for s in (0, 1, 2, 3600, 86400 * 365)]
    assert values == sorted(set(values))
    assert sequence_of(None) == 0 and sequence_of(SEQUENCE_EPOCH - timedelta(days=1)) == 0
    assert sequence_of(datetime(2088, 1, 1, tzinfo=UTC)) < 2**31


def test_unknown_change_time_still_gives_sequence_and_last_modified():
    event = _events(make_doc(), dtstamp=datetime(2027, 3, 5, 8, tzinfo=UTC))[0]
    assert int(event["SEQUENCE"]) == 0 and event.decoded("LAST-MODIFIED") == datetime(2027, 3, 5, 8, tzinfo=UTC)


def test_uids_follow_item_ids_not_positions_or_times():
    plan = make_plan("p1", "Saturday", datetime(2027, 4, 3, 9, tzinfo=BERLIN), [("open", 20), ("letter", 45)])
    longer = make_plan("p1", "Saturday", datetime(2027, 4, 3, 9, tzinfo=BERLIN), [("open", 25), ("letter", 45)])
    before = [str(e["UID"]) for e in _events(make_doc(plans=[plan]))]
    after = _events(make_doc(plans=[longer]))
    assert [str(e["UID"]) for e in after] == before
    assert after[1].decoded("DTSTART") == datetime(2027, 4, 3, 9, 25, tzinfo=BERLIN)


def test_control_characters_are_stripped_and_line_breaks_kept_only_in_descriptions():
    nasty = "Tea\x00 time\x07\x1b[31m\r\nBEGIN:VEVENT\x7f\x85end"
    plan = make_plan("p1", nasty, datetime(2027, 4, 3, 9, tzinfo=BERLIN), [("open", 20)])
    doc = make_doc(plans=[plan], location="Room\x01 2\x1f\x0b", group_name="Spring\x08 Retreat")
    data = render_ics(doc, detail_items=False)
    for char in "\x00\x07\x1b\x7f\x0b\x1f\x08":
        assert char.encode() not in data
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Tea time[31m BEGIN:VEVENT end"
    assert str(event["LOCATION"]) == "Room 2 "  # a vertical tab is a line break: a space
    assert data.split(b"\r\n").count(b"BEGIN:VEVENT") == 1  # the injected line stayed text
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


# --------------------------------------------------------------------------------------------------
# VTIMEZONE: yearly rules Outlook reads, exact for the covered years
# --------------------------------------------------------------------------------------------------


def _parsed(component: icalendar.Timezone) -> icalendar.Timezone:
    text = "BEGIN:VCALENDAR\r\n" + component.to_ical().decode() + "END:VCALENDAR\r\n"
    return icalendar.Calendar.from_ical(text).walk("VTIMEZONE")[0]


@pytest.mark.parametrize(("zone", "first", "last"), [
    ("Europe/Berlin", date(2027, 3, 27), date(2027, 3, 29)),
    ("Europe/London", date(2026, 10, 20), date(2027, 4, 2)),
    ("Europe/Dublin", date(2027, 1, 1), date(2027, 12, 31)),  # summer is its "standard" time in tzdata
    ("America/New_York", date(2006, 5, 1), date(2008, 5, 1)),  # the 2007 US rule change: two rule sets
    ("Australia/Sydney", date(2027, 4, 1), date(2028, 10, 10)),  # southern hemisphere
    ("Australia/Lord_Howe", date(2027, 1, 1), date(2027, 12, 31)),  # a 30-minute change
    ("Pacific/Chatham", date(2027, 1, 1), date(2027, 12, 31)),  # +12:45 / +13:45
    ("America/Sao_Paulo", date(2018, 6, 1), date(2020, 6, 1)),  # DST abolished in 2019
    ("Europe/Moscow", date(2010, 6, 1), date(2015, 6, 1)),  # permanent summer time, then back
    ("Asia/Tehran", date(2019, 1, 1), date(2023, 1, 1)),  # fixed-date changes, then none
    ("Africa/Casablanca", date(2027, 1, 1), date(2027, 12, 31)),  # irregular (Ramadan) changes
    ("Asia/Tokyo", date(2027, 1, 1), date(2027, 12, 31)),  # no DST at all
    ("Etc/GMT-2", date(2027, 1, 1), date(2027, 1, 1)),
])
def test_vtimezone_has_no_rdate_and_reproduces_the_zone(zone, first, last):
    component = vtimezone(zone, first, last)
    text = component.to_ical().decode()
    assert "RDATE" not in text and f"TZID:{zone}" in text
    tz = _parsed(component).to_tz(lookup_tzid=False)
    reference = ZoneInfo(zone)
    # Every 12 hours of the covered years, and the minutes either side of each change of the zone (found by
    # scanning zoneinfo itself every 15 minutes).
    moment, end = datetime(first.year - 1, 1, 1, tzinfo=UTC), datetime(last.year + 2, 1, 1, tzinfo=UTC)
    samples, before = [], moment.astimezone(reference).utcoffset()
    while moment < end:
        offset = moment.astimezone(reference).utcoffset()
        if offset != before:
            samples += [moment - timedelta(minutes=m) for m in (30, 16, 14, 1)] + [moment + timedelta(minutes=1)]
        elif moment.minute == 0 and moment.hour % 12 == 0:
            samples.append(moment)
        moment, before = moment + timedelta(minutes=15), offset
    wrong = [m for m in samples if m.astimezone(tz).utcoffset() != m.astimezone(reference).utcoffset()]
    assert len(samples) > 700 and wrong == []


@pytest.mark.parametrize(("zone", "daylight", "standard"), [
    ("Europe/Berlin", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"),
    ("America/New_York", "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"),
    ("Australia/Sydney", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=10", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=4"),
])
def test_a_regular_zone_is_one_daylight_and_one_standard_rule(zone, daylight, standard):
    component = _parsed(vtimezone(zone, date(2027, 3, 1), date(2027, 11, 30)))
    parts = {part.name: part for part in component.subcomponents}
    assert sorted(parts) == ["DAYLIGHT", "STANDARD"] and len(component.subcomponents) == 2
    assert parts["DAYLIGHT"]["RRULE"].to_ical().decode() == daylight
    assert parts["STANDARD"]["RRULE"].to_ical().decode() == standard


def test_the_calendar_carries_the_built_vtimezone():
    cal = icalendar.Calendar.from_ical(render_ics(make_doc(), detail_items=True))
    assert [t.tz_name for t in cal.timezones] == ["Europe/Berlin"]
    assert cal.get_missing_tzids() == set()
    assert b"RDATE" not in cal.to_ical()
    parts = cal.timezones[0].subcomponents
    assert {p.name for p in parts} == {"DAYLIGHT", "STANDARD"} and all("RRULE" in p for p in parts)


def test_utc_agenda_needs_no_vtimezone():
    plan = make_plan("p1", "Saturday", datetime(2027, 4, 3, 9, tzinfo=UTC), [("open", 20)], tz="UTC")
    cal = icalendar.Calendar.from_ical(render_ics(make_doc(plans=[plan], tz="UTC"), detail_items=False))
    assert cal.timezones == [] and cal.get_missing_tzids() == set()


@pytest.mark.parametrize(("line", "logged"), [
    ("GET /api/v1/calendar-feeds/q0Zr3bX2k9-_YwH1 HTTP/1.1", "GET /api/v1/calendar-feeds/[token] HTTP/1.1"),
    ("/api/v1/calendar-feeds/abc?x=1", "/api/v1/calendar-feeds/[token]?x=1"),
    ("GET /api/v1/groups/g1/calendar-feed HTTP/1.1", "GET /api/v1/groups/g1/calendar-feed HTTP/1.1"),
])
def test_the_access_log_keeps_no_feed_token(line, logged):
    from toolkit.serving import redact_secrets

    assert redact_secrets(line) == logged

"""Series dates: plain functions over dates and zone names (no Flask, no database).

A series is `count` held sessions, every `every_weeks` weeks at the same local wall-clock time in the
group's zone (so 18:00 stays 18:00 across a daylight-saving change). A skipped date does not count: it
pushes the series one slot further, so 8 sessions with one skip span 9 slots. The server writes the
iCalendar rule for it: RFC 5545 counts `COUNT` before EXDATEs are removed, so the rule says COUNT=9
and one EXDATE, never the COUNT=8 a hand-written rule would give (7 held sessions).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from icalendar import Component, Event

from toolkit.common.zones import get_zone, localize

MAX_COUNT = 52
MAX_EVERY_WEEKS = 8


class SeriesRuleError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class SeriesDates:
    sessions: tuple[datetime, ...]  # aware, in the group's zone, numbered 1.. in order
    skipped: tuple[datetime, ...]   # the slots that were skipped (the EXDATEs)


def local_start(moment: datetime, zone: str) -> datetime:
    """The wall-clock time of `moment` in `zone` (naive), the series' fixed local time."""
    return localize(moment, zone).replace(tzinfo=None)


def _aware(local: datetime, zone: str) -> datetime:
    """A local wall-clock time made aware; a time inside a spring-forward gap moves forward with the clock
    (common/zones.localize, the one zone helper)."""
    return localize(local, zone)


def series_dates(*, first_local: datetime, zone: str, count: int, every_weeks: int = 1,
                 skip_dates=()) -> SeriesDates:
    """The held sessions and the skipped slots of a series starting at `first_local` (naive local time)."""
    if not 1 <= count <= MAX_COUNT:
        raise SeriesRuleError("count", f"Must be between 1 and {MAX_COUNT}.")
    if not 1 <= every_weeks <= MAX_EVERY_WEEKS:
        raise SeriesRuleError("every_weeks", f"Must be between 1 and {MAX_EVERY_WEEKS}.")
    skips = set(skip_dates)
    sessions: list[datetime] = []
    skipped: list[datetime] = []
    slot = 0
    while len(sessions) < count:
        local = first_local + timedelta(weeks=every_weeks * slot)
        (skipped if local.date() in skips else sessions).append(_aware(local, zone))
        slot += 1
    used = {s.date() for s in skipped}
    stray = sorted(skips - used)
    if stray:
        raise SeriesRuleError("skip_dates", "Not a date of this series: " + ", ".join(d.isoformat() for d in stray)
                              + f" (sessions fall every {every_weeks} week(s) from {first_local.date().isoformat()}).")
    return SeriesDates(sessions=tuple(sessions), skipped=tuple(skipped))


def recurrence(*, first_local: datetime, zone: str, count: int, every_weeks: int, skipped) -> Event:
    """The iCalendar form of a series, built by the icalendar library (as agendas/ writes its calendars):
    DTSTART, RRULE and EXDATEs at the group's wall-clock times with its TZID. COUNT includes the skipped
    slots, because RFC 5545 removes EXDATEs after counting."""
    tz = get_zone(zone)
    event = Event()
    event.add("dtstart", first_local.replace(tzinfo=tz))
    event.add("rrule", {"freq": "weekly", "interval": every_weeks, "count": count + len(skipped)})
    for slot in skipped:
        event.add("exdate", slot.replace(tzinfo=tz))
    return event


def recurrence_lines(event: Component) -> dict:
    """The rule's content lines by property (as the API shows them): dtstart, rrule, exdates."""
    lines: dict = {"dtstart": None, "rrule": None, "exdates": []}
    for name, value in event.property_items(recursive=False):
        line = event.content_line(name, value).to_ical().decode()
        if name == "EXDATE":
            lines["exdates"].append(line)
        elif name in ("DTSTART", "RRULE"):
            lines[name.lower()] = line
    return lines


def rrule_of(*, first_local: datetime, zone: str, count: int, every_weeks: int, skipped) -> dict:
    return recurrence_lines(recurrence(first_local=first_local, zone=zone, count=count, every_weeks=every_weeks,
                                       skipped=skipped))


def stored_text(event: Event) -> str:
    """What a series stores: the rule's content lines, one per line."""
    lines = recurrence_lines(event)
    return "\n".join([lines["dtstart"], lines["rrule"], *lines["exdates"]])


def read_stored(text: str) -> dict:
    """A stored rule parsed by the library (by property name, not by line position)."""
    return recurrence_lines(Event.from_ical("BEGIN:VEVENT\r\n" + text.replace("\n", "\r\n") + "\r\nEND:VEVENT\r\n"))


def removable(*, starts_at: datetime, now: datetime, has_attendance: bool, has_notes: bool) -> bool:
    """A session a series deletion may remove: still in the future, with no attendance and no notes."""
    return starts_at > now and not has_attendance and not has_notes


def session_date(starts_at: datetime, zone: str) -> date:
    """The calendar date of a session in its group's zone (the date its roster is taken on)."""
    return localize(starts_at, zone).date()

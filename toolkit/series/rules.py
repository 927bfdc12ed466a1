"""Series dates: plain functions over dates and zone names (no Flask, no database).

A series is `count` held sessions, every `every_weeks` weeks at the same local wall-clock time in the
group's zone (so 18:00 stays 18:00 across a daylight-saving change). A skipped date does not count: it
pushes the series one slot further, so 8 sessions with one skip span 9 slots. The server writes the
iCalendar rule for it: RFC 5545 counts `COUNT` before EXDATEs are removed, so the rule says COUNT=9
and one EXDATE, never the COUNT=8 a hand-written rule would give (7 held sessions).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

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
    return moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def _aware(local: datetime, zone: str) -> datetime:
    """A local wall-clock time made aware; a time inside a spring-forward gap moves forward with the clock."""
    tz = ZoneInfo(zone)
    return local.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


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


def _ical(local: datetime) -> str:
    return local.strftime("%Y%m%dT%H%M%S")


def rrule_of(*, first_local: datetime, zone: str, count: int, every_weeks: int, skipped) -> dict:
    """The iCalendar form of a series: DTSTART, RRULE and EXDATEs with the group's TZID. COUNT includes the
    skipped slots, because RFC 5545 removes EXDATEs after counting."""
    rule = f"FREQ=WEEKLY;INTERVAL={every_weeks};COUNT={count + len(skipped)}"
    return {
        "dtstart": f"DTSTART;TZID={zone}:{_ical(first_local)}",
        "rrule": f"RRULE:{rule}",
        "exdates": [f"EXDATE;TZID={zone}:{_ical(s.replace(tzinfo=None))}" for s in skipped],
    }


def removable(*, starts_at: datetime, now: datetime, has_attendance: bool, has_notes: bool) -> bool:
    """A session a series deletion may remove: still in the future, with no attendance and no notes."""
    return starts_at > now and not has_attendance and not has_notes


def session_date(starts_at: datetime, zone: str) -> date:
    """The calendar date of a session in its group's zone (the date its roster is taken on)."""
    return starts_at.astimezone(ZoneInfo(zone)).date()

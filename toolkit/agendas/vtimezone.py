"""A VTIMEZONE that Outlook reads: yearly RRULE-based STANDARD/DAYLIGHT components, never RDATE lists.

Plain Python over zoneinfo (no Flask, no database). The zone's transitions are found by scanning its offsets
over the covered years; transitions that follow one yearly rule ("last Sunday of March at 02:00",
"second Sunday of March", "22 March") become one component with `RRULE:FREQ=YEARLY` (with UNTIL when the
rule ended inside the range, open-ended when it is still in force); a one-off change (a zone that moved its
standard offset) is a component with a single DTSTART. A zone without transitions gets one STANDARD.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from ..common.zones import get_zone

_DAY = timedelta(days=1)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class Transition:
    at: datetime  # the instant (UTC)
    offset_from: timedelta
    offset_to: timedelta
    name: str

    @property
    def local(self) -> datetime:
        """The wall-clock time it happens at, in the offset before it (a VTIMEZONE's DTSTART), naive."""
        return (self.at + self.offset_from).replace(tzinfo=None)

    @property
    def kind(self) -> str:
        return "daylight" if self.offset_to > self.offset_from else "standard"

    def key(self) -> tuple:
        """What must be equal for two yearly transitions to follow one rule (besides the day rule)."""
        local = self.local
        return self.kind, local.month, local.weekday(), local.time(), self.offset_from, self.offset_to, self.name

    def day_rules(self) -> set[tuple[str, int]]:
        """Every way to name its day in a yearly rule: nth weekday, last weekday, day of the month."""
        local = self.local
        rules = {("byday", (local.day - 1) // 7 + 1), ("bymonthday", local.day)}
        if local.day + 7 > calendar.monthrange(local.year, local.month)[1]:
            rules.add(("byday", -1))
        return rules


def _offset(zone: ZoneInfo, moment: datetime) -> timedelta:
    return moment.astimezone(zone).utcoffset() or timedelta(0)


def transitions(zone: ZoneInfo, start: datetime, end: datetime) -> list[Transition]:
    """Every change of UTC offset between two instants (found day by day, then to the second)."""
    found = []
    moment = start
    before = _offset(zone, moment)
    while moment < end:
        after = _offset(zone, moment + _DAY)
        if after != before:
            low, high = moment, moment + _DAY  # offset(low) == before, offset(high) != before
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if _offset(zone, middle) == before else (low, middle)
            found.append(Transition(at=high, offset_from=before, offset_to=_offset(zone, high),
                                    name=high.astimezone(zone).tzname() or ""))
        moment, before = moment + _DAY, after
    return found


def _rule_groups(found: list[Transition]) -> list[tuple[list[Transition], set]]:
    """Transitions of one kind in consecutive years that one yearly rule describes, grouped."""
    groups: list[tuple[list[Transition], set]] = []
    open_by_kind: dict[str, int] = {}
    for transition in found:
        index = open_by_kind.get(transition.kind)
        if index is not None:
            members, rules = groups[index]
            last = members[-1]
            common = rules & transition.day_rules()
            if last.key() == transition.key() and transition.local.year == last.local.year + 1 and common:
                members.append(transition)
                groups[index] = (members, common)
                continue
        open_by_kind[transition.kind] = len(groups)
        groups.append(([transition], transition.day_rules()))
    return groups


def _rrule(first: Transition, rules: set, until: datetime | None) -> dict:
    preferred = sorted(rules, key=lambda r: (r[0] != "byday", r[1] != -1, r[1]))[0]
    rule: dict = {"freq": "yearly", "bymonth": first.local.month}
    if preferred[0] == "byday":
        rule["byday"] = f"{preferred[1]}{_WEEKDAYS[first.local.weekday()]}"
    else:
        rule["bymonthday"] = preferred[1]
    if until is not None:
        rule["until"] = until
    return rule


def _component(kind: str, dtstart: datetime, offset_from: timedelta, offset_to: timedelta, name: str):
    part = icalendar.TimezoneDaylight() if kind == "daylight" else icalendar.TimezoneStandard()
    part.add("dtstart", dtstart)
    part.add("tzoffsetfrom", offset_from)
    part.add("tzoffsetto", offset_to)
    if name:
        part.add("tzname", name)
    return part


def vtimezone(tz_name: str, first: date, last: date) -> icalendar.Timezone:
    """The VTIMEZONE of `tz_name`, exact from the year before `first` to the year after `last`.

    The scan starts a year earlier still, so a zone with yearly changes gets just its rule components (the
    state before the first onset is that year's, outside the exact range); a zone whose first change in the
    scan comes later (or never) also gets its initial state as a component of its own.
    """
    zone = get_zone(tz_name)
    start = datetime(first.year - 2, 1, 1, tzinfo=UTC)
    end = datetime(last.year + 2, 1, 1, tzinfo=UTC)
    found = transitions(zone, start, end)
    tz = icalendar.Timezone()
    tz.add("tzid", tz_name)
    if not found or found[0].at.year > start.year:
        offset = _offset(zone, start)
        kind = "daylight" if zone.dst(start.replace(tzinfo=None)) else "standard"
        tz.add_component(_component(kind, datetime(1970, 1, 1), offset, offset,
                                    start.astimezone(zone).tzname() or ""))
    final_year = last.year + 1  # a rule with a transition in the last scanned year is still in force
    for members, rules in _rule_groups(found):
        head = members[0]
        part = _component(head.kind, head.local, head.offset_from, head.offset_to, head.name)
        if len(members) > 1:
            ongoing = members[-1].local.year == final_year
            # UNTIL a day after the last onset: inside the rule whether a client reads it as UTC (RFC 5545) or
            # as local wall time (dateutil), and long before the next yearly onset it must exclude.
            part.add("rrule", _rrule(head, rules, None if ongoing else members[-1].at + _DAY))
        tz.add_component(part)
    return tz

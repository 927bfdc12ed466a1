"""iCalendar agendas: one VEVENT per plan, or per item, from the participant view."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import icalendar

from .document import PRODID, UID_DOMAIN, AgendaDocument, participant_copy
from .html import hm, is_ambiguous, oneline
from .view import audience_view
from .vtimezone import vtimezone

# SEQUENCE counts whole seconds of an event's last change since this moment: it increases on every stored
# change (monotonic as the clock is) without a counter of its own, and fits a 32-bit integer until 2088.
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def sequence_of(changed_at: datetime | None) -> int:
    """The SEQUENCE of an event last changed at `changed_at` (0 when unknown or before the epoch)."""
    if changed_at is None:
        return 0
    return max(0, int((changed_at.astimezone(UTC) - SEQUENCE_EPOCH).total_seconds()))


def _participant_description(plan: dict[str, Any]) -> str:
    """Participant-safe text for a plan event: item times, titles and participant summaries only."""
    lines = []
    for item in plan["items"]:
        head = f"{hm(item['starts_at'])}–{hm(item['ends_at'])} {item['title']}"
        if item["is_break"] and "break" not in item["title"].casefold():
            head += " (break)"
        lines.append(head)
        if item["participant_summary"]:
            lines.append(f"  {oneline(item['participant_summary'])}")
    return "\n".join(lines)


def render_ics(doc: AgendaDocument, *, detail_items: bool, dtstamp: datetime | None = None) -> bytes:
    """An iCalendar file: one VEVENT per plan, or per non-break item when `detail_items`.

    Times carry the group's TZID with a matching VTIMEZONE of yearly rules (vtimezone.py: no RDATE lists,
    which Outlook does not read). UIDs are stable ('plan-<id>@inner-child-toolkit',
    'item-<id>@inner-child-toolkit', and an item keeps its id across plan edits) so re-importing updates
    events instead of duplicating them; LAST-MODIFIED is the plan's `changed_at` and SEQUENCE grows with it.
    Descriptions are participant-safe whatever the audience: titles and participant summaries, never
    scripts, notes or clearance. The facilitator's calendar also
    gets each session's safety check line, which names nobody and carries no clinical detail (counts only).
    """
    safety_notes = {p.plan_id: p.safety_note for p in doc.plans} if doc.audience == "facilitator" else {}
    participant_doc = participant_copy(doc)
    view = audience_view(participant_doc)
    stamp = (dtstamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    changed = {p.plan_id: p.changed_at for p in doc.plans}
    cancelled = {p.plan_id for p in doc.plans if p.cancelled}

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", _method(doc))
    cal.add("x-wr-calname", icalendar.vText(_ics_text(doc.group_name or doc.practice_name)))
    cal.add("x-wr-timezone", doc.timezone)

    def add_event(plan_id: str, uid: str, summary: str, start: datetime, end: datetime, description: str) -> None:
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", (changed[plan_id] or stamp).astimezone(UTC).replace(microsecond=0))
        # A cancellation is always newer than the last version of the event (even within the same second).
        event.add("sequence", sequence_of(changed[plan_id]) + (1 if plan_id in cancelled else 0))
        event.add("summary", _ics_text(_status(event, summary, cancelled=plan_id in cancelled)))
        event.add("dtstart", _ics_time(start))
        if end.astimezone(UTC) > start.astimezone(UTC):
            event.add("dtend", _ics_time(end))
        if doc.location:
            event.add("location", _ics_text(doc.location))
        if description:
            event.add("description", _ics_text(description, multiline=True))
        cal.add_component(event)

    for day in view["days"]:
        for plan in day["plans"]:
            if not detail_items:
                add_event(
                    plan["plan_id"],
                    f"plan-{plan['plan_id']}@{UID_DOMAIN}",
                    plan["title"],
                    plan["starts_at"],
                    plan["ends_at"],
                    "\n\n".join(t for t in (_participant_description(plan), safety_notes.get(plan["plan_id"])) if t),
                )
                continue
            for item in plan["items"]:
                if item["is_break"]:
                    continue
                add_event(
                    plan["plan_id"],
                    f"item-{item['item_id']}@{UID_DOMAIN}",
                    item["title"],
                    item["starts_at"],
                    item["ends_at"],
                    oneline(item["participant_summary"]),
                )

    _add_timezone(cal, doc, [d["date"] for d in view["days"]])
    return cal.to_ical()


def _status(event: icalendar.Event, summary: str, *, cancelled: bool) -> str:
    """A deleted session keeps its UID with a higher SEQUENCE and is marked cancelled; returns the summary."""
    if not cancelled:
        return summary
    event.add("status", "CANCELLED")
    return f"Cancelled: {summary}"


def _method(doc: AgendaDocument) -> str:
    """CANCEL for a file of cancellations only (a download for calendars that imported the sessions: it asks
    them to remove the events), else PUBLISH."""
    return "CANCEL" if doc.plans and all(p.cancelled for p in doc.plans) else "PUBLISH"


def _add_timezone(cal: icalendar.Calendar, doc: AgendaDocument, dates: list) -> None:
    """The VTIMEZONE of the TZID the events use (none when every time is UTC), exact around their dates."""
    zoned = {e[name].params.get("TZID") for e in cal.walk("VEVENT") for name in ("DTSTART", "DTEND") if name in e}
    if zoned - {None}:
        dates = dates or [doc.generated_for_date]
        cal.subcomponents.insert(0, vtimezone(doc.timezone, min(dates), max(dates)))


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _ics_text(value: str, *, multiline: bool = False) -> str:
    """A text value fit for a content line: control characters dropped; line breaks kept (icalendar escapes
    them as \\n) only in multi-line values, else turned into spaces. icalendar escapes , ; and \\."""
    text = _LINE_BREAKS.sub("\n" if multiline else " ", str(value))
    return _CONTROLS.sub("", text.replace("\t", " "))


def _ics_time(value: datetime) -> datetime:
    """Local time with TZID, except the second occurrence of a repeated (fall-back) wall time.

    RFC 5545 reads an ambiguous local time as its first occurrence, so the second one is written in
    UTC instead, which every client reads as the right instant.
    """
    if value.fold == 1 and is_ambiguous(value):
        return value.astimezone(UTC)
    return value



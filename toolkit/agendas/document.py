"""The agenda document: frozen dataclasses the service layer fills, plus the names, paths and limits that
every renderer shares. Plain Python: no Flask, no SQL, no template engine.

`view.py` decides what each audience sees; `html.py` (HTML and Markdown), `ics.py` and `pdf.py` render that
view; `render.py` is the one entry point the API layer calls.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from toolkit.common.text import ascii_fold, slugify
from toolkit.common.zones import get_zone
from toolkit.exercises.rules import Material
from toolkit.vocab import GROUP_KINDS, VERDICTS

AUDIENCES = ("facilitator", "participant")
PAPERS = ("a4", "letter")
FORMATS = ("json", "html", "pdf", "ics", "md")
# `?detail=`: ics gives one event per plan (`plans`, the default) or per item (`items`); the printed formats
# (pdf, html, md, json) give every day's run sheet then its detail section (scripts, steps), or with
# `run_sheet` the run sheets alone.
DETAILS = ("plans", "items", "run_sheet")
MEDIA_TYPES = {
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "ics": "text/calendar; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}
# Clearance lines use the per-item verdicts plus two whole-person ones (item_title is None for those).
CLEARANCE_VERDICTS = (*VERDICTS, "blocked", "unscreened", "missed_prerequisite")

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
ASSET_SCHEME = "toolkit-asset"
UID_DOMAIN = "inner-child-toolkit"
PRODID = "-//Inner Child Group Toolkit//Agenda//EN"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class AgendaError(ValueError):
    """An agenda document that cannot be rendered (bad audience, paper, timezone, naive time...)."""


def _tuple(obj: Any, name: str) -> None:
    """Store a sequence field as a tuple so the frozen dataclass is really immutable."""
    value = getattr(obj, name)
    if value is not None and not isinstance(value, tuple):
        object.__setattr__(obj, name, tuple(value))


def _require_aware(value: datetime, what: str) -> None:
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise AgendaError(f"{what} must be a timezone-aware datetime")


@dataclass(frozen=True, slots=True, kw_only=True)
class Facilitator:
    """A facilitator of the group, as the agenda names them."""

    facilitator_id: str
    name: str
    trauma_informed: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaItem:
    item_id: str
    position: int
    title: str
    is_break: bool
    starts_at: datetime
    ends_at: datetime
    minutes: int
    category: str | None = None
    summary: str = ""
    participant_summary: str = ""
    steps: tuple[str, ...] = ()
    facilitator_script: str = ""
    # Material objects, or (name, quantity, per_participant) tuples which are converted.
    materials: tuple[Material, ...] = ()
    notes: str = ""
    lead: Facilitator | None = None  # the facilitator leading this item, if one is named

    def __post_init__(self) -> None:
        _require_aware(self.starts_at, "AgendaItem.starts_at")
        _require_aware(self.ends_at, "AgendaItem.ends_at")
        _tuple(self, "steps")
        mats = tuple(
            m if isinstance(m, Material) else Material(name=m[0], quantity=m[1], per_participant=m[2])
            for m in self.materials
        )
        object.__setattr__(self, "materials", mats)


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaPlan:
    plan_id: str
    title: str
    starts_at: datetime
    ends_at: datetime
    notes: str = ""
    items: tuple[AgendaItem, ...] = ()
    # Facilitator audience only: a one-line safety check of this session that names nobody (counts only),
    # so it may go into calendar descriptions too.
    safety_note: str = ""
    draft: bool = False  # the plan is still a draft: the agenda marks it DRAFT
    # The last change to anything its calendar events show (plan, items, modules, group): LAST-MODIFIED and
    # SEQUENCE of those events (issue 18, point 7). None: not known (the events say "now" and 0).
    changed_at: datetime | None = None
    # A session of a series: "Session 4 of 8" heads its day instead of "Day 22" (issue 31).
    session_label: str | None = None
    # A deleted session kept as its tombstone: calendars get it as STATUS:CANCELLED (issue 31).
    cancelled: bool = False

    def __post_init__(self) -> None:
        _require_aware(self.starts_at, "AgendaPlan.starts_at")
        _require_aware(self.ends_at, "AgendaPlan.ends_at")
        if self.changed_at is not None:
            _require_aware(self.changed_at, "AgendaPlan.changed_at")
        _tuple(self, "items")


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaDay:
    date: date
    label: str
    plans: tuple[AgendaPlan, ...] = ()

    def __post_init__(self) -> None:
        _tuple(self, "plans")


@dataclass(frozen=True, slots=True, kw_only=True)
class ClearanceLine:
    """One row of the facilitator's clearance summary.

    `item_title` is None for a whole-person line (verdict `blocked` or `unscreened`).
    """

    member_name: str
    plan_title: str | None
    item_title: str | None
    verdict: str
    adaptation: str | None = None
    reasons: tuple[str, ...] = ()
    alternative: str | None = None  # for `exclude`: what the person does instead
    # Where it happens, so the agenda can print it under the item itself (None when unknown).
    plan_id: str | None = None
    item_id: str | None = None

    def __post_init__(self) -> None:
        if self.verdict not in CLEARANCE_VERDICTS:
            raise AgendaError(f"verdict must be one of {', '.join(CLEARANCE_VERDICTS)}")
        _tuple(self, "reasons")


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberSafety:
    """What the facilitator must know about one member (facilitator audience only): the computed and the
    effective outcome, any override (who, when, why), a crisis hold, findings such as alcohol or drug use,
    the sessions the screening expires before, and why a member has no usable screening."""

    member_name: str
    computed_outcome: str | None = None
    outcome: str | None = None
    override: str | None = None
    crisis_hold: bool = False
    findings: tuple[str, ...] = ()
    expires_before_session: tuple[str, ...] = ()  # titles of the sessions that end after it expires
    notes: tuple[str, ...] = ()
    # Progress (issue 20): the unreviewed reliable deteriorations, and the member's chart (an API path).
    progress: tuple[str, ...] = ()
    progress_chart: str | None = None
    # A crisis screening of the last 90 days: {screening_id, on, reviewed_by, follow_up_on} (version 3).
    recent_crisis: dict | None = None

    def __post_init__(self) -> None:
        _tuple(self, "findings")
        _tuple(self, "expires_before_session")
        _tuple(self, "notes")
        _tuple(self, "progress")


@dataclass(frozen=True, slots=True, kw_only=True)
class WhatToDo:
    """What a facilitator does if a member who must not take part (refer, defer, a crisis hold) turns up
    (facilitator audience only): the reason once in plain words, the crisis checklist in short, whom to call.
    `plan_ids`: the sessions it applies to (printed on that day's run sheet too)."""

    member_name: str
    reason: str
    checklist: tuple[str, ...] = ()
    clinical_leads: tuple[tuple[str, str], ...] = ()  # (name, how to reach them)
    emergency_contact: str = ""
    people_to_ask: tuple[str, ...] = ()  # from the member's current safety plan
    open_alerts: tuple[str, ...] = ()
    plan_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("checklist", "clinical_leads", "people_to_ask", "open_alerts", "plan_ids"):
            _tuple(self, name)


@dataclass(frozen=True, slots=True, kw_only=True)
class RosterLine:
    """One member on the facilitator-only roster page: whom to call for them, what they must not eat, and
    the alerts open for them."""

    member_name: str
    emergency_contact: str = ""
    dietary_notes: str = ""
    open_alerts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _tuple(self, "open_alerts")


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaDocument:
    practice_name: str
    group_name: str | None
    group_kind: str | None
    timezone: str
    location: str | None
    audience: str
    paper: str
    generated_for_date: date
    member_count: int
    days: tuple[AgendaDay, ...]
    clearance: tuple[ClearanceLine, ...] | None = None
    member_safety: tuple[MemberSafety, ...] | None = None
    safety_warnings: tuple[str, ...] = ()
    empty_message: str = "Nothing is planned yet. Add modules to a session plan to build the agenda."
    facilitators: tuple[Facilitator, ...] = ()
    group_description: str = ""  # the group's description (the participant handout shows it)
    contact: str | None = None  # how participants reach the practice (from the practice's settings)
    printed_on: date | None = None  # the day the agenda is printed (the footer shows it beside the session dates)
    run_sheet_only: bool = False  # `?detail=run_sheet`: the run sheets without the detail section
    # Issue 31: whom to call in an emergency where the group meets (the group's, else the practice's).
    emergency_contact: str | None = None
    what_to_do: tuple[WhatToDo, ...] | None = None  # facilitator audience only
    roster: tuple[RosterLine, ...] | None = None  # facilitator audience only
    large_print: bool = False  # `?print=large`: the handout at 16 pt or more
    # Issue 31: the member charts as files of an offline pack (relative paths), instead of API URLs.
    chart_paths: tuple[tuple[str, str], ...] = ()  # (member name, relative path)

    def __post_init__(self) -> None:
        if self.audience not in AUDIENCES:
            raise AgendaError(f"audience must be one of {', '.join(AUDIENCES)}")
        if self.paper not in PAPERS:
            raise AgendaError(f"paper must be one of {', '.join(PAPERS)}")
        if self.group_kind is not None and self.group_kind not in GROUP_KINDS:
            raise AgendaError(f"group_kind must be one of {', '.join(GROUP_KINDS)}")
        if (
            isinstance(self.member_count, bool)
            or not isinstance(self.member_count, int)
            or self.member_count < 0
        ):
            raise AgendaError("member_count must be a whole number >= 0")
        try:
            get_zone(self.timezone)
        except ValueError as exc:
            raise AgendaError(str(exc)) from exc
        _tuple(self, "days")
        _tuple(self, "clearance")
        _tuple(self, "member_safety")
        _tuple(self, "safety_warnings")
        _tuple(self, "facilitators")
        _tuple(self, "what_to_do")
        _tuple(self, "roster")
        _tuple(self, "chart_paths")

    @property
    def zone(self) -> ZoneInfo:
        return get_zone(self.timezone)

    @property
    def plans(self) -> tuple[AgendaPlan, ...]:
        return tuple(plan for day in self.days for plan in day.plans)

    @property
    def is_empty(self) -> bool:
        return not any(plan.items for plan in self.plans)


def long_date(day: date) -> str:
    """'Saturday 3 April 2027' (English names whatever the process locale)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | None) -> str:
    """'3 Apr 2027' (English names whatever the process locale); '' for None."""
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}" if day else ""


def day_label(number: int, day: date) -> str:
    """'Day 1 · Saturday 3 April 2027' (English names whatever the process locale)."""
    return f"Day {number} · {long_date(day)}"


def group_by_day(
    plans: Iterable[AgendaPlan], tz_name: str, *, first_date: date | None = None
) -> tuple[AgendaDay, ...]:
    """Split plans into days by their local start date in `tz_name`, in time order.

    Days are numbered 1, 2, 3... in order; with `first_date` (e.g. the retreat's first day) they are
    numbered by their distance from it instead, so a day without plans still counts.
    """
    zone = get_zone(tz_name)
    by_date: dict[date, list[AgendaPlan]] = {}
    for plan in sorted(plans, key=lambda p: (p.starts_at.astimezone(UTC), p.plan_id)):
        by_date.setdefault(plan.starts_at.astimezone(zone).date(), []).append(plan)
    days = []
    for index, (local_date, day_plans) in enumerate(sorted(by_date.items())):
        number = index + 1 if first_date is None else (local_date - first_date).days + 1
        label = day_label(number, local_date)
        sessions = sorted({p.session_label for p in day_plans if p.session_label})
        if sessions and all(p.session_label for p in day_plans):  # a series: "Session 4 of 8", not "Day 22"
            label = f"{' & '.join(sessions)} · {long_date(local_date)}"
        days.append(AgendaDay(date=local_date, label=label, plans=tuple(day_plans)))
    return tuple(days)


def filename(doc: AgendaDocument, ext: str) -> str:
    """A safe download name: 'spring-retreat-2027-04-01-agenda.pdf' (ASCII, no path, no quotes)."""
    ext = ext.lstrip(".").lower()
    if not re.fullmatch(r"[a-z0-9]{1,8}", ext):
        raise AgendaError("extension must be 1-8 letters or digits")
    first = doc.days[0].date if doc.days else doc.generated_for_date
    stem = slugify(ascii_fold(doc.group_name or ""), limit=60).rstrip("-") or "session"
    kind = "agenda" if doc.audience == "facilitator" else "participant-agenda"
    return f"{stem}-{first.isoformat()}-{kind}.{ext}"


# --------------------------------------------------------------------------------------------------
# The audience view: the only place that decides what each audience sees
# --------------------------------------------------------------------------------------------------


def participant_copy(doc: AgendaDocument) -> AgendaDocument:
    """The same document for the participant audience (no clearance, no member safety)."""
    if doc.audience == "participant":
        return doc
    return replace(doc, audience="participant", clearance=None, member_safety=None, safety_warnings=(),
                   what_to_do=None, roster=None, chart_paths=())

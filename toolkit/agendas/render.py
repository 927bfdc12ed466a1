"""Agendas: one document model, rendered as HTML, PDF, Markdown, iCalendar and JSON.

Pure Python (Jinja2, WeasyPrint, icalendar): the service layer loads plans, modules, members and
clearance, fills the frozen dataclasses below and calls a renderer.

Privacy lives in one place, `_view()`: it builds the audience's view of the document and every
renderer works from that view only. The participant view never carries member names, clearance,
facilitator scripts, steps, module summaries or notes; only titles, times, the participant summary
and the materials list.

Safety: HTML is autoescaped, Markdown is escaped by a `finalize` hook, no template or stylesheet
references an external URL, and PDF rendering uses `SafeURLFetcher`, which serves only files of the
bundled `static/` folder (and data: URLs) and refuses everything else (SSRF protection).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import jinja2
from markupsafe import Markup

from toolkit.plans.rules import get_zone
from toolkit.vocab import GROUP_KINDS, VERDICTS

__all__ = [
    "ASSET_SCHEME",
    "AUDIENCES",
    "CLEARANCE_VERDICTS",
    "FORMATS",
    "MEDIA_TYPES",
    "PAPERS",
    "STATIC_DIR",
    "AgendaDay",
    "AgendaDocument",
    "AgendaError",
    "AgendaItem",
    "AgendaPlan",
    "AssetRefused",
    "ClearanceLine",
    "Material",
    "MaterialLine",
    "MemberSafety",
    "day_label",
    "filename",
    "group_by_day",
    "materials_checklist",
    "render",
    "render_html",
    "render_ics",
    "render_json",
    "render_markdown",
    "render_pdf",
]

AUDIENCES = ("facilitator", "participant")
PAPERS = ("a4", "letter")
FORMATS = ("json", "html", "pdf", "ics", "md")
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


# --------------------------------------------------------------------------------------------------
# The document model
# --------------------------------------------------------------------------------------------------


def _tuple(obj: Any, name: str) -> None:
    """Store a sequence field as a tuple so the frozen dataclass is really immutable."""
    value = getattr(obj, name)
    if value is not None and not isinstance(value, tuple):
        object.__setattr__(obj, name, tuple(value))


def _require_aware(value: datetime, what: str) -> None:
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise AgendaError(f"{what} must be a timezone-aware datetime")


@dataclass(frozen=True, slots=True, kw_only=True)
class Material:
    """A material a module needs: `quantity` per participant when `per_participant`, else in total."""

    name: str
    quantity: int = 1
    per_participant: bool = False


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

    def __post_init__(self) -> None:
        _require_aware(self.starts_at, "AgendaPlan.starts_at")
        _require_aware(self.ends_at, "AgendaPlan.ends_at")
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

    def __post_init__(self) -> None:
        _tuple(self, "findings")
        _tuple(self, "expires_before_session")
        _tuple(self, "notes")
        _tuple(self, "progress")


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

    @property
    def zone(self) -> ZoneInfo:
        return get_zone(self.timezone)

    @property
    def plans(self) -> tuple[AgendaPlan, ...]:
        return tuple(plan for day in self.days for plan in day.plans)

    @property
    def is_empty(self) -> bool:
        return not any(plan.items for plan in self.plans)


@dataclass(frozen=True, slots=True, kw_only=True)
class MaterialLine:
    """One line of the gathered materials checklist.

    `total` is the number to prepare (per-participant quantities multiplied by the member count);
    None when the quantity is per participant and the member count is unknown (0, a template).
    """

    name: str
    quantity: int
    per_participant: bool
    total: int | None
    used_in: tuple[str, ...]

    @property
    def label(self) -> str:
        if self.per_participant and self.total is None:
            return f"{self.quantity} per participant"
        if self.per_participant:
            return f"{self.total} ({self.quantity} per participant)"
        return str(self.total)


# --------------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------------


def day_label(number: int, day: date) -> str:
    """'Day 1 · Saturday 3 April 2027' (English names whatever the process locale)."""
    return f"Day {number} · {_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


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
        days.append(AgendaDay(date=local_date, label=day_label(number, local_date), plans=tuple(day_plans)))
    return tuple(days)


def materials_checklist(doc: AgendaDocument) -> tuple[MaterialLine, ...]:
    """Materials of every module item, one line per name (case-insensitive), in order of first use.

    The same material named by several modules is assumed to be reused, so the line keeps the
    largest quantity needed at any one time rather than the sum.
    """
    lines: dict[str, MaterialLine] = {}
    for plan in doc.plans:
        for item in plan.items:
            if item.is_break:
                continue
            for mat in item.materials:
                name = " ".join(mat.name.split())
                if not name:
                    continue
                key = name.casefold()
                if mat.per_participant:
                    total = mat.quantity * doc.member_count if doc.member_count > 0 else None
                else:
                    total = mat.quantity
                candidate = MaterialLine(
                    name=name,
                    quantity=mat.quantity,
                    per_participant=mat.per_participant,
                    total=total,
                    used_in=(item.title,),
                )
                current = lines.get(key)
                if current is None:
                    lines[key] = candidate
                    continue
                used_in = current.used_in if item.title in current.used_in else (*current.used_in, item.title)
                winner = candidate if _need(candidate) > _need(current) else current
                lines[key] = MaterialLine(
                    name=current.name,
                    quantity=winner.quantity,
                    per_participant=winner.per_participant,
                    total=winner.total,
                    used_in=used_in,
                )
    return tuple(lines.values())


def _need(line: MaterialLine) -> int:
    return line.total if line.total is not None else line.quantity


_TRANSLITERATE = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "ø": "o",
        "Ø": "O",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "TH",
    }
)


def _slug(text: str, *, limit: int = 60) -> str:
    text = text.translate(_TRANSLITERATE)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def filename(doc: AgendaDocument, ext: str) -> str:
    """A safe download name: 'spring-retreat-2027-04-01-agenda.pdf' (ASCII, no path, no quotes)."""
    ext = ext.lstrip(".").lower()
    if not re.fullmatch(r"[a-z0-9]{1,8}", ext):
        raise AgendaError("extension must be 1-8 letters or digits")
    first = doc.days[0].date if doc.days else doc.generated_for_date
    stem = _slug(doc.group_name or "") or "session"
    kind = "agenda" if doc.audience == "facilitator" else "participant-agenda"
    return f"{stem}-{first.isoformat()}-{kind}.{ext}"


# --------------------------------------------------------------------------------------------------
# The audience view: the only place that decides what each audience sees
# --------------------------------------------------------------------------------------------------


def _view(doc: AgendaDocument) -> dict[str, Any]:
    facilitator = doc.audience == "facilitator"
    zone = doc.zone

    def item_view(item: AgendaItem) -> dict[str, Any]:
        out: dict[str, Any] = {
            "item_id": item.item_id,
            "position": item.position,
            "title": item.title,
            "is_break": item.is_break,
            "starts_at": item.starts_at.astimezone(zone),
            "ends_at": item.ends_at.astimezone(zone),
            "minutes": item.minutes,
            "category": None if item.is_break else item.category,
            "participant_summary": "" if item.is_break else item.participant_summary,
        }
        if facilitator:
            out["summary"] = item.summary
            out["steps"] = list(item.steps)
            out["facilitator_script"] = _reflow(item.facilitator_script)
            out["materials"] = [
                {"name": m.name, "quantity": m.quantity, "per_participant": m.per_participant}
                for m in item.materials
            ]
            out["notes"] = item.notes
        return out

    def plan_view(plan: AgendaPlan) -> dict[str, Any]:
        start, end = plan.starts_at.astimezone(zone), plan.ends_at.astimezone(zone)
        out: dict[str, Any] = {
            "plan_id": plan.plan_id,
            "title": plan.title,
            "starts_at": start,
            "ends_at": end,
            # Subtract in UTC: aware datetimes sharing a tzinfo subtract as wall times, ignoring DST.
            "minutes": max(0, int((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() // 60)),
            "items": [item_view(i) for i in sorted(plan.items, key=lambda i: i.position)],
        }
        if facilitator:
            out["notes"] = plan.notes
            out["safety_note"] = plan.safety_note
        return out

    checklist = materials_checklist(doc)
    if facilitator:
        materials = [
            {
                "name": m.name,
                "quantity": m.quantity,
                "per_participant": m.per_participant,
                "total": m.total,
                "label": m.label,
                "used_in": list(m.used_in),
            }
            for m in checklist
        ]
    else:
        # What to bring / what we will use: names and the amount for one person, nothing else.
        materials = [
            {
                "name": m.name,
                "quantity": m.quantity if m.per_participant else None,
                "per_participant": m.per_participant,
            }
            for m in checklist
        ]

    view: dict[str, Any] = {
        "practice_name": doc.practice_name,
        "group_name": doc.group_name,
        "group_kind": doc.group_kind,
        "timezone": doc.timezone,
        "location": doc.location,
        "audience": doc.audience,
        "paper": doc.paper,
        "generated_for_date": doc.generated_for_date,
        "member_count": doc.member_count,
        "is_empty": doc.is_empty,
        "empty_message": doc.empty_message,
        "days": [
            {"date": day.date, "label": day.label, "plans": [plan_view(p) for p in day.plans]}
            for day in doc.days
        ],
        "materials": materials,
    }
    if facilitator:
        view["clearance"] = (
            None
            if doc.clearance is None
            else [
                {
                    "member_name": line.member_name,
                    "plan_title": line.plan_title,
                    "item_title": line.item_title,
                    "verdict": line.verdict,
                    "adaptation": line.adaptation,
                    "alternative": line.alternative,
                    "reasons": list(line.reasons),
                }
                for line in doc.clearance
            ]
        )
        view["member_safety"] = (
            None
            if doc.member_safety is None
            else [
                {
                    "member_name": m.member_name,
                    "computed_outcome": m.computed_outcome,
                    "outcome": m.outcome,
                    "override": m.override,
                    "crisis_hold": m.crisis_hold,
                    "findings": list(m.findings),
                    "expires_before_session": list(m.expires_before_session),
                    "notes": list(m.notes),
                    "progress": list(m.progress),
                    "progress_chart": m.progress_chart,
                }
                for m in doc.member_safety
            ]
        )
        view["safety_warnings"] = list(doc.safety_warnings)
    return view


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def render_json(doc: AgendaDocument) -> dict[str, Any]:
    """The audience's view as JSON-ready data (datetimes as ISO 8601 with offset, in the group's zone)."""
    return _jsonable(_view(doc))


# --------------------------------------------------------------------------------------------------
# HTML and PDF
# --------------------------------------------------------------------------------------------------


def _is_ambiguous(value: datetime) -> bool:
    """True for a wall time that happens twice (the hour the clocks go back)."""
    return value.replace(fold=1 - value.fold).utcoffset() != value.utcoffset()


def _hm(value: datetime) -> str:
    """'09:30'; during the repeated hour of a fall-back night '01:30 EST' so the two are distinct."""
    return value.strftime("%H:%M %Z" if _is_ambiguous(value) else "%H:%M")


def _oneline(value: Any) -> str:
    return " ".join(str(value or "").split())


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _md_escape(value: Any) -> str:
    """Finalize hook of the Markdown environment: every {{ value }} is escaped, like HTML autoescape.

    `<`, `>` and `&` become entities, not backslash escapes: renderers with autolinks (markdown-it with
    linkify, marked) end a link at a backslash and then pass the rest through as raw HTML."""
    if value is None:
        return ""
    text = str(value)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"[&<>]", lambda m: _MD_ENTITIES[m.group()], text)
    # A line of user text must not start a list, a quote or a heading.
    text = re.sub(r"(?m)^(\s*)([-+=#])", r"\1\\\2", text)
    return re.sub(r"(?m)^(\s*\d+)([.)])", r"\1\\\2", text)


def _environment(*, markdown: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=not markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_md_escape if markdown else None,
    )
    env.filters["hm"] = _hm
    env.filters["oneline"] = _oneline
    return env


_HTML_ENV = _environment(markdown=False)
_MD_ENV = _environment(markdown=True)


def _template_context(doc: AgendaDocument) -> dict[str, Any]:
    view = _view(doc)
    view["page_size"] = "A4" if doc.paper == "a4" else "letter"
    view["title"] = " · ".join(x for x in (doc.group_name, "Agenda") if x)
    return view


def render_html(doc: AgendaDocument) -> str:
    """A self-contained HTML page (stylesheet inlined, no external URL) that also prints as the PDF."""
    context = _template_context(doc)
    context["css"] = Markup((STATIC_DIR / "agenda.css").read_text(encoding="utf-8"))
    return _HTML_ENV.get_template("agenda.html.j2").render(context)


class AssetRefused(ValueError):
    """A URL the PDF renderer may not fetch."""


def __getattr__(name: str):
    # WeasyPrint (~30 MiB) is imported only when a PDF is rendered, not in every worker at start-up.
    if name == "SafeURLFetcher":
        from .pdf import SafeURLFetcher

        return SafeURLFetcher
    raise AttributeError(name)


def _write_pdf(html: str) -> bytes:
    from weasyprint import HTML

    from .pdf import SafeURLFetcher

    return HTML(
        string=html,
        base_url=STATIC_DIR.resolve().as_uri() + "/",
        url_fetcher=SafeURLFetcher(),
    ).write_pdf()


def render_pdf(doc: AgendaDocument) -> bytes:
    """The HTML agenda printed by WeasyPrint (page size from doc.paper, 'Page N of M' footers)."""
    return _write_pdf(render_html(doc))


# --------------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------------


def render_markdown(doc: AgendaDocument) -> str:
    """The agenda as Markdown (GitHub flavour tables); all user text is escaped."""
    return _MD_ENV.get_template("agenda.md.j2").render(_template_context(doc))


# --------------------------------------------------------------------------------------------------
# iCalendar
# --------------------------------------------------------------------------------------------------


def _reflow(text: str) -> str:
    """Seed scripts are wrapped for editing: join the lines of each paragraph, keep blank lines between them."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def _participant_description(plan: dict[str, Any]) -> str:
    """Participant-safe text for a plan event: item times, titles and participant summaries only."""
    lines = []
    for item in plan["items"]:
        head = f"{_hm(item['starts_at'])}–{_hm(item['ends_at'])} {item['title']}"
        if item["is_break"] and "break" not in item["title"].casefold():
            head += " (break)"
        lines.append(head)
        if item["participant_summary"]:
            lines.append(f"  {_oneline(item['participant_summary'])}")
    return "\n".join(lines)


def render_ics(doc: AgendaDocument, *, detail_items: bool, dtstamp: datetime | None = None) -> bytes:
    """An iCalendar file: one VEVENT per plan, or per non-break item when `detail_items`.

    Times carry the group's TZID with a matching VTIMEZONE. UIDs are stable
    ('plan-<id>@inner-child-toolkit', 'item-<id>@inner-child-toolkit') so re-importing updates
    events instead of duplicating them. Descriptions are participant-safe whatever the audience:
    titles and participant summaries, never scripts, notes or clearance. The facilitator's calendar also
    gets each session's safety check line, which names nobody and carries no clinical detail (counts only).
    """
    safety_notes = {p.plan_id: p.safety_note for p in doc.plans} if doc.audience == "facilitator" else {}
    participant_doc = _participant_copy(doc)
    view = _view(participant_doc)
    stamp = (dtstamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", icalendar.vText(_ics_text(doc.group_name or doc.practice_name)))
    cal.add("x-wr-timezone", doc.timezone)

    def add_event(uid: str, summary: str, start: datetime, end: datetime, description: str) -> None:
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("summary", _ics_text(summary))
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
                    f"item-{item['item_id']}@{UID_DOMAIN}",
                    item["title"],
                    item["starts_at"],
                    item["ends_at"],
                    _oneline(item["participant_summary"]),
                )

    dates = [d["date"] for d in view["days"]] or [doc.generated_for_date]
    cal.add_missing_timezones(
        first_date=min(dates) - timedelta(days=400), last_date=max(dates) + timedelta(days=400)
    )
    return cal.to_ical()


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
    if value.fold == 1 and _is_ambiguous(value):
        return value.astimezone(UTC)
    return value


def _participant_copy(doc: AgendaDocument) -> AgendaDocument:
    if doc.audience == "participant":
        return doc
    return AgendaDocument(
        practice_name=doc.practice_name,
        group_name=doc.group_name,
        group_kind=doc.group_kind,
        timezone=doc.timezone,
        location=doc.location,
        audience="participant",
        paper=doc.paper,
        generated_for_date=doc.generated_for_date,
        member_count=doc.member_count,
        days=doc.days,
        clearance=None,
        empty_message=doc.empty_message,
    )


# --------------------------------------------------------------------------------------------------
# One entry point for the API layer
# --------------------------------------------------------------------------------------------------


def render(
    doc: AgendaDocument, fmt: str, *, detail_items: bool = False
) -> tuple[bytes | dict[str, Any], str]:
    """(body, media type) for `fmt` in FORMATS; json gives a dict for the framework to serialise."""
    if fmt == "json":
        return render_json(doc), MEDIA_TYPES["json"]
    if fmt == "html":
        return render_html(doc).encode("utf-8"), MEDIA_TYPES["html"]
    if fmt == "pdf":
        return render_pdf(doc), MEDIA_TYPES["pdf"]
    if fmt == "ics":
        return render_ics(doc, detail_items=detail_items), MEDIA_TYPES["ics"]
    if fmt == "md":
        return render_markdown(doc).encode("utf-8"), MEDIA_TYPES["md"]
    raise AgendaError(f"format must be one of {', '.join(FORMATS)}")

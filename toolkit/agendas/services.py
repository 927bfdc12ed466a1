"""Agendas: assemble the plain AgendaDocument from the database (constant queries), hash it for the
ETag, and hand it to the pure renderers."""

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from ..attendance.services import prerequisite_context
from ..auth.models import Practice
from ..clearance.services import clearance, clearance_items, group_screenings
from ..common.zones import get_zone
from ..errors import Invalid
from ..extensions import db
from ..groups.models import Group
from ..plans.models import SessionPlan
from ..plans.services import schedule
from ..series.models import Series
from ..vocab import BLOCKING_OUTCOMES
from . import room
from .document import (
    AgendaDocument,
    AgendaItem,
    AgendaPlan,
    ClearanceLine,
    Facilitator,
    Material,
    MemberSafety,
    group_by_day,
)
from .models import CancelledSession
from .view import render_json

MAX_PLANS = 60  # a whole retreat fits easily; a bigger agenda is refused rather than rendered for minutes


def facilitators_of(group: Group | None) -> tuple[Facilitator, ...]:
    """The group's facilitators as the agenda names them (by name, as the group lists them)."""
    if group is None:
        return ()
    return tuple(Facilitator(facilitator_id=t.id, name=t.name, trauma_informed=bool(t.trauma_informed))
                 for t in group.facilitators)


def _material(data: dict) -> Material:
    return Material(name=data["name"], quantity=data.get("quantity", 1),
                    per_participant=data.get("per_participant", False), consumable=data.get("consumable", False),
                    for_participants=data.get("for_participants", False))


def _agenda_plan(plan: SessionPlan, leads: dict[str, Facilitator] | None = None) -> AgendaPlan:
    """`leads`: the group's facilitators by id (an item's lead is named only if they still facilitate it)."""
    leads = leads or {}
    timed = schedule(plan)
    items = []
    for item, slot in zip(plan.items, timed.items, strict=True):
        module = item.module
        items.append(AgendaItem(
            item_id=item.id, position=item.position, title=module.title if module else (item.title or "Break"),
            is_break=module is None, starts_at=slot.starts_at, ends_at=slot.ends_at, minutes=item.minutes,
            category=module.category if module else None, summary=module.summary if module else "",
            participant_summary=module.participant_summary if module else "",
            steps=tuple(module.steps) if module else (),
            facilitator_script=module.facilitator_script if module else "",
            materials=tuple(_material(m) for m in (module.materials if module else [])),
            notes=item.notes or "", lead=leads.get(item.lead_id) if item.lead_id else None))
    return AgendaPlan(plan_id=plan.id, title=plan.title, starts_at=timed.starts_at, ends_at=timed.ends_at,
                      notes=plan.notes or "", items=tuple(items), changed_at=changed_at(plan))


def changed_at(plan: SessionPlan) -> datetime:
    """The last stored change to anything a plan's calendar events show: the plan and its items (a change of
    items moves the plan's `updated_at`), their modules and the group (title, location)."""
    stamps = [plan.updated_at, *(i.module.updated_at for i in plan.items if i.module is not None)]
    if plan.group is not None:
        stamps.append(plan.group.updated_at)
    return max(s for s in stamps if s is not None)


def _safety(plans: list[SessionPlan], agenda_plans: list[AgendaPlan], group: Group | None):
    """(clearance lines, member safety, warnings, agenda plans with their safety check line) for the
    facilitator: who needs which adaptation, who must not take part and why, what instead."""
    if group is None:  # a plan without a group: nobody to clear (the JSON's clearance is null)
        return None, None, (), agenda_plans, None
    screenings = group_screenings(group.id, facilitators=group.facilitators)
    prerequisites = prerequisite_context(group.id)
    now = datetime.now(UTC)
    lines: list[ClearanceLine] = []
    warnings: list[str] = []
    expires: dict[str, list[str]] = {}
    notes: dict[str, list[str]] = {}
    with_notes = []
    on_a_roster: set[str] = set()
    blocked_at: dict[str, list[str]] = {}
    for plan, agenda_plan in zip(plans, agenda_plans, strict=True):
        result = clearance(plan, now=now, screenings=screenings, items=clearance_items(plan),
                           prerequisites=prerequisites)
        warnings.extend(w for w in result["facilitator_warnings"] if w not in warnings)
        names = {p["participant_id"]: p["display_name"] for p in result["participants"]}
        unsigned = [f"{names.get(w['participant_id'], 'A member')} has not signed the current group agreement: "
                    "ask them to sign it (their link) before the session." for w in result["warnings"]
                    if w["code"] == "agreement_missing"]
        warnings.extend(w for w in unsigned if w not in warnings)
        titles = {i.id: (i.module.title if i.module else "Break") for i in plan.items}
        for person in result["participants"]:
            pid = person["participant_id"]
            on_a_roster.add(pid)
            if pid not in result["missing_screenings"] and person["outcome"] in BLOCKING_OUTCOMES:
                blocked_at.setdefault(pid, []).append(plan.id)
            if person["expires_before_session"]:
                expires.setdefault(pid, []).append(plan.title)
            if pid in result["missing_screenings"]:
                reasons = tuple(person["reasons"]) or ("No valid screening.",)
                notes.setdefault(pid, []).extend(r for r in reasons if r not in notes.get(pid, []))
            lines.extend(_person_lines(person, plan, titles, result))
        with_notes.append(replace(agenda_plan, safety_note=_safety_note(result)))
    everyone = screenings.everyone or screenings.members
    members = tuple(
        MemberSafety(member_name=m.display_name or m.participant_id, computed_outcome=m.computed_outcome,
                     outcome=("defer" if m.crisis_hold else m.outcome) if m.screening_id else None,
                     override=_override_line(m.override), crisis_hold=m.crisis_hold, findings=m.findings,
                     expires_before_session=tuple(expires.get(m.participant_id, ())),
                     notes=tuple(notes.get(m.participant_id, ())),
                     progress=tuple(f"reliable_deterioration: {t}" for t in m.deterioration) + m.progress_notes,
                     progress_chart=f"/api/v1/participants/{m.participant_id}/progress?format=svg",
                     recent_crisis=m.recent_crisis)
        for m in everyone
        if m.participant_id in on_a_roster or (not plans and m in screenings.members))
    shown = [m for m in everyone if m.participant_id in on_a_roster or (not plans and m in screenings.members)]
    return tuple(lines), members, tuple(warnings), with_notes, {"members": shown, "blocked_at": blocked_at}


def _person_lines(person: dict, plan: SessionPlan, titles: dict, result: dict) -> list[ClearanceLine]:
    """One member's clearance lines for one session, each placed at its plan and item: missed prerequisites,
    then the whole person (unscreened, blocked) or each item that is not plainly ok."""
    name, pid = person["display_name"], person["participant_id"]
    lines = [ClearanceLine(member_name=name, plan_title=plan.title, item_title=titles.get(w["item_id"]),
                           verdict="missed_prerequisite", reasons=(w["message"],), plan_id=plan.id,
                           item_id=w["item_id"])
             for w in result["warnings"] if w["participant_id"] == pid
             and w["code"] == "missed_prerequisite"]  # whatever the screening says
    if pid in result["missing_screenings"]:
        reasons = tuple(person["reasons"]) or ("No valid screening.",)
        return [*lines, ClearanceLine(member_name=name, plan_title=plan.title, item_title=None,
                                      verdict="unscreened", reasons=reasons, plan_id=plan.id)]
    if person["outcome"] in BLOCKING_OUTCOMES:  # the reason once, in plain words (issue 31)
        reason = room.plain_reason(person["outcome"], bool(person.get("crisis_hold")))
        return [*lines, ClearanceLine(member_name=name, plan_title=plan.title, item_title=None, verdict="blocked",
                                      reasons=(reason,), plan_id=plan.id)]
    return [*lines, *(ClearanceLine(member_name=name, plan_title=plan.title, item_title=titles.get(v["item_id"]),
                                    verdict=v["verdict"], adaptation=v.get("adaptation"),
                                    alternative=v.get("alternative"), reasons=tuple(v["reasons"]), plan_id=plan.id,
                                    item_id=v["item_id"])
                      for v in person["items"] if v["verdict"] != "ok")]


def _override_line(override: dict | None) -> str | None:
    if override is None:
        return None
    return f"{override['outcome']} by {override['by']['name']} on {override['at'][:10]}: {override['reason']}"


def _safety_note(result: dict) -> str:
    """One line about a session that names nobody (it may go into a calendar): the status and counts."""
    people = result["participants"]
    if not people:
        return ""
    blocked = sum(1 for p in people if p["outcome"] in BLOCKING_OUTCOMES)
    unscreened = sum(1 for p in people if p["validity"] != "valid")
    expiring = sum(1 for p in people if p["expires_before_session"])
    adapted = sum(1 for p in people if any(v["verdict"] != "ok" for v in p["items"]) and p["validity"] == "valid"
                  and p["outcome"] not in BLOCKING_OUTCOMES)
    parts = [f"status {result['status']}"]
    if blocked:
        parts.append(f"{blocked} member(s) must not take part (refer or defer)")
    if unscreened:
        text = f"{unscreened} member(s) without a screening valid at this session"
        parts.append(text + (f" ({expiring} expire before it ends)" if expiring else ""))
    if adapted:
        parts.append(f"{adapted} member(s) with adapted or skipped items")
    if len(result["facilitator_warnings"]):
        parts.append(f"{len(result['facilitator_warnings'])} facilitator warning(s)")
    return "; ".join(parts) + ". Who and why: see the facilitator agenda."


def _drafts(plans: list[SessionPlan], agenda_plans: list[AgendaPlan]) -> list[AgendaPlan]:
    """A plan still in `draft` status is printed marked DRAFT (PLAN_STATUSES: draft, final)."""
    return [replace(a, draft=p.status == "draft") for p, a in zip(plans, agenda_plans, strict=True)]


def _handout(practice: Practice, group: Group | None) -> dict:
    """What the handout says about who runs the group, how to reach the practice and whom to call in an
    emergency where the group meets (the group's own number, else the practice's)."""
    return {"contact": practice.contact or None, "group_description": (group.description or "") if group else "",
            "emergency_contact": room.emergency_contact(practice, group)}


def _room(practice: Practice, safety: dict | None, group: Group | None) -> dict:
    """The facilitator's "What to do" boxes and roster page (issue 31), with the members' open alerts."""
    if safety is None:
        return {}
    members = safety["members"]
    alerts = room.open_alerts(m.participant_id for m in members)
    return {"what_to_do": room.what_to_do(members=members, blocked_at=safety["blocked_at"], practice=practice,
                                          group=group, people_to_ask=room.people_to_ask(safety["blocked_at"]),
                                          alerts=alerts),
            "roster": room.roster((m.participant_id for m in members), alerts)}


def _series_labels(plans: list[SessionPlan], agenda_plans: list[AgendaPlan]) -> list[AgendaPlan]:
    """A session of a series is "Session 4 of 8" (its number among the series' sessions)."""
    ids = {p.series_id for p in plans if p.series_id}
    counts = {sid: n for sid, n in db.session.execute(select(Series.id, Series.count).where(Series.id.in_(ids)))
              } if ids else {}
    return [replace(a, session_label=f"Session {p.session_number} of {counts[p.series_id]}")
            if p.series_id in counts and p.session_number else a for p, a in zip(plans, agenda_plans, strict=True)]


def build_document(*, plans: list[SessionPlan], group: Group | None, practice_id: str, audience: str,
                   paper: str, detail: str = "plans", large_print: bool = False) -> AgendaDocument:
    practice = db.session.get(Practice, practice_id)
    assert practice is not None  # the caller's own practice
    zone = group.timezone if group else "UTC"
    facilitators = facilitators_of(group)
    leads = {f.facilitator_id: f for f in facilitators}
    agenda_plans = _series_labels(plans, _drafts(plans, [_agenda_plan(p, leads) for p in plans]))
    lines, member_safety, warnings, extra = None, None, (), {}
    if audience == "facilitator":
        lines, member_safety, warnings, agenda_plans, safety = _safety(plans, agenda_plans, group)
        extra = _room(practice, safety, group)
    if group is None and plans:
        zone = _zone_name(agenda_plans[0].starts_at)
    days = group_by_day(agenda_plans, zone, first_date=group.starts_on if group else None) if agenda_plans else ()
    today = datetime.now(get_zone(zone)).date()  # the printing date where the sessions are
    return AgendaDocument(
        practice_name=practice.name, group_name=group.name if group else (plans[0].title if plans else None),
        group_kind=group.kind if group else None, timezone=zone, location=group.location if group else None,
        audience=audience, paper=paper,
        generated_for_date=days[0].date if days else (group.starts_on if group and group.starts_on else today),
        member_count=group.member_count if group else 0, days=days,
        clearance=lines, member_safety=member_safety, safety_warnings=warnings, facilitators=facilitators,
        printed_on=today, run_sheet_only=detail == "run_sheet", large_print=large_print, **extra,
        **_handout(practice, group),
        empty_message=("No sessions are planned for this group yet." if group is not None and not plans
                       else "This session has no items yet: add modules to the plan to build its agenda."))


def _zone_name(moment: datetime) -> str:
    """A template has no group zone: use UTC when its offset is zero, else a fixed-offset Etc/ zone."""
    delta = moment.utcoffset() or timedelta(0)
    offset = int(delta.total_seconds() // 3600)
    if offset == 0 or delta.total_seconds() % 3600:
        return "UTC"
    return f"Etc/GMT{-offset:+d}"


def with_cancellations(doc: AgendaDocument, group: Group, *, since: datetime | None = None) -> AgendaDocument:
    """The document with the group's deleted sessions (their tombstones) as cancelled plans, for calendars:
    they are sent as STATUS:CANCELLED with the same UID instead of vanishing (issue 31)."""
    stmt = select(CancelledSession).where(CancelledSession.group_id == group.id)
    if since is not None:
        stmt = stmt.where(CancelledSession.ends_at >= since)
    rows = db.session.scalars(stmt.order_by(CancelledSession.starts_at))
    gone = [AgendaPlan(plan_id=c.plan_id, title=c.title, starts_at=c.starts_at, ends_at=c.ends_at, cancelled=True,
                       changed_at=c.cancelled_at) for c in rows]
    if not gone:
        return doc
    days = group_by_day([*doc.plans, *gone], doc.timezone, first_date=group.starts_on)
    return replace(doc, days=days)


def plans_of_group(group: Group) -> list[SessionPlan]:
    plans = list(db.session.scalars(select(SessionPlan).where(SessionPlan.group_id == group.id)
                                    .order_by(SessionPlan.starts_at, SessionPlan.id).limit(MAX_PLANS + 1)))
    if len(plans) > MAX_PLANS:
        raise Invalid(f"The agenda is too large: a group agenda shows at most {MAX_PLANS} plans.")
    return plans


def etag(doc: AgendaDocument, fmt: str, detail: str) -> str:
    """Derived from exactly what the agenda shows (and how): same data, same tag, no rendering needed."""
    payload = json.dumps({"doc": render_json(doc), "fmt": fmt, "detail": detail, "paper": doc.paper,
                          "changed": [p.changed_at for p in doc.plans] if fmt == "ics" else None},
                         sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]

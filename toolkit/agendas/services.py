"""Agendas: assemble the plain AgendaDocument from the database (constant queries), hash it for the
ETag, and hand it to the pure renderers."""

import hashlib
import json
from datetime import UTC, datetime

from flask_smorest import abort
from sqlalchemy import select

from ..auth.models import Practice
from ..extensions import db
from ..groups.models import Group
from ..plans.models import SessionPlan
from ..plans.services import schedule
from ..screening.services import clearance, clearance_items, group_screenings
from .render import AgendaDocument, AgendaItem, AgendaPlan, ClearanceLine, Material, group_by_day, render_json

MAX_PLANS = 60  # a whole retreat fits easily; a bigger agenda is refused rather than rendered for minutes


def _agenda_plan(plan: SessionPlan) -> AgendaPlan:
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
            materials=tuple(Material(name=m["name"], quantity=m.get("quantity", 1),
                                     per_participant=m.get("per_participant", False))
                            for m in (module.materials if module else [])),
            notes=item.notes or ""))
    return AgendaPlan(plan_id=plan.id, title=plan.title, starts_at=timed.starts_at, ends_at=timed.ends_at,
                      notes=plan.notes or "", items=tuple(items))


def _clearance_lines(plans: list[SessionPlan], group: Group | None) -> tuple[ClearanceLine, ...]:
    """Who needs which adaptation and who must not take part (facilitator audience only)."""
    if group is None:
        return ()
    screenings = group_screenings(group.id, facilitators=group.facilitators)
    now = datetime.now(UTC)
    lines: list[ClearanceLine] = []
    for plan in plans:
        result = clearance(plan, now=now, screenings=screenings, items=clearance_items(plan))
        titles = {i.id: (i.module.title if i.module else "Break") for i in plan.items}
        for person in result["participants"]:
            name = person["display_name"]
            if person["participant_id"] in result["missing_screenings"]:
                lines.append(ClearanceLine(member_name=name, plan_title=plan.title, item_title=None,
                                           verdict="unscreened", reasons=("No valid screening.",)))
                continue
            if person["outcome"] in ("refer", "defer"):
                lines.append(ClearanceLine(member_name=name, plan_title=plan.title, item_title=None,
                                           verdict="blocked",
                                           reasons=(f"Screening outcome {person['outcome']}.",)))
                continue
            for verdict in person["items"]:
                if verdict["verdict"] != "ok":
                    lines.append(ClearanceLine(
                        member_name=name, plan_title=plan.title, item_title=titles.get(verdict["item_id"]),
                        verdict=verdict["verdict"], adaptation=verdict.get("adaptation"),
                        reasons=tuple(verdict["reasons"])))
    return tuple(lines)


def build_document(*, plans: list[SessionPlan], group: Group | None, practice_id: str, audience: str,
                   paper: str) -> AgendaDocument:
    practice = db.session.get(Practice, practice_id)
    zone = group.timezone if group else "UTC"
    agenda_plans = [_agenda_plan(p) for p in plans]
    if group is None and plans:
        zone = _zone_name(agenda_plans[0].starts_at)
    days = group_by_day(agenda_plans, zone, first_date=group.starts_on if group else None) if agenda_plans else ()
    today = datetime.now(UTC).date()
    return AgendaDocument(
        practice_name=practice.name, group_name=group.name if group else (plans[0].title if plans else None),
        group_kind=group.kind if group else None, timezone=zone, location=group.location if group else None,
        audience=audience, paper=paper,
        generated_for_date=days[0].date if days else (group.starts_on if group and group.starts_on else today),
        member_count=group.member_count if group else 0, days=days,
        clearance=_clearance_lines(plans, group) if audience == "facilitator" else None,
        empty_message=("No sessions are planned for this group yet." if group is not None and not plans
                       else "This session has no items yet: add modules to the plan to build its agenda."))


def _zone_name(moment: datetime) -> str:
    """A template has no group zone: use UTC when its offset is zero, else a fixed-offset Etc/ zone."""
    offset = int(moment.utcoffset().total_seconds() // 3600) if moment.utcoffset() else 0
    if offset == 0 or moment.utcoffset().total_seconds() % 3600:
        return "UTC"
    return f"Etc/GMT{-offset:+d}"


def plans_of_group(group: Group) -> list[SessionPlan]:
    plans = list(db.session.scalars(select(SessionPlan).where(SessionPlan.group_id == group.id)
                                    .order_by(SessionPlan.starts_at, SessionPlan.id).limit(MAX_PLANS + 1)))
    if len(plans) > MAX_PLANS:
        abort(422, message=f"The agenda is too large: a group agenda shows at most {MAX_PLANS} plans.")
    return plans


def etag(doc: AgendaDocument, fmt: str, detail: bool) -> str:
    """Derived from exactly what the agenda shows (and how): same data, same tag, no rendering needed."""
    payload = json.dumps({"doc": render_json(doc), "fmt": fmt, "detail": detail, "paper": doc.paper},
                         sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]

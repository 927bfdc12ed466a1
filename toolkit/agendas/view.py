"""The audience view: the only place that decides what each audience sees.

Every renderer works from this view only. The participant view never carries member names, clearance,
facilitator scripts, steps, module summaries or notes; only titles, times, the participant summary, the
materials participants bring or use, and the handout's welcome facts: the facilitators' names (no ids, no
item leads), the practice's contact and the group's description. A privacy review reads this file.

The facilitator view adds, per item, its lead and the adaptations that happen there (from `sheets.py`),
the status box of each session and of the whole agenda, and the scripts with their placeholders filled.
With `run_sheet_only` (`?detail=run_sheet`) it leaves the detail section out: no steps, scripts or summaries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from .document import AgendaDocument, AgendaItem, AgendaPlan, long_date
from .materials import MaterialLine, materials_checklist, packing_lists, participant_materials
from .sheets import adaptations, clean_reasons, coverage_warnings, fill_placeholders, placeholder_values, status_box


def reflow(text: str) -> str:
    """Seed scripts are wrapped for editing: join the lines of each paragraph, keep blank lines between them."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def _minutes(start: datetime, end: datetime) -> int:
    # Subtract in UTC: aware datetimes sharing a tzinfo subtract as wall times, ignoring DST.
    return max(0, int((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() // 60))


def _item_view(doc: AgendaDocument, plan: AgendaPlan, item: AgendaItem) -> dict[str, Any]:
    zone = doc.zone
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
    if doc.audience != "facilitator":
        return out
    out["lead"] = _facilitator(item.lead) if item.lead else None
    out["materials"] = [
        {"name": m.name, "quantity": m.quantity, "per_participant": m.per_participant, "consumable": m.consumable,
         "for_participants": m.for_participants}
        for m in item.materials
    ]
    out["notes"] = item.notes
    out["adaptations"] = adaptations(doc, plan, item)
    if not doc.run_sheet_only:
        values = placeholder_values(doc, plan, item, date_label=long_date(item.starts_at.astimezone(zone).date()),
                                    plan_minutes=_minutes(plan.starts_at, plan.ends_at))
        out["summary"] = item.summary
        out["steps"] = [fill_placeholders(step, values) for step in item.steps]
        out["facilitator_script"] = fill_placeholders(reflow(item.facilitator_script), values)
    return out


def _plan_view(doc: AgendaDocument, plan: AgendaPlan) -> dict[str, Any]:
    start, end = plan.starts_at.astimezone(doc.zone), plan.ends_at.astimezone(doc.zone)
    out: dict[str, Any] = {
        "plan_id": plan.plan_id,
        "title": plan.title,
        "starts_at": start,
        "ends_at": end,
        "minutes": _minutes(start, end),
        "draft": plan.draft,
        "session_label": plan.session_label,
        "items": [_item_view(doc, plan, i) for i in sorted(plan.items, key=lambda i: i.position)],
    }
    if doc.audience == "facilitator":
        out["notes"] = plan.notes
        out["safety_note"] = plan.safety_note
        out["status"] = status_box(doc, plan)
        out["what_to_do"] = [w for w in _what_to_do(doc) if plan.plan_id in w["plan_ids"]]
    return out


def _what_to_do(doc: AgendaDocument) -> list[dict[str, Any]]:
    return [{"member_name": w.member_name, "reason": w.reason, "checklist": list(w.checklist),
             "clinical_leads": [{"name": name, "how": how} for name, how in w.clinical_leads],
             "emergency_contact": w.emergency_contact, "people_to_ask": list(w.people_to_ask),
             "open_alerts": list(w.open_alerts), "plan_ids": list(w.plan_ids)}
            for w in doc.what_to_do or ()]


def _materials_view(doc: AgendaDocument) -> list[dict[str, Any]]:
    if doc.audience == "facilitator":
        return [_checklist_line(m) for m in materials_checklist(doc)]
    # What to bring / what we will use: only what participants bring or use (not the facilitators' kit),
    # names and the amount for one person, nothing else.
    return [
        {"name": m.name, "quantity": m.quantity if m.per_participant else None, "per_participant": m.per_participant}
        for m in participant_materials(doc)
    ]


def _facilitator(person: Any) -> dict[str, Any]:
    return {"id": person.facilitator_id, "name": person.name, "trauma_informed": person.trauma_informed}


def _checklist_line(m: MaterialLine) -> dict[str, Any]:
    return {"name": m.name, "quantity": m.quantity, "per_participant": m.per_participant, "total": m.total,
            "label": m.label, "used_in": list(m.used_in), "consumable": m.consumable,
            "for_participants": m.for_participants}


def _facilitator_view(doc: AgendaDocument) -> dict[str, Any]:
    clearance = None if doc.clearance is None else [
        {"member_name": line.member_name, "plan_title": line.plan_title, "item_title": line.item_title,
         "verdict": line.verdict, "adaptation": line.adaptation, "alternative": line.alternative,
         "reasons": clean_reasons(line)}  # without the adaptation text they repeat
        for line in doc.clearance
    ]
    member_safety = None if doc.member_safety is None else [
        {"member_name": m.member_name, "computed_outcome": m.computed_outcome, "outcome": m.outcome,
         "override": m.override, "crisis_hold": m.crisis_hold, "findings": list(m.findings),
         "expires_before_session": list(m.expires_before_session), "notes": list(m.notes),
         "progress": list(m.progress), "progress_chart": m.progress_chart, "recent_crisis": m.recent_crisis}
        for m in doc.member_safety
    ]
    packing = [
        {"date": day.date, "label": day.label, "materials": [_checklist_line(m) for m in day.lines]}
        for day in packing_lists(doc)
    ]
    roster = None if doc.roster is None else [
        {"member_name": r.member_name, "emergency_contact": r.emergency_contact, "dietary_notes": r.dietary_notes,
         "open_alerts": list(r.open_alerts)} for r in doc.roster]
    charts = dict(doc.chart_paths)
    for m in member_safety or ():  # inside an offline pack the chart is a file beside the page, else no link
        m["progress_chart"] = charts.get(str(m["member_name"])) if doc.chart_paths else m["progress_chart"]
    return {"clearance": clearance, "member_safety": member_safety, "safety_warnings": list(doc.safety_warnings),
            "status": status_box(doc), "packing": packing, "what_to_do": _what_to_do(doc), "roster": roster,
            "coverage_warnings": coverage_warnings(doc)}


def audience_view(doc: AgendaDocument) -> dict[str, Any]:
    facilitator = doc.audience == "facilitator"
    dates = [day.date for day in doc.days]
    view: dict[str, Any] = {
        "practice_name": doc.practice_name,
        "group_name": doc.group_name,
        "group_kind": doc.group_kind,
        "group_description": doc.group_description,
        "timezone": doc.timezone,
        "location": doc.location,
        "audience": doc.audience,
        "paper": doc.paper,
        "detail": "run_sheet" if doc.run_sheet_only else "full",
        "generated_for_date": doc.generated_for_date,
        "printed_on": doc.printed_on,
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "member_count": doc.member_count,
        "is_empty": doc.is_empty,
        "empty_message": doc.empty_message,
        # Facilitators' names are not clinical data: the handout names who runs the group (names only).
        "facilitators": [_facilitator(f) if facilitator else {"name": f.name} for f in doc.facilitators],
        "contact": doc.contact,
        "emergency_contact": doc.emergency_contact,
        "large_print": doc.large_print,
        "days": [
            {"date": day.date, "label": day.label, "plans": [_plan_view(doc, p) for p in day.plans]}
            for day in doc.days
        ],
        "materials": _materials_view(doc),
    }
    if facilitator:
        view.update(_facilitator_view(doc))
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
    return _jsonable(audience_view(doc))

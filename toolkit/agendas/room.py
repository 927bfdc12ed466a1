"""What a facilitator carries into the room (issue 31), loaded for the facilitator agenda: the "What to do" box
of each member who must not take part (refer, defer, a crisis hold), the roster page (emergency contacts,
allergies and dietary notes, open alerts) and the emergency contact of where the group meets.

A few constant queries over the members the agenda already cleared; the texts come from the screening's
crisis guidance (`seed/screening/v1/guidance.yaml`), never from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select

from ..alerts.services import open_alerts_of
from ..auth.models import Practice, Therapist
from ..extensions import db
from ..groups.models import Group
from ..participants.models import Participant
from ..safety_plans.services import current_safety_plan
from ..screening.guidance import default_guidance
from ..screening.models import Screening
from .document import RosterLine, WhatToDo, short_date

CHECKLIST_LINES = 4  # the checklist in short: its first steps (the full one is on the screening)
NO_EMERGENCY_CONTACT = ("No emergency number is set for this group or practice: call the local emergency "
                        "number (set one in the group's or the practice's settings).")
REFER_STEPS = ("Welcome them privately and explain that today's group work is not the right help for now; "
               "do not discuss their screening in the room.",
               "Call the clinical lead before they leave, and note who was called and when.")


def emergency_contact(practice: Practice, group: Group | None) -> str | None:
    """The group's own emergency contact (a retreat abroad), else the practice's; None when neither is set."""
    return (group.emergency_contact if group is not None else None) or practice.emergency_contact or None


def clinical_leads(practice_id: str) -> tuple[tuple[str, str], ...]:
    """(name, how to reach them) of the practice's active clinical leads: phone and email when both are set."""
    rows = db.session.execute(select(Therapist.name, Therapist.phone, Therapist.email).where(
        Therapist.practice_id == practice_id, Therapist.clinical_lead.is_(True), Therapist.active.is_(True))
        .order_by(Therapist.name))
    return tuple((name, " · ".join(x for x in (phone, email) if x)) for name, phone, email in rows)


def plain_reason(outcome: str | None, crisis_hold: bool) -> str:
    """Why the member must not take part, once, in plain words."""
    if crisis_hold:
        return ("On a crisis hold: no group work until a clinical lead has recorded a crisis review and a new "
                "screening is free of crisis.")
    if outcome == "defer":
        return "Their screening says defer: a crisis to stabilise first, with a full safety assessment."
    return "Their screening says refer: another kind of help comes first; no group work in this group."


def _kinds(screening_ids: Iterable[str]) -> dict[str, str]:
    """The crisis guidance kind (acute, non_acute) of each screening, from its answers."""
    ids = [i for i in screening_ids if i]
    if not ids:
        return {}
    guide = default_guidance()
    rows = db.session.execute(select(Screening.id, Screening.answers, Screening.declined)
                              .where(Screening.id.in_(ids)))
    return {sid: guide.kind_for(answers or {}, declined or []) for sid, answers, declined in rows}


def what_to_do(*, members: Iterable, blocked_at: Mapping[str, list[str]], practice: Practice,
               group: Group | None, people_to_ask: Mapping[str, tuple[str, ...]] | None = None,
               alerts: Mapping[str, tuple[str, ...]] | None = None) -> tuple[WhatToDo, ...]:
    """One box per member blocked at any of the agenda's sessions (`blocked_at`: participant id -> plan ids)."""
    chosen = [m for m in members if m.participant_id in blocked_at]
    if not chosen:
        return ()
    kinds = _kinds(m.screening_id for m in chosen if m.crisis_hold or m.outcome == "defer")
    leads = clinical_leads(practice.id)
    contact = emergency_contact(practice, group) or NO_EMERGENCY_CONTACT
    guide = default_guidance()
    boxes = []
    for m in chosen:
        crisis = m.crisis_hold or m.outcome == "defer"
        steps = guide.texts[kinds.get(m.screening_id, "non_acute")][1][:CHECKLIST_LINES] if crisis else REFER_STEPS
        boxes.append(WhatToDo(member_name=m.name, reason=plain_reason(m.outcome, m.crisis_hold), checklist=steps,
                              clinical_leads=leads, emergency_contact=contact,
                              people_to_ask=(people_to_ask or {}).get(m.participant_id, ()),
                              open_alerts=(alerts or {}).get(m.participant_id, ()),
                              plan_ids=tuple(blocked_at[m.participant_id])))
    return tuple(sorted(boxes, key=lambda b: b.member_name.casefold()))


def people_to_ask(participant_ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The "people to ask" of each person's current safety plan (version 3's safety plans), as "Name (contact)"."""
    out: dict[str, tuple[str, ...]] = {}
    for pid in dict.fromkeys(participant_ids):
        plan = current_safety_plan(db.session, pid)
        if plan is not None and plan.people_to_ask:
            out[pid] = tuple(f"{p['name']} ({p['contact']})" if p.get("contact") else p["name"]
                             for p in plan.people_to_ask)
    return out


ALERT_WORDS = {"crisis": "crisis", "deterioration": "deterioration", "follow_up_due": "follow-up due",
               "screening_due": "screening due", "self_report_received": "self-report received",
               "note_unsigned": "note unsigned"}


def open_alerts(participant_ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The alerts open (or acknowledged, not resolved) for each person, as "crisis (open since 3 Dec 2026)"."""
    out: dict[str, tuple[str, ...]] = {}
    for pid, alerts in open_alerts_of(list(dict.fromkeys(participant_ids))).items():
        if alerts:
            out[pid] = tuple(f"{ALERT_WORDS.get(a['kind'], a['kind'].replace('_', ' '))} ({a['status']} since "
                             f"{short_date(a['raised_at'].date())})" for a in alerts)
    return out


def roster(participant_ids: Iterable[str], alerts: Mapping[str, tuple[str, ...]] | None = None
           ) -> tuple[RosterLine, ...]:
    """The facilitator-only roster: each member's emergency contact, allergies and dietary notes, open alerts."""
    ids = list(dict.fromkeys(participant_ids))
    if not ids:
        return ()
    rows = db.session.execute(select(Participant.id, Participant.display_name, Participant.emergency_contact,
                                     Participant.dietary_notes).where(Participant.id.in_(ids)))
    lines = [RosterLine(member_name=name, emergency_contact=(emergency or "").strip(),
                        dietary_notes=(dietary or "").strip(), open_alerts=(alerts or {}).get(pid, ()))
             for pid, name, emergency, dietary in rows]
    return tuple(sorted(lines, key=lambda r: r.member_name.casefold()))

"""FHIR R4 resources of the practice's records as plain JSON-ready dicts: Patient, Group, PlanDefinition
(a template) and CarePlan (a group's sessions). Built from plain values by services.py; no Flask, no SQL."""

from __future__ import annotations

from datetime import date, datetime

from . import rules
from .codes import KIND_DISPLAY
from .rules import CS_GROUP_KIND, UCUM
from .shapes import coding, instant, reference


def patient(participant: dict) -> dict:
    """Only what we hold. Contact details are free text here, so they are kept as text: `telecom` with
    system `email` when the text is one email address, `other` otherwise; the emergency contact as a contact
    with the role "Emergency Contact". Sex at birth is not administrative gender and is not sent as one."""
    resource = {
        "resourceType": "Patient",
        "id": participant["id"],
        "active": not participant.get("archived"),
        "name": [{"text": participant["display_name"]}],
    }
    if participant.get("updated_at"):
        resource["meta"] = {"lastUpdated": instant(participant["updated_at"])}
    if participant.get("date_of_birth"):
        resource["birthDate"] = participant["date_of_birth"].isoformat()
    contact = (participant.get("contact") or "").strip()
    if contact:
        is_email = "@" in contact and " " not in contact and "\n" not in contact
        resource["telecom"] = [{"system": "email" if is_email else "other", "value": contact}]
    emergency = (participant.get("emergency_contact") or "").strip()
    if emergency:
        resource["contact"] = [{
            "relationship": [{"coding": [coding(rules.CONTACT_ROLE, "C", "Emergency Contact")],
                              "text": "Emergency contact"}],
            "name": {"text": emergency},
        }]
    return resource


def group(data: dict, members: list[dict], *, today: date) -> dict:
    """A group: kind (our code system) and its members, each with their membership period (the day they joined
    and, once they left, the day they left: a member who left is `inactive`). `members`: [{participant_id,
    display_name, joined_on, left_on}]."""
    resource = {
        "resourceType": "Group",
        "id": data["id"],
        "active": True,
        "type": "person",
        "actual": True,
        "code": {"coding": [coding(CS_GROUP_KIND, data["kind"], KIND_DISPLAY.get(data["kind"], data["kind"]))],
                 "text": data["kind"]},
        "name": data["name"],
        "quantity": sum(1 for m in members if not _left(m, today)),
    }
    if members:
        resource["member"] = []
        for m in members:
            period = {"start": m["joined_on"].isoformat()}
            if m.get("left_on"):
                period["end"] = m["left_on"].isoformat()
            resource["member"].append({"entity": reference("Patient", m["participant_id"], m.get("display_name")),
                                       "period": period, "inactive": _left(m, today)})
    return resource


def _left(member: dict, today: date) -> bool:
    return member.get("left_on") is not None and member["left_on"] <= today


def _minutes(minutes: int) -> dict:
    return {"value": minutes, "unit": "min", "system": UCUM, "code": "min"}


def plan_definition(plan: dict) -> dict:
    """A session template: its items in order as actions, each with its duration."""
    resource = {
        "resourceType": "PlanDefinition",
        "id": plan["id"],
        "name": "".join(ch for ch in plan["title"].title() if ch.isalnum())[:60] or "Template",
        "title": plan["title"],
        "status": "active" if plan.get("status") == "final" else "draft",
        "action": [_action(item) for item in plan["items"]],
    }
    if plan.get("notes"):
        resource["description"] = plan["notes"]
    if plan.get("updated_at"):
        resource["date"] = instant(plan["updated_at"])
    if not resource["action"]:
        resource.pop("action")
    return resource


def _action(item: dict) -> dict:
    action = {"title": item["title"], "timingDuration": _minutes(item["minutes"])}
    if item.get("summary"):
        action["description"] = item["summary"]
    if item.get("notes"):
        action["textEquivalent"] = item["notes"]
    return action


def activity_status(plan: dict, now: datetime) -> str:
    """A session still to come is `scheduled`; a past one is `completed` once its attendance is recorded
    (`cancelled` when the practice cancelled it for everyone), else `unknown` (nobody recorded whether it took
    place)."""
    if plan["ends_at"] > now:
        return "scheduled"
    attendance = plan.get("attendance") or set()
    if attendance == {"cancelled_by_practice"}:
        return "cancelled"
    return "completed" if attendance else "unknown"


def care_plan(data: dict, plans: list[dict], *, now: datetime) -> dict:
    """A group's sessions, one activity per plan with its scheduled period and its status from attendance
    (`activity_status`). `plans`: [{id, title, starts_at, ends_at, attendance: set of statuses recorded}]."""
    activities = []
    for plan in plans:
        detail = {"status": activity_status(plan, now), "description": plan["title"],
                  "scheduledPeriod": {"start": instant(plan["starts_at"]), "end": instant(plan["ends_at"])}}
        if data.get("location"):
            detail["location"] = {"display": data["location"]}
        activities.append({"detail": detail})
    upcoming = [p for p in plans if p["ends_at"] > now]
    resource = {
        "resourceType": "CarePlan",
        "id": data["id"],
        "status": "active" if upcoming else ("completed" if plans else "draft"),
        "intent": "plan",
        "title": f"Sessions of {data['name']}",
        "subject": reference("Group", data["id"], data["name"]),
    }
    if plans:
        resource["period"] = {"start": instant(plans[0]["starts_at"]), "end": instant(max(p["ends_at"]
                                                                                       for p in plans))}
        resource["activity"] = activities
    return resource

"""What a facilitator reads first: the status box of the whole agenda and of each session, the adaptations
printed under the item where they happen, and the script placeholders filled from what the agenda knows.

Plain functions over the document (facilitator audience only: they name members). `view.py` calls them.
"""

from __future__ import annotations

import re
from typing import Any

from .document import AgendaDocument, AgendaItem, AgendaPlan, ClearanceLine

# Blocked and unscreened people first: they must not simply join in.
ORDER = {"blocked": 0, "unscreened": 1, "exclude": 2, "missed_prerequisite": 3, "adapt": 4}
LABELS = {
    "blocked": "Must not take part",
    "unscreened": "Must not take part: no valid screening",
    "exclude": "Excluded from an item",
    "missed_prerequisite": "Missed a prerequisite",
    "adapt": "Needs adaptations",
}
PERSON_VERDICTS = ("blocked", "unscreened")
ITEM_VERDICTS = ("exclude", "missed_prerequisite", "adapt")


def _in_plan(line: ClearanceLine, plan: AgendaPlan) -> bool:
    if line.plan_id is not None:
        return line.plan_id == plan.plan_id
    return line.plan_title is None or line.plan_title == plan.title


def _at_item(line: ClearanceLine, plan: AgendaPlan, item: AgendaItem) -> bool:
    if line.item_id is not None:
        return line.item_id == item.item_id
    return line.item_title == item.title and _in_plan(line, plan)


def clean_reasons(line: ClearanceLine) -> list[str]:
    """The reasons without the adaptation or alternative text they repeat (that is printed once, beside)."""
    out: list[str] = []
    for reason in line.reasons:
        for text in (line.adaptation, line.alternative):
            if text and text in reason:
                reason = reason.replace(text, "").strip().rstrip(":;,.")
        reason = reason.strip()
        if reason and reason not in out:
            out.append(reason)
    return out


def _short_reason(reason: str) -> str:
    """'flag dissociation: module 'X' must be adapted' -> 'flag dissociation' (the item is named elsewhere)."""
    return reason.split(": module ", 1)[0]


def status_box(doc: AgendaDocument, plan: AgendaPlan | None = None) -> dict[str, Any] | None:
    """The safety status of the whole agenda (plan None) or of one session: level (`blocked`, `caution`,
    `clear`, `empty`), a headline, and one entry per member who needs attention, blocked and unscreened
    people first, each with the reason. None when there is no group to clear (a template)."""
    if doc.clearance is None:
        return None
    lines = [line for line in doc.clearance if plan is None or _in_plan(line, plan)]
    people: dict[tuple[str, str], dict[str, Any]] = {}
    for line in lines:
        key = (line.member_name, line.verdict)
        entry = people.setdefault(key, {"member_name": line.member_name, "verdict": line.verdict,
                                        "label": LABELS[line.verdict], "reasons": [], "items": []})
        reasons = clean_reasons(line)
        if line.verdict not in PERSON_VERDICTS:
            reasons = [_short_reason(r) for r in reasons]
            if line.item_title and line.item_title not in entry["items"]:
                entry["items"].append(line.item_title)
        entry["reasons"].extend(r for r in reasons if r not in entry["reasons"]
                                and r.casefold().rstrip(".") not in entry["label"].casefold())
    boxed = {w.member_name for w in doc.what_to_do or ()}
    for entry in people.values():  # their reason is in their "What to do" box, once
        entry["what_to_do"] = entry["verdict"] == "blocked" and entry["member_name"] in boxed
        if entry["what_to_do"]:
            entry["reasons"] = []
    entries = sorted(people.values(), key=lambda e: (ORDER[e["verdict"]], e["member_name"].casefold()))
    blocked = len({e["member_name"] for e in entries if e["verdict"] in PERSON_VERDICTS})
    others = {e["member_name"] for e in entries} - {e["member_name"] for e in entries
                                                    if e["verdict"] in PERSON_VERDICTS}
    attention = len(others)
    excluded = len({e["member_name"] for e in entries if e["verdict"] == "exclude" and e["member_name"] in others})
    level, headline = _headline(doc, plan, bool(entries), blocked, attention, excluded)
    warnings = [w for w in doc.safety_warnings if not any(w.startswith(f"{name} is on a crisis hold")
                                                          for name in boxed)] if plan is None else []
    warnings.extend(w for w in coverage_warnings(doc, plan) if w not in warnings)
    return {"level": level, "headline": headline, "people": entries, "warnings": warnings}


def _headline(doc: AgendaDocument, plan: AgendaPlan | None, anyone: bool, blocked: int, attention: int,
              excluded: int) -> tuple[str, str]:
    """(level, headline) of a status box."""
    if doc.member_count == 0 and not anyone:
        return "empty", "This group has no members yet: nobody is screened or cleared."
    if blocked:
        headline = f"STOP: {blocked} member{'s' if blocked != 1 else ''} must not take part"
        if attention:
            headline += f"; {attention} more {_needs(excluded, attention - excluded)}"
        return "blocked", headline
    if attention:
        return "caution", (f"Caution: {attention} member{'s' if attention != 1 else ''} "
                           f"{_needs(excluded, attention - excluded)} (printed under each item)")
    what = "every item" if plan is None else "every item of this session"
    return "clear", f"All {doc.member_count} members are cleared for {what}."


def _needs(excluded: int, adapted: int) -> str:
    """'with exclusions', 'need adaptations' or 'with exclusions or adaptations' (exclusions are exclusions)."""
    if excluded and adapted:
        return "with exclusions or adaptations"
    return "with exclusions" if excluded else ("needs adaptations" if adapted == 1 else "need adaptations")


# An alternative that needs a second adult: someone must be with the person while the group goes on.
_SECOND_ADULT = re.compile(r"co-?facilitator|second (?:adult|facilitator)|another facilitator|"
                           r"with a facilitator|a facilitator (?:one-to-one|who checks)|facilitator one-to-one",
                           re.IGNORECASE)


def needs_second_adult(text: str | None) -> bool:
    return bool(text and _SECOND_ADULT.search(text))


def coverage_warnings(doc: AgendaDocument, plan: AgendaPlan | None = None) -> list[str]:
    """Facilitator coverage: with one facilitator (or none), an exclusion whose alternative needs a second adult
    cannot happen as printed. One warning per item, naming it and who sits out."""
    if doc.clearance is None or len(doc.facilitators) > 1:
        return []
    found: dict[tuple[str, str], list[str]] = {}
    for line in doc.clearance:
        if line.verdict != "exclude" or not needs_second_adult(line.alternative):
            continue
        if plan is not None and not _in_plan(line, plan):
            continue
        names = found.setdefault((line.plan_title or "", line.item_title or "an item"), [])
        if line.member_name not in names:
            names.append(line.member_name)
    count = "one facilitator" if doc.facilitators else "no facilitator"
    return [f"Facilitator coverage: \"{item}\"{f' ({session})' if session and plan is None else ''}: "
            f"{', '.join(names)} {'is' if len(names) == 1 else 'are'} excluded and the alternative needs a second "
            f"adult, but this group has {count}. Arrange a second adult or another alternative."
            for (session, item), names in found.items()]


def adaptations(doc: AgendaDocument, plan: AgendaPlan, item: AgendaItem) -> list[dict[str, Any]]:
    """What changes at this item, for whom: 'Adapt for Devon: eyes open, ...', or who sits out and what they
    do instead."""
    out = []
    for line in doc.clearance or ():
        if line.verdict not in ITEM_VERDICTS or not _at_item(line, plan, item):
            continue
        first = line.member_name.split()[0] if line.member_name.split() else line.member_name
        reasons = clean_reasons(line)
        if line.verdict == "adapt":
            label, text = f"Adapt for {first}", line.adaptation or "; ".join(reasons)
        elif line.verdict == "exclude":
            label = f"Exclusion: {first} does not take part"
            text = f"Instead: {line.alternative or 'a quiet space, with a facilitator checking in'}"
        else:
            label, text = f"{first} missed a prerequisite", "; ".join(reasons)
        out.append({"member_name": line.member_name, "verdict": line.verdict, "label": label, "text": text,
                    "reasons": reasons})
    return sorted(out, key=lambda a: (ORDER[a["verdict"]], a["member_name"].casefold()))


# --------------------------------------------------------------------------------------------------
# Script placeholders
# --------------------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\[(date|day and date|place|co-facilitator|break time|time|minutes|length)\]")


def _length(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if rest or not parts:
        parts.append(f"{rest} minutes")
    return " ".join(parts)


def placeholder_values(doc: AgendaDocument, plan: AgendaPlan, item: AgendaItem, *, date_label: str,
                       plan_minutes: int) -> dict[str, str]:
    """The placeholders this agenda can fill for this item; the others stay visible for the facilitator."""
    zone = doc.zone
    values = {"date": date_label, "day and date": date_label, "time": item.starts_at.astimezone(zone)
              .strftime("%H:%M"), "minutes": str(item.minutes), "length": _length(plan_minutes)}
    if doc.location:
        values["place"] = doc.location
    breaks = sorted((i for i in plan.items if i.is_break), key=lambda i: i.position)
    later = [b for b in breaks if b.position > item.position] or breaks
    if later:
        values["break time"] = later[0].starts_at.astimezone(zone).strftime("%H:%M")
    if item.lead is not None:  # the lead speaks the script: the co-facilitator is anyone else of the group
        others = [f.name for f in doc.facilitators if f.facilitator_id != item.lead.facilitator_id]
        if others:
            values["co-facilitator"] = " or ".join(others)
    return values


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)

"""Plan clearance: who may take part in which item of a session plan, from screenings and module
contraindications. Pure Python; the API layer builds the inputs from the database.

Rules (DESIGN.md "Outcomes"):
  * no valid screening (none, or expired: valid_until <= now) → every module item `exclude`
    ("no valid screening"), the member is listed in `missing_screenings`, the plan is `blocked`;
  * outcome clear → every item ok;
  * outcome caution → per module, each of the member's flags with a contraindication: exclude → exclude,
    adapt → adapt with the module's text; the most restrictive wins, all adaptations are listed;
  * outcome refer / defer → every module item exclude; the plan is `blocked`;
  * break items (no module) are always ok, for everyone;
  * status: blocked > caution (any adapt/exclude verdict, or an unresolved_trauma member without a
    trauma-informed facilitator) > clear. A group with no members is clear with a facilitator warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from toolkit.vocab import CONTRA_ACTIONS, FLAGS, OUTCOMES

BLOCKING_OUTCOMES = ("refer", "defer")
NO_MEMBERS_WARNING = "no members: the group has no participants to clear"
NO_VALID_SCREENING = "no valid screening"


class Contraindication(NamedTuple):
    flag: str
    action: str  # "exclude" or "adapt"
    adaptation: str | None = None


@dataclass(frozen=True)
class MemberScreening:
    """A group member and their latest screening (or none). `outcome` is the effective one (after a
    clinician override, if any); `flags` are the flags raised by the screening."""

    participant_id: str
    screening_id: str | None = None
    outcome: str | None = None
    flags: frozenset[str] = frozenset()
    valid_until: datetime | None = None


@dataclass(frozen=True)
class ClearanceItem:
    """One plan item. `module_id` None means a break (no module). Contraindications are (flag, action,
    adaptation) triples; plain tuples work as well as `Contraindication`."""

    item_id: str
    module_id: str | None
    module_title: str | None = None
    contraindications: tuple[Contraindication, ...] = ()


def _aware(moment: datetime) -> datetime:
    """Naive datetimes (e.g. from SQLite) are taken as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def has_valid_screening(member: MemberScreening, now: datetime) -> bool:
    return (
        member.screening_id is not None
        and member.outcome is not None
        and member.valid_until is not None
        and _aware(member.valid_until) > _aware(now)
    )


def _item_verdict(member: MemberScreening, valid: bool, item: ClearanceItem) -> dict[str, Any]:
    verdict: dict[str, Any] = {
        "item_id": item.item_id,
        "module_id": item.module_id,
        "verdict": "ok",
        "adaptation": None,
        "reasons": [],
    }
    name = item.module_title or item.module_id
    if item.module_id is None:
        verdict["reasons"] = ["break: no module, open to everyone"]
        return verdict
    if not valid:
        verdict.update(verdict="exclude", reasons=[NO_VALID_SCREENING])
        return verdict
    if member.outcome in BLOCKING_OUTCOMES:
        verdict.update(verdict="exclude", reasons=[f"outcome {member.outcome} blocks group inner child work"])
        return verdict
    if member.outcome == "clear":
        verdict["reasons"] = ["outcome clear"]
        return verdict

    # caution: the module's contraindications for each of the member's flags (in vocabulary order)
    excluded_by: list[str] = []
    adaptations: list[tuple[str, str | None]] = []
    for flag in sorted(member.flags, key=lambda f: FLAGS.index(f) if f in FLAGS else len(FLAGS)):
        for c_flag, action, adaptation in item.contraindications:
            if c_flag != flag:
                continue
            if action == "exclude":
                excluded_by.append(flag)
            elif action == "adapt":
                adaptations.append((flag, adaptation))
            else:
                raise ValueError(
                    f"item {item.item_id}: unknown contraindication action {action!r}; "
                    f"expected one of {CONTRA_ACTIONS}"
                )
    reasons = [f"flag {flag}: module '{name}' is contraindicated (exclude)" for flag in excluded_by]
    reasons += [
        f"flag {flag}: module '{name}' must be adapted" + (f": {text}" if text else "")
        for flag, text in adaptations
    ]
    texts = [(flag, text) for flag, text in adaptations if text]
    if len(texts) == 1:
        adaptation_text: str | None = texts[0][1]
    elif texts:
        adaptation_text = "\n".join(f"For {flag}: {text}" for flag, text in texts)
    else:
        adaptation_text = None
    if excluded_by:
        # the item is skipped for this person; adaptations of other flags are kept in the reasons only
        verdict.update(verdict="exclude", reasons=reasons)
    elif adaptations:
        verdict.update(
            verdict="adapt",
            adaptation=adaptation_text or "adapt (the module gives no adaptation text)",
            reasons=reasons,
        )
    else:
        shown = ", ".join(sorted(member.flags)) or "none"
        verdict["reasons"] = [f"outcome caution; module '{name}' has no contraindication for flag(s) {shown}"]
    return verdict


def clear_plan(
    *,
    members: Iterable[MemberScreening],
    items: Iterable[ClearanceItem],
    has_trauma_informed_facilitator: bool,
    now: datetime,
) -> dict[str, Any]:
    """Every member × every plan item → ok / adapt / exclude with reasons, and the plan's overall status.

    Returns {status, participants: [{participant_id, screening_id, outcome, items: [{item_id, module_id,
    verdict, adaptation, reasons}]}], missing_screenings: [participant ids], facilitator_warnings: [str]}.
    A member without a valid screening has `outcome` None (an expired outcome is not reported as current);
    `screening_id` is still given so the client can link to the expired one."""
    members = list(members)
    items = list(items)
    for member in members:
        if member.outcome is not None and member.outcome not in OUTCOMES:
            raise ValueError(f"participant {member.participant_id}: unknown outcome {member.outcome!r}")

    if not members:
        return {
            "status": "clear",
            "participants": [],
            "missing_screenings": [],
            "facilitator_warnings": [NO_MEMBERS_WARNING],
        }

    participants: list[dict[str, Any]] = []
    missing: list[str] = []
    warnings: list[str] = []
    blocked = False
    caution = False
    for member in members:
        valid = has_valid_screening(member, now)
        if not valid:
            missing.append(member.participant_id)
            blocked = True
        elif member.outcome in BLOCKING_OUTCOMES:
            blocked = True
        verdicts = [_item_verdict(member, valid, item) for item in items]
        if any(v["verdict"] != "ok" for v in verdicts):
            caution = True
        if valid and "unresolved_trauma" in member.flags and not has_trauma_informed_facilitator:
            caution = True
            warnings.append(
                f"participant {member.participant_id} is flagged unresolved_trauma and the group "
                "has no trauma-informed facilitator: add one before running inner child work"
            )
        participants.append(
            {
                "participant_id": member.participant_id,
                "screening_id": member.screening_id,
                "outcome": member.outcome if valid else None,
                "items": verdicts,
            }
        )
    status = "blocked" if blocked else "caution" if caution else "clear"
    return {
        "status": status,
        "participants": participants,
        "missing_screenings": missing,
        "facilitator_warnings": warnings,
    }

"""Plan clearance: who may take part in which item of a session plan, from screenings and module
contraindications. Pure Python; the API layer builds the inputs from the database.

Rules (DESIGN.md "Outcomes" and "Safety over time"):
  * no valid screening (none; expired: valid_until <= now; `expires_before_session`: valid now but not when
    the plan ends; an adult form taken under 18) → every module item `exclude` with the reason, the member
    is listed in `missing_screenings`, the plan is `blocked`;
  * the effective outcome is the latest screening's (its latest override, else computed), except during a
    crisis hold (`defer` until a crisis review and a newer screening);
  * outcome clear or caution → per module, each of the member's *computed* flags with a contraindication:
    exclude → exclude (with the module's alternative activity), adapt → adapt with the module's text; the
    most restrictive wins. An override changes the outcome, never the flags, so an override to `clear`
    keeps a dissociating member's adaptation;
  * outcome refer / defer → every module item exclude; the plan is `blocked`;
  * break items (no module) are always ok, for everyone;
  * status: blocked > caution (any adapt/exclude verdict, or an unresolved_trauma member without a
    trauma-informed facilitator) > clear. A group with no members is clear with a facilitator warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from toolkit.common.zones import aware
from toolkit.exercises.rules import Contraindication
from toolkit.screening.safety import EXPIRES_BEFORE_SESSION, VALID, validity_at_session
from toolkit.vocab import BLOCKING_OUTCOMES, CONTRA_ACTIONS, FLAGS, OUTCOMES

NO_MEMBERS_WARNING = "no members: the group has no participants to clear"
NO_VALID_SCREENING = "no valid screening"
RELIABLE_DETERIORATION = "reliable_deterioration"
RECENT_CRISIS = "recent_crisis"


DEFAULT_ALTERNATIVE = ("Offer a quiet, present-focused alternative (for example the eyes-open grounding) with a "
                       "co-facilitator while the group does this item.")


@dataclass(frozen=True)
class MemberScreening:
    """A group member and their latest screening (or none). `outcome` is the latest screening's current
    outcome (its latest override's, else computed); `flags` are the flags the screening computed.
    `crisis_hold` keeps the member at `defer` whatever the latest outcome. `unusable` says why the latest
    screening cannot count at all (e.g. an adult form taken under 18); `no_screening_reason` why a member
    without a screening needs a particular path (e.g. a minor)."""

    participant_id: str
    screening_id: str | None = None
    outcome: str | None = None
    flags: frozenset[str] = frozenset()
    valid_until: datetime | None = None
    display_name: str = ""
    computed_outcome: str | None = None
    override: dict | None = None  # {outcome, reason, by: {id, name}, at}
    crisis_hold: bool = False
    findings: tuple[str, ...] = ()
    method: str | None = None
    unusable: str | None = None
    no_screening_reason: str | None = None
    screened_at: datetime | None = None
    # Progress (toolkit/progress): reliable deteriorations since baseline not yet reviewed after the latest
    # screening (deep items become exclude), and what is only shown (a review, a recovery).
    deterioration: tuple[str, ...] = ()
    progress_notes: tuple[str, ...] = ()
    # The person's crisis of the last 90 days ({screening_id, on, reviewed_by, follow_up_on}), and whether deep
    # items still wait for a second screening free of crisis after its review.
    recent_crisis: dict | None = None
    crisis_gate: bool = False

    @property
    def name(self) -> str:
        return self.display_name or self.participant_id


@dataclass(frozen=True)
class ClearanceItem:
    """One plan item. `module_id` None means a break (no module). Contraindications are (flag, action,
    adaptation) triples; plain tuples work as well as `Contraindication`."""

    item_id: str
    module_id: str | None
    module_title: str | None = None
    contraindications: tuple[Contraindication, ...] = ()
    intensity: str | None = None
    gate_on_deterioration: bool = False


def has_valid_screening(member: MemberScreening, now: datetime, session_end: datetime | None = None) -> bool:
    return screening_validity(member, now, session_end) == VALID


def screening_validity(member: MemberScreening, now: datetime, session_end: datetime | None = None) -> str:
    """`missing`, `unusable`, `expired`, `expires_before_session` or `valid` (for the plan ending then)."""
    if member.screening_id is None or member.outcome is None:
        return "missing"
    if member.unusable:
        return "unusable"
    return validity_at_session(valid_until=member.valid_until, session_end=session_end, now=now)


def _invalid_reason(member: MemberScreening, validity: str) -> str:
    if validity == EXPIRES_BEFORE_SESSION:
        # validity_at_session gives `expired` when valid_until is None, so this validity implies a date.
        assert member.valid_until is not None
        until = aware(member.valid_until).date().isoformat()
        return f"{EXPIRES_BEFORE_SESSION}: the screening is valid until {until}, before this session ends"
    if validity == "unusable":
        return f"{NO_VALID_SCREENING}: {member.unusable}"
    if validity == "missing" and member.no_screening_reason:
        return f"{NO_VALID_SCREENING}: {member.no_screening_reason}"
    return NO_VALID_SCREENING


def _item_verdict(member: MemberScreening, validity: str, outcome: str | None, item: ClearanceItem
                  ) -> dict[str, Any]:
    verdict = _flag_verdict(member, validity, outcome, item)
    if item.module_id is None or verdict["verdict"] == "exclude":
        return verdict
    # Each of these only ever tightens: the item becomes exclude.
    gated = item.intensity == "deep" or item.gate_on_deterioration
    reasons = []
    if member.deterioration and gated:  # the details are the member's warnings; the item's reason stays short
        reasons.append(f"{RELIABLE_DETERIORATION}: deep and trauma-focused items wait for a progress review")
    if member.crisis_gate and item.intensity == "deep" and member.recent_crisis:
        reasons.append(f"{RECENT_CRISIS}: a crisis screening on {member.recent_crisis['on']}; deep items wait for a "
                       "second screening free of crisis after the crisis review")
    if reasons:
        verdict.update(verdict="exclude", adaptation=None, alternative=DEFAULT_ALTERNATIVE,
                       reasons=reasons + verdict["reasons"])
    return verdict


def _flag_verdict(member: MemberScreening, validity: str, outcome: str | None, item: ClearanceItem
                  ) -> dict[str, Any]:
    verdict: dict[str, Any] = {
        "item_id": item.item_id,
        "module_id": item.module_id,
        "verdict": "ok",
        "adaptation": None,
        "alternative": None,
        "reasons": [],
    }
    name = item.module_title or item.module_id
    if item.module_id is None:
        verdict["reasons"] = ["break: no module, open to everyone"]
        return verdict
    if validity != VALID:
        verdict.update(verdict="exclude", reasons=[_invalid_reason(member, validity)])
        return verdict
    if outcome in BLOCKING_OUTCOMES:
        why = (f"crisis hold: {outcome} until a crisis review and a screening free of crisis 24 hours after it"
               if member.crisis_hold
               else f"outcome {outcome} blocks group inner child work")
        verdict.update(verdict="exclude", reasons=[why])
        return verdict
    if outcome == "clear" and not member.flags:
        verdict["reasons"] = ["outcome clear"]
        return verdict

    # clear (by override) or caution: the module's contraindications for each computed flag (vocabulary order)
    excluded_by, alternatives, adaptations = _contraindicated(member, item)
    reasons = [f"flag {flag}: module '{name}' is contraindicated (exclude)" for flag in excluded_by]
    reasons += [
        f"flag {flag}: module '{name}' must be adapted" + (f": {text}" if text else "")
        for flag, text in adaptations
    ]
    if excluded_by:
        # the item is skipped for this person; adaptations of other flags are kept in the reasons only
        verdict.update(verdict="exclude", reasons=reasons, alternative="\n".join(alternatives) or DEFAULT_ALTERNATIVE)
    elif adaptations:
        verdict.update(
            verdict="adapt",
            adaptation=_adaptation_text(adaptations) or "adapt (the module gives no adaptation text)",
            reasons=reasons,
        )
    else:
        shown = ", ".join(sorted(member.flags)) or "none"
        verdict["reasons"] = [f"outcome {outcome}; module '{name}' has no contraindication for flag(s) {shown}"]
    return verdict


def _contraindicated(member: MemberScreening, item: ClearanceItem
                     ) -> tuple[list[str], list[str], list[tuple[str, str | None]]]:
    """(flags that exclude the item, the alternatives those name, (flag, text) of the adaptations), over the
    member's computed flags in vocabulary order."""
    excluded_by: list[str] = []
    alternatives: list[str] = []
    adaptations: list[tuple[str, str | None]] = []
    for flag in sorted(member.flags, key=lambda f: FLAGS.index(f) if f in FLAGS else len(FLAGS)):
        for c_flag, action, adaptation in item.contraindications:
            if c_flag != flag:
                continue
            if action not in CONTRA_ACTIONS:
                raise ValueError(
                    f"item {item.item_id}: unknown contraindication action {action!r}; "
                    f"expected one of {CONTRA_ACTIONS}"
                )
            if action == "adapt":
                adaptations.append((flag, adaptation))
                continue
            excluded_by.append(flag)
            if adaptation and adaptation not in alternatives:
                alternatives.append(adaptation)
    return excluded_by, alternatives, adaptations


def _adaptation_text(adaptations: list[tuple[str, str | None]]) -> str | None:
    """One adaptation's text as it is; several, each after its flag; None when none gives a text."""
    texts = [(flag, text) for flag, text in adaptations if text]
    if len(texts) == 1:
        return texts[0][1]
    if texts:
        return "\n".join(f"For {flag}: {text}" for flag, text in texts)
    return None


def _override_text(override: dict) -> str:
    at = override["at"]
    when = aware(at).date().isoformat() if isinstance(at, datetime) else str(at)[:10]
    return f"{override['outcome']} by {override['by']['name']} on {when}: {override['reason']}"


@dataclass(frozen=True)
class _Cleared:
    """One member's part of a plan's clearance."""

    participant: dict[str, Any]
    warnings: list[str]
    blocked: bool
    caution: bool
    missing: bool


def _member_reasons(member: MemberScreening, validity: str, outcome: str | None) -> tuple[list[str], list[str]]:
    """(the member's reasons, the facilitator warnings about them) from the screening's validity, the
    outcome, a crisis hold, an override and progress."""
    reasons: list[str] = []
    warnings: list[str] = []
    if validity != VALID:
        reasons.append(_invalid_reason(member, validity))
        if validity == EXPIRES_BEFORE_SESSION:
            warnings.append(f"{member.name}: the screening expires before this session ends "
                            "(expires_before_session): screen again before the session")
        elif member.no_screening_reason or member.unusable:
            warnings.append(f"{member.name}: {member.no_screening_reason or member.unusable}")
    elif outcome in BLOCKING_OUTCOMES:
        reasons.append(f"outcome {outcome}: no group inner child work")
    if member.crisis_hold and member.screening_id is not None:
        reasons.append("crisis hold: defer until a clinical lead records a crisis review (risk not high) and a "
                       "screening free of crisis is taken at least 24 hours after it")
        warnings.append(f"{member.name} is on a crisis hold after a defer: no group inner child work until "
                        "a crisis review and a screening free of crisis 24 hours after it")
    if member.override is not None:
        reasons.append(f"override: {_override_text(member.override)}")
    if member.recent_crisis:
        crisis = member.recent_crisis
        reviewed = (f"reviewed by {crisis['reviewed_by']}, follow-up on {crisis['follow_up_on']}"
                    if crisis["reviewed_by"] else "not reviewed yet")
        reasons.append(f"{RECENT_CRISIS}: a crisis screening on {crisis['on']} ({reviewed})")
        warnings.append(f"{member.name}: a crisis screening on {crisis['on']} ({reviewed})")
    if member.deterioration:
        reasons.append(f"{RELIABLE_DETERIORATION}: deep and trauma-focused items are excluded until a clinical "
                       "lead records a progress review after the latest screening")
        warnings.append(f"{member.name}: {RELIABLE_DETERIORATION} since baseline: " + "; ".join(member.deterioration))
    reasons.extend(member.progress_notes)
    return reasons, warnings


def _clear_member(member: MemberScreening, items: list[ClearanceItem], *, now: datetime,
                  session_end: datetime | None, has_trauma_informed_facilitator: bool) -> _Cleared:
    validity = screening_validity(member, now, session_end)
    valid = validity == VALID
    outcome = ("defer" if member.crisis_hold else member.outcome) if valid else None
    reasons, warnings = _member_reasons(member, validity, outcome)
    verdicts = [_item_verdict(member, validity, outcome, item) for item in items]
    caution = any(v["verdict"] != "ok" for v in verdicts)
    if valid and "unresolved_trauma" in member.flags and not has_trauma_informed_facilitator:
        caution = True
        warnings.append(
            f"{member.name} is flagged unresolved_trauma and the group "
            "has no trauma-informed facilitator: add one before running inner child work"
        )
    participant = {
        "participant_id": member.participant_id,
        "display_name": member.display_name,
        "screening_id": member.screening_id,
        "outcome": outcome,
        "computed_outcome": member.computed_outcome,
        "override": member.override,
        "crisis_hold": member.crisis_hold,
        "findings": list(member.findings),
        "validity": validity,
        "expires_before_session": validity == EXPIRES_BEFORE_SESSION,
        "valid_until": aware(member.valid_until).isoformat() if member.valid_until else None,
        "method": member.method,
        "reasons": reasons,
        "warnings": [{"code": RELIABLE_DETERIORATION, "message": text} for text in member.deterioration],
        "recent_crisis": member.recent_crisis,
        "items": verdicts,
    }
    return _Cleared(participant=participant, warnings=warnings, blocked=not valid or outcome in BLOCKING_OUTCOMES,
                    caution=caution, missing=not valid)


def clear_plan(
    *,
    members: Iterable[MemberScreening],
    items: Iterable[ClearanceItem],
    has_trauma_informed_facilitator: bool,
    now: datetime,
    session_end: datetime | None = None,
) -> dict[str, Any]:
    """Every member × every plan item → ok / adapt / exclude with reasons, and the plan's overall status.

    A screening counts only if it is still valid when the plan ends (`session_end`; None: judged now).
    Returns {status, participants: [{participant_id, display_name, screening_id, outcome, computed_outcome,
    override, crisis_hold, findings, validity, expires_before_session, valid_until, method, reasons,
    items: [{item_id, module_id, verdict, adaptation, alternative, reasons}]}], missing_screenings: [ids],
    facilitator_warnings: [str]}. A member without a valid screening has `outcome` None (an expired outcome
    is not reported as current); `screening_id` is still given so the client can link to it. Warnings name
    members by display name (this result is for facilitators only)."""
    members = list(members)
    items = list(items)
    for member in members:
        for value in (member.outcome, member.computed_outcome):
            if value is not None and value not in OUTCOMES:
                raise ValueError(f"participant {member.participant_id}: unknown outcome {value!r}")

    if not members:
        return {
            "status": "clear",
            "participants": [],
            "missing_screenings": [],
            "facilitator_warnings": [NO_MEMBERS_WARNING],
        }

    results = [_clear_member(member, items, now=now, session_end=session_end,
                             has_trauma_informed_facilitator=has_trauma_informed_facilitator) for member in members]
    blocked = any(r.blocked for r in results)
    caution = any(r.caution for r in results)
    status = "blocked" if blocked else "caution" if caution else "clear"
    return {
        "status": status,
        "participants": [r.participant for r in results],
        "missing_screenings": [r.participant["participant_id"] for r in results if r.missing],
        "facilitator_warnings": [w for r in results for w in r.warnings],
    }


def holds_until(participants: Iterable[dict[str, Any]], now: datetime) -> datetime:
    """The first instant at which a clearance built at `now` could change with its data unchanged: the
    earliest screening that is still valid expiring, or the next day (ages are judged by the date).
    `participants` are the result's (their `valid_until` as ISO 8601)."""
    now = aware(now)
    tomorrow = datetime.combine(now.astimezone(UTC).date() + timedelta(days=1), time.min, tzinfo=UTC)
    expiring = [moment for moment in (datetime.fromisoformat(p["valid_until"]) for p in participants
                                      if p.get("valid_until")) if aware(moment) > now]
    return min([tomorrow, *(aware(m) for m in expiring)])

"""One computation of a screening, in order: completeness, scores, flags, outcome. `screen()` is the one
function the API (and the demo, the bench and the property tests) calls. Pure Python.

  1. completeness: the answers are validated against the form with what the person declined
     (`declined: [item ids]`); a positive critical item (answered or declined) lets the screening be saved
     with items unanswered (as the ASQ instructs: stop and act), else an unanswered item is an error. Every
     item without an answer that could be asked is *unknown*; an instrument with an unknown item is
     incomplete;
  2. scores: each instrument's total over the answers given (a lower bound when incomplete), and the same
     with every unknown item at its highest option (the form answered at its worst);
  3. flags: every rule of `rules.yaml` over both (the rules that read the unknown: `declined: critical`,
     `incomplete`, `unknown_as_highest`), so a declined item never yields fewer flags than the same form
     answered at its worst;
  4. outcome: the most restrictive flag level; an incomplete screening is never better than `caution`, with
     the finding `incomplete-instrument` per incomplete instrument.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from toolkit.vocab import FLAGS

from .form import Facts, Form, base_context
from .guidance import default_guidance
from .rules import (
    REQUIRED,
    AnswersError,
    FlagResult,
    Note,
    Score,
    most_restrictive,
    reasons_for,
    score_instrument,
    validate_answers,
)

INCOMPLETE_FINDING = "incomplete-instrument"


@dataclass(frozen=True)
class Screened:
    """A computed screening: what is stored (scores with completeness, flags, findings, outcome)."""

    form_version: str
    scores: Mapping[str, Score]
    flags: tuple[FlagResult, ...]
    notes: tuple[Note, ...]
    outcome: str
    incomplete: Mapping[str, tuple[str, ...]]  # instrument code -> unknown item ids (declined or not answered)
    declined: tuple[str, ...]
    answers: Mapping[str, int] = field(default_factory=dict)
    asked: frozenset[str] = frozenset()  # the items these answers open (a declined critical item as positive)

    @property
    def complete(self) -> bool:
        return not self.incomplete

    @property
    def flag_names(self) -> frozenset[str]:
        return frozenset(f.flag for f in self.flags)

    def to_dict(self, *, crisis_line_text: str | None = None) -> dict[str, Any]:
        """JSON-ready; `crisis_guidance` whenever the flags include acute_crisis or the outcome is defer."""
        guidance = None
        if self.outcome == "defer" or "acute_crisis" in self.flag_names:
            guide = default_guidance()
            guidance = guide.for_kind(guide.kind_for(self.answers, self.declined, asked=self.asked), crisis_line_text)
        return {"form_version": self.form_version, "scores": self.scores_json(),
                "flags": [f.to_dict() for f in self.flags], "notes": [n.to_dict() for n in self.notes],
                "outcome": self.outcome, "complete": self.complete, "crisis_guidance": guidance}

    def scores_json(self) -> dict[str, dict[str, Any]]:
        return {code: {**s.to_dict(), "complete": code not in self.incomplete} for code, s in self.scores.items()}


def assumed_positive(form: Form, declined: Iterable[Any]) -> dict[str, int]:
    """Declined critical items count as positive: their highest option, for deciding which follow-ups are
    asked (a declined ASQ question still opens the acuity question). Never used as a score."""
    known = {item.id for item in form.items}
    return {i: max(form.item(i).values) for i in declined if isinstance(i, str) and i in known
            and form.item(i).critical}


def asked_items(form: Form, answers: Mapping[str, int], declined: Iterable[str] = ()) -> frozenset[str]:
    """The items asked with these answers (a declined critical item counting as positive)."""
    gates = {**answers, **assumed_positive(form, declined)}
    return frozenset(item.id for item in form.enabled_items(gates))


def check_declined(form: Form, answers: Mapping[str, Any], declined: Iterable[Any]) -> dict[str, list[str]]:
    declined = list(declined)
    errors: dict[str, list[str]] = {}
    gates = {**{k: v for k, v in answers.items() if isinstance(v, int)}, **assumed_positive(form, declined)}
    known = {item.id for item in form.items}
    seen: set[str] = set()
    for index, item_id in enumerate(declined):
        key = f"declined.{index}"
        if not isinstance(item_id, str) or item_id not in known:
            errors[key] = [f"{item_id!r} is not an item of form version {form.version}"]
        elif item_id in seen:
            errors[key] = [f"{item_id!r} is listed twice"]
        elif item_id in answers:
            errors[key] = [f"{item_id!r} has an answer: an item is either answered or declined"]
        elif not form.item(item_id).is_enabled(gates):
            errors[key] = [f"{item_id!r} is not asked with these answers, so it cannot be declined"]
        if isinstance(item_id, str):
            seen.add(item_id)
    return errors


def positive_critical(form: Form, answers: Mapping[str, int], declined: Iterable[str]) -> list[str]:
    declined = set(declined)
    return [item.id for item in form.items if item.critical and (
        item.id in declined or (answers.get(item.id) is not None and answers[item.id] > item.min_value))]


def at_worst(form: Form, answers: Mapping[str, int]) -> tuple[dict[str, int], dict[str, tuple[str, ...]]]:
    """(the answers with every item that has no answer but could be asked at its highest option, those
    unknown items per instrument), deciding in form order what could be asked."""
    worst: dict[str, int] = {}
    unknown: dict[str, tuple[str, ...]] = {}
    for item in form.items:
        if item.id in answers:
            worst[item.id] = answers[item.id]
        elif item.is_enabled(worst):
            worst[item.id] = max(item.values)
            unknown[item.instrument] = unknown.get(item.instrument, ()) + (item.id,)
    return worst, unknown


def _complete_enough(form: Form, answers: Mapping[str, int], declined: tuple[str, ...]) -> None:
    """Step 1: raise AnswersError (errors keyed by item id, or `declined.N`) unless the submission can be
    stored: valid values of asked items, and unanswered items only when declined or after a crisis."""
    errors = check_declined(form, answers, declined)
    if errors:
        raise AnswersError(errors)
    problems = validate_answers(form, answers, assume=assumed_positive(form, declined))
    unanswered = {key for key, value in problems.items() if value == [REQUIRED]}
    problems = {key: value for key, value in problems.items() if value != [REQUIRED]}
    if problems:
        raise AnswersError(problems)
    skipped = unanswered - set(declined)
    if skipped and not positive_critical(form, answers, declined):
        raise AnswersError({key: [REQUIRED] for key in sorted(skipped, key=[i.id for i in form.items].index)})


def _flags(form: Form, answers: Mapping[str, int], scores: Mapping[str, Score], sex_at_birth: str | None,
           facts: Facts) -> tuple[tuple[FlagResult, ...], list[Note]]:
    """Step 3: every rule of the table, in order; a flag's level is the most restrictive of its rules'."""
    base = base_context(form, scores)
    levels: dict[str, list[str]] = {}
    reasons: dict[str, list[str]] = {}
    rule_ids: dict[str, list[str]] = {}
    notes: list[Note] = []
    for rule in form.rules:
        matches = rule.when.matches(form, answers, scores, sex_at_birth, facts)
        if not matches:
            continue
        texts = reasons_for(rule, base, matches)
        if rule.flag is None:
            code = sorted(rule.when.instruments(form))[0]
            notes.extend(Note(instrument=code, text=t, rule_id=rule.id) for t in texts)
            continue
        levels.setdefault(rule.flag, []).append(rule.level)
        known = reasons.setdefault(rule.flag, [])
        known.extend(t for t in texts if t not in known)
        rule_ids.setdefault(rule.flag, []).append(rule.id)
    flags = tuple(FlagResult(flag=f, level=most_restrictive(levels[f]), reasons=tuple(reasons[f]),
                             rule_ids=tuple(rule_ids[f])) for f in FLAGS if f in levels)
    return flags, notes


def screen(form: Form, answers: Mapping[str, int], *, declined: Iterable[str] = (),
           sex_at_birth: str | None) -> Screened:
    """Compute a screening: completeness, scores, flags, outcome, in that order (see the module docstring).
    Raises AnswersError. `sex_at_birth` only selects the AUDIT-C cut-off: "male" → 4; anything else → 3."""
    declined = tuple(declined)
    _complete_enough(form, answers, declined)
    worst, unknown = at_worst(form, answers)
    scores = {i.code: score_instrument(i, answers, sex_at_birth) for i in form.instruments}
    worst_scores = {i.code: score_instrument(i, worst, sex_at_birth) for i in form.instruments}
    facts = Facts(declined=frozenset(declined), unknown=MappingProxyType(unknown), worst_answers=worst,
                  worst_scores=worst_scores)
    flags, notes = _flags(form, answers, scores, sex_at_birth, facts)
    for code, item_ids in unknown.items():
        refs = ", ".join(f"{form.item(i).ref} {'declined' if i in declined else 'not answered'}" for i in item_ids)
        notes.append(Note(instrument=code, level="caution", rule_id=INCOMPLETE_FINDING,
                          text=f"{form.instrument(code).title} is incomplete ({refs}): unknown is not clear, "
                               "so an incomplete screening is never better than caution"))
    outcome = most_restrictive([f.level for f in flags] + (["caution"] if unknown else []))
    return Screened(form_version=form.version, scores=MappingProxyType(scores), flags=flags, notes=tuple(notes),
                    outcome=outcome, incomplete=MappingProxyType(unknown), declined=declined,
                    answers=MappingProxyType(dict(answers)), asked=asked_items(form, answers, declined))

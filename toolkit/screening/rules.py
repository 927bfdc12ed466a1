"""Intake screening rules: answer validation, scoring, the rule table's flags and notes, and the outcome.

Pure Python. The form (toolkit/screening/form.py) is loaded by `form_loader.default_form()`; the API
layer validates posted answers with `validate_answers` (422 on errors) and scores them with `evaluate`,
which validates them once; `score_answers` scores answers that were validated already (the intake, which
validates them itself with what the person declined).

Safety invariants (DESIGN.md; checked when the form loads, covered by property tests): a critical item
answered above its lowest option raises `acute_crisis` at `defer` on its own; every rule condition is an
"at least" test, so raising any answer never lowers the outcome; no combination of answers turns a crisis
into `clear`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from toolkit.vocab import FLAGS, OUTCOMES

from .form import Form, Instrument, Item, Rule, base_context
from .guidance import crisis_guidance

REQUIRED = "required: this item is asked and has no answer"
_OUTCOME_RANK = {name: rank for rank, name in enumerate(OUTCOMES)}


class AnswersError(ValueError):
    """`evaluate` was given answers that `validate_answers` rejects."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(f"invalid answers: {errors}")


# --------------------------------------------------------------------------------------------------------
# Validation of answers
# --------------------------------------------------------------------------------------------------------


def _describe_enable(form: Form, item: Item) -> str:
    parts = []
    for c in item.enable_when:
        target = form.item(c.item)
        labels = " or ".join(f"'{target.label_for(v)}'" for v in c.values)
        parts.append(f"{c.item} is {labels}")
    joiner = " or " if item.enable_behavior == "any" else " and "
    return joiner.join(parts)


def _value_problem(form: Form, key: Any, value: Any) -> str | None:
    """Why `value` cannot answer the item `key` (None when it can)."""
    if not form.has_item(key):
        return "unknown item id: not part of form version " + form.version
    item = form.item(key)
    if isinstance(value, bool) or not isinstance(value, int):
        return f"must be an integer option value, got {value!r}"
    if value not in item.values:
        allowed = ", ".join(str(v) for v in item.values)
        return f"{value} is not one of the option values ({allowed})"
    return None


def _check_values(form: Form, answers: Mapping) -> tuple[dict[str, list[str]], dict[str, int]]:
    """(errors for unknown ids and impossible values, the answers that are possible values)."""
    errors: dict[str, list[str]] = {}
    valid: dict[str, int] = {}
    for key, value in answers.items():
        problem = _value_problem(form, key, value)
        if problem is None:
            valid[key] = value
        else:
            errors.setdefault(str(key), []).append(problem)
    return errors, valid


def _check_enablement(form: Form, answers: Mapping, valid: Mapping[str, int], value_errors: set[str],
                      assume: Mapping[str, int]) -> dict[str, list[str]]:
    """Asked items left open, and answers to items that are not asked, decided in form order from the
    valid answers (and the `assume`d ones for items left open)."""
    errors: dict[str, list[str]] = {}
    asked: dict[str, int] = {}  # valid answers to enabled items, built in form order
    for item in form.items:
        if item.id in value_errors or any(c.item in value_errors for c in item.enable_when):
            continue  # its own value, or the answer it depends on, is already reported
        enabled = item.is_enabled(asked)
        if enabled and item.id not in answers:
            errors[item.id] = [REQUIRED]
            if item.id in assume:  # e.g. a declined critical item counts as positive for follow-ups
                asked[item.id] = assume[item.id]
        elif not enabled and item.id in answers:
            errors[item.id] = [f"not asked: answer only when {_describe_enable(form, item)}"]
        elif enabled:
            asked[item.id] = valid[item.id]
    return errors


def validate_answers(form: Form, answers: Any, *, assume: Mapping[str, int] | None = None) -> dict[str, list[str]]:
    """Errors per item id; an empty dict means the answers are complete and valid.

    Checks: unknown item ids, non-integer values, values that are not among the item's options, answers to
    items that are not enabled (their enable_when is not met: refused, never silently dropped) and enabled
    items left unanswered. Enablement is decided from the valid answers only."""
    if not isinstance(answers, Mapping):
        return {"answers": ["must be an object mapping item ids to integer option values"]}
    errors, valid = _check_values(form, answers)
    errors.update(_check_enablement(form, answers, valid, set(errors), assume or {}))
    return errors


# --------------------------------------------------------------------------------------------------------
# Scoring, rules, outcome
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    score: int
    band: str
    positive: bool
    cutoff: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "band": self.band, "positive": self.positive, "cutoff": self.cutoff}


@dataclass(frozen=True)
class FlagResult:
    flag: str
    level: str
    reasons: tuple[str, ...]
    rule_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"flag": self.flag, "level": self.level, "reasons": list(self.reasons), "rules": list(self.rule_ids)}


@dataclass(frozen=True)
class Note:
    """A level-`info` finding (e.g. a positive alcohol screen below crisis level): shown, never changes the
    outcome."""

    instrument: str
    text: str
    rule_id: str
    level: str = "info"

    def to_dict(self) -> dict[str, Any]:
        return {"instrument": self.instrument, "level": self.level, "text": self.text, "rule": self.rule_id}


@dataclass(frozen=True)
class Evaluation:
    form_version: str
    scores: Mapping[str, Score]
    flags: tuple[FlagResult, ...]
    notes: tuple[Note, ...]
    outcome: str

    @property
    def flag_names(self) -> frozenset[str]:
        return frozenset(f.flag for f in self.flags)

    def to_dict(self, *, crisis_line_text: str | None = None) -> dict[str, Any]:
        """JSON-ready. A `defer` outcome carries `crisis_guidance` (else None)."""
        return {
            "form_version": self.form_version,
            "scores": {code: s.to_dict() for code, s in self.scores.items()},
            "flags": [f.to_dict() for f in self.flags],
            "notes": [n.to_dict() for n in self.notes],
            "outcome": self.outcome,
            "crisis_guidance": crisis_guidance(crisis_line_text) if self.outcome == "defer" else None,
        }


def _score_instrument(instrument: Instrument, answers: Mapping[str, int], sex_at_birth: str | None) -> Score:
    scoring = instrument.scoring
    total = sum(answers.get(item_id, 0) for item_id in scoring.items)
    band = scoring.band_for(total)
    escalated = False
    for escalation in scoring.escalations:
        if answers.get(escalation.item, 0) >= escalation.at_least:
            band, escalated = escalation.label, True
    cutoff, _ = scoring.cutoff_for(sex_at_birth)
    positive = escalated or (cutoff is not None and total >= cutoff)
    return Score(score=total, band=band, positive=positive, cutoff=cutoff)


def _reasons(rule: Rule, base: dict[str, Any], matches: list[dict[str, Any]]) -> list[str]:
    """The rule's reason for each context it matched, each text once, in order."""
    texts: list[str] = []
    for match in matches:
        text = rule.reason.format_map({**base, **match})
        if text not in texts:
            texts.append(text)
    return texts


class _Findings:
    """The flags (most restrictive level, reasons, rule ids) and notes collected rule by rule."""

    def __init__(self) -> None:
        self.levels: dict[str, str] = {}
        self.reasons: dict[str, list[str]] = {}
        self.rule_ids: dict[str, list[str]] = {}
        self.notes: list[Note] = []

    def add(self, form: Form, rule: Rule, texts: list[str]) -> None:
        if rule.flag is None:
            code = sorted(rule.when.instruments(form))[0]
            self.notes.extend(Note(instrument=code, text=t, rule_id=rule.id) for t in texts)
            return
        current = self.levels.get(rule.flag, "clear")
        if _OUTCOME_RANK[rule.level] > _OUTCOME_RANK[current]:
            self.levels[rule.flag] = rule.level
        known = self.reasons.setdefault(rule.flag, [])
        known.extend(t for t in texts if t not in known)
        self.rule_ids.setdefault(rule.flag, []).append(rule.id)

    def flags(self) -> tuple[FlagResult, ...]:
        return tuple(FlagResult(flag=flag, level=self.levels[flag], reasons=tuple(self.reasons[flag]),
                                rule_ids=tuple(self.rule_ids[flag])) for flag in FLAGS if flag in self.levels)


def score_answers(form: Form, answers: Mapping[str, int], *, sex_at_birth: str | None) -> Evaluation:
    """Score every instrument, apply the rule table, derive the outcome, for answers that have passed
    `validate_answers` already (the caller's job: `evaluate` does it, the intake does it itself)."""
    scores = {i.code: _score_instrument(i, answers, sex_at_birth) for i in form.instruments}
    base = base_context(form, scores)
    findings = _Findings()
    for rule in form.rules:
        matches = rule.when.matches(form, answers, scores, sex_at_birth)
        if matches:
            findings.add(form, rule, _reasons(rule, base, matches))
    flags = findings.flags()
    return Evaluation(form_version=form.version, scores=MappingProxyType(scores), flags=flags,
                      notes=tuple(findings.notes), outcome=most_restrictive([f.level for f in flags]))


def evaluate(
    form: Form,
    answers: Mapping[str, int],
    *,
    sex_at_birth: str | None,
    allow_unanswered: bool = False,
    assume: Mapping[str, int] | None = None,
) -> Evaluation:
    """Validate the answers (once), then score them (`score_answers`).

    `answers` must pass `validate_answers` (AnswersError otherwise). `sex_at_birth` only selects the AUDIT-C
    cut-off: "male" → 4; "female", "intersex", "unknown", None or anything else → 3."""
    errors = validate_answers(form, answers, assume=assume)
    if allow_unanswered:  # a partial screening (stopped at a crisis, declined items): sums are lower bounds
        errors = {key: problems for key, problems in errors.items() if problems != [REQUIRED]}
    if errors:
        raise AnswersError(errors)
    return score_answers(form, answers, sex_at_birth=sex_at_birth)


def most_restrictive(outcomes: list[str] | tuple[str, ...]) -> str:
    """The most restrictive of the given outcomes (clear when empty)."""
    return max(outcomes, key=_OUTCOME_RANK.__getitem__, default="clear")

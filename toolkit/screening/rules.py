"""Intake screening rules: answer validation, an instrument's score, a rule's reasons, the outcome order.

Pure Python. The form (toolkit/screening/form.py) is loaded by `form_loader.default_form()`; the one
computation of a screening that uses these pieces, in order, is `intake.screen()`.

Safety invariants (DESIGN.md; checked when the form loads, covered by property tests): a critical item
answered above its lowest option raises `acute_crisis` at `defer` on its own; every rule condition is an
"at least" test, so raising any answer never lowers the outcome; no combination of answers turns a crisis
into `clear`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from toolkit.vocab import OUTCOMES

from .form import Form, Instrument, Item, Rule

REQUIRED = "required: this item is asked and has no answer"
_OUTCOME_RANK = {name: rank for rank, name in enumerate(OUTCOMES)}


class AnswersError(ValueError):
    """`intake.screen` was given answers that `validate_answers` rejects (errors keyed by item id)."""

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


def score_instrument(instrument: Instrument, answers: Mapping[str, int], sex_at_birth: str | None) -> Score:
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


def reasons_for(rule: Rule, base: dict[str, Any], matches: list[dict[str, Any]]) -> list[str]:
    """The rule's reason for each context it matched, each text once, in order."""
    texts: list[str] = []
    for match in matches:
        text = rule.reason.format_map({**base, **match})
        if text not in texts:
            texts.append(text)
    return texts


def most_restrictive(outcomes: list[str] | tuple[str, ...]) -> str:
    """The most restrictive of the given outcomes (clear when empty)."""
    return max(outcomes, key=_OUTCOME_RANK.__getitem__, default="clear")

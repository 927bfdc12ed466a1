"""The intake form's data model: the instruments (instruments.py), the rule table's conditions (a small
tagged union: `ScoreAtLeast`, `Positive`, `AnyItemAtLeast`, `AnswerAtLeast`, `Critical`, `Declined`,
`Incomplete`, `UnknownAsHighest`, `AllOf`, `AnyOf`), rules and the form. Loaded from YAML by
`form_loader.py`; computed by `intake.screen()`. Pure Python.

Each condition says which instruments it reads and, through `matches()`, the contexts (the reason template's
placeholders) for which it holds. Every condition is an "at least" test, so raising an answer never makes one
stop holding. The three that read what is *unknown* (`Declined`, `Incomplete`, `UnknownAsHighest`) read
`Facts`: what the person declined and which items they left without an answer although they could be asked.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType, SimpleNamespace
from typing import Any, ClassVar, Protocol

from .instruments import Band, EnableCondition, Escalation, Instrument, Item, Option, Scoring

__all__ = ["Band", "EnableCondition", "Escalation", "Instrument", "Item", "Option", "Scoring"]



@dataclass(frozen=True)
class Facts:
    """What a submission leaves unknown. `unknown`: instrument code -> its items that have no answer although
    they could be asked (declined, not answered after stopping at a crisis, or opened only by a declined
    answer); `worst_answers` / `worst_scores`: the answers and scores with every unknown item at its highest
    option (the form answered at its worst)."""

    declined: frozenset[str] = frozenset()
    unknown: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    worst_answers: Mapping[str, int] | None = None
    worst_scores: Mapping[str, Any] | None = None


NO_FACTS = Facts()

class Scored(Protocol):
    """What a condition reads of an instrument's score (rules.Score). Read-only properties, so a frozen
    dataclass (rules.Score) matches it."""

    @property
    def score(self) -> int: ...
    @property
    def band(self) -> str: ...
    @property
    def positive(self) -> bool: ...
    @property
    def cutoff(self) -> int | None: ...


Scores = Mapping[str, Scored]
Context = dict[str, Any]


def instrument_context(form: Form, code: str, scores: Scores, sex_at_birth: str | None) -> Context:
    """The reason placeholders of one instrument: {title}, {score}, {band}, {cutoff}, {cutoff_basis}."""
    instrument = form.instrument(code)
    score = scores[code]
    _, basis = instrument.scoring.cutoff_for(sex_at_birth)
    return {"title": instrument.title, "score": score.score, "band": score.band, "cutoff": score.cutoff,
            "cutoff_basis": basis}


def base_context(form: Form, scores: Scores) -> Context:
    """Every instrument by code, for reasons that name another one: {phq9.score}, {gad7.band}, ..."""
    return {code: SimpleNamespace(score=s.score, band=s.band, title=form.instrument(code).title,
                                  positive=s.positive) for code, s in scores.items()}


def item_context(form: Form, item: Item, value: int) -> Context:
    """The reason placeholders of one answered item: {item_ref}, {item_text}, {answer_label}, ..."""
    return {"title": form.instrument(item.instrument).title, "item_ref": item.ref, "item_text": item.text,
            "item_id": item.id, "answer": value, "answer_label": item.label_for(value)}


@dataclass(frozen=True)
class ScoreAtLeast:
    """`{instrument: X, score_at_least: n}`: the instrument's sum is at least n."""

    instrument: str
    n: int
    kind: ClassVar[str] = "score_at_least"
    item_level: ClassVar[bool] = False

    def instruments(self, form: Form) -> set[str]:
        return {self.instrument}

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None,
                facts: Facts = NO_FACTS) -> list[Context]:
        holds = scores[self.instrument].score >= self.n
        return [instrument_context(form, self.instrument, scores, sex)] if holds else []


@dataclass(frozen=True)
class Positive:
    """`{instrument: X, positive: true}`: the instrument is at or above its cut-off (or escalated)."""

    instrument: str
    kind: ClassVar[str] = "positive"
    item_level: ClassVar[bool] = False

    def instruments(self, form: Form) -> set[str]:
        return {self.instrument}

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None,
                facts: Facts = NO_FACTS) -> list[Context]:
        return [instrument_context(form, self.instrument, scores, sex)] if scores[self.instrument].positive else []


@dataclass(frozen=True)
class AnyItemAtLeast:
    """`{instrument: X, any_item_at_least: n}`: one context per item of X answered at least n."""

    instrument: str
    n: int
    kind: ClassVar[str] = "any_item_at_least"
    item_level: ClassVar[bool] = True

    def instruments(self, form: Form) -> set[str]:
        return {self.instrument}

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None,
                facts: Facts = NO_FACTS) -> list[Context]:
        base = instrument_context(form, self.instrument, scores, sex)
        return [{**base, **item_context(form, item, answers[item.id])}
                for item in form.instrument(self.instrument).items
                if answers.get(item.id) is not None and answers[item.id] >= self.n]


@dataclass(frozen=True)
class AnswerAtLeast:
    """`{item: X, answer_at_least: n}`: that one item is answered at least n."""

    item: str
    n: int
    kind: ClassVar[str] = "answer_at_least"
    item_level: ClassVar[bool] = True

    def instruments(self, form: Form) -> set[str]:
        return {form.item(self.item).instrument}

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None,
                facts: Facts = NO_FACTS) -> list[Context]:
        item = form.item(self.item)
        value = answers.get(item.id)
        if value is None or value < self.n:
            return []
        return [{**instrument_context(form, item.instrument, scores, sex), **item_context(form, item, value)}]


@dataclass(frozen=True)
class Critical:
    """`{critical: true}`: one context per critical item answered above its lowest option."""

    kind: ClassVar[str] = "critical"
    item_level: ClassVar[bool] = True

    def instruments(self, form: Form) -> set[str]:
        return {i.code for i in form.instruments if any(item.critical for item in i.items)}

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None,
                facts: Facts = NO_FACTS) -> list[Context]:
        return [item_context(form, item, answers[item.id]) for item in form.items
                if item.critical and answers.get(item.id, item.min_value) > item.min_value]


@dataclass(frozen=True)
class AllOf:
    """`{all: [...]}`: every child holds; one context, the children's first contexts merged (first wins)."""

    children: tuple[Condition, ...]
    kind: ClassVar[str] = "all"

    @property
    def item_level(self) -> bool:
        return any(c.item_level for c in self.children)

    def instruments(self, form: Form) -> set[str]:
        return set().union(*(c.instruments(form) for c in self.children))

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None,
                facts: Facts = NO_FACTS) -> list[Context]:
        merged: Context = {}
        for child in self.children:
            found = child.matches(form, answers, scores, sex, facts)
            if not found:
                return []
            for key, value in found[0].items():
                merged.setdefault(key, value)
        return [merged]


@dataclass(frozen=True)
class AnyOf:
    """`{any: [...]}`: at least one child holds; the contexts of every child that holds."""

    children: tuple[Condition, ...]
    kind: ClassVar[str] = "any"

    @property
    def item_level(self) -> bool:
        return any(c.item_level for c in self.children)

    def instruments(self, form: Form) -> set[str]:
        return set().union(*(c.instruments(form) for c in self.children))

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None,
                facts: Facts = NO_FACTS) -> list[Context]:
        return [m for child in self.children for m in child.matches(form, answers, scores, sex, facts)]



def _refs(form: Form, item_ids: tuple[str, ...], declined: frozenset[str]) -> str:
    return ", ".join(f"{form.item(i).ref} {'declined' if i in declined else 'not answered'}" for i in item_ids)


@dataclass(frozen=True)
class Declined:
    """`{declined: critical}`: one context per critical item the person declined (a declined critical question
    counts as positive)."""

    kind: ClassVar[str] = "declined"
    item_level: ClassVar[bool] = True

    def instruments(self, form: Form) -> set[str]:
        return {i.code for i in form.instruments if any(item.critical for item in i.items)}

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None,
                facts: Facts = NO_FACTS) -> list[Context]:
        return [{**item_context(form, item, item.min_value), "answer_label": "declined"} for item in form.items
                if item.critical and item.id in facts.declined]


@dataclass(frozen=True)
class Incomplete:
    """`{instrument: X, incomplete: true}`: X has items without an answer that could be asked (declined or
    not answered). Placeholders: the instrument's, and {unknown} ("item 3 declined, item 4 not answered")."""

    instrument: str
    kind: ClassVar[str] = "incomplete"
    item_level: ClassVar[bool] = False

    def instruments(self, form: Form) -> set[str]:
        return {self.instrument}

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None,
                facts: Facts = NO_FACTS) -> list[Context]:
        missing = facts.unknown.get(self.instrument)
        if not missing:
            return []
        return [{**instrument_context(form, self.instrument, scores, sex),
                 "unknown": _refs(form, missing, facts.declined)}]


@dataclass(frozen=True)
class UnknownAsHighest:
    """`{unknown_as_highest: <condition>}`: the condition does not hold on the answers given but holds on the
    form answered at its worst (every unknown item at its highest option). Its contexts are the worst case's,
    with {unknown} naming the unknown items of the instruments it reads."""

    child: Condition
    kind: ClassVar[str] = "unknown_as_highest"

    @property
    def item_level(self) -> bool:
        return self.child.item_level

    def instruments(self, form: Form) -> set[str]:
        return self.child.instruments(form)

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None,
                facts: Facts = NO_FACTS) -> list[Context]:
        codes = sorted(c for c in self.instruments(form) if facts.unknown.get(c))
        if not codes or facts.worst_answers is None or facts.worst_scores is None:
            return []
        if self.child.matches(form, answers, scores, sex, facts):
            return []  # known without the unknown items: the plain rule says so
        found = self.child.matches(form, facts.worst_answers, facts.worst_scores, sex, facts)
        unknown = "; ".join(_refs(form, facts.unknown[c], facts.declined) for c in codes)
        return [{**context, "unknown": unknown} for context in found]


Condition = (ScoreAtLeast | Positive | AnyItemAtLeast | AnswerAtLeast | Critical | Declined | Incomplete
             | UnknownAsHighest | AllOf | AnyOf)


@dataclass(frozen=True)
class Rule:
    id: str
    when: Condition
    flag: str | None  # None for level "info" (a note, not a flag)
    level: str
    reason: str
    why: str
    source: str = ""  # the published source of its number, or "Project rule (our own)"


@dataclass(frozen=True)
class Form:
    version: str
    validity_days: int
    instruments: tuple[Instrument, ...]
    rules: tuple[Rule, ...]

    @functools.cached_property
    def _items(self) -> dict[str, Item]:
        return {item.id: item for instrument in self.instruments for item in instrument.items}

    @functools.cached_property
    def _instruments(self) -> dict[str, Instrument]:
        return {i.code: i for i in self.instruments}

    @property
    def items(self) -> tuple[Item, ...]:
        """All items in form order."""
        return tuple(self._items.values())

    def item(self, item_id: str) -> Item:
        return self._items[item_id]

    def has_item(self, item_id: Any) -> bool:
        return item_id in self._items

    def instrument(self, code: str) -> Instrument:
        return self._instruments[code]

    def enabled_items(self, answers: Mapping[str, int]) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.is_enabled(answers))

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "validity_days": self.validity_days,
            "instruments": [i.to_dict() for i in self.instruments],
        }

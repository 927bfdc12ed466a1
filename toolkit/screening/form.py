"""The intake form's data model: instruments, items, options, scoring and the rule table, as frozen
dataclasses. Loaded from YAML by `form_loader.py`; validated and scored by `rules.py`. Pure Python.

A rule's `when` is a small tagged union of conditions (`ScoreAtLeast`, `Positive`, `AnyItemAtLeast`,
`AnswerAtLeast`, `Critical`, `AllOf`, `AnyOf`). Each one says which instruments it reads and, through
`matches()`, the contexts (the reason template's placeholders) for which it holds. Every condition is an
"at least" test, so raising an answer never makes one stop holding.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType, SimpleNamespace
from typing import Any, ClassVar, Protocol


@dataclass(frozen=True)
class Option:
    value: int
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "label": self.label}


@dataclass(frozen=True)
class EnableCondition:
    """The item `item` has been answered with one of `values`."""

    item: str
    values: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"item": self.item, "values": list(self.values)}


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    options: tuple[Option, ...]
    instrument: str
    ref: str  # how reasons name the item, e.g. "item 9", "acuity question"
    enable_when: tuple[EnableCondition, ...] = ()
    enable_behavior: str = "all"
    critical: bool = False

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(o.value for o in self.options)

    @property
    def min_value(self) -> int:
        return min(self.values)

    def label_for(self, value: int) -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        return str(value)

    def is_enabled(self, answers: Mapping[str, int]) -> bool:
        """Asked at all, given the answers so far. An unanswered earlier item satisfies no condition."""
        if not self.enable_when:
            return True
        results = (answers.get(c.item) in c.values for c in self.enable_when)
        return any(results) if self.enable_behavior == "any" else all(results)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "options": [o.to_dict() for o in self.options],
            "enable_when": [c.to_dict() for c in self.enable_when],
            "enable_behavior": self.enable_behavior,
            "critical": self.critical,
        }


@dataclass(frozen=True)
class Band:
    min: int
    max: int
    label: str


@dataclass(frozen=True)
class Escalation:
    """Overrides the band label when `item` is answered `at_least` (ASQ acuity → "acute positive")."""

    item: str
    at_least: int
    label: str


@dataclass(frozen=True)
class Scoring:
    type: str
    items: tuple[str, ...]
    bands: tuple[Band, ...]
    cutoff: int | None = None
    cutoff_by_sex: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    escalations: tuple[Escalation, ...] = ()

    def cutoff_for(self, sex_at_birth: str | None) -> tuple[int | None, str]:
        """The positive cut-off and a clinician-readable note on which cut-off applied."""
        if sex_at_birth is not None and sex_at_birth in self.cutoff_by_sex:
            return self.cutoff_by_sex[sex_at_birth], f"cut-off for {sex_at_birth} sex at birth"
        if self.cutoff_by_sex:
            sex = sex_at_birth or "not recorded"
            return self.cutoff, f"sex at birth {sex}: the lower cut-off applies"
        return self.cutoff, "published cut-off"

    def band_for(self, score: int) -> str:
        for band in self.bands:
            if band.min <= score <= band.max:
                return band.label
        raise ValueError(f"score {score} outside every band")  # prevented by load-time validation


@dataclass(frozen=True)
class Instrument:
    code: str
    title: str
    screens_for: tuple[str, ...]
    licence: str
    source: str
    instructions: str
    items: tuple[Item, ...]
    scoring: Scoring

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "screens_for": list(self.screens_for),
            "licence": self.licence,
            "source": self.source,
            "instructions": self.instructions,
            "items": [i.to_dict() for i in self.items],
        }


# --------------------------------------------------------------------------------------------------------
# Rule conditions: a tagged union
# --------------------------------------------------------------------------------------------------------


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

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None) -> list[Context]:
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

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None) -> list[Context]:
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

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None) -> list[Context]:
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

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None) -> list[Context]:
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

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None) -> list[Context]:
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

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None) -> list[Context]:
        merged: Context = {}
        for child in self.children:
            found = child.matches(form, answers, scores, sex)
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

    def matches(self, form: Form, answers: Mapping[str, int], scores: Scores, sex: str | None) -> list[Context]:
        return [m for child in self.children for m in child.matches(form, answers, scores, sex)]


Condition = ScoreAtLeast | Positive | AnyItemAtLeast | AnswerAtLeast | Critical | AllOf | AnyOf


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

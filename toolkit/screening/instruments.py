"""The intake form's instruments as frozen dataclasses: items, options, enablement, scoring bands and
cut-offs. Loaded from YAML by `form_loader.py`. Pure Python."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


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

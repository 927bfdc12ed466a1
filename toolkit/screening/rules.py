"""Intake screening: the versioned form (instruments, items, scoring) and the rule table, both loaded from
`seed/screening/<version>/` YAML, plus answer validation, scoring, flags and the outcome.

Pure Python (PyYAML only). The API layer loads the form once (`default_form()`), validates posted answers
with `validate_answers` (422 on errors) and scores them with `evaluate`.

Safety invariants (DESIGN.md), enforced when the data loads and covered by property tests:
  * a critical item answered above its lowest option raises `acute_crisis` at level `defer` on its own;
  * `acute_crisis` is always `defer`; `dissociation` rules are always `caution`;
  * every rule condition is an "at least" test on sums of option values, so raising any answer never lowers
    the outcome; no combination of answers turns a crisis into `clear`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType, SimpleNamespace
from typing import Any

from toolkit.common.yaml_strict import DataFileError, Node
from toolkit.screening.guidance import DEFAULT_CRISIS_LINE_TEXT, crisis_guidance  # noqa: F401 (re-exported)
from toolkit.vocab import FLAGS, OUTCOMES, SEX_AT_BIRTH

DEFAULT_FORM_DIR = Path(__file__).resolve().parents[2] / "seed" / "screening" / "v1"

ENABLE_BEHAVIORS = ("all", "any")
RULE_LEVELS = ("info", "caution", "refer", "defer")
SCORING_TYPES = ("sum",)

REQUIRED = "required: this item is asked and has no answer"
_OUTCOME_RANK = {name: rank for rank, name in enumerate(OUTCOMES)}


class FormError(DataFileError):
    """The screening form data is broken. The message names the file, the field and the line."""


class AnswersError(ValueError):
    """`evaluate` was given answers that `validate_answers` rejects."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(f"invalid answers: {errors}")


# --------------------------------------------------------------------------------------------------------
# Data model
# --------------------------------------------------------------------------------------------------------


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
        if sex_at_birth in self.cutoff_by_sex:
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


@dataclass(frozen=True)
class Condition:
    """One node of a rule's `when`. kind is one of: score_at_least, positive, any_item_at_least,
    answer_at_least, critical, all, any."""

    kind: str
    instrument: str | None = None
    item: str | None = None
    n: int = 0
    children: tuple[Condition, ...] = ()

    def instruments(self, form: Form) -> set[str]:
        if self.kind in ("all", "any"):
            return set().union(*(c.instruments(form) for c in self.children))
        if self.kind == "critical":
            return {i.code for i in form.instruments if any(item.critical for item in i.items)}
        if self.kind == "answer_at_least":
            return {form.item(self.item).instrument}
        return {self.instrument}

    def is_item_level(self) -> bool:
        if self.kind in ("all", "any"):
            return any(c.is_item_level() for c in self.children)
        return self.kind in ("critical", "any_item_at_least", "answer_at_least")


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


# --------------------------------------------------------------------------------------------------------
# Loading and validating the data
# --------------------------------------------------------------------------------------------------------


def _read_yaml(file: Path) -> Node:
    """The one strict reader: duplicate keys refused, every error names file, field and line."""
    return Node.read(file, FormError)


_INSTRUMENT_FIELDS = {
    "code",
    "title",
    "screens_for",
    "licence",
    "source",
    "instructions",
    "option_sets",
    "items",
    "scoring",
}
_ITEM_FIELDS = {"id", "text", "ref", "options", "enable_when", "enable_behavior", "critical"}
_SCORING_FIELDS = {"type", "items", "bands", "cutoff", "cutoff_by_sex", "escalations"}


def _load_instrument(file: Path, code: str, seen_items: dict[str, Item]) -> Instrument:
    doc = _read_yaml(file)
    doc.only(_INSTRUMENT_FIELDS)
    if doc.str("code") != code:
        raise doc.fail(f"must be {code!r} (the file name and the form list it as {code!r})", "code")
    screens_for = []
    for node in doc.list("screens_for"):
        if node.data not in FLAGS:
            raise node.fail(f"{node.data!r} is not a flag; flags: {', '.join(FLAGS)}")
        if node.data in screens_for:
            raise node.fail(f"{node.data!r} listed twice")
        screens_for.append(node.data)

    items: list[Item] = []
    for position, node in enumerate(doc.list("items"), start=1):
        node.only(_ITEM_FIELDS)
        item_id = node.str("id")
        if item_id in seen_items:
            raise node.fail(
                f"duplicate item id {item_id!r} (item ids are unique across the whole form)", "id"
            )
        options = []
        for onode in node.list("options"):
            onode.only({"value", "label"})
            option = Option(value=onode.int("value"), label=onode.str("label"))
            if any(o.value == option.value for o in options):
                raise onode.fail(f"duplicate option value {option.value}", "value")
            options.append(option)
        if len(options) < 2:
            raise node.fail("needs at least two options", "options")
        if options[0].value != 0:
            raise node.fail("the first (lowest) option value must be 0, meaning 'no symptom'", "options")
        if [o.value for o in options] != sorted(o.value for o in options):
            raise node.fail("option values must be listed in increasing order", "options")
        conditions = []
        for cnode in node.list("enable_when", required=False):
            cnode.only({"item", "values"})
            target_id = cnode.str("item")
            target = seen_items.get(target_id)
            if target is None:
                raise cnode.fail(f"{target_id!r} is not an earlier item of the form", "item")
            values = []
            for vnode in cnode.list("values"):
                if vnode.data not in target.values or isinstance(vnode.data, bool):
                    raise vnode.fail(
                        f"{vnode.data!r} is not an option value of {target_id!r} {target.values}"
                    )
                values.append(vnode.data)
            if target.min_value in values:
                # Otherwise raising the gate answer could hide an item and lower a score.
                raise cnode.fail(
                    f"must not enable on the lowest option ({target.min_value}) of {target_id!r}", "values"
                )
            conditions.append(EnableCondition(item=target_id, values=tuple(values)))
        behavior = node.str("enable_behavior", required=False, default="all")
        if behavior not in ENABLE_BEHAVIORS:
            raise node.fail(f"must be one of {', '.join(ENABLE_BEHAVIORS)}", "enable_behavior")
        item = Item(
            id=item_id,
            text=node.str("text"),
            options=tuple(options),
            instrument=code,
            ref=node.str("ref", required=False, default=f"item {position}"),
            enable_when=tuple(conditions),
            enable_behavior=behavior,
            critical=node.bool("critical"),
        )
        if item.critical and "acute_crisis" not in screens_for:
            raise node.fail(
                "a critical item needs 'acute_crisis' in the instrument's screens_for", "critical"
            )
        seen_items[item_id] = item
        items.append(item)

    scoring_node = doc.child("scoring")
    scoring_node.only(_SCORING_FIELDS)
    scoring_type = scoring_node.str("type")
    if scoring_type not in SCORING_TYPES:
        raise scoring_node.fail(f"must be one of {', '.join(SCORING_TYPES)}", "type")
    own = {i.id: i for i in items}
    scored: list[str] = []
    for node in scoring_node.list("items"):
        if node.data not in own:
            raise node.fail(f"{node.data!r} is not an item of this instrument")
        if node.data in scored:
            raise node.fail(f"{node.data!r} listed twice")
        scored.append(node.data)
    low = sum(own[i].min_value for i in scored)
    high = sum(max(own[i].values) for i in scored)
    bands = []
    for node in scoring_node.list("bands"):
        node.only({"min", "max", "label"})
        band = Band(min=node.int("min"), max=node.int("max"), label=node.str("label"))
        expected = bands[-1].max + 1 if bands else low
        if band.min != expected or band.max < band.min:
            raise node.fail(
                f"bands must be contiguous and increasing: expected min {expected}, "
                f"got {band.min}..{band.max}"
            )
        bands.append(band)
    if bands[-1].max != high:
        raise scoring_node.fail(
            f"bands must end at the highest possible score {high}, not {bands[-1].max}", "bands"
        )
    cutoff = scoring_node.int("cutoff", required=False)
    by_sex: dict[str, int] = {}
    sex_node = scoring_node.child("cutoff_by_sex", required=False)
    if sex_node is not None:
        sex_node.only(set(SEX_AT_BIRTH))
        for sex in sex_node.mapping().data:
            by_sex[sex] = sex_node.int(sex)
        if cutoff is None:
            raise scoring_node.fail("cutoff_by_sex needs a default `cutoff` for other/unknown sex", "cutoff")
    escalations = []
    for node in scoring_node.list("escalations", required=False):
        node.only({"item", "at_least", "label"})
        target = node.str("item")
        if target not in own:
            raise node.fail(f"{target!r} is not an item of this instrument", "item")
        escalations.append(Escalation(item=target, at_least=node.int("at_least"), label=node.str("label")))

    return Instrument(
        code=code,
        title=doc.str("title"),
        screens_for=tuple(screens_for),
        licence=doc.str("licence"),
        source=doc.str("source"),
        instructions=doc.str("instructions"),
        items=tuple(items),
        scoring=Scoring(
            type=scoring_type,
            items=tuple(scored),
            bands=tuple(bands),
            cutoff=cutoff,
            cutoff_by_sex=MappingProxyType(by_sex),
            escalations=tuple(escalations),
        ),
    )


_CONDITION_KEYS = {
    "score_at_least": {"instrument", "score_at_least"},
    "positive": {"instrument", "positive"},
    "any_item_at_least": {"instrument", "any_item_at_least"},
    "answer_at_least": {"item", "answer_at_least"},
    "critical": {"critical"},
    "all": {"all"},
    "any": {"any"},
}


def _load_condition(node: Node, codes: set[str], item_ids: set[str]) -> Condition:
    keys = set(node.mapping().data)
    kind = next((k for k, allowed in _CONDITION_KEYS.items() if keys == allowed), None)
    if kind is None:
        shapes = "; ".join("{" + ", ".join(sorted(v)) + "}" for v in _CONDITION_KEYS.values())
        raise node.fail(f"unrecognised condition with keys {sorted(keys)}; expected one of: {shapes}")
    if kind in ("all", "any"):
        children = tuple(_load_condition(c, codes, item_ids) for c in node.list(kind))
        return Condition(kind=kind, children=children)
    if kind == "critical":
        if node.data["critical"] is not True:
            raise node.fail("must be true", "critical")
        return Condition(kind=kind)
    if kind == "positive":
        if node.data["positive"] is not True:
            raise node.fail("must be true", "positive")
    if "instrument" in keys:
        code = node.str("instrument")
        if code not in codes:
            raise node.fail(f"{code!r} is not an instrument of the form", "instrument")
        return Condition(kind=kind, instrument=code, n=0 if kind == "positive" else node.int(kind))
    item_id = node.str("item")
    if item_id not in item_ids:
        raise node.fail(f"{item_id!r} is not an item of the form", "item")
    return Condition(kind=kind, item=item_id, n=node.int(kind))


def _load_rules(file: Path, form: Form) -> tuple[Rule, ...]:
    doc = _read_yaml(file)
    doc.only({"rules"})
    codes = {i.code for i in form.instruments}
    item_ids = {i.id for i in form.items}
    rules: list[Rule] = []
    for node in doc.list("rules"):
        node.only({"id", "when", "flag", "level", "reason", "why", "source"})
        rule_id = node.str("id")
        if any(r.id == rule_id for r in rules):
            raise node.fail(f"duplicate rule id {rule_id!r}", "id")
        when = _load_condition(node.child("when"), codes, item_ids)
        level = node.str("level")
        if level not in RULE_LEVELS:
            raise node.fail(f"must be one of {', '.join(RULE_LEVELS)}", "level")
        flag = node.str("flag", required=False)
        if level == "info":
            if flag is not None:
                raise node.fail("an info rule adds a note and raises no flag: remove `flag`", "flag")
        else:
            if flag not in FLAGS:
                raise node.fail(f"must be one of {', '.join(FLAGS)}", "flag")
            if flag == "acute_crisis" and level != "defer":
                raise node.fail("acute_crisis always gives defer", "level")
            if flag == "dissociation" and level != "caution":
                raise node.fail("dissociation alone is caution, never more", "level")
            for code in sorted(when.instruments(form)):
                if flag not in form.instrument(code).screens_for:
                    raise node.fail(
                        f"raises {flag!r} from {code!r}, whose screens_for does not list it", "flag"
                    )
        rule = Rule(
            id=rule_id, when=when, flag=flag, level=level, reason=node.str("reason"), why=node.str("why"),
            source=node.str("source"),
        )
        try:
            _format_reason(rule, _dummy_context(form, when))
        except (KeyError, AttributeError, IndexError, ValueError) as exc:
            raise node.fail(f"template placeholder problem: {exc!r}", "reason") from exc
        rules.append(rule)

    critical = [r for r in rules if r.when.kind == "critical"]
    if not any(r.flag == "acute_crisis" and r.level == "defer" for r in critical):
        raise doc.fail("needs a rule `when: {critical: true}` raising acute_crisis at level defer", "rules")
    for instrument in form.instruments:
        for flag in instrument.screens_for:
            if not any(r.flag == flag and instrument.code in r.when.instruments(form) for r in rules):
                raise doc.fail(
                    f"instrument {instrument.code!r} screens for {flag!r} "
                    "but no rule raises it from that instrument",
                    "rules",
                )
    return tuple(rules)


def load_form(directory: str | Path = DEFAULT_FORM_DIR) -> Form:
    """Load and validate `form.yaml`, `instruments/<code>.yaml` and `rules.yaml` from `directory`.

    Raises FormError (a ValueError) naming the file and the field on any broken file."""
    directory = Path(directory)
    form_file = directory / "form.yaml"
    doc = _read_yaml(form_file)
    doc.only({"version", "validity_days", "instruments"})
    version = doc.str("version")
    validity_days = doc.int("validity_days", required=False, default=90)
    if validity_days < 1:
        raise doc.fail("must be at least 1", "validity_days")
    codes: list[str] = []
    for node in doc.list("instruments"):
        if not isinstance(node.data, str) or not node.data:
            raise node.fail("must be an instrument code (string)")
        if node.data in codes:
            raise node.fail(f"{node.data!r} listed twice")
        codes.append(node.data)
    seen_items: dict[str, Item] = {}
    instruments = tuple(
        _load_instrument(directory / "instruments" / f"{code}.yaml", code, seen_items) for code in codes
    )
    form = Form(version=version, validity_days=validity_days, instruments=instruments, rules=())
    rules = _load_rules(directory / "rules.yaml", form)
    return Form(version=version, validity_days=validity_days, instruments=instruments, rules=rules)


@functools.cache
def default_form() -> Form:
    """The shipped form, loaded once per process (the data is immutable)."""
    return load_form(DEFAULT_FORM_DIR)


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


def validate_answers(form: Form, answers: Any, *, assume: Mapping[str, int] | None = None) -> dict[str, list[str]]:
    """Errors per item id; an empty dict means the answers are complete and valid.

    Checks: unknown item ids, non-integer values, values that are not among the item's options, answers to
    items that are not enabled (their enable_when is not met: refused, never silently dropped) and enabled
    items left unanswered. Enablement is decided from the valid answers only."""
    if not isinstance(answers, Mapping):
        return {"answers": ["must be an object mapping item ids to integer option values"]}
    errors: dict[str, list[str]] = {}
    valid: dict[str, int] = {}
    known = {item.id for item in form.items}
    for key, value in answers.items():
        if key not in known:
            errors.setdefault(str(key), []).append(
                "unknown item id: not part of form version " + form.version
            )
            continue
        item = form.item(key)
        if isinstance(value, bool) or not isinstance(value, int):
            errors.setdefault(key, []).append(f"must be an integer option value, got {value!r}")
        elif value not in item.values:
            allowed = ", ".join(str(v) for v in item.values)
            errors.setdefault(key, []).append(f"{value} is not one of the option values ({allowed})")
        else:
            valid[key] = value
    value_errors = set(errors)
    asked: dict[str, int] = {}  # valid answers to enabled items, built in form order
    for item in form.items:
        if item.id in value_errors or any(c.item in value_errors for c in item.enable_when):
            continue  # its own value, or the answer it depends on, is already reported
        enabled = item.is_enabled(asked)
        if enabled and item.id not in answers:
            errors[item.id] = [REQUIRED]
            if assume and item.id in assume:  # e.g. a declined critical item counts as positive for follow-ups
                asked[item.id] = assume[item.id]
        elif not enabled and item.id in answers:
            errors[item.id] = [f"not asked: answer only when {_describe_enable(form, item)}"]
        elif enabled:
            asked[item.id] = valid[item.id]
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
        return {
            "flag": self.flag,
            "level": self.level,
            "reasons": list(self.reasons),
            "rules": list(self.rule_ids),
        }


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


def _format_reason(rule: Rule, context: dict[str, Any]) -> str:
    return rule.reason.format_map(context)


def _instrument_context(form: Form, code: str, scores: Mapping[str, Score], sex_at_birth: str | None) -> dict:
    instrument = form.instrument(code)
    score = scores[code]
    _, basis = instrument.scoring.cutoff_for(sex_at_birth)
    return {
        "title": instrument.title,
        "score": score.score,
        "band": score.band,
        "cutoff": score.cutoff,
        "cutoff_basis": basis,
    }


def _item_context(form: Form, item: Item, value: int) -> dict:
    return {
        "title": form.instrument(item.instrument).title,
        "item_ref": item.ref,
        "item_text": item.text,
        "item_id": item.id,
        "answer": value,
        "answer_label": item.label_for(value),
    }


def _base_context(form: Form, scores: Mapping[str, Score]) -> dict[str, Any]:
    return {
        code: SimpleNamespace(
            score=s.score, band=s.band, title=form.instrument(code).title, positive=s.positive
        )
        for code, s in scores.items()
    }


def _dummy_context(form: Form, when: Condition) -> dict[str, Any]:
    scores = {
        i.code: Score(score=0, band=i.scoring.bands[0].label, positive=False, cutoff=i.scoring.cutoff)
        for i in form.instruments
    }
    context = _base_context(form, scores)
    first = sorted(when.instruments(form)) or [form.instruments[0].code]
    context.update(_instrument_context(form, first[0], scores, None))
    if when.is_item_level():
        item = next((i for i in form.items if i.instrument == first[0]), form.items[0])
        context.update(_item_context(form, item, item.min_value))
    return context


def _matches(
    form: Form, cond: Condition, answers: Mapping[str, int], scores: Mapping[str, Score], sex: str | None
) -> list[dict[str, Any]]:
    """Contexts for which the condition holds: [] = false; item conditions give one context per item."""
    if cond.kind == "critical":
        return [
            _item_context(form, item, answers[item.id])
            for item in form.items
            if item.critical and answers.get(item.id, item.min_value) > item.min_value
        ]
    if cond.kind == "answer_at_least":
        item = form.item(cond.item)
        value = answers.get(item.id)
        if value is None or value < cond.n:
            return []
        return [
            {**_instrument_context(form, item.instrument, scores, sex), **_item_context(form, item, value)}
        ]
    if cond.kind == "any_item_at_least":
        base = _instrument_context(form, cond.instrument, scores, sex)
        return [
            {**base, **_item_context(form, item, answers[item.id])}
            for item in form.instrument(cond.instrument).items
            if answers.get(item.id) is not None and answers[item.id] >= cond.n
        ]
    if cond.kind == "score_at_least":
        holds = scores[cond.instrument].score >= cond.n
        return [_instrument_context(form, cond.instrument, scores, sex)] if holds else []
    if cond.kind == "positive":
        holds = scores[cond.instrument].positive
        return [_instrument_context(form, cond.instrument, scores, sex)] if holds else []
    child_matches = [_matches(form, c, answers, scores, sex) for c in cond.children]
    if cond.kind == "any":
        return [m for ms in child_matches for m in ms]
    if not all(child_matches):  # "all"
        return []
    merged: dict[str, Any] = {}
    for ms in child_matches:
        for key, value in ms[0].items():
            merged.setdefault(key, value)
    return [merged]


def evaluate(
    form: Form,
    answers: Mapping[str, int],
    *,
    sex_at_birth: str | None,
    allow_unanswered: bool = False,
    assume: Mapping[str, int] | None = None,
) -> Evaluation:
    """Score every instrument, apply the rule table, derive the outcome.

    `answers` must pass `validate_answers` (AnswersError otherwise). `sex_at_birth` only selects the AUDIT-C
    cut-off: "male" → 4; "female", "intersex", "unknown", None or anything else → 3."""
    errors = validate_answers(form, answers, assume=assume)
    if allow_unanswered:  # a partial screening (stopped at a crisis, declined items): sums are lower bounds
        errors = {key: problems for key, problems in errors.items() if problems != [REQUIRED]}
    if errors:
        raise AnswersError(errors)
    scores = {i.code: _score_instrument(i, answers, sex_at_birth) for i in form.instruments}
    base = _base_context(form, scores)
    levels: dict[str, str] = {}
    reasons: dict[str, list[str]] = {}
    rule_ids: dict[str, list[str]] = {}
    notes: list[Note] = []
    for rule in form.rules:
        matches = _matches(form, rule.when, answers, scores, sex_at_birth)
        if not matches:
            continue
        texts = []
        for match in matches:
            text = _format_reason(rule, {**base, **match})
            if text not in texts:
                texts.append(text)
        if rule.flag is None:
            code = sorted(rule.when.instruments(form))[0]
            notes.extend(Note(instrument=code, text=t, rule_id=rule.id) for t in texts)
            continue
        current = levels.get(rule.flag, "clear")
        if _OUTCOME_RANK[rule.level] > _OUTCOME_RANK[current]:
            levels[rule.flag] = rule.level
        reasons.setdefault(rule.flag, []).extend(t for t in texts if t not in reasons[rule.flag])
        rule_ids.setdefault(rule.flag, []).append(rule.id)
    flags = tuple(
        FlagResult(
            flag=flag, level=levels[flag], reasons=tuple(reasons[flag]), rule_ids=tuple(rule_ids[flag])
        )
        for flag in FLAGS
        if flag in levels
    )
    outcome = max((f.level for f in flags), key=_OUTCOME_RANK.__getitem__, default="clear")
    return Evaluation(
        form_version=form.version,
        scores=MappingProxyType(scores),
        flags=flags,
        notes=tuple(notes),
        outcome=outcome,
    )


def most_restrictive(outcomes: list[str] | tuple[str, ...]) -> str:
    """The most restrictive of the given outcomes (clear when empty)."""
    return max(outcomes, key=_OUTCOME_RANK.__getitem__, default="clear")


# --------------------------------------------------------------------------------------------------------
# Crisis guidance
# --------------------------------------------------------------------------------------------------------

# The guidance texts live in seed/screening/v1/guidance.yaml (acute and non-acute); see guidance.py.

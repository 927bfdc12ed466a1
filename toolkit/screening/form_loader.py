"""Load and check the screening form from `seed/screening/<version>/` YAML: `form.yaml`,
`instruments/<code>.yaml` and `rules.yaml`, read by the one strict reader (toolkit/common/yaml_strict.py).

Every problem raises `FormError` naming the file, the field path and the line. The safety invariants
(DESIGN.md) are checked here, when the data loads:
  * a critical item answered above its lowest option raises `acute_crisis` at level `defer` on its own;
  * `acute_crisis` is always `defer`; `dissociation` rules are always `caution`;
  * every rule condition is an "at least" test on sums of option values, so raising any answer never lowers
    the outcome; no enable_when opens on an item's lowest option.
"""

from __future__ import annotations

import functools
from pathlib import Path
from types import MappingProxyType, SimpleNamespace
from typing import Any

from toolkit.common.yaml_strict import DataFileError, Node
from toolkit.vocab import FLAGS, RULE_LEVELS, SEX_AT_BIRTH

from .form import (
    AllOf,
    AnswerAtLeast,
    AnyItemAtLeast,
    AnyOf,
    Band,
    Condition,
    Critical,
    Declined,
    EnableCondition,
    Escalation,
    Form,
    Incomplete,
    Instrument,
    Item,
    Option,
    Positive,
    Rule,
    ScoreAtLeast,
    Scoring,
    UnknownAsHighest,
    base_context,
    instrument_context,
    item_context,
)

DEFAULT_FORM_DIR = Path(__file__).resolve().parents[2] / "seed" / "screening" / "v1"

ENABLE_BEHAVIORS = ("all", "any")
SCORING_TYPES = ("sum",)

_INSTRUMENT_FIELDS = {"code", "title", "screens_for", "licence", "source", "instructions", "option_sets",
                      "items", "scoring"}
_ITEM_FIELDS = {"id", "text", "ref", "options", "enable_when", "enable_behavior", "critical"}
_SCORING_FIELDS = {"type", "items", "bands", "cutoff", "cutoff_by_sex", "escalations"}
_RULE_FIELDS = {"id", "when", "flag", "level", "reason", "why", "source"}


class FormError(DataFileError):
    """The screening form data is broken. The message names the file, the field and the line."""


def _read_yaml(file: Path) -> Node:
    """The one strict reader: duplicate keys refused, every error names file, field and line."""
    return Node.read(file, FormError)


def _unique(nodes: list[Node], allowed, what: str) -> list:
    """The values of `nodes`, each one of `allowed` (a container) and none listed twice."""
    out: list = []
    for node in nodes:
        if node.data not in allowed:
            raise node.fail(f"{node.data!r} is not {what}")
        if node.data in out:
            raise node.fail(f"{node.data!r} listed twice")
        out.append(node.data)
    return out


# --------------------------------------------------------------------------------------------------------
# An instrument: its items and its scoring
# --------------------------------------------------------------------------------------------------------


def _load_options(node: Node) -> tuple[Option, ...]:
    options: list[Option] = []
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
    return tuple(options)


def _load_enable_condition(cnode: Node, seen_items: dict[str, Item]) -> EnableCondition:
    cnode.only({"item", "values"})
    target_id = cnode.str("item")
    target = seen_items.get(target_id)
    if target is None:
        raise cnode.fail(f"{target_id!r} is not an earlier item of the form", "item")
    values = []
    for vnode in cnode.list("values"):
        if vnode.data not in target.values or isinstance(vnode.data, bool):
            raise vnode.fail(f"{vnode.data!r} is not an option value of {target_id!r} {target.values}")
        values.append(vnode.data)
    if target.min_value in values:
        # Otherwise raising the gate answer could hide an item and lower a score.
        raise cnode.fail(f"must not enable on the lowest option ({target.min_value}) of {target_id!r}", "values")
    return EnableCondition(item=target_id, values=tuple(values))


def _load_item(node: Node, *, code: str, position: int, screens_for: list[str], seen_items: dict[str, Item]) -> Item:
    node.only(_ITEM_FIELDS)
    item_id = node.str("id")
    if item_id in seen_items:
        raise node.fail(f"duplicate item id {item_id!r} (item ids are unique across the whole form)", "id")
    options = _load_options(node)
    conditions = tuple(_load_enable_condition(c, seen_items) for c in node.list("enable_when", required=False))
    behavior = node.str("enable_behavior", required=False, default="all")
    if behavior not in ENABLE_BEHAVIORS:
        raise node.fail(f"must be one of {', '.join(ENABLE_BEHAVIORS)}", "enable_behavior")
    item = Item(id=item_id, text=node.str("text"), options=options, instrument=code,
                ref=node.str("ref", required=False, default=f"item {position}"), enable_when=conditions,
                enable_behavior=behavior, critical=node.bool("critical"))
    if item.critical and "acute_crisis" not in screens_for:
        raise node.fail("a critical item needs 'acute_crisis' in the instrument's screens_for", "critical")
    return item


def _load_bands(scoring_node: Node, low: int, high: int) -> tuple[Band, ...]:
    """Contiguous, increasing bands covering every possible score from `low` to `high`."""
    bands: list[Band] = []
    for node in scoring_node.list("bands"):
        node.only({"min", "max", "label"})
        band = Band(min=node.int("min"), max=node.int("max"), label=node.str("label"))
        expected = bands[-1].max + 1 if bands else low
        if band.min != expected or band.max < band.min:
            raise node.fail(
                f"bands must be contiguous and increasing: expected min {expected}, got {band.min}..{band.max}")
        bands.append(band)
    if bands[-1].max != high:
        raise scoring_node.fail(f"bands must end at the highest possible score {high}, not {bands[-1].max}", "bands")
    return tuple(bands)


def _load_cutoffs(scoring_node: Node) -> tuple[int | None, dict[str, int]]:
    cutoff = scoring_node.int("cutoff", required=False)
    by_sex: dict[str, int] = {}
    sex_node = scoring_node.child("cutoff_by_sex", required=False)
    if sex_node is not None:
        sex_node.only(set(SEX_AT_BIRTH))
        for sex in sex_node.mapping().data:
            by_sex[sex] = sex_node.int(sex)
        if cutoff is None:
            raise scoring_node.fail("cutoff_by_sex needs a default `cutoff` for other/unknown sex", "cutoff")
    return cutoff, by_sex


def _load_escalation(node: Node, own: dict[str, Item]) -> Escalation:
    node.only({"item", "at_least", "label"})
    target = node.str("item")
    if target not in own:
        raise node.fail(f"{target!r} is not an item of this instrument", "item")
    return Escalation(item=target, at_least=node.int("at_least"), label=node.str("label"))


def _load_scoring(scoring_node: Node, items: list[Item]) -> Scoring:
    scoring_node.only(_SCORING_FIELDS)
    scoring_type = scoring_node.str("type")
    if scoring_type not in SCORING_TYPES:
        raise scoring_node.fail(f"must be one of {', '.join(SCORING_TYPES)}", "type")
    own = {i.id: i for i in items}
    scored = _unique(scoring_node.list("items"), own, "an item of this instrument")
    low = sum(own[i].min_value for i in scored)
    high = sum(max(own[i].values) for i in scored)
    bands = _load_bands(scoring_node, low, high)
    cutoff, by_sex = _load_cutoffs(scoring_node)
    escalations = tuple(_load_escalation(n, own) for n in scoring_node.list("escalations", required=False))
    return Scoring(type=scoring_type, items=tuple(scored), bands=bands, cutoff=cutoff,
                   cutoff_by_sex=MappingProxyType(by_sex), escalations=escalations)


def _load_instrument(file: Path, code: str, seen_items: dict[str, Item]) -> Instrument:
    doc = _read_yaml(file)
    doc.only(_INSTRUMENT_FIELDS)
    if doc.str("code") != code:
        raise doc.fail(f"must be {code!r} (the file name and the form list it as {code!r})", "code")
    screens_for = _unique(doc.list("screens_for"), FLAGS, f"a flag; flags: {', '.join(FLAGS)}")
    items: list[Item] = []
    for position, node in enumerate(doc.list("items"), start=1):
        item = _load_item(node, code=code, position=position, screens_for=screens_for, seen_items=seen_items)
        seen_items[item.id] = item
        items.append(item)
    return Instrument(code=code, title=doc.str("title"), screens_for=tuple(screens_for), licence=doc.str("licence"),
                      source=doc.str("source"), instructions=doc.str("instructions"), items=tuple(items),
                      scoring=_load_scoring(doc.child("scoring"), items))


# --------------------------------------------------------------------------------------------------------
# The rule table
# --------------------------------------------------------------------------------------------------------

_CONDITION_KEYS = {
    "score_at_least": {"instrument", "score_at_least"},
    "positive": {"instrument", "positive"},
    "any_item_at_least": {"instrument", "any_item_at_least"},
    "answer_at_least": {"item", "answer_at_least"},
    "critical": {"critical"},
    "declined": {"declined"},
    "incomplete": {"instrument", "incomplete"},
    "unknown_as_highest": {"unknown_as_highest"},
    "all": {"all"},
    "any": {"any"},
}


def _must_be_true(node: Node, key: str) -> None:
    if node.data[key] is not True:
        raise node.fail("must be true", key)


def _instrument_of(node: Node, codes: set[str]) -> str:
    code = node.str("instrument")
    if code not in codes:
        raise node.fail(f"{code!r} is not an instrument of the form", "instrument")
    return code


def _load_condition(node: Node, codes: set[str], item_ids: set[str]) -> Condition:
    keys = set(node.mapping().data)
    kind = next((k for k, allowed in _CONDITION_KEYS.items() if keys == allowed), None)
    if kind is None:
        shapes = "; ".join("{" + ", ".join(sorted(v)) + "}" for v in _CONDITION_KEYS.values())
        raise node.fail(f"unrecognised condition with keys {sorted(keys)}; expected one of: {shapes}")
    if kind in ("all", "any"):
        children = tuple(_load_condition(c, codes, item_ids) for c in node.list(kind))
        return AllOf(children) if kind == "all" else AnyOf(children)
    if kind == "unknown_as_highest":
        return UnknownAsHighest(_load_condition(node.child(kind), codes, item_ids))
    if kind == "declined":
        if node.data[kind] != "critical":
            raise node.fail("only `declined: critical` (a declined critical item) is a condition", kind)
        return Declined()
    if kind in ("critical", "positive", "incomplete"):
        _must_be_true(node, kind)
        if kind == "critical":
            return Critical()
        code = _instrument_of(node, codes)
        return Positive(code) if kind == "positive" else Incomplete(code)
    if kind == "answer_at_least":
        item_id = node.str("item")
        if item_id not in item_ids:
            raise node.fail(f"{item_id!r} is not an item of the form", "item")
        return AnswerAtLeast(item=item_id, n=node.int(kind))
    cls = ScoreAtLeast if kind == "score_at_least" else AnyItemAtLeast
    return cls(instrument=_instrument_of(node, codes), n=node.int(kind))


def _check_flag(node: Node, *, flag: str | None, level: str, when: Condition, form: Form) -> None:
    """The flag/level invariants: info raises no flag; acute_crisis is defer; dissociation is caution; a rule
    raises only what its instruments screen for."""
    if level == "info":
        if flag is not None:
            raise node.fail("an info rule adds a note and raises no flag: remove `flag`", "flag")
        return
    if flag not in FLAGS:
        raise node.fail(f"must be one of {', '.join(FLAGS)}", "flag")
    if flag == "acute_crisis" and level != "defer":
        raise node.fail("acute_crisis always gives defer", "level")
    if flag == "dissociation" and level != "caution":
        raise node.fail("dissociation alone is caution, never more", "level")
    for code in sorted(when.instruments(form)):
        if flag not in form.instrument(code).screens_for:
            raise node.fail(f"raises {flag!r} from {code!r}, whose screens_for does not list it", "flag")


def _dummy_context(form: Form, when: Condition) -> dict[str, Any]:
    """Every placeholder a reason of this condition may use, with harmless values: to check templates."""
    scores = {i.code: SimpleNamespace(score=0, band=i.scoring.bands[0].label, positive=False,
                                      cutoff=i.scoring.cutoff) for i in form.instruments}
    context = {**base_context(form, scores), "unknown": "item 1 declined"}
    first = sorted(when.instruments(form)) or [form.instruments[0].code]
    context.update(instrument_context(form, first[0], scores, None))
    if when.item_level:
        item = next((i for i in form.items if i.instrument == first[0]), form.items[0])
        context.update(item_context(form, item, item.min_value))
    return context


def _load_rule(node: Node, form: Form, codes: set[str], item_ids: set[str], seen_ids: set[str]) -> Rule:
    node.only(_RULE_FIELDS)
    rule_id = node.str("id")
    if rule_id in seen_ids:
        raise node.fail(f"duplicate rule id {rule_id!r}", "id")
    when = _load_condition(node.child("when"), codes, item_ids)
    level = node.str("level")
    if level not in RULE_LEVELS:
        raise node.fail(f"must be one of {', '.join(RULE_LEVELS)}", "level")
    flag = node.str("flag", required=False)
    _check_flag(node, flag=flag, level=level, when=when, form=form)
    rule = Rule(id=rule_id, when=when, flag=flag, level=level, reason=node.str("reason"),
                why=node.str("why"), source=node.str("source"))
    try:
        rule.reason.format_map(_dummy_context(form, when))
    except (KeyError, AttributeError, IndexError, ValueError) as exc:
        raise node.fail(f"template placeholder problem: {exc!r}", "reason") from exc
    return rule


def _check_coverage(doc: Node, rules: list[Rule], form: Form) -> None:
    """A critical rule and a declined-critical rule raise acute_crisis at defer; every flag an instrument
    screens for has a rule; an incomplete instrument raises each flag it screens for (acute_crisis aside,
    which its critical items and `unknown_as_highest` rules raise): unknown is not clear."""
    for cls, shape in ((Critical, "{critical: true}"), (Declined, "{declined: critical}")):
        if not any(isinstance(r.when, cls) and r.flag == "acute_crisis" and r.level == "defer" for r in rules):
            raise doc.fail(f"needs a rule `when: {shape}` raising acute_crisis at level defer", "rules")
    incomplete = {(code, r.flag) for r in rules for code in r.when.instruments(form)
                  if _reads_incomplete(r.when, code)}
    for instrument in form.instruments:
        for flag in set(instrument.screens_for) - {"acute_crisis"}:
            if (instrument.code, flag) not in incomplete:
                raise doc.fail(f"instrument {instrument.code!r} screens for {flag!r} but no rule raises it when "
                               "the instrument is incomplete (`{instrument: X, incomplete: true}`)", "rules")
    answered = [r for r in rules if not _reads_incomplete(r.when, None)]
    for instrument in form.instruments:
        for flag in instrument.screens_for:
            if not any(r.flag == flag and instrument.code in r.when.instruments(form) for r in answered):
                raise doc.fail(f"instrument {instrument.code!r} screens for {flag!r} "
                               "but no rule raises it from that instrument", "rules")


def _reads_incomplete(when: Condition, code: str | None) -> bool:
    """Whether `when` is an `incomplete` condition on `code` (None: on any instrument), alone or in `any`."""
    if isinstance(when, Incomplete):
        return code is None or when.instrument == code
    return isinstance(when, AnyOf) and any(_reads_incomplete(c, code) for c in when.children)


def _load_rules(file: Path, form: Form) -> tuple[Rule, ...]:
    doc = _read_yaml(file)
    doc.only({"rules"})
    codes = {i.code for i in form.instruments}
    item_ids = {i.id for i in form.items}
    rules: list[Rule] = []
    for node in doc.list("rules"):
        rules.append(_load_rule(node, form, codes, item_ids, {r.id for r in rules}))
    _check_coverage(doc, rules, form)
    return tuple(rules)


# --------------------------------------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------------------------------------


def _instrument_codes(doc: Node) -> list[str]:
    codes: list[str] = []
    for node in doc.list("instruments"):
        if not isinstance(node.data, str) or not node.data:
            raise node.fail("must be an instrument code (string)")
        if node.data in codes:
            raise node.fail(f"{node.data!r} listed twice")
        codes.append(node.data)
    return codes


def load_form(directory: str | Path = DEFAULT_FORM_DIR) -> Form:
    """Load and validate `form.yaml`, `instruments/<code>.yaml` and `rules.yaml` from `directory`.

    Raises FormError (a ValueError) naming the file and the field on any broken file."""
    directory = Path(directory)
    doc = _read_yaml(directory / "form.yaml")
    doc.only({"version", "validity_days", "instruments"})
    version = doc.str("version")
    validity_days = doc.int("validity_days", required=False, default=90)
    if validity_days < 1:
        raise doc.fail("must be at least 1", "validity_days")
    seen_items: dict[str, Item] = {}
    instruments = tuple(_load_instrument(directory / "instruments" / f"{code}.yaml", code, seen_items)
                        for code in _instrument_codes(doc))
    form = Form(version=version, validity_days=validity_days, instruments=instruments, rules=())
    rules = _load_rules(directory / "rules.yaml", form)
    return Form(version=version, validity_days=validity_days, instruments=instruments, rules=rules)


@functools.cache
def default_form() -> Form:
    """The shipped form, loaded once per process (the data is immutable)."""
    return load_form(DEFAULT_FORM_DIR)

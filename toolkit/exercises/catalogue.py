"""The exercise module library: validation of one module mapping and loading of the built-in seed catalogue.

Pure Python (PyYAML only). ``validate_module`` is also what the API uses to check a practice's own modules,
so it works on a plain dict and knows nothing about files; ``load_catalogue`` adds the file-level checks
(slug equals file name, slugs unique, YAML syntax).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from toolkit.common.yaml_strict import DataFileError, line_of, load_file
from toolkit.vocab import (
    CONTRA_ACTIONS,
    FLAGS,
    FRAMEWORKS,
    GROUP_KINDS,
    INTENSITIES,
    MODULE_CATEGORIES,
    SETTINGS,
    TARGETS,
)

from .rules import (
    ADAPTATION_MAX,
    MATERIAL_NAME_MAX,
    MAX_MATERIALS,
    MAX_MINUTES,
    MAX_QUANTITY,
    MAX_STEPS,
    MIN_STEPS,
    SCRIPT_MAX,
    SLUG_MAX,
    SLUG_RE,
    STEP_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    Contraindication,
    Material,
    ModuleSpec,
)

__all__ = [
    "DEFAULT_SEED_DIR",
    "MAX_MINUTES",
    "Contraindication",
    "Material",
    "ModuleSpec",
    "SeedError",
    "load_catalogue",
    "validate_module",
]

# toolkit/exercises/catalogue.py -> repo root is three levels up.
DEFAULT_SEED_DIR: Path = Path(__file__).resolve().parent.parent.parent / "seed" / "modules"


class SeedError(Exception):
    """A module (seed file or API payload) failed validation. ``field`` is a dotted path such as
    ``materials[2].quantity``; it is empty when the problem is with the document as a whole."""

    def __init__(self, path: str, field: str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.field = field
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        at = f" (line {self.line})" if self.line else ""
        if self.field:
            return f"{self.path}: field '{self.field}': {self.message}{at}"
        return f"{self.path}: {self.message}{at}"


_FIELDS = tuple(ModuleSpec.__dataclass_fields__)
_OPTIONAL_FIELDS = ("prerequisites", "gate_on_deterioration")
_MATERIAL_FIELDS = ("name", "quantity", "per_participant", "consumable", "for_participants")
_CONTRA_FIELDS = ("flag", "action", "adaptation")


# ---------------------------------------------------------------------------------------------- helpers
class _Checker:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, field: str, message: str) -> SeedError:
        return SeedError(self.path, field, message)

    def text(self, value: Any, field: str, limit: int) -> str:
        if not isinstance(value, str):
            raise self.fail(field, f"must be a string, not {_type_name(value)}")
        value = value.strip()
        if not value:
            raise self.fail(field, "must not be empty")
        if len(value) > limit:
            raise self.fail(field, f"must be at most {limit} characters")
        return value

    def integer(self, value: Any, field: str, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, f"must be an integer, not {_type_name(value)}")
        if not low <= value <= high:
            raise self.fail(field, f"must be between {low} and {high}")
        return value

    def boolean(self, value: Any, field: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(field, f"must be true or false, not {_type_name(value)}")
        return value

    def choice(self, value: Any, field: str, allowed: tuple[str, ...]) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise self.fail(field, f"must be one of {', '.join(allowed)}; got {value!r}")
        return value

    def sequence(self, value: Any, field: str) -> list[Any]:
        if not isinstance(value, list | tuple):
            raise self.fail(field, f"must be a list, not {_type_name(value)}")
        return list(value)

    def choices(self, value: Any, field: str, allowed: tuple[str, ...], *, non_empty: bool = False) -> tuple:
        items = self.sequence(value, field)
        if non_empty and not items:
            raise self.fail(field, "must not be empty")
        seen: list[str] = []
        for index, item in enumerate(items):
            self.choice(item, f"{field}[{index}]", allowed)
            if item in seen:
                raise self.fail(f"{field}[{index}]", f"duplicate value {item!r}")
            seen.append(item)
        return tuple(seen)

    def mapping(self, value: Any, field: str, allowed: tuple[str, ...]) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(field, f"must be a mapping, not {_type_name(value)}")
        for key in value:
            if key not in allowed:
                where = f"{field}.{key}" if field else str(key)
                raise self.fail(where, "unknown field")
        return value


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "list", dict: "mapping"}
    return names.get(type(value), type(value).__name__)


# ---------------------------------------------------------------------------------------------- public API
def validate_module(data: Mapping[str, Any], *, path: str = "<data>") -> ModuleSpec:
    """Validate one module mapping and return it as a ``ModuleSpec``.

    Raises ``SeedError`` naming the first offending field (unknown keys, missing keys, types, vocabularies,
    ``1 <= min_minutes <= default_minutes <= max_minutes <= 480``, slug format, one contraindication per flag,
    adaptation text for ``adapt``, and a ``deep`` module must exclude ``acute_crisis``).
    """
    c = _Checker(path)
    c.mapping(data, "", _FIELDS)
    for name in _FIELDS:
        if name not in data and name not in _OPTIONAL_FIELDS:
            raise c.fail(name, "is required")
    # Checked in this order, so the first offending field is the one named.
    fields: dict[str, Any] = {"slug": _slug(c, data["slug"])}
    fields["title"] = c.text(data["title"], "title", TITLE_MAX)
    fields["summary"] = c.text(data["summary"], "summary", SUMMARY_MAX)
    fields["participant_summary"] = c.text(data["participant_summary"], "participant_summary", SUMMARY_MAX)
    fields["category"] = c.choice(data["category"], "category", MODULE_CATEGORIES)
    fields["steps"] = _steps(c, data["steps"])
    fields["facilitator_script"] = c.text(data["facilitator_script"], "facilitator_script", SCRIPT_MAX)
    fields["default_minutes"], fields["min_minutes"], fields["max_minutes"] = _minutes(c, data)
    fields["materials"] = _materials(c, data["materials"])
    fields["suitable_kinds"] = c.choices(data["suitable_kinds"], "suitable_kinds", GROUP_KINDS, non_empty=True)
    fields["frameworks"] = c.choices(data["frameworks"], "frameworks", FRAMEWORKS)
    fields["targets"] = c.choices(data["targets"], "targets", TARGETS)
    fields["intensity"] = c.choice(data["intensity"], "intensity", INTENSITIES)
    fields["setting"] = c.choice(data["setting"], "setting", SETTINGS)
    fields["contraindications"] = _contraindications(c, data["contraindications"], fields["intensity"])
    fields["prerequisites"] = _prerequisites(c, data.get("prerequisites", []), fields["slug"])
    gate = data.get("gate_on_deterioration", False)
    if not isinstance(gate, bool):
        raise c.fail("gate_on_deterioration", f"must be true or false, not {_type_name(gate)}")
    fields["gate_on_deterioration"] = gate
    return ModuleSpec(**fields)


def _slug(c: _Checker, slug: Any) -> str:
    if not isinstance(slug, str):
        raise c.fail("slug", f"must be a string, not {_type_name(slug)}")
    if not SLUG_RE.match(slug) or len(slug) > SLUG_MAX:
        raise c.fail("slug", f"must be kebab-case (a-z, 0-9, single hyphens), at most {SLUG_MAX} characters")
    return slug


def _steps(c: _Checker, value: Any) -> tuple[str, ...]:
    raw_steps = c.sequence(value, "steps")
    if len(raw_steps) < MIN_STEPS:
        raise c.fail("steps", f"must have at least {MIN_STEPS} steps")
    if len(raw_steps) > MAX_STEPS:
        raise c.fail("steps", f"must have at most {MAX_STEPS} steps")
    return tuple(c.text(step, f"steps[{i}]", STEP_MAX) for i, step in enumerate(raw_steps))


def _minutes(c: _Checker, data: Mapping[str, Any]) -> tuple[int, int, int]:
    """(default, min, max) with 1 <= min <= default <= max <= MAX_MINUTES."""
    default_minutes = c.integer(data["default_minutes"], "default_minutes", 1, MAX_MINUTES)
    min_minutes = c.integer(data["min_minutes"], "min_minutes", 1, MAX_MINUTES)
    max_minutes = c.integer(data["max_minutes"], "max_minutes", 1, MAX_MINUTES)
    if min_minutes > default_minutes:
        raise c.fail("min_minutes", "must be ≤ default_minutes")
    if default_minutes > max_minutes:
        raise c.fail("max_minutes", "must be ≥ default_minutes")
    return default_minutes, min_minutes, max_minutes


def _materials(c: _Checker, value: Any) -> tuple[Material, ...]:
    raw_materials = c.sequence(value, "materials")
    if len(raw_materials) > MAX_MATERIALS:
        raise c.fail("materials", f"must have at most {MAX_MATERIALS} entries")
    return tuple(_material(c, item, f"materials[{i}]") for i, item in enumerate(raw_materials))


def _contraindications(c: _Checker, value: Any, intensity: str) -> tuple[Contraindication, ...]:
    """At most one per flag; a deep module must exclude acute_crisis."""
    contras: list[Contraindication] = []
    for i, item in enumerate(c.sequence(value, "contraindications")):
        contra = _contraindication(c, item, f"contraindications[{i}]")
        if any(existing.flag == contra.flag for existing in contras):
            raise c.fail(f"contraindications[{i}].flag", f"duplicate flag {contra.flag!r}")
        contras.append(contra)
    if intensity == "deep" and not any(x.flag == "acute_crisis" and x.action == "exclude" for x in contras):
        raise c.fail("contraindications", "a deep module must exclude acute_crisis")
    return tuple(contras)


def _prerequisites(c: _Checker, value: Any, slug: str) -> tuple[str, ...]:
    prerequisites: list[str] = []
    for i, item in enumerate(c.sequence(value, "prerequisites")):
        if not isinstance(item, str) or not SLUG_RE.match(item):
            raise c.fail(f"prerequisites[{i}]", "must be a module slug")
        if item == slug or item in prerequisites:
            raise c.fail(f"prerequisites[{i}]", f"{item!r} is the module itself or listed twice")
        prerequisites.append(item)
    return tuple(prerequisites)


def _material(c: _Checker, value: Any, field: str) -> Material:
    item = c.mapping(value, field, _MATERIAL_FIELDS)
    if "name" not in item:
        raise c.fail(f"{field}.name", "is required")
    name = c.text(item["name"], f"{field}.name", MATERIAL_NAME_MAX)
    quantity = c.integer(item.get("quantity", 1), f"{field}.quantity", 1, MAX_QUANTITY)
    flags = {key: c.boolean(item.get(key, False), f"{field}.{key}")
             for key in ("per_participant", "consumable", "for_participants")}
    return Material(name=name, quantity=quantity, **flags)


def _contraindication(c: _Checker, value: Any, field: str) -> Contraindication:
    item = c.mapping(value, field, _CONTRA_FIELDS)
    for key in ("flag", "action"):
        if key not in item:
            raise c.fail(f"{field}.{key}", "is required")
    flag = c.choice(item["flag"], f"{field}.flag", FLAGS)
    action = c.choice(item["action"], f"{field}.action", CONTRA_ACTIONS)
    raw = item.get("adaptation")
    if action == "adapt" or raw not in (None, ""):
        adaptation = c.text(raw, f"{field}.adaptation", ADAPTATION_MAX)
    else:
        adaptation = ""
    return Contraindication(flag=flag, action=action, adaptation=adaptation)


def load_catalogue(directory: Path | str) -> list[ModuleSpec]:
    """Load and validate every ``*.yaml`` in ``directory`` (sorted by file name).

    Raises ``SeedError`` (with the file's path and the field) on the first problem: unreadable or invalid
    YAML, a document that is not a mapping, any ``validate_module`` error, slug not equal to the file name,
    or a duplicate slug.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise SeedError(str(folder), "", "is not a directory")
    specs: list[ModuleSpec] = []
    seen: dict[str, str] = {}
    for file in sorted(folder.glob("*.yaml"), key=lambda p: p.name):
        path = str(file)
        try:
            data = load_file(file)
        except DataFileError as exc:
            raise SeedError(path, "", f"invalid YAML: {exc.problem}", exc.line) from exc
        if not isinstance(data, Mapping):
            raise SeedError(path, "", f"must contain a mapping, not {_type_name(data)}", getattr(data, "line", None))
        try:
            spec = validate_module(data, path=path)
        except SeedError as exc:
            raise SeedError(path, exc.field, exc.message, line_of(data, exc.field)) from exc
        if spec.slug != file.stem:
            raise SeedError(path, "slug", f"must equal the file name {file.stem!r}; got {spec.slug!r}",
                            line_of(data, "slug"))
        if spec.slug in seen:
            raise SeedError(path, "slug", f"duplicate slug {spec.slug!r} (also in {seen[spec.slug]})",
                            line_of(data, "slug"))
        seen[spec.slug] = path
        specs.append(spec)
    for spec in specs:
        unknown = [p for p in spec.prerequisites if p not in seen]
        if unknown:
            raise SeedError(seen[spec.slug], "prerequisites", f"unknown module slug(s): {', '.join(unknown)}")
    return specs

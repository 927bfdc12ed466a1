"""The exercise module's rules as data: the limits of every field (the validator, the API schemas and the
columns are built from these), the module's frozen dataclasses, and the slug a title gives. Plain Python."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from toolkit.common.text import slugify

# Limits, each written once: catalogue.validate_module enforces them, schemas.py and models.py are built from them.
SLUG_MAX = 80
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"  # kebab-case; the spec shows it as written
SLUG_RE = re.compile(SLUG_PATTERN)
TITLE_MAX = 120
SUMMARY_MAX = 1000  # summary and participant_summary
STEP_MAX = 1000
SCRIPT_MAX = 20000
MATERIAL_NAME_MAX = 200
ADAPTATION_MAX = 2000
MIN_STEPS, MAX_STEPS = 2, 50
MAX_MATERIALS = 50
MAX_QUANTITY = 10000
MAX_MINUTES = 480
MAX_PREREQUISITES = 10

# The columns are wider than the rules on purpose (a test pins column >= rule): a wider column never truncates
# nor refuses a valid value, while narrowing it means rebuilding exercise_modules on SQLite (its FTS5
# triggers, its partial unique index and the foreign keys of plan items would have to be recreated) for no
# change anyone can see. The rule above is the limit; these are only storage.
SLUG_COLUMN_LENGTH = 100
TITLE_COLUMN_LENGTH = 200


def slug_for(title: str) -> str:
    """The slug a module gets from its title when none is given."""
    return slugify(title, limit=SLUG_MAX) or "module"


class Contraindication(NamedTuple):
    """What a module does for a person with one screening flag: `exclude` (with, optionally, what to offer
    instead) or `adapt` (with how). The one type: the catalogue builds it, clearance reads it."""

    flag: str
    action: str  # "exclude" or "adapt"
    adaptation: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"flag": self.flag, "action": self.action, "adaptation": self.adaptation}


@dataclass(frozen=True)
class Material:
    """Something a module needs; `per_participant` multiplies `quantity` by the group's size."""

    name: str
    quantity: int = 1
    per_participant: bool = False
    consumable: bool = False  # used up: the checklist sums every use
    for_participants: bool = False  # participants bring or use it: the handout lists it

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "quantity": self.quantity, "per_participant": self.per_participant,
                "consumable": self.consumable, "for_participants": self.for_participants}


@dataclass(frozen=True)
class ModuleSpec:
    slug: str
    title: str
    summary: str
    participant_summary: str
    category: str
    steps: tuple[str, ...]
    facilitator_script: str
    default_minutes: int
    min_minutes: int
    max_minutes: int
    materials: tuple[Material, ...]
    suitable_kinds: tuple[str, ...]
    frameworks: tuple[str, ...]
    targets: tuple[str, ...]
    intensity: str
    setting: str
    contraindications: tuple[Contraindication, ...]
    prerequisites: tuple[str, ...] = ()
    # A `moderate` module that is trauma-focused: a person's unreviewed reliable deterioration excludes it, as
    # it excludes every `deep` module.
    gate_on_deterioration: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict; ``validate_module(spec.to_dict())`` gives back an equal spec."""
        return {
            "slug": self.slug,
            "title": self.title,
            "summary": self.summary,
            "participant_summary": self.participant_summary,
            "category": self.category,
            "steps": list(self.steps),
            "facilitator_script": self.facilitator_script,
            "default_minutes": self.default_minutes,
            "min_minutes": self.min_minutes,
            "max_minutes": self.max_minutes,
            "materials": [m.to_dict() for m in self.materials],
            "suitable_kinds": list(self.suitable_kinds),
            "frameworks": list(self.frameworks),
            "targets": list(self.targets),
            "intensity": self.intensity,
            "setting": self.setting,
            "contraindications": [c.to_dict() for c in self.contraindications],
            "prerequisites": list(self.prerequisites),
            "gate_on_deterioration": self.gate_on_deterioration,
        }

    def contraindication_for(self, flag: str) -> Contraindication | None:
        """The entry for one screening flag, or None when the module has no rule for it."""
        for contra in self.contraindications:
            if contra.flag == flag:
                return contra
        return None

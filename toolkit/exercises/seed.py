"""Loading the built-in modules from seed/ into the database, idempotently (by slug)."""

from dataclasses import dataclass

from sqlalchemy import select

from ..extensions import db
from .catalogue import DEFAULT_SEED_DIR, load_catalogue
from .models import ExerciseModule

FIELDS = ("title", "summary", "participant_summary", "category", "steps", "facilitator_script",
          "default_minutes", "min_minutes", "max_minutes", "materials", "suitable_kinds", "frameworks",
          "targets", "intensity", "setting", "contraindications", "prerequisites",
          "gate_on_deterioration")


@dataclass
class SeedReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def load_builtins(directory=None) -> SeedReport:
    """Create or update every built-in module from the seed files. The whole catalogue is validated
    first, so a broken file loads nothing. Practices' own modules are never touched."""
    specs = load_catalogue(directory or DEFAULT_SEED_DIR)
    existing = {
        m.slug: m for m in db.session.scalars(
            select(ExerciseModule).where(ExerciseModule.practice_id.is_(None))
            .execution_options(all_practices=True))
    }
    report = SeedReport()
    for spec in specs:
        data = spec.to_dict()
        values = {key: data[key] for key in FIELDS}
        module = existing.get(spec.slug)
        if module is None:
            db.session.add(ExerciseModule(slug=spec.slug, practice_id=None, **values))
            report.created += 1
        elif any(getattr(module, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(module, key, value)
            report.updated += 1
        else:
            report.unchanged += 1
    db.session.flush()
    return report

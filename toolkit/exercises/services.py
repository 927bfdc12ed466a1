import re

from flask_smorest import abort
from sqlalchemy import String, and_, cast, or_, select
from sqlalchemy.exc import IntegrityError

from ..common.http import contains
from ..extensions import db
from .catalogue import SeedError, validate_module
from .models import ExerciseModule
from .seed import FIELDS


def module_query(filters: dict):
    """The library (built-ins and the practice's own, which tenancy adds), filtered, by title."""
    stmt = select(ExerciseModule).where(ExerciseModule.archived_at.is_(None))
    for key in ("category", "intensity", "setting"):
        if filters.get(key):
            stmt = stmt.where(getattr(ExerciseModule, key) == filters[key])
    # Closed vocabularies stored as JSON lists: a quoted match is exact (no "act" inside "impact").
    for key, column in (("kind", ExerciseModule.suitable_kinds), ("framework", ExerciseModule.frameworks),
                        ("target", ExerciseModule.targets)):
        if filters.get(key):
            stmt = stmt.where(cast(column, String).like(f'%"{filters[key]}"%'))
    if filters.get("max_minutes"):
        stmt = stmt.where(ExerciseModule.min_minutes <= filters["max_minutes"])
    if filters.get("source") == "builtin":
        stmt = stmt.where(ExerciseModule.practice_id.is_(None))
    elif filters.get("source") == "custom":
        stmt = stmt.where(ExerciseModule.practice_id.is_not(None))
    if filters.get("q"):
        words = filters["q"].split()[:8]
        stmt = stmt.where(and_(*[or_(contains(ExerciseModule.title, w), contains(ExerciseModule.summary, w),
                                     contains(cast(ExerciseModule.steps, String), w)) for w in words]))
    return stmt.order_by(ExerciseModule.category, ExerciseModule.title, ExerciseModule.id)


def slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80] or "module"


def _validated(data: dict) -> dict:
    try:
        spec = validate_module(data, path="request")
    except SeedError as err:
        abort(422, message=f"The module is not valid: {err.message}", errors={err.field or "module": [err.message]})
    clean = spec.to_dict()
    return {key: clean[key] for key in ("slug", *FIELDS)}


def create_module(data: dict) -> ExerciseModule:
    data = dict(data)
    data.setdefault("slug", slugify(data["title"]))
    module = ExerciseModule(**_validated(data))
    db.session.add(module)
    _flush_unique(module.slug)
    return module


def update_module(module: ExerciseModule, changes: dict) -> ExerciseModule:
    if module.builtin:
        abort(403, message="Built-in modules are read-only: create your own module (you may copy this one).")
    current = {key: getattr(module, key) for key in ("slug", *FIELDS)}
    values = _validated({**current, **changes})
    for key, value in values.items():
        setattr(module, key, value)
    _flush_unique(module.slug)
    return module


def delete_module(module: ExerciseModule) -> None:
    """A module still used by a plan is not deleted: 409 naming the plans."""
    from ..plans.models import PlanItem, SessionPlan

    if module.builtin:
        abort(403, message="Built-in modules are read-only.")
    plans = db.session.execute(
        select(SessionPlan.id, SessionPlan.title).join(PlanItem, PlanItem.plan_id == SessionPlan.id)
        .where(PlanItem.module_id == module.id).distinct().limit(20)
    ).all()
    if plans:
        abort(409, message="The module is used by plans: remove it from them first.",
              errors={"plans": [f"{p.title} ({p.id})" for p in plans]})
    db.session.delete(module)
    db.session.flush()


def _flush_unique(slug: str) -> None:
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        abort(409, message=f"Your practice already has a module with the slug '{slug}'.",
              errors={"slug": ["Already in use."]})

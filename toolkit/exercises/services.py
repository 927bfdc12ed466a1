from typing import Any

from sqlalchemy import String, cast, false, func, literal_column, select, table
from sqlalchemy.exc import IntegrityError

from ..common.query import flush_delete
from ..errors import Conflict, Forbidden, Invalid
from ..extensions import db
from ..signals import answers, module_uses
from .catalogue import SeedError, validate_module
from .models import ExerciseModule
from .rules import slug_for
from .search import query_terms
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
        return full_text(stmt, filters["q"])
    return stmt.order_by(ExerciseModule.category, ExerciseModule.title, ExerciseModule.id)


def full_text(stmt, q: str):
    """Every query word must match (its stem, or the technique it names; the last word also as a prefix); best
    matches first, a title match weighing more than one in the text. FTS5 on SQLite, tsvector/tsquery on
    PostgreSQL. Terms are letters and digits only (search.words), so they are safe inside both query syntaxes."""
    wanted = query_terms(q)
    if not wanted:  # only punctuation: nothing can match
        return stmt.where(false())
    if db.session.get_bind().dialect.name == "postgresql":
        simple: Any = literal_column("'simple'::regconfig")
        vector = func.setweight(func.to_tsvector(simple, ExerciseModule.search_title), literal_column("'A'")).op(
            "||")(func.setweight(func.to_tsvector(simple, ExerciseModule.search_body), literal_column("'B'")))
        query = func.to_tsquery(simple, " & ".join(
            "(" + " | ".join([*t.alternatives, *([f"{t.prefix}:*"] if t.prefix else [])]) + ")" for t in wanted))
        return stmt.where(vector.op("@@")(query)).order_by(func.ts_rank(vector, query).desc(), ExerciseModule.title,
                                                            ExerciseModule.id)
    match = " AND ".join(
        "(" + " OR ".join([*(f'"{a}"' for a in t.alternatives), *([f'"{t.prefix}"*'] if t.prefix else [])]) + ")"
        for t in wanted)
    hits = (select(literal_column("module_id").label("module_id"),
                   literal_column("bm25(exercise_modules_fts, 0.0, 5.0, 1.0)").label("rank"))
            .select_from(table("exercise_modules_fts"))
            .where(literal_column("exercise_modules_fts").op("MATCH")(match))).subquery()
    return stmt.join(hits, hits.c.module_id == ExerciseModule.id).order_by(hits.c.rank, ExerciseModule.title,
                                                                            ExerciseModule.id)


def _validated(data: dict) -> dict:
    try:
        spec = validate_module(data, path="request")
    except SeedError as err:
        raise Invalid(f"The module is not valid: {err.message}", errors={err.field or "module": [err.message]}) from err
    clean = spec.to_dict()
    return {key: clean[key] for key in ("slug", *FIELDS)}


def create_module(*, data: dict) -> ExerciseModule:
    data = dict(data)
    data.setdefault("slug", slug_for(data["title"]))
    module = ExerciseModule(**_validated(data))
    db.session.add(module)
    _flush_unique(module.slug)
    return module


def update_module(*, module: ExerciseModule, changes: dict) -> ExerciseModule:
    if module.builtin:
        raise Forbidden("Built-in modules are read-only: create your own module (you may copy this one).")
    current = {key: getattr(module, key) for key in ("slug", *FIELDS)}
    values = _validated({**current, **changes})
    for key, value in values.items():
        setattr(module, key, value)
    _flush_unique(module.slug)
    return module


IN_USE = "The module is used by plans: remove it from them first."


def delete_module(*, module: ExerciseModule) -> None:
    """A module still used by a plan is not deleted: 409 naming the plans (the plans package answers;
    the restricting foreign key of plan items is the backstop)."""
    if module.builtin:
        raise Forbidden("Built-in modules are read-only.")
    plans = answers(module_uses, module_id=module.id).get("plans")
    if plans:
        raise Conflict(IN_USE, errors={"plans": plans})
    db.session.delete(module)
    flush_delete(IN_USE)


def _flush_unique(slug: str) -> None:
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(f"Your practice already has a module with the slug '{slug}'.",
              errors={"slug": ["Already in use."]}) from None

"""Tenancy in one place: every ORM statement is scoped to the current practice, and fails closed.

Once a request is authenticated, `set_practice()` records the caller's practice on the session.
From then on every SELECT, UPDATE and DELETE the ORM runs gets `practice_id = :current` added for
`PracticeOwned` models (and `practice_id = :current OR practice_id IS NULL` for built-in-or-own
models), and every new row is stamped with the practice — new code cannot forget the filter. A row
of another practice is simply not found, so the API answers 404.

With no practice set, a statement matches nothing: forgetting to set the practice hides every row
instead of showing them all. Code that must see across practices says so explicitly, either per
statement with `execution_options(all_practices=True)` (login, the denied-attempt lookup) or for a
whole unit of work with `across_practices(session)` (the CLI, the seed, the demo, the queue's workers,
the audit verifier, backups and export/import). Relationship loads from a row already loaded are not
filtered again when no practice is set: the row itself was loaded under one of these rules.

Writes: with a practice set, new rows take it and no row of another practice (or a built-in) may be
written (CrossPracticeWrite, answered as a 404). Without one, rows are written as given (registration,
the seed and imports name their practice themselves).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import event, false, or_
from sqlalchemy.orm import with_loader_criteria

from .common.models import PracticeOrShared, PracticeOwned
from .extensions import ToolkitSession

KEY = "practice_id"
ALL = "all_practices"


class CrossPracticeWrite(RuntimeError):
    pass


def set_practice(session, practice_id: str | None) -> None:
    """Scope the session to one practice (None: to none, so reads match nothing)."""
    session.info.pop(ALL, None)
    if practice_id is None:
        session.info.pop(KEY, None)
    else:
        session.info[KEY] = practice_id


def current_practice(session) -> str | None:
    return session.info.get(KEY)


@contextmanager
def across_practices(session) -> Iterator[None]:
    """Read across every practice for this block: for work that belongs to no request (CLI, workers)."""
    before = session.info.get(ALL)
    session.info[ALL] = True
    try:
        yield
    finally:
        if before is None:
            session.info.pop(ALL, None)
        else:
            session.info[ALL] = before


_NOTHING = (
    with_loader_criteria(PracticeOwned, lambda cls: false(), include_aliases=True),
    with_loader_criteria(PracticeOrShared, lambda cls: false(), include_aliases=True),
)


@lru_cache(maxsize=1024)
def _criteria(pid: str) -> tuple:
    """The two options that scope a statement to one practice, built once per practice and worker (they are
    immutable; building them for every statement cost about 0.1 ms each)."""
    return (
        with_loader_criteria(PracticeOwned, lambda cls: cls.practice_id == pid, include_aliases=True),
        with_loader_criteria(
            PracticeOrShared,
            lambda cls: or_(cls.practice_id == pid, cls.practice_id.is_(None)),
            include_aliases=True,
        ),
    )


@event.listens_for(ToolkitSession, "do_orm_execute")
def _scope_to_practice(state):
    if state.is_column_load or state.execution_options.get(ALL, False) or state.session.info.get(ALL):
        return
    pid = state.session.info.get(KEY)
    if pid is None:
        if state.is_relationship_load:
            return
        state.statement = state.statement.options(*_NOTHING)
        return
    state.statement = state.statement.options(*_criteria(pid))


@event.listens_for(ToolkitSession, "before_flush")
def _stamp_practice(session, flush_context, instances):
    """New rows take the caller's practice; no row of another practice (or a built-in) is written."""
    pid = session.info.get(KEY)
    if pid is None:
        return
    for obj in session.new:
        if isinstance(obj, PracticeOwned | PracticeOrShared) and obj.practice_id is None:
            obj.practice_id = pid
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if isinstance(obj, PracticeOwned | PracticeOrShared) and obj.practice_id != pid:
            raise CrossPracticeWrite(f"{type(obj).__name__} belongs to another practice or is built in")

"""Tenancy in one place: every ORM statement is scoped to the current practice.

Once a request is authenticated, `set_practice()` records the caller's practice on the session.
From then on every SELECT, UPDATE and DELETE the ORM runs gets `practice_id = :current` added for
`PracticeOwned` models (and `practice_id = :current OR practice_id IS NULL` for built-in-or-own
models), and every new row is stamped with the practice — new code cannot forget the filter. A row
of another practice is simply not found, so the API answers 404.

Code that must see across practices (login, the seed, the audit verifier) runs without a practice
set, or passes `execution_options(all_practices=True)`.
"""

from sqlalchemy import event, or_
from sqlalchemy.orm import Session, with_loader_criteria

from .common.models import PracticeOrShared, PracticeOwned

KEY = "practice_id"


class CrossPracticeWrite(RuntimeError):
    pass


def set_practice(session, practice_id: str | None) -> None:
    if practice_id is None:
        session.info.pop(KEY, None)
    else:
        session.info[KEY] = practice_id


def current_practice(session) -> str | None:
    return session.info.get(KEY)


@event.listens_for(Session, "do_orm_execute")
def _scope_to_practice(state):
    pid = state.session.info.get(KEY)
    if pid is None or state.is_column_load or state.execution_options.get("all_practices", False):
        return
    state.statement = state.statement.options(
        with_loader_criteria(PracticeOwned, lambda cls: cls.practice_id == pid, include_aliases=True),
        with_loader_criteria(
            PracticeOrShared,
            lambda cls: or_(cls.practice_id == pid, cls.practice_id.is_(None)),
            include_aliases=True,
        ),
    )


@event.listens_for(Session, "before_flush")
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

""""Is this record still in use?", answered by the packages that hold the references.

A package that deletes a record of `table` asks `uses(table, record_id)`: every package whose rows point at
that table registered an answer with `@answers(table, name)` (in its models.py, so the answer is there
whenever the model is). The referenced package imports nothing of the referencing ones, so the arrows
point down: plans tells exercises which plans use a module. Work that must go with a deleted record (rows
that keep nothing worth keeping) is registered the same way, with `@goes_with(table)`.

The restricting foreign keys stay the backstop: a reference no answer knows of fails the delete's flush
(IntegrityError), which the deleting service turns into the same Conflict.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import IntegrityError

from ..errors import Conflict
from ..extensions import db

_ANSWERS: dict[str, dict[str, Callable[[str], Any]]] = {}
_CLEANUPS: dict[str, list[Callable[[str], None]]] = {}
_REACTIONS: dict[str, list[Callable[..., None]]] = {}


def answers(table: str, name: str):
    """Register `fn(record_id)` as the `name` part of the answer for records of `table`."""

    def register(fn: Callable[[str], Any]) -> Callable[[str], Any]:
        _ANSWERS.setdefault(table, {})[name] = fn
        return fn

    return register


def goes_with(table: str):
    """Register `fn(record_id)` to run (and flush nothing) before a record of `table` is deleted."""

    def register(fn: Callable[[str], None]) -> Callable[[str], None]:
        _CLEANUPS.setdefault(table, []).append(fn)
        return fn

    return register


def uses(table: str, record_id: Any) -> dict[str, Any]:
    """Each registered answer for this record (or these records, where the answers take a list), by name:
    a count, the names of what uses it, or the ids that are in use."""
    return {name: fn(record_id) for name, fn in _ANSWERS.get(table, {}).items()}


def answer(table: str, name: str, record_id: Any, default: Any = None) -> Any:
    """One registered answer for this record (e.g. a participant's open alerts), or `default` when no package
    registered it: for a page of the referenced record that shows what refers to it."""
    fn = _ANSWERS.get(table, {}).get(name)
    return default if fn is None else fn(record_id)


def reacts_to(change: str):
    """Register `fn(**details)` to run when a package announces `change` (e.g. "group.facilitators_left"):
    the referencing package keeps its rows valid without the referenced one importing it."""

    def register(fn: Callable[..., None]) -> Callable[..., None]:
        _REACTIONS.setdefault(change, []).append(fn)
        return fn

    return register


def announce(change: str, **details: Any) -> None:
    """Run every reaction registered for `change`, in the caller's transaction."""
    for fn in _REACTIONS.get(change, []):
        fn(**details)


def clear_before_delete(table: str, record_id: str) -> None:
    for fn in _CLEANUPS.get(table, []):
        fn(record_id)


def flush_delete(message: str) -> None:
    """Flush a delete; a restricting foreign key that still holds a reference answers Conflict(message)."""
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(message) from None

"""Practice data versions (issue 21): a counter on each practice that every committed change to its records
moves, in the transaction of the change, so that it commits or rolls back with it.

toolkit/read_cache.py keys cached GET answers by the version the request read while authenticating (the
same query that loads the login). After a change, the next request reads the new version and misses: a
cached answer is never served for data that has changed since it was built.

What moves it:
* an ORM flush that inserts, changes or deletes a row: the row's practice; a built-in row (no practice,
  such as the seed's modules) moves every practice; a row that names no practice (a plan item, a group
  member) moves the session's practice, or every practice when none is set;
* an INSERT, UPDATE or DELETE statement run through the session (`session.execute(update(...))`): the
  session's practice, or every practice when none is set;
* code that writes on a connection of its own (an import) calls `bump_on()` itself; a restore moves every
  version by a random leap, so that a server still running on the old data cannot meet its versions again.

Tables whose rows no cached answer shows are left out: the audit trail and its anchors (the queue's worker
appends read events all day long), logins, idempotency keys, rendered agendas, and webhook deliveries and
their attempts (the worker's, all day long; only the admin's delivery log shows them, never cached).

tests/conftest.py holds every statement the test suite runs to this: a transaction that writes any other
table and commits without moving a version fails the test that ran it.
"""

from itertools import chain

from sqlalchemy import column, event, table, update
from sqlalchemy.orm import Session

from .tenancy import KEY

UNVERSIONED = frozenset({"audit_events", "audit_anchors", "login_sessions", "account_tokens", "idempotency_keys",
                         "agenda_renders", "alembic_version", "webhook_deliveries", "webhook_attempts"})
PENDING = "data_version_pending"
MOVED = "data_version_moved"  # practices whose version this transaction has moved already
EVERY = "*"
PRACTICES = table("practices", column("id"), column("data_version"))


def bump_statement(practice_ids, by: int = 1):
    """UPDATE practices SET data_version = data_version + by for these practices (EVERY among them: all)."""
    stmt = update(PRACTICES).values(data_version=PRACTICES.c.data_version + by)
    ids = set(practice_ids)
    if EVERY not in ids:
        stmt = stmt.where(PRACTICES.c.id.in_(sorted(ids)))
    return stmt


def bump_on(connection, practice_ids, by: int = 1) -> None:
    """Move the versions on a connection of the caller's (imports, maintenance): in its transaction."""
    connection.execute(bump_statement(practice_ids, by))


def version_moved(session, practice_id: str) -> None:
    """Say that this transaction has moved `practice_id`'s version itself (the audit chain's lock does, for
    a write): once per transaction is enough, since the version is seen only when it commits."""
    session.info.setdefault(MOVED, set()).add(practice_id)


def _practice_of(session: Session, obj) -> str:
    if obj.__table__.name == "practices":
        return obj.id
    if hasattr(obj, "practice_id"):
        return obj.practice_id or EVERY  # no practice on a row that can have one: a built-in
    return session.info.get(KEY) or EVERY


def _mark(session: Session, practice_id: str) -> None:
    session.info.setdefault(PENDING, set()).add(practice_id)


@event.listens_for(Session, "after_flush")
def _note_flushed(session, flush_context):
    """The flushed rows' practices (the lists still show what this flush wrote)."""
    changed = [obj for obj in session.dirty if session.is_modified(obj, include_collections=False)]
    for obj in chain(session.new, session.deleted, changed):
        if obj.__table__.name not in UNVERSIONED:
            _mark(session, _practice_of(session, obj))


@event.listens_for(Session, "do_orm_execute")
def _note_statement(state):
    """INSERT, UPDATE and DELETE statements run through the session (not the ORM's flush)."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    target = getattr(state.statement, "table", None)
    if getattr(target, "name", None) in UNVERSIONED:
        return
    _mark(state.session, state.session.info.get(KEY) or EVERY)


@event.listens_for(Session, "before_commit")
def _bump_pending(session):
    """Flush what is left, then move the versions of every practice this transaction wrote."""
    session.flush()
    pending = session.info.pop(PENDING, set()) - session.info.pop(MOVED, set())
    if pending:
        bump_on(session.connection(), pending)  # Core, on the transaction's connection


@event.listens_for(Session, "after_soft_rollback")
def _forget_pending(session, previous_transaction):
    session.info.pop(MOVED, None)  # a rolled-back savepoint may have held the move: move it again at commit
    if previous_transaction.parent is None:  # the outermost transaction: its writes are gone
        session.info.pop(PENDING, None)

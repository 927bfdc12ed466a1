"""Query helpers every list uses: a page of a select, a literal "contains" filter, a stable sort."""

from typing import Any, cast

from sqlalchemy import CursorResult, column, func, select, table, update
from sqlalchemy.exc import IntegrityError

from ..errors import Conflict
from ..extensions import db


def paginate(stmt, pagination_parameters, *, unique: bool = False):
    """Apply flask-smorest's page/page_size to a select; sets the total for X-Pagination."""
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    pagination_parameters.item_count = total
    page, size = pagination_parameters.page, pagination_parameters.page_size
    offset = (page - 1) * size
    if offset >= total:  # past the end; a huge page would also overflow the database's integer (a 500)
        return []
    result = db.session.scalars(stmt.limit(size).offset(offset))
    return list(result.unique() if unique else result)


def page_of(items: list, pagination_parameters) -> list:
    """A page of a list a rule computed (not one SELECT): the same page/page_size and X-Pagination."""
    pagination_parameters.item_count = len(items)
    start = (pagination_parameters.page - 1) * pagination_parameters.page_size
    return items[start:start + pagination_parameters.page_size]


def contains(column, text: str):
    """A case-insensitive "contains" filter where `%`, `_` and `\\` in the search text are literal."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def sorted_by(stmt, model, sort: str):
    """Order by a `sort` query value ("name", "-name" for descending), then by id so pages are stable.
    The schema limits `sort` to the model's sortable columns."""
    column = getattr(model, sort.lstrip("-"))
    return stmt.order_by(column.desc() if sort.startswith("-") else column, model.id)


def rowcount(result) -> int:
    """The rows an UPDATE or DELETE matched (Session.execute is typed as returning a plain Result)."""
    return cast("CursorResult[Any]", result).rowcount


def flush_delete(message: str) -> None:
    """Flush a delete; a restricting foreign key that still holds a reference answers Conflict(message)."""
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(message) from None


_PRACTICES = table("practices", column("id"), column("name"))


def lock_practice(practice_id: str) -> None:
    """Serialise the writers of one practice until the transaction ends (event cursors, like the audit chain):
    FOR NO KEY UPDATE on its row on PostgreSQL (no conflict with the KEY SHARE lock an insert referencing the
    practice holds); on SQLite a no-op write takes the database's write lock before anything is read."""
    conn = db.session.connection()
    if conn.dialect.name == "sqlite":
        conn.execute(update(_PRACTICES).where(_PRACTICES.c.id == practice_id).values(name=_PRACTICES.c.name))
    else:
        conn.execute(select(_PRACTICES.c.id).where(_PRACTICES.c.id == practice_id).with_for_update(key_share=True))

"""Column types and mixins shared by every model."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, String, TypeDecorator
from sqlalchemy.orm import Mapped, declared_attr, mapped_column


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timezone-aware datetime stored as UTC on every database (SQLite keeps no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; attach a time zone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class IdMixin:
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, nullable=False)


class PracticeOwned:
    """Rows of one practice. Every ORM query is scoped to the caller's practice (see tenancy.py)."""

    @declared_attr
    def practice_id(cls) -> Mapped[str]:
        return mapped_column(String(36), ForeignKey("practices.id", ondelete="CASCADE"), nullable=False, index=True)


class PracticeOrShared:
    """Rows that are either built-in (practice_id NULL, visible to all) or one practice's own."""

    @declared_attr
    def practice_id(cls) -> Mapped[str | None]:
        return mapped_column(String(36), ForeignKey("practices.id", ondelete="CASCADE"), nullable=True, index=True)

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint, column, table
from sqlalchemy.orm import Mapped, mapped_column

from ..common.models import IdMixin, PracticeOwned, UTCDateTime, utcnow
from ..extensions import Model

# The tenant table, by name: each chain is one practice's (locked and listed by its row), and the audit trail
# stands below the accounts package that maps the table (auth records its logins here).
PRACTICES = table("practices", column("id"))


class AuditEvent(IdMixin, PracticeOwned, Model):
    """Who read or changed which record, when. Append-only; each row's hash covers the previous
    row's hash (a chain per practice), so an edit in the database is found by `flask audit verify`."""

    __tablename__ = "audit_events"
    __table_args__ = (
        UniqueConstraint("practice_id", "seq"),
        Index("ix_audit_events_record", "record_type", "record_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    actor_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("therapists.id"), index=True)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    record_type: Mapped[str] = mapped_column(String(40), nullable=False)
    record_id: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(10), nullable=False, default="ok")
    request_id: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False, index=True)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)


class AuditAnchor(Model):
    """The head of each practice's audit chain (last seq and hash), kept outside the audited table and
    sealed with AUDIT_KEY: `flask audit verify` compares every chain with its anchor, so deleting the
    newest events or a whole trail is found. Updated in the same transaction as each appended event."""

    __tablename__ = "audit_anchors"

    practice_id: Mapped[str] = mapped_column(String(36), ForeignKey("practices.id", ondelete="CASCADE"),
                                             primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
    mac: Mapped[str] = mapped_column(String(64), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)

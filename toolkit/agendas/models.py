from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..common.models import IdMixin, PracticeOwned, TimestampMixin, UTCDateTime, utcnow
from ..extensions import Model


class AgendaRender(Model):
    """A render job and its result (a PDF, or another kind's file), keyed by the practice and the data's ETag:
    the same data gives the same key, so a finished render answers every later GET at once on every
    instance. It is also the fair render queue: workers claim `queued` rows round-robin across practices
    (agendas/fairqueue.py). A cache, not a record: rows older than `AGENDA_CACHE_HOURS` are pruned."""

    __tablename__ = "agenda_renders"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    practice_id: Mapped[str] = mapped_column(String(36), ForeignKey("practices.id", ondelete="CASCADE"),
                                             nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(10), nullable=False, index=True)  # queued, rendering, ready, failed
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="pdf", server_default="pdf")
    source: Mapped[str | None] = mapped_column(Text)  # the input (HTML) until the render finishes
    params: Mapped[dict | None] = mapped_column(JSON)  # ids and options only, for kinds built in the worker
    pages: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")  # estimated
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    claimed_by: Mapped[str | None] = mapped_column(String(80))  # host:pid of the consumer laying it out
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    render_ms: Mapped[int | None] = mapped_column(Integer)  # how long the layout took (for honest estimates)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
    reason: Mapped[str | None] = mapped_column(String(10))  # why it failed: time, memory, size, crash
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CalendarFeed(IdMixin, TimestampMixin, PracticeOwned, Model):
    """A group's calendar subscription: its sessions as one iCalendar URL with a secret token. Only the token's
    SHA-256 is stored (the token is shown once, when made); making a new one replaces it (rotation), deleting
    the row revokes it."""

    __tablename__ = "calendar_feeds"

    group_id: Mapped[str] = mapped_column(String(36), ForeignKey("groups.id", ondelete="CASCADE"), nullable=False,
                                          unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("therapists.id", ondelete="SET NULL"),
                                                   index=True)


class MemberCalendarFeed(IdMixin, TimestampMixin, PracticeOwned, Model):
    """One member's own calendar subscription to a group's sessions (issue 31): a secret token per member, so
    a member who leaves the group stops seeing times and place (the feed answers only while the membership
    is open, and the row is deleted when they leave). Only the token's SHA-256 is stored."""

    __tablename__ = "member_calendar_feeds"
    __table_args__ = (UniqueConstraint("group_id", "participant_id", name="uq_member_calendar_feeds_member"),)

    group_id: Mapped[str] = mapped_column(String(36), ForeignKey("groups.id", ondelete="CASCADE"), nullable=False,
                                          index=True)
    participant_id: Mapped[str] = mapped_column(String(36), ForeignKey("participants.id", ondelete="CASCADE"),
                                                nullable=False, index=True)
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("therapists.id", ondelete="SET NULL"),
                                                   index=True)


class CancelledSession(IdMixin, PracticeOwned, Model):
    """The trace a deleted session leaves (a tombstone): calendars that imported or subscribed to it are told
    it is cancelled (STATUS:CANCELLED with the same UID and a higher SEQUENCE) instead of it silently vanishing.
    The plan is gone, so this keeps only what its calendar event showed."""

    __tablename__ = "cancelled_sessions"

    group_id: Mapped[str] = mapped_column(String(36), ForeignKey("groups.id", ondelete="CASCADE"), nullable=False,
                                          index=True)
    plan_id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    cancelled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)

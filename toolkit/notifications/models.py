from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column

from ..common.models import IdMixin, PracticeOwned, UTCDateTime, utcnow
from ..extensions import Model


class OutboxMessage(IdMixin, PracticeOwned, Model):
    """One email: written in the transaction of its cause, sent later by the background worker (`queued` ->
    `sent`, or `failed` after its retries), or `kept` here for admins when the deployment has no SMTP_URL.
    `dedupe_key` names the cause and the recipient, so one cause never mails one person twice. A message with
    a one-time link (`secret`) is shown to admins without its body and link, and forgets them once sent."""

    __tablename__ = "outbox_messages"
    __table_args__ = (
        Index("ix_outbox_messages_practice_created", "practice_id", "created_at"),
        Index("ix_outbox_messages_due", "status", "next_attempt_at"),
    )

    therapist_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("therapists.id", ondelete="SET NULL"),
                                                     index=True)
    to_address: Mapped[str] = mapped_column(String(320), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    subject: Mapped[str] = mapped_column(String(300), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    link: Mapped[str | None] = mapped_column(String(2000))
    secret: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    dedupe_key: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    # Two workers that claim the same message: the second one's UPDATE finds a newer version and gives up.
    __mapper_args__ = {"version_id_col": version}


class NotificationPreference(IdMixin, PracticeOwned, Model):
    """A therapist's choice of what emails them (no row: every alert kind and the weekly digest)."""

    __tablename__ = "notification_preferences"

    therapist_id: Mapped[str] = mapped_column(String(36), ForeignKey("therapists.id", ondelete="CASCADE"),
                                              nullable=False, unique=True)
    alert_kinds: Mapped[list] = mapped_column(JSON, nullable=False)
    weekly_digest: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, server_default=sa_true())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, nullable=False)

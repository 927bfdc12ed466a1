from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from ..common.models import IdMixin, PracticeOwned, UTCDateTime, utcnow
from ..extensions import Model


class Invitation(IdMixin, PracticeOwned, Model):
    """A participant's secure link for one purpose (`intake`, `rescreen`, `agreement`). Only the SHA-256 of its
    256-bit secret is stored. The answers given so far are kept on it (the same link resumes) until the form is
    sent, when the screening (or the signature) is made and the link shows only a thank-you. Its status is
    derived from the moments below (rules.status)."""

    __tablename__ = "invitations"
    __table_args__ = (Index("ix_invitations_practice_participant", "practice_id", "participant_id", "created_at"),)

    participant_id: Mapped[str] = mapped_column(String(36), ForeignKey("participants.id", ondelete="CASCADE"),
                                                nullable=False, index=True)
    purpose: Mapped[str] = mapped_column(String(12), nullable=False)
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    # The therapist who made it; NULL when the server invited by itself (scheduled measures).
    created_by_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("therapists.id", ondelete="SET NULL"),
                                                      index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_reason: Mapped[str | None] = mapped_column(String(20))  # revoked, superseded
    emailed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # The answers so far (item id -> value) and the declined items: a draft, until the form is sent.
    answers: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    declined: Mapped[list] = mapped_column(JSON, nullable=False, default=list, server_default=text("'[]'"))
    started: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    crisis_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the first positive critical answer
    screening_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("screenings.id", ondelete="SET NULL"),
                                                     index=True)
    # Scheduled measures: the session it was sent for, and the one reminder.
    scheduled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    plan_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("session_plans.id", ondelete="SET NULL"),
                                                index=True)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import Therapist
from ..common.models import IdMixin, PracticeOwned, TimestampMixin, UTCDateTime, utcnow
from ..extensions import Model


class ProgressReview(IdMixin, PracticeOwned, Model):
    """A clinical lead's review of a reliable deterioration, with the written reason. Append-only; it counts
    only while no newer screening exists (a later deterioration is enforced again)."""

    __tablename__ = "progress_reviews"
    __table_args__ = (Index("ix_progress_reviews_participant_at", "participant_id", "at"),)

    participant_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("participants.id", ondelete="RESTRICT"), nullable=False
    )
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    # The newest screening when the review was recorded (what was reviewed).
    screening_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("screenings.id", ondelete="SET NULL"),
                                                     index=True)
    by_id: Mapped[str] = mapped_column(String(36), ForeignKey("therapists.id"), nullable=False, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)

    by: Mapped[Therapist] = relationship(lazy="joined", foreign_keys=[by_id])


class RescreenRhythm(TimestampMixin, PracticeOwned, Model):
    """A practice's re-screen rhythm, set by an admin: every N sessions of a series and/or every N days."""

    __tablename__ = "rescreen_rhythms"
    __table_args__ = (UniqueConstraint("practice_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    every_sessions: Mapped[int | None] = mapped_column(Integer)
    every_days: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")  # the rhythm's ETag

    __mapper_args__ = {"version_id_col": version}

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import Therapist
from ..common.models import IdMixin, PracticeOwned, UTCDateTime, utcnow
from ..extensions import db


class Screening(IdMixin, PracticeOwned, db.Model):
    """An intake screening. Immutable once written: an override is a row of its own."""

    __tablename__ = "screenings"
    __table_args__ = (Index("ix_screenings_participant_screened", "participant_id", "screened_at"),)

    participant_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("participants.id", ondelete="RESTRICT"), nullable=False
    )
    form_version: Mapped[str] = mapped_column(String(40), nullable=False)
    answers: Mapped[dict] = mapped_column(JSON, nullable=False)
    scores: Mapped[dict] = mapped_column(JSON, nullable=False)
    flags: Mapped[list] = mapped_column(JSON, nullable=False)
    # Findings shown to the clinician that do not change the outcome (e.g. a positive alcohol screen).
    findings: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    computed_outcome: Mapped[str] = mapped_column(String(10), nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)
    screened_by_id: Mapped[str] = mapped_column(String(36), ForeignKey("therapists.id"), nullable=False,
                                                index=True)
    screened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    overrides: Mapped[list["ScreeningOverride"]] = relationship(
        order_by="ScreeningOverride.at", lazy="selectin", viewonly=True
    )
    screened_by: Mapped[Therapist] = relationship(lazy="joined", foreign_keys=[screened_by_id])

    @property
    def current_override(self):
        return self.overrides[-1] if self.overrides else None

    @property
    def outcome(self) -> str:
        override = self.current_override
        return override.outcome if override else self.computed_outcome


class ScreeningOverride(IdMixin, PracticeOwned, db.Model):
    """A clinician's override of a screening's outcome, with the written reason. Append-only."""

    __tablename__ = "screening_overrides"

    screening_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("screenings.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    outcome: Mapped[str] = mapped_column(String(10), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    by_id: Mapped[str] = mapped_column(String(36), ForeignKey("therapists.id"), nullable=False, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)

    by: Mapped[Therapist] = relationship(lazy="joined", foreign_keys=[by_id])

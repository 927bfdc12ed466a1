from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Text, false, func, select, text, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import Therapist
from ..common.models import IdMixin, PracticeOwned, UTCDateTime, utcnow
from ..extensions import Model, db
from ..signals import participant_uses


class Screening(IdMixin, PracticeOwned, Model):
    """An intake screening. Immutable once written: an override is a row of its own."""

    __tablename__ = "screenings"
    # The second serves every tenant-scoped lookup of a member's newest screening (tenancy adds practice_id):
    # it matches both equalities, so PostgreSQL picks it with or without statistics (issue 21).
    __table_args__ = (Index("ix_screenings_participant_screened", "participant_id", "screened_at"),
                      Index("ix_screenings_practice_participant_screened", "practice_id", "participant_id",
                            "screened_at"))

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
    # "form" (the intake form), "clinician_assessment" (a clinical lead's outcome and reason, no answers) or
    # "self_report" (the intake form sent by the participant from their own page).
    method: Mapped[str] = mapped_column(String(30), nullable=False, default="form", server_default="form")
    # False when instruments were left unanswered (stopped at a crisis, or items declined).
    complete: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, server_default=true())
    declined: Mapped[list] = mapped_column(JSON, nullable=False, default=list, server_default=text("'[]'"))
    # Taken while the participant was held after a `defer` with no crisis review recorded since.
    crisis_hold: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    # A clinician assessment's written reason.
    reason: Mapped[str | None] = mapped_column(Text)
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


class ScreeningOverride(IdMixin, PracticeOwned, Model):
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


class CrisisReview(IdMixin, PracticeOwned, Model):
    """A clinical lead's review of the person's latest crisis screening (`screening_id`): the risk level, the
    current safety plan, the follow-up. Unless the risk is high, a screening free of crisis taken 24 hours or
    more after it lifts the hold. Reviews written before version 3 have only `safety_plan_in_place`."""

    __tablename__ = "crisis_reviews"
    __table_args__ = (Index("ix_crisis_reviews_participant_at", "participant_id", "at"),)

    participant_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("participants.id", ondelete="RESTRICT"), nullable=False
    )
    summary: Mapped[str] = mapped_column(Text, nullable=False)
    # The crisis screening reviewed, the risk level and the safety plan (None on reviews before version 3).
    screening_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("screenings.id", ondelete="RESTRICT"),
                                                     index=True)
    risk_level: Mapped[str | None] = mapped_column(String(10))
    safety_plan_id: Mapped[str | None] = mapped_column(String(36))
    safety_plan_in_place: Mapped[bool] = mapped_column(Boolean, nullable=False)
    follow_up_on: Mapped[date] = mapped_column(Date, nullable=False)
    by_id: Mapped[str] = mapped_column(String(36), ForeignKey("therapists.id"), nullable=False, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)

    by: Mapped[Therapist] = relationship(lazy="joined", foreign_keys=[by_id])


@participant_uses.connect
def screenings_of(_sender, *, participant_id: str) -> tuple[str, int]:
    return "screenings", db.session.scalar(select(func.count()).select_from(Screening)
                                           .where(Screening.participant_id == participant_id)) or 0

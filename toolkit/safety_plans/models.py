from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, UniqueConstraint, func, select, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import Therapist
from ..common.models import IdMixin, PracticeOwned, UTCDateTime, utcnow
from ..extensions import Model, db
from ..signals import participant_uses


class SafetyPlan(IdMixin, PracticeOwned, Model):
    """One version of a participant's safety plan (Stanley-Brown): the person's own words, section by section.
    PHI: every read and write is audited, no text of it is ever logged. A plan is never edited: a new version
    supersedes the current one (at most one `current` per person, held by a partial unique index)."""

    __tablename__ = "safety_plans"
    __table_args__ = (
        UniqueConstraint("participant_id", "version"),
        Index("uq_safety_plans_current", "participant_id", unique=True,
              postgresql_where=text("status = 'current'"), sqlite_where=text("status = 'current'")),
    )

    participant_id: Mapped[str] = mapped_column(String(36), ForeignKey("participants.id", ondelete="RESTRICT"),
                                                nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="current")
    supersedes_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("safety_plans.id"), index=True)
    # Lists of short texts, or of people {name, contact}: see rules.SECTIONS.
    warning_signs: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    internal_coping: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    social_contacts: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    people_to_ask: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    professionals: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    environment_safety: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    reasons_for_living: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    created_by_id: Mapped[str] = mapped_column(String(36), ForeignKey("therapists.id"), nullable=False, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)

    created_by: Mapped[Therapist] = relationship(lazy="joined")


@participant_uses.connect
def safety_plans_of(_sender, *, participant_id: str) -> tuple[str, int]:
    return "safety_plans", db.session.scalar(select(func.count()).select_from(SafetyPlan)
                                             .where(SafetyPlan.participant_id == participant_id)) or 0

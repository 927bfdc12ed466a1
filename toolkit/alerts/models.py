from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import Therapist
from ..common.models import IdMixin, PracticeOwned, UTCDateTime, utcnow
from ..extensions import Model, db
from ..signals import participant_uses


class Alert(IdMixin, PracticeOwned, Model):
    """Something the team must see between sessions, raised by the server only (never by a request body).

    One per cause: `cause_key` is unique per practice (e.g. `crisis:screening:<id>`), and raising inserts with
    ON CONFLICT DO NOTHING, so two requests or two workers raising the same cause make one row. Acknowledged and
    resolved with who and when; a crisis or deterioration alert is resolved by a clinical lead with a reason."""

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("practice_id", "cause_key", name="uq_alerts_practice_cause"),
                      Index("ix_alerts_practice_raised", "practice_id", "raised_at"),
                      Index("ix_alerts_participant_status", "participant_id", "status"))

    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    participant_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("participants.id", ondelete="RESTRICT"))
    # The record that raised it: a screening, a crisis review, a session note, a plan, an invitation, a webhook.
    source_type: Mapped[str] = mapped_column(String(40), nullable=False)
    source_id: Mapped[str] = mapped_column(String(36), nullable=False)
    cause_key: Mapped[str] = mapped_column(String(200), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="open")
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    acknowledged_by_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("therapists.id"), index=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("therapists.id"), index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution_reason: Mapped[str | None] = mapped_column(Text)

    acknowledged_by: Mapped[Therapist | None] = relationship(lazy="joined", foreign_keys=[acknowledged_by_id])
    resolved_by: Mapped[Therapist | None] = relationship(lazy="joined", foreign_keys=[resolved_by_id])


@participant_uses.connect
def alerts_of(_sender, *, participant_id: str) -> tuple[str, int]:
    """Alerts about this participant (they keep a participant with alerts from being deleted)."""
    return "alerts", db.session.scalar(select(func.count()).select_from(Alert)
                                       .where(Alert.participant_id == participant_id)) or 0

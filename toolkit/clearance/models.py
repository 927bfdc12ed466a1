from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..common.models import PracticeOwned, UTCDateTime, utcnow
from ..extensions import Model


class PersonState(PracticeOwned, Model):
    """What a person's whole history says for clearance (clearance.rules.PersonState), written in the same
    transaction as the screening, override, crisis review, progress review or membership that changed it
    (clearance/state.py), so a clearance reads one row per member instead of every history."""

    __tablename__ = "person_states"

    participant_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True)
    hold: Mapped[bool] = mapped_column(Boolean, nullable=False)
    crisis: Mapped[dict | None] = mapped_column(JSON)
    deterioration: Mapped[list] = mapped_column(JSON, nullable=False)
    progress_notes: Mapped[list] = mapped_column(JSON, nullable=False)
    overall: Mapped[str | None] = mapped_column(String(20))
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)

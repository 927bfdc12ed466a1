from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..common.models import IdMixin, PracticeOwned, TimestampMixin, UTCDateTime
from ..extensions import Model


class Participant(IdMixin, TimestampMixin, PracticeOwned, Model):
    """A client. Everything here is clinical data (PHI): never logged, audited on read and write."""

    __tablename__ = "participants"

    __table_args__ = (Index("ix_participants_practice_created", "practice_id", "created_at"),)

    display_name: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    sex_at_birth: Mapped[str | None] = mapped_column(String(20))
    contact: Mapped[str | None] = mapped_column(Text)
    emergency_contact: Mapped[str | None] = mapped_column(Text)
    dietary_notes: Mapped[str | None] = mapped_column(Text)
    consent_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}

    @property
    def archived(self) -> bool:
        return self.archived_at is not None

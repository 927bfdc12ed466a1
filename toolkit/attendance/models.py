from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column

from ..common.models import IdMixin, PracticeOwned, UTCDateTime, utcnow
from ..extensions import Model, db
from ..signals import participant_uses, plan_uses


class AttendanceRecord(IdMixin, PracticeOwned, Model):
    """One member's attendance at one session. The sheet of a plan is replaced as a whole (one transaction);
    its version is the plan's `attendance_version`."""

    __tablename__ = "attendance_records"
    __table_args__ = (UniqueConstraint("plan_id", "participant_id"),
                      Index("ix_attendance_records_participant", "participant_id"))

    plan_id: Mapped[str] = mapped_column(String(36), ForeignKey("session_plans.id", ondelete="RESTRICT"),
                                         nullable=False)
    participant_id: Mapped[str] = mapped_column(String(36), ForeignKey("participants.id", ondelete="RESTRICT"),
                                                nullable=False)
    status: Mapped[str] = mapped_column(String(30), nullable=False)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[str] = mapped_column(String(36), ForeignKey("therapists.id"), nullable=False,
                                                index=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


@participant_uses.connect
def attendance_of(_sender, *, participant_id: str) -> tuple[str, int]:
    return "attendance", db.session.scalar(select(func.count()).select_from(AttendanceRecord)
                                           .where(AttendanceRecord.participant_id == participant_id)) or 0


@plan_uses.connect
def plans_with_attendance(_sender, *, plan_ids: list[str]) -> tuple[str, set[str]]:
    """Of these sessions, the ones with attendance recorded."""
    return "attendance", set(db.session.scalars(select(AttendanceRecord.plan_id)
                                                .where(AttendanceRecord.plan_id.in_(plan_ids))))

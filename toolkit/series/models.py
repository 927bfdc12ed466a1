from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..common.models import IdMixin, PracticeOwned, TimestampMixin, UTCDateTime
from ..extensions import Model


class Series(IdMixin, TimestampMixin, PracticeOwned, Model):
    """A programme of weekly (or every-N-weeks) sessions of one group, cloned from a template. The sessions
    are ordinary plans with `series_id` and `session_number`; the rule is written by the server."""

    __tablename__ = "series"
    __table_args__ = (Index("ix_series_practice_created", "practice_id", "created_at"),)

    group_id: Mapped[str] = mapped_column(String(36), ForeignKey("groups.id", ondelete="RESTRICT"), nullable=False,
                                          index=True)
    template_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("session_plans.id", ondelete="SET NULL",
                                                                                use_alter=True),
                                                     index=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    first_starts_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    timezone: Mapped[str] = mapped_column(String(64), nullable=False)
    count: Mapped[int] = mapped_column(Integer, nullable=False)
    every_weeks: Mapped[int] = mapped_column(Integer, nullable=False)
    skip_dates: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    rrule: Mapped[str] = mapped_column(Text, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}

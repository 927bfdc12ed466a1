from collections.abc import Collection
from datetime import UTC, datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..common.models import IdMixin, PracticeOwned, TimestampMixin, UTCDateTime
from ..exercises.models import ExerciseModule
from ..extensions import Model, db
from ..groups.models import Group
from ..signals import group_facilitators_changed, group_uses, module_uses


class SessionPlan(IdMixin, TimestampMixin, PracticeOwned, Model):
    """An ordered list of items with a start time; a template when it has no group."""

    __tablename__ = "session_plans"
    __table_args__ = (
        Index("ix_session_plans_group_starts", "group_id", "starts_at"),
        Index("ix_session_plans_practice_created", "practice_id", "created_at"),
        Index("ix_session_plans_practice_title", "practice_id", "title"),
    )

    group_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("groups.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    # None only for a template: it gets its time when cloned into a group or a series.
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    # The offset the client gave, so times come back as they were entered (e.g. +02:00).
    utc_offset_minutes: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    target_minutes: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="draft")
    notes: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    series_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("series.id", ondelete="SET NULL"),
                                                  index=True)
    session_number: Mapped[int | None] = mapped_column(Integer)
    # The attendance sheet's version: one conditional UPDATE per write, so two editors cannot both win.
    attendance_version: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")

    group: Mapped[Group | None] = relationship(lazy="joined")
    items: Mapped[list["PlanItem"]] = relationship(
        back_populates="plan", order_by="PlanItem.position", cascade="all, delete-orphan", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}


class PlanItem(IdMixin, Model):
    __tablename__ = "plan_items"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    plan_id: Mapped[str] = mapped_column(String(36), ForeignKey("session_plans.id", ondelete="CASCADE"),
                                         nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    module_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("exercise_modules.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str | None] = mapped_column(String(200))
    minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)
    # The facilitator leading this item: one of the plan's group's facilitators (cleared when they leave it).
    lead_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("therapists.id", ondelete="SET NULL"),
                                                index=True)

    plan: Mapped[SessionPlan] = relationship(back_populates="items")
    module: Mapped[ExerciseModule | None] = relationship(lazy="selectin")


@module_uses.connect
def plans_using_module(_sender, *, module_id: str) -> tuple[str, list[str]]:
    """The plans (at most 20) that use a module, as "title (id)"."""
    rows = db.session.execute(
        select(SessionPlan.id, SessionPlan.title).join(PlanItem, PlanItem.plan_id == SessionPlan.id)
        .where(PlanItem.module_id == module_id).distinct().limit(20)
    ).all()
    return "plans", [f"{row.title} ({row.id})" for row in rows]


@group_uses.connect
def plans_of_group(_sender, *, group_id: str) -> tuple[str, int]:
    return "plans", db.session.scalar(select(func.count()).select_from(SessionPlan)
                                      .where(SessionPlan.group_id == group_id)) or 0


@group_facilitators_changed.connect
def release_leads(_sender, *, group_id: str, keep: Collection[str]) -> None:
    """A facilitator left the group: the items they led in its plans lose their lead (and those plans move
    on a version)."""
    stmt = (select(PlanItem).join(SessionPlan, SessionPlan.id == PlanItem.plan_id)
            .where(SessionPlan.group_id == group_id, PlanItem.lead_id.is_not(None)))
    if keep:
        stmt = stmt.where(PlanItem.lead_id.not_in(list(keep)))
    items = list(db.session.scalars(stmt))
    now = datetime.now(UTC)
    for item in items:
        item.lead_id = None
        item.plan.updated_at = now  # the plan changed: its version (and ETag) moves on flush

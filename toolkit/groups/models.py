from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    delete,
    false,
    func,
    select,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import Therapist
from ..common.models import IdMixin, PracticeOwned, TimestampMixin, UTCDateTime, utcnow
from ..extensions import Model, db
from ..participants.models import Participant
from ..signals import participant_deleting, participant_uses

group_facilitators = Table(
    "group_facilitators",
    Model.metadata,
    Column("group_id", String(36), ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True),
    Column("therapist_id", String(36), ForeignKey("therapists.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class Group(IdMixin, TimestampMixin, PracticeOwned, Model):
    __tablename__ = "groups"

    __table_args__ = (
        Index("ix_groups_practice_name", "practice_id", "name"),
        Index("ix_groups_practice_starts_on", "practice_id", "starts_on"),
        Index("ix_groups_practice_created", "practice_id", "created_at"),
    )

    kind: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    capacity: Mapped[int | None] = mapped_column(Integer)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64), nullable=False, default="UTC")
    location: Mapped[str | None] = mapped_column(String(300))
    # Whom to call in an emergency where the group meets (a retreat abroad has its own number); falls back to
    # the practice's (issue 31).
    emergency_contact: Mapped[str | None] = mapped_column(String(500))
    # A closed group takes no new members after it starts (a programme that builds on itself).
    closed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    # Kept by one conditional UPDATE per enrolment, so the kind/capacity limit holds under concurrency.
    member_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    facilitators: Mapped[list[Therapist]] = relationship(secondary=group_facilitators, lazy="selectin",
                                                         order_by=Therapist.name)

    __mapper_args__ = {"version_id_col": version}


class GroupMember(Model):
    """One membership period: from joined_on up to left_on (exclusive; None while current). Ending it keeps
    the row, so past rosters and attendance stay true; a person may join again later (a new period)."""

    __tablename__ = "group_members"
    __table_args__ = (
        Index("ix_group_members_group_period", "group_id", "joined_on"),
        Index("uq_group_members_current", "group_id", "participant_id", unique=True,
              postgresql_where=text("left_on IS NULL"), sqlite_where=text("left_on IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(String(36), ForeignKey("groups.id", ondelete="CASCADE"), nullable=False)
    participant_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("participants.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    joined_on: Mapped[date] = mapped_column(Date, nullable=False)
    left_on: Mapped[date | None] = mapped_column(Date)

    participant: Mapped[Participant] = relationship(lazy="joined")


@participant_uses.connect
def current_memberships_of(_sender, *, participant_id: str) -> tuple[str, int]:
    return "memberships", db.session.scalar(select(func.count()).select_from(GroupMember).where(
        GroupMember.participant_id == participant_id, GroupMember.left_on.is_(None))) or 0


@participant_deleting.connect
def drop_ended_memberships(_sender, *, participant_id: str) -> None:
    """Ended memberships with nothing recorded go with the person (a current one refuses the delete)."""
    db.session.execute(delete(GroupMember).where(GroupMember.participant_id == participant_id))

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import Therapist
from ..common.models import IdMixin, PracticeOwned, TimestampMixin, UTCDateTime, utcnow
from ..extensions import Model, db
from ..signals import participant_uses, plan_uses


class SessionNote(IdMixin, TimestampMixin, PracticeOwned, Model):
    """The note of one session: a shared part and one entry per member. PHI: every read and write is audited,
    and no text of it is ever logged. Signed notes are locked; later words go into addenda."""

    __tablename__ = "session_notes"
    __table_args__ = (UniqueConstraint("plan_id"),)

    plan_id: Mapped[str] = mapped_column(String(36), ForeignKey("session_plans.id", ondelete="RESTRICT"),
                                         nullable=False)
    shared: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="draft")
    author_id: Mapped[str] = mapped_column(String(36), ForeignKey("therapists.id"), nullable=False, index=True)
    signed_by_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("therapists.id"), index=True)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    author: Mapped[Therapist] = relationship(foreign_keys=[author_id], lazy="joined")
    signed_by: Mapped[Therapist | None] = relationship(foreign_keys=[signed_by_id], lazy="joined")
    entries: Mapped[list["NoteEntry"]] = relationship(order_by="NoteEntry.position", cascade="all, delete-orphan",
                                                      lazy="selectin")
    addenda: Mapped[list["NoteAddendum"]] = relationship(order_by="NoteAddendum.at", cascade="all, delete-orphan",
                                                         lazy="selectin")

    __mapper_args__ = {"version_id_col": version}


class NoteEntry(IdMixin, Model):
    __tablename__ = "note_entries"
    __table_args__ = (UniqueConstraint("note_id", "participant_id"),)

    note_id: Mapped[str] = mapped_column(String(36), ForeignKey("session_notes.id", ondelete="CASCADE"),
                                         nullable=False)
    participant_id: Mapped[str] = mapped_column(String(36), ForeignKey("participants.id", ondelete="RESTRICT"),
                                                nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)


class NoteAddendum(IdMixin, Model):
    __tablename__ = "note_addenda"

    note_id: Mapped[str] = mapped_column(String(36), ForeignKey("session_notes.id", ondelete="CASCADE"),
                                         nullable=False, index=True)
    author_id: Mapped[str] = mapped_column(String(36), ForeignKey("therapists.id"), nullable=False, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)

    author: Mapped[Therapist] = relationship(lazy="joined")


@participant_uses.connect
def note_entries_of(_sender, *, participant_id: str) -> tuple[str, int]:
    return "note_entries", db.session.scalar(select(func.count()).select_from(NoteEntry)
                                             .where(NoteEntry.participant_id == participant_id)) or 0


@plan_uses.connect
def plans_with_a_note(_sender, *, plan_ids: list[str]) -> tuple[str, set[str]]:
    """Of these sessions, the ones with a session note."""
    return "note", set(db.session.scalars(select(SessionNote.plan_id).where(SessionNote.plan_id.in_(plan_ids))))

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..common.models import IdMixin, PracticeOwned, UTCDateTime, utcnow
from ..extensions import Model


class Agreement(IdMixin, PracticeOwned, Model):
    """One version of a practice's group agreement (confidentiality inside the group, what happens in a crisis,
    attendance). Immutable: a change is a new version, and the newest is the current one."""

    __tablename__ = "agreements"
    __table_args__ = (UniqueConstraint("practice_id", "version"),)

    version: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    published_by_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("therapists.id", ondelete="SET NULL"),
                                                        index=True)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


class AgreementSignature(IdMixin, PracticeOwned, Model):
    """A participant's signature of one agreement version: the typed name, the tick, the time and the address
    it came from. Append-only."""

    __tablename__ = "agreement_signatures"
    __table_args__ = (UniqueConstraint("participant_id", "agreement_id"),)

    participant_id: Mapped[str] = mapped_column(String(36), ForeignKey("participants.id", ondelete="CASCADE"),
                                                nullable=False, index=True)
    agreement_id: Mapped[str] = mapped_column(String(36), ForeignKey("agreements.id", ondelete="RESTRICT"),
                                              nullable=False, index=True)
    typed_name: Mapped[str] = mapped_column(String(200), nullable=False)
    ticked: Mapped[bool] = mapped_column(Boolean, nullable=False)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    address: Mapped[str | None] = mapped_column(String(64))
    invitation_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("invitations.id", ondelete="SET NULL"),
                                                      index=True)

    agreement: Mapped[Agreement] = relationship(lazy="joined")

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..common.models import IdMixin, PracticeOwned, TimestampMixin, UTCDateTime, utcnow
from ..extensions import Model


class Practice(IdMixin, TimestampMixin, Model):
    __tablename__ = "practices"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    # How participants reach the practice (phone, email, a crisis line): printed on the participant handout.
    contact: Mapped[str | None] = mapped_column(Text)


class Therapist(IdMixin, TimestampMixin, PracticeOwned, Model):
    __tablename__ = "therapists"

    __table_args__ = (Index("ix_therapists_practice_name", "practice_id", "name"),)

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    # Stored lower-cased: unique case-insensitively across the whole service (login is by email).
    email: Mapped[str] = mapped_column(String(320), nullable=False, unique=True)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False, default="therapist")
    credentials: Mapped[str | None] = mapped_column(Text)
    trauma_informed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Set by an admin: may lower a screening outcome, record crisis reviews and clinician assessments.
    clinical_lead: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=sa_false())
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    practice: Mapped[Practice] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}


class LoginSession(IdMixin, Model):
    """One login (one device). Every token issued for it carries its id as the `sid` claim;
    revoking it ends the access token, the refresh token and every token refreshed from it."""

    __tablename__ = "login_sessions"

    therapist_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("therapists.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The one refresh token of this login that may still be used (its `rid` claim). Each refresh replaces
    # it; presenting an older one means the token was copied, and ends the login.
    refresh_id: Mapped[str | None] = mapped_column(String(36))

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
    # Whom to call in an emergency during a session (e.g. "999"): the facilitator copy's "What to do" box and
    # the handout print it unless the group has its own (issue 31).
    emergency_contact: Mapped[str | None] = mapped_column(String(500))
    # Set by an admin: every therapist of the practice signs in with a TOTP code (those without one enrol
    # at their next login).
    require_totp: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=sa_false())
    # The settings' ETag: an admin's PATCH sends it as If-Match (two admins cannot overwrite each other).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class Therapist(IdMixin, TimestampMixin, PracticeOwned, Model):
    __tablename__ = "therapists"

    __table_args__ = (Index("ix_therapists_practice_name", "practice_id", "name"),)

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    # Stored lower-cased: unique case-insensitively across the whole service (login is by email).
    email: Mapped[str] = mapped_column(String(320), nullable=False, unique=True)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False, default="therapist")
    credentials: Mapped[str | None] = mapped_column(Text)
    # How to reach this therapist quickly (a phone number): printed for clinical leads in the "What to do" box.
    phone: Mapped[str | None] = mapped_column(String(100))
    trauma_informed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Set by an admin: may lower a screening outcome, record crisis reviews and clinician assessments.
    clinical_lead: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=sa_false())
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # TOTP (RFC 6238) second factor: the base32 secret, in use once `totp_enabled_at` is set (before that an
    # enrolment is pending); `totp_last_step` is the last time step accepted, so a code works only once.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    totp_last_step: Mapped[int | None] = mapped_column(Integer)

    practice: Mapped[Practice] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}

    @property
    def totp_enabled(self) -> bool:
        return self.totp_enabled_at is not None

    @property
    def must_enrol_totp(self) -> bool:
        return self.practice.require_totp and self.totp_enabled_at is None


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
    # When `refresh_id` was issued, and the one it replaced: that one still returns the same pair for a
    # short grace window (two tabs refreshing at once), after which presenting it ends the login.
    refreshed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    previous_refresh_id: Mapped[str | None] = mapped_column(String(36))
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    user_agent: Mapped[str | None] = mapped_column(String(120))


class AccountToken(IdMixin, Model):
    """A one-time secret of an account: a password-reset link or a second-factor sign-in challenge. Only the
    secret's SHA-256 is stored (a 256-bit random secret needs no slow hash); it expires, is used once, and a
    challenge takes a few wrong codes at most."""

    __tablename__ = "account_tokens"

    therapist_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("therapists.id", ondelete="CASCADE"), nullable=False, index=True)
    purpose: Mapped[str] = mapped_column(String(20), nullable=False)  # password_reset | totp_login
    secret_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..common.models import IdMixin, PracticeOwned, UTCDateTime, utcnow
from ..extensions import Model


class Webhook(IdMixin, PracticeOwned, Model):
    """An admin's subscription of an HTTPS endpoint to kinds of event. The secret signs every delivery (Standard
    Webhooks); it is shown once, when the hook is made, and kept here only to sign (never in a list, a log or
    an event). Switched off (`active` false) after repeated failure."""

    __tablename__ = "webhooks"

    url: Mapped[str] = mapped_column(String(2000), nullable=False)
    events: Mapped[list] = mapped_column(JSON, nullable=False)
    secret: Mapped[str] = mapped_column(String(100), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    consecutive_failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[str] = mapped_column(String(36), ForeignKey("therapists.id"), nullable=False, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


class WebhookDelivery(IdMixin, PracticeOwned, Model):
    """One event for one webhook: made in the event's transaction (one per hook and event, whatever runs at
    once), sent by the worker, retried with backoff for up to a day. Its id is the `webhook-id` header, the same
    on every retry, so a receiver can drop a repeat."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (UniqueConstraint("webhook_id", "event_id", name="uq_webhook_deliveries_webhook_event"),
                      Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
                      Index("ix_webhook_deliveries_webhook_created", "webhook_id", "created_at"))

    webhook_id: Mapped[str] = mapped_column(String(36), ForeignKey("webhooks.id", ondelete="CASCADE"),
                                            nullable=False)
    event_id: Mapped[str] = mapped_column(String(36), ForeignKey("events.id", ondelete="CASCADE"), nullable=False,
                                          index=True)
    event_type: Mapped[str] = mapped_column(String(40), nullable=False)
    # pending (to send or retry), delivered, failed (gave up, or the hook was switched off or deleted)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="pending")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    # A worker that claimed the delivery holds it until then (another worker skips it; a crashed one lets go).
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WebhookAttempt(IdMixin, PracticeOwned, Model):
    """One try at a delivery: when, and what came of it (never the secret, the signature or the body)."""

    __tablename__ = "webhook_attempts"
    __table_args__ = (Index("ix_webhook_attempts_delivery_at", "delivery_id", "at"),)

    delivery_id: Mapped[str] = mapped_column(String(36), ForeignKey("webhook_deliveries.id", ondelete="CASCADE"),
                                             nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    # ok, http_error (a non-2xx answer, a redirect included: never followed), network_error, refused (SSRF)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(String(500))

from datetime import datetime

from sqlalchemy import JSON, BigInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..common.models import IdMixin, PracticeOwned, UTCDateTime, utcnow
from ..extensions import Model


class Event(IdMixin, PracticeOwned, Model):
    """One entry of a practice's change feed: a kind and ids, never clinical data.

    `seq` is the cursor: 1, 2, 3, ... per practice with no gap and no duplicate, and in commit order. The
    writer takes the practice's row lock (the one the audit chain takes) before reading the last `seq`, and
    holds it until its transaction ends, so no other writer can take the next number until this one has
    committed or rolled back (a rolled-back number is taken again). An autoincrement id would not do: on
    PostgreSQL ids commit out of order, and a reader resuming after id 7 would miss a 6 committed later."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("practice_id", "seq", name="uq_events_practice_seq"),)

    seq: Mapped[int] = mapped_column(BigInteger, nullable=False)
    type: Mapped[str] = mapped_column(String(40), nullable=False)
    data: Mapped[dict] = mapped_column(JSON, nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)

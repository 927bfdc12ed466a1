"""Invitations as plain values: the token's hash, an invitation's status, who counts as reachable by email,
and when the scheduler invites or reminds. No Flask, no SQL."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

PURPOSES = ("intake", "rescreen", "agreement")
FORM_PURPOSES = ("intake", "rescreen")  # the ones that carry the intake form (adults with a date of birth)
STATUSES = ("sent", "opened", "completed", "expired", "revoked")
MIN_DAYS, MAX_DAYS = 1, 14
TOKEN_BYTES = 32  # 256 bits
MAX_TOKEN_LENGTH = 200
REMIND_AFTER = timedelta(days=3)  # a scheduled invitation not completed after this gets its one reminder

_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def hash_token(token: str) -> str:
    """SHA-256 of the secret: a 256-bit random token needs no slow hash, and a copy of the database opens no
    link."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def plausible_token(token: str | None) -> bool:
    return bool(token) and len(token or "") <= MAX_TOKEN_LENGTH


@dataclass(frozen=True)
class Moments:
    expires_at: datetime
    opened_at: datetime | None = None
    completed_at: datetime | None = None
    revoked_at: datetime | None = None


def status(moments: Moments, now: datetime) -> str:
    """revoked and completed are final; an open link past its expiry is expired; else opened or sent."""
    if moments.revoked_at is not None:
        return "revoked"
    if moments.completed_at is not None:
        return "completed"
    if moments.expires_at <= now:
        return "expired"
    return "opened" if moments.opened_at is not None else "sent"


def usable(moments: Moments, now: datetime) -> bool:
    """The page and its JSON work only for a link that is sent or opened."""
    return status(moments, now) in ("sent", "opened")


def email_in(contact: str | None) -> str | None:
    """The first email address in a participant's free-text contact, if any."""
    found = _EMAIL.search(contact or "")
    return found.group(0) if found else None


def reminder_due(*, created_at: datetime, reminded_at: datetime | None, still_open: bool, now: datetime,
                 expires_at: datetime, after: timedelta = REMIND_AFTER) -> bool:
    """Once only: an open scheduled invitation that has not expired yet, `after` its sending or halfway to its
    expiry, whichever comes first."""
    at = created_at + min(after, (expires_at - created_at) / 2)
    return still_open and reminded_at is None and at <= now < expires_at


def invitation_days(*, now: datetime, session_starts_at: datetime, longest: int = MAX_DAYS) -> int:
    """How long a scheduled invitation stays open: until the session starts (at least a day, at most 14)."""
    days = -(-(session_starts_at - now) // timedelta(days=1))  # whole days, rounded up
    return max(MIN_DAYS, min(longest, days))

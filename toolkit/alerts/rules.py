"""Alerts, the pure part: which screenings raise which alert, the cause keys that make raising idempotent, who
may resolve what, and when a follow-up, a screening or a note is due. Plain values in, plain values out."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..vocab import ALERT_KINDS

# Kinds whose resolution is a clinical decision: a clinical lead, with a written reason.
CLINICAL_KINDS = frozenset({"crisis", "deterioration"})
CLINICAL_REASON_MIN = 20
NOTE_UNSIGNED_AFTER = timedelta(hours=72)
SCREENING_DUE_WITHIN = timedelta(days=7)
# Alerts that are not resolved yet: shown on the participant, in clearance and on the agenda.
UNRESOLVED = ("open", "acknowledged")

assert CLINICAL_KINDS <= set(ALERT_KINDS)


def cause_key(kind: str, source_type: str, source_id: str, *extra: str) -> str:
    """The one key per cause: the same cause raised twice (two requests, two workers, a retried task) is the
    same key, so the second insert does nothing."""
    return ":".join((kind, source_type, source_id, *extra))


def is_crisis(*, computed_flags: Iterable[Mapping[str, Any]], outcome: str) -> bool:
    """A screening raises a crisis alert when its computed flags include acute_crisis (an info-level finding
    is no flag), or its outcome (computed or overridden) is defer."""
    return outcome == "defer" or any(f.get("flag") == "acute_crisis" and f.get("level") != "info"
                                     for f in computed_flags)


@dataclass(frozen=True)
class ResolveRefusal(Exception):
    status: int  # 403 or 422
    message: str
    field: str | None = None


def check_resolve(*, kind: str, status: str, reason: str, clinical_lead: bool) -> None:
    """Raise ResolveRefusal unless this therapist may resolve this alert with this reason. A resolved alert
    stays resolved (409, said by the service, which sees the row change under it)."""
    if kind in CLINICAL_KINDS:
        if not clinical_lead:
            raise ResolveRefusal(403, f"Only a clinical lead may resolve a {kind} alert.")
        if len(reason.strip()) < CLINICAL_REASON_MIN:
            raise ResolveRefusal(422, f"Resolving a {kind} alert needs a reason of at least {CLINICAL_REASON_MIN} "
                                      "characters.", "reason")
    elif not reason.strip():
        raise ResolveRefusal(422, "Say why the alert is resolved.", "reason")


def follow_up_due(*, follow_up_on: date, reviewed_at: datetime, newest_screening_at: datetime | None,
                  today: date) -> bool:
    """A crisis review's follow-up date has been reached and no screening was taken after the review."""
    return follow_up_on <= today and (newest_screening_at is None or newest_screening_at <= reviewed_at)


def screening_due(*, session_starts_at: datetime, session_ends_at: datetime | None, valid_until: datetime | None,
                  now: datetime) -> bool:
    """A member's newest screening is not valid at a session starting in the next 7 days (or they have none)."""
    if not now <= session_starts_at < now + SCREENING_DUE_WITHIN:
        return False
    return valid_until is None or valid_until < (session_ends_at or session_starts_at)


def note_unsigned(*, status: str, session_ends_at: datetime | None, session_starts_at: datetime | None,
                  now: datetime) -> bool:
    """A held session's note still a draft 72 hours after the session ended (its start, without an end)."""
    held = session_ends_at or session_starts_at
    return status == "draft" and held is not None and held + NOTE_UNSIGNED_AFTER <= now

"""Safety over time (DESIGN.md "Version 2 → Safety over time"): the rules that decide how a screening is
*used* once it exists. Pure Python over plain values: no Flask, no SQL.

  * override direction: anyone may make an outcome more restrictive (with a reason); making it less
    restrictive needs a clinical lead and a reason of at least 20 characters; never below `refer` while the
    computed flags include `acute_crisis`;
  * crisis hold: after a `defer` (computed or by override) a person stays `defer` until a crisis review is
    recorded after it *and* a screening is taken after that review;
  * validity at the session: a screening counts for a plan only if still valid when the plan ends;
  * age: the adult form is for people 18 or over on the screening date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from toolkit.common.zones import aware
from toolkit.vocab import FLAGS, OUTCOMES

RANK = {name: rank for rank, name in enumerate(OUTCOMES)}
LEAD_REASON_MIN = 20
ADULT_AGE = 18
CRISIS_FLOOR = "refer"
CRISIS_REVIEW_PATH = "POST /api/v1/participants/{participant_id}/crisis-reviews"

EXPIRES_BEFORE_SESSION = "expires_before_session"
EXPIRED = "expired"
VALID = "valid"


class SafetyRefusal(Exception):
    """A request the safety rules refuse. `status` is the HTTP status the API answers with (403, 409 or
    422), `field` the body field it concerns (or None)."""

    def __init__(self, status: int, message: str, field: str | None = None):
        self.status = status
        self.message = message
        self.field = field
        super().__init__(message)


# --------------------------------------------------------------------------------------------------------
# Override direction and the crisis floor
# --------------------------------------------------------------------------------------------------------


def direction(current: str, new: str) -> str:
    """`raise` (more restrictive), `lower` (less restrictive) or `same`."""
    if RANK[new] > RANK[current]:
        return "raise"
    return "lower" if RANK[new] < RANK[current] else "same"


def check_override(*, current: str, new: str, computed_flags: Iterable[str], reason: str, clinical_lead: bool,
                   participant_id: str = "{participant_id}") -> None:
    """Raise SafetyRefusal unless the override is allowed.

    `current` is the screening's outcome now (the latest override's, else the computed one)."""
    reason = (reason or "").strip()
    if not reason:
        raise SafetyRefusal(422, "An override needs a written reason.", "reason")
    if direction(current, new) == "lower":
        if not clinical_lead:
            raise SafetyRefusal(
                403, f"Only a clinical lead may make an outcome less restrictive ({current} to {new}). "
                     "Any therapist may make it more restrictive.")
        if len(reason) < LEAD_REASON_MIN:
            raise SafetyRefusal(
                422, f"Making an outcome less restrictive needs a reason of at least {LEAD_REASON_MIN} "
                     "characters that a colleague can follow.", "reason")
    if "acute_crisis" in set(computed_flags) and RANK[new] < RANK[CRISIS_FLOOR]:
        path = CRISIS_REVIEW_PATH.format(participant_id=participant_id)
        raise SafetyRefusal(
            409, f"This screening found an acute crisis: its outcome cannot go below {CRISIS_FLOOR}. After the "
                 f"crisis, a clinical lead records a crisis review ({path}) and the person is screened again.")


def can_override(*, current: str, new: str, computed_flags: Iterable[str], reason: str,
                 clinical_lead: bool) -> bool:
    try:
        check_override(current=current, new=new, computed_flags=computed_flags, reason=reason,
                       clinical_lead=clinical_lead)
    except SafetyRefusal:
        return False
    return True


# --------------------------------------------------------------------------------------------------------
# Crisis hold
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OverrideEvent:
    outcome: str
    at: datetime


@dataclass(frozen=True)
class ScreeningEvent:
    at: datetime
    computed_outcome: str
    overrides: tuple[OverrideEvent, ...] = ()

    @property
    def outcome(self) -> str:
        return self.overrides[-1].outcome if self.overrides else self.computed_outcome


def defer_moments(screenings: Iterable[ScreeningEvent]) -> list[datetime]:
    """Every moment a `defer` was given: a computed defer when screened, an override to defer when made."""
    moments = []
    for s in screenings:
        if s.computed_outcome == "defer":
            moments.append(s.at)
        moments.extend(o.at for o in s.overrides if o.outcome == "defer")
    return moments


@dataclass(frozen=True)
class Hold:
    active: bool
    since: datetime | None = None


def crisis_hold(*, defer_at: Iterable[datetime | None], reviews_at: Iterable[datetime | None],
                latest_screening_at: datetime | None) -> Hold:
    """The hold after the latest `defer`: lifted only by a crisis review recorded after that defer together
    with a screening taken after the review (so the latest screening is newer than such a review).

    Works on full histories and on aggregates alike: `defer_at` may be just the latest defer moment(s) and
    `reviews_at` just the latest review before the latest screening."""
    defers = [aware(d) for d in defer_at if d is not None]
    if not defers:
        return Hold(active=False)
    since = max(defers)
    if latest_screening_at is None:
        return Hold(active=True, since=since)
    latest = aware(latest_screening_at)
    lifted = any(since < aware(r) < latest for r in reviews_at if r is not None)
    return Hold(active=not lifted, since=since)


def taken_during_hold(*, defer_at: Iterable[datetime | None], reviews_at: Iterable[datetime | None],
                      at: datetime) -> bool:
    """Whether a screening taken at `at` carries `crisis_hold: true`: a `defer` came before it and no crisis
    review has been recorded since, so it cannot lift the hold."""
    return crisis_hold(defer_at=[d for d in defer_at if d is not None and aware(d) < aware(at)],
                       reviews_at=reviews_at, latest_screening_at=at).active


def effective_outcome(latest_outcome: str | None, hold: Hold) -> str | None:
    """What clearance uses: `defer` while the hold lasts, else the latest screening's outcome."""
    if hold.active:
        return "defer"
    return latest_outcome


def history_outcome(screenings: Iterable[ScreeningEvent], reviews_at: Iterable[datetime]) -> str | None:
    """The effective outcome after a whole history (screenings with their overrides, and crisis reviews)."""
    screenings = sorted(screenings, key=lambda s: aware(s.at))
    if not screenings:
        return None
    hold = crisis_hold(defer_at=defer_moments(screenings), reviews_at=list(reviews_at),
                       latest_screening_at=screenings[-1].at)
    return effective_outcome(screenings[-1].outcome, hold)


# --------------------------------------------------------------------------------------------------------
# Validity at the session, age
# --------------------------------------------------------------------------------------------------------


def validity_at_session(*, valid_until: datetime | None, session_end: datetime | None, now: datetime) -> str:
    """`valid`, `expired` (no longer valid now) or `expires_before_session` (valid now, not when the plan
    ends). A plan that has ended is judged now: an expired screening never counts."""
    if valid_until is None or aware(valid_until) <= aware(now):
        return EXPIRED
    if session_end is not None and aware(valid_until) <= aware(session_end):
        return EXPIRES_BEFORE_SESSION
    return VALID


def age_on(date_of_birth: date, on: date) -> int:
    """Whole years of age on a date (a 29 February birthday counts from 1 March in other years)."""
    return on.year - date_of_birth.year - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))


def is_minor(date_of_birth: date | None, on: date) -> bool:
    """Under 18 on that date. Unknown date of birth: not known to be a minor."""
    return date_of_birth is not None and age_on(date_of_birth, on) < ADULT_AGE


def minor_message(date_of_birth: date, on: date) -> str:
    return (f"The participant is {age_on(date_of_birth, on)} on the screening date: the intake form is for adults "
            f"({ADULT_AGE} or over). A clinical lead records a clinician assessment instead "
            '(method "clinician_assessment" with an outcome and a reason).')


# --------------------------------------------------------------------------------------------------------
# Clinician assessment
# --------------------------------------------------------------------------------------------------------


def check_assessment(*, outcome: str, reason: str, flags: Iterable[str], clinical_lead: bool) -> None:
    """A clinician assessment (for minors and for anyone who cannot do the form) is a clinical lead's
    judgement with a written reason; its flags still drive adaptations, and a crisis is always `defer`."""
    if not clinical_lead:
        raise SafetyRefusal(403, "Only a clinical lead may record a clinician assessment.")
    if len((reason or "").strip()) < LEAD_REASON_MIN:
        raise SafetyRefusal(422, f"A clinician assessment needs a reason of at least {LEAD_REASON_MIN} "
                                 "characters.", "reason")
    flags = list(flags)
    unknown = [f for f in flags if f not in FLAGS]
    if unknown:
        raise SafetyRefusal(422, f"Unknown flag(s): {', '.join(unknown)}.", "flags")
    if "acute_crisis" in flags and outcome != "defer":
        raise SafetyRefusal(422, "An assessment that finds an acute crisis has the outcome defer.", "outcome")
    if outcome == "clear" and flags:
        raise SafetyRefusal(422, "A clear assessment raises no flags: use caution to adapt modules.", "outcome")


def flags_of(flags: list[dict]) -> frozenset[str]:
    """Flags that change what a person may do (info-level findings never do)."""
    return frozenset(f["flag"] for f in flags if f.get("level") != "info")

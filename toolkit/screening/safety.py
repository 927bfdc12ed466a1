"""Safety over time (DESIGN.md "Version 2 → Safety over time" and "Version 3 → Safety follows the person"):
the rules that decide how a screening is *used* once it exists. Pure Python over plain values: no Flask, no
SQL, no HTTP (a refusal is one of three kinds; the screening services map them to domain errors).

  * override direction: anyone may make an outcome more restrictive (with a reason); making it less
    restrictive needs a clinical lead and a reason of at least 20 characters; never below `refer` while the
    computed flags include `acute_crisis`;
  * crisis hold: after a `defer` (computed or by override) a person stays `defer` until the latest crisis
    review after it, naming the latest crisis screening, has a risk level that is not `high`, *and* a
    screening free of crisis is taken at least 24 hours after that review;
  * recent crisis: for 90 days after a crisis screening it is shown, and deep items wait for a second
    screening free of crisis after its review;
  * validity at the session: a screening counts for a plan only if still valid when the plan ends;
  * age: the adult form is for people 18 or over on the screening date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

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
    """A request the safety rules refuse, said without HTTP: one of the three kinds below; `field` is the
    body field it concerns (or None). The screening services map each kind to a domain error, in one place."""

    def __init__(self, message: str, field: str | None = None):
        self.message = message
        self.field = field
        super().__init__(message)


class NotPermitted(SafetyRefusal):
    """Only a clinical lead may do this."""


class Conflicting(SafetyRefusal):
    """The record's state forbids it (a crisis floor, a review of a crisis that is not the latest)."""


class Unacceptable(SafetyRefusal):
    """A value breaks a rule (a reason too short, an unknown flag)."""


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
        raise Unacceptable("An override needs a written reason.", "reason")
    if direction(current, new) == "lower":
        if not clinical_lead:
            raise NotPermitted(
                f"Only a clinical lead may make an outcome less restrictive ({current} to {new}). "
                     "Any therapist may make it more restrictive.")
        if len(reason) < LEAD_REASON_MIN:
            raise Unacceptable(
                f"Making an outcome less restrictive needs a reason of at least {LEAD_REASON_MIN} "
                     "characters that a colleague can follow.", "reason")
    if "acute_crisis" in set(computed_flags) and RANK[new] < RANK[CRISIS_FLOOR]:
        path = CRISIS_REVIEW_PATH.format(participant_id=participant_id)
        raise Conflicting(
            f"This screening found an acute crisis: its outcome cannot go below {CRISIS_FLOOR}. After the "
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
# Crisis hold, and the recent crisis
# --------------------------------------------------------------------------------------------------------

HOLD_LIFT_AFTER = timedelta(hours=24)
RECENT_CRISIS = timedelta(days=90)
RISK_LEVELS = ("low", "moderate", "high")


@dataclass(frozen=True)
class OverrideEvent:
    outcome: str
    at: datetime


@dataclass(frozen=True)
class ScreeningEvent:
    at: datetime
    computed_outcome: str
    overrides: tuple[OverrideEvent, ...] = ()
    id: str = ""

    @property
    def outcome(self) -> str:
        return self.overrides[-1].outcome if self.overrides else self.computed_outcome

    @property
    def crisis(self) -> bool:
        """A crisis screening: computed `defer` (every acute crisis is), or overridden to `defer`."""
        return self.computed_outcome == "defer" or any(o.outcome == "defer" for o in self.overrides)


@dataclass(frozen=True)
class ReviewEvent:
    """A clinical lead's crisis review. `screening_id` names the crisis screening it reviewed (None on reviews
    written before version 3, which said only whether a safety plan was in place)."""

    at: datetime
    risk_level: str | None = None
    screening_id: str | None = None
    safety_plan_in_place: bool = True
    follow_up_on: date | None = None
    by: str = ""

    @property
    def can_lift(self) -> bool:
        """`high` risk never lifts a hold; an old review lifts only with a safety plan in place."""
        if self.risk_level is None:
            return self.safety_plan_in_place
        return self.risk_level != "high"


def defer_moments(screenings: Iterable[ScreeningEvent]) -> list[datetime]:
    """Every moment a `defer` was given: a computed defer when screened, an override to defer when made."""
    moments = []
    for s in screenings:
        if s.computed_outcome == "defer":
            moments.append(aware(s.at))
        moments.extend(aware(o.at) for o in s.overrides if o.outcome == "defer")
    return moments


@dataclass(frozen=True)
class Hold:
    active: bool
    since: datetime | None = None
    review: ReviewEvent | None = None  # the latest review after the crisis (it may not lift it yet)


def _latest_review_after(moment: datetime, reviews: Iterable[ReviewEvent]) -> ReviewEvent | None:
    after = [r for r in reviews if aware(r.at) > moment]
    return max(after, key=lambda r: aware(r.at)) if after else None


def crisis_hold(screenings: Iterable[ScreeningEvent], reviews: Iterable[ReviewEvent]) -> Hold:
    """The hold after the latest `defer`. It lifts only when the latest review of the latest crisis screening,
    recorded after that defer, can lift it (risk not `high`) **and** a screening free of crisis was taken at
    least 24 hours after that review. A review alone, a review of an older crisis, or a screening minutes
    after a review never lifts it."""
    screenings = list(screenings)
    defers = defer_moments(screenings)
    if not defers:
        return Hold(active=False)
    since = max(defers)
    crisis = latest_crisis(screenings)
    # Only a review of the latest crisis screening counts (an old review without a screening id: by time).
    mine = [r for r in reviews if r.screening_id is None or (crisis is not None and r.screening_id == crisis.id)]
    review = _latest_review_after(since, mine)
    if review is None or not review.can_lift:
        return Hold(active=True, since=since, review=review)
    lifted = any(not s.crisis and aware(s.at) >= aware(review.at) + HOLD_LIFT_AFTER for s in screenings)
    return Hold(active=not lifted, since=since, review=review)


def taken_during_hold(screenings: Iterable[ScreeningEvent], reviews: Iterable[ReviewEvent],
                      new: ScreeningEvent) -> bool:
    """Whether a screening (the newest, `new`) carries `crisis_hold: true`: a `defer` came before it and the
    hold, with it counted, is still on (it does not lift it)."""
    before = [s for s in screenings if aware(s.at) < aware(new.at)]
    if not any(d < aware(new.at) for d in defer_moments(before)):
        return False
    return crisis_hold([*before, new], [r for r in reviews if aware(r.at) < aware(new.at)]).active


def effective_outcome(latest_outcome: str | None, hold: Hold) -> str | None:
    """What clearance uses: `defer` while the hold lasts, else the latest screening's outcome."""
    if hold.active:
        return "defer"
    return latest_outcome


def history_outcome(screenings: Iterable[ScreeningEvent], reviews: Iterable[ReviewEvent]) -> str | None:
    """The effective outcome after a whole history (screenings with their overrides, and crisis reviews)."""
    screenings = sorted(screenings, key=lambda s: aware(s.at))
    if not screenings:
        return None
    return effective_outcome(screenings[-1].outcome, crisis_hold(screenings, reviews))


@dataclass(frozen=True)
class RecentCrisis:
    """A person's latest crisis screening (`at`), its review (if any), and whether deep items still wait: until
    a second screening free of crisis after the review. Shown for 90 days (`is_recent`)."""

    screening_id: str
    at: datetime
    reviewed_by: str | None
    follow_up_on: date | None
    crisis_free_since_review: int

    @property
    def on(self) -> date:
        return self.at.date()

    @property
    def deep_items_wait(self) -> bool:
        return self.crisis_free_since_review < 2

    def is_recent(self, now: datetime) -> bool:
        return self.at + RECENT_CRISIS > aware(now)

    def to_dict(self) -> dict:
        return {"screening_id": self.screening_id, "on": self.on.isoformat(), "reviewed_by": self.reviewed_by,
                "follow_up_on": self.follow_up_on.isoformat() if self.follow_up_on else None}

    def to_row(self) -> dict:
        """As stored (JSON) with the person's state (clearance/state.py); `from_row` reads it back."""
        return {**self.to_dict(), "at": self.at.isoformat(), "crisis_free_since_review": self.crisis_free_since_review}

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> RecentCrisis:
        follow_up = row.get("follow_up_on")
        return cls(screening_id=row["screening_id"], at=aware(datetime.fromisoformat(row["at"])),
                   reviewed_by=row.get("reviewed_by"),
                   follow_up_on=date.fromisoformat(follow_up) if follow_up else None,
                   crisis_free_since_review=int(row.get("crisis_free_since_review", 0)))


def latest_crisis(screenings: Iterable[ScreeningEvent]) -> ScreeningEvent | None:
    crises = [s for s in screenings if s.crisis]
    return max(crises, key=lambda s: (aware(s.at), s.id)) if crises else None


def review_of(crisis: ScreeningEvent, reviews: Iterable[ReviewEvent]) -> ReviewEvent | None:
    """The latest review of this crisis screening (an old review without a screening id: one after it)."""
    mine = [r for r in reviews if r.screening_id == crisis.id
            or (r.screening_id is None and aware(r.at) > aware(crisis.at))]
    return max(mine, key=lambda r: aware(r.at)) if mine else None


def crisis_summary(screenings: Iterable[ScreeningEvent], reviews: Iterable[ReviewEvent]) -> RecentCrisis | None:
    """The person's latest crisis screening with its review and the crisis-free screenings since, however old
    (None: never a crisis)."""
    screenings = list(screenings)
    crisis = latest_crisis(screenings)
    if crisis is None:
        return None
    review = review_of(crisis, reviews)
    free = 0
    if review is not None:
        free = sum(1 for s in screenings if not s.crisis and aware(s.at) > aware(review.at))
    return RecentCrisis(screening_id=crisis.id, at=aware(crisis.at), reviewed_by=review.by if review else None,
                        follow_up_on=review.follow_up_on if review else None, crisis_free_since_review=free)


def recent_crisis(screenings: Iterable[ScreeningEvent], reviews: Iterable[ReviewEvent], *,
                  now: datetime) -> RecentCrisis | None:
    """For 90 days after a crisis screening: what clearance and the facilitator agenda show."""
    summary = crisis_summary(screenings, reviews)
    return summary if summary is not None and summary.is_recent(now) else None


def check_review_target(*, screening_id: str, screenings: Iterable[ScreeningEvent]) -> None:
    """A crisis review names the person's latest crisis screening; anything else would let a review written
    for an older crisis lift a newer, unseen one."""
    crisis = latest_crisis(screenings)
    if crisis is None:
        raise Conflicting("This participant has no crisis screening to review: a crisis review follows a defer.",
                          "screening_id")
    if crisis.id != screening_id:
        raise Conflicting(f"screening_id is not the participant's latest crisis screening ({crisis.id}, "
                          f"{aware(crisis.at).date().isoformat()}): read it before reviewing.", "screening_id")


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
        raise NotPermitted("Only a clinical lead may record a clinician assessment.")
    if len((reason or "").strip()) < LEAD_REASON_MIN:
        raise Unacceptable(f"A clinician assessment needs a reason of at least {LEAD_REASON_MIN} "
                                 "characters.", "reason")
    flags = list(flags)
    unknown = [f for f in flags if f not in FLAGS]
    if unknown:
        raise Unacceptable(f"Unknown flag(s): {', '.join(unknown)}.", "flags")
    if "acute_crisis" in flags and outcome != "defer":
        raise Unacceptable("An assessment that finds an acute crisis has the outcome defer.", "outcome")
    if outcome == "clear" and flags:
        raise Unacceptable("A clear assessment raises no flags: use caution to adapt modules.", "outcome")


def flags_of(flags: list[dict]) -> frozenset[str]:
    """Flags that change what a person may do (info-level findings never do)."""
    return frozenset(f["flag"] for f in flags if f.get("level") != "info")

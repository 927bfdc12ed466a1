"""Safety follows the person: what a member's whole history means for any plan they are in. Pure Python over
plain values (no Flask, no SQL). `person_state` is what a person's history says, computed when it changes and
stored (clearance/state.py); `member_with` applies it to a member as of now; `clearance/services.py` then calls
`screening.clearance.clear_plan`. The property tests call `person_member` (the two in a row) and `clear_plan`.

  * the crisis hold (screening.safety.crisis_hold) and the crisis of the last 90 days (`recent_crisis`):
    deep items wait for a second screening free of crisis after its review;
  * reliable deterioration against the person's one baseline (progress.rules.person_progress): the warning
    `reliable_deterioration` in every clearance they are in, deep and gated modules excluded, until a
    clinical lead's progress review after the latest screening.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from toolkit.common.zones import aware
from toolkit.progress.rules import Taken, Thresholds, person_progress, taken_from
from toolkit.screening.clearance import MemberScreening
from toolkit.screening.safety import (
    RecentCrisis,
    ReviewEvent,
    ScreeningEvent,
    crisis_hold,
    crisis_summary,
    flags_of,
    is_minor,
)


@dataclass(frozen=True)
class ProgressReviewEvent:
    at: datetime
    screening_id: str | None
    by: str = ""
    reason: str = ""


@dataclass(frozen=True)
class PersonHistory:
    """Everything about one person that clearance reads, oldest first. `scores`: the stored scores JSON of
    each form screening (by id); `since`: the moment their earliest membership began (None: never)."""

    screenings: Sequence[ScreeningEvent] = ()
    reviews: Sequence[ReviewEvent] = ()
    scores: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    progress_reviews: Sequence[ProgressReviewEvent] = ()
    since: datetime | None = None

    def taken(self) -> list[Taken]:
        return [taken_from(s.id, s.at, self.scores[s.id]) for s in self.screenings if s.id in self.scores]


def _progress_notes(result: Mapping[str, Any], reviews: Sequence[ProgressReviewEvent]) -> tuple[str, ...]:
    notes = []
    if result["reviewed"] and reviews:
        review = reviews[-1]
        notes.append(f"reliable_deterioration reviewed by {review.by} on {aware(review.at).date().isoformat()}: "
                     f"{review.reason}")
    if result["below_caseness"]:
        notes.append("below caseness since baseline on " + ", ".join(result["below_caseness"])
                     + " (shown only: it changes no verdict)")
    return tuple(notes)


def member_from_row(row: Any, now: datetime) -> MemberScreening:
    """A member and their newest screening (with its current override), from one row of the group query
    (clearance/queries.group_screenings_stmt; any object with those attributes)."""
    on = now.date()
    if row.id is None:
        minor = is_minor(row.date_of_birth, on)
        return MemberScreening(
            participant_id=row.participant_id, display_name=row.display_name,
            no_screening_reason=("under 18: the adult intake form does not apply; a clinical lead records a "
                                 "clinician assessment") if minor else None)
    screened_on = row.screened_at.date()
    unusable = None
    if row.method in ("form", "self_report") and is_minor(row.date_of_birth, screened_on):
        unusable = ("the adult intake form was taken under 18 and does not count; a clinical lead records a "
                    "clinician assessment")
    override = None
    if row.override_outcome is not None:
        at = aware(row.override_at)
        override = {"outcome": row.override_outcome, "reason": row.override_reason,
                    "by": {"id": row.override_by_id, "name": row.override_by_name}, "at": at.isoformat()}
    return MemberScreening(
        participant_id=row.participant_id, display_name=row.display_name, screening_id=row.id,
        flags=flags_of(row.flags), outcome=row.override_outcome or row.computed_outcome,
        computed_outcome=row.computed_outcome, valid_until=row.valid_until, override=override,
        findings=tuple(f["text"] for f in (row.findings or ())), method=row.method,
        unusable=unusable, screened_at=row.screened_at)


@dataclass(frozen=True)
class PersonState:
    """What a person's whole history says, computed when one of its events is written (a screening, an
    override, a crisis review, a progress review, a membership) and stored (clearance/state.py): the crisis
    hold, the latest crisis screening (`crisis`: {screening_id, at, reviewed_by, follow_up_on,
    crisis_free_since_review}; whether it is recent is decided when read), the unreviewed reliable
    deterioration texts (empty when reviewed or none) and the notes only shown. Nothing in it depends on the
    moment it is read."""

    hold: bool = False
    crisis: Mapping[str, Any] | None = None
    deterioration: tuple[str, ...] = ()
    progress_notes: tuple[str, ...] = ()
    overall: str | None = None

    def to_row(self) -> dict[str, Any]:
        return {"hold": self.hold, "crisis": dict(self.crisis) if self.crisis else None,
                "deterioration": list(self.deterioration), "progress_notes": list(self.progress_notes),
                "overall": self.overall}

    @classmethod
    def from_row(cls, row: Any) -> PersonState:
        return cls(hold=bool(row.hold), crisis=row.crisis, deterioration=tuple(row.deterioration or ()),
                   progress_notes=tuple(row.progress_notes or ()), overall=row.overall)


def person_state(person: PersonHistory, *, thresholds: Thresholds, instruments: Sequence[str],
                 titles: Mapping[str, str]) -> PersonState:
    """The person's state from their whole history (oldest first or not: it is sorted here)."""
    screenings = sorted(person.screenings, key=lambda s: (aware(s.at), s.id))
    hold = crisis_hold(screenings, person.reviews)
    crisis = crisis_summary(screenings, person.reviews)
    reviews = sorted(person.progress_reviews, key=lambda r: aware(r.at))
    result = person_progress(person.taken(), since=person.since,
                             reviewed=reviews[-1].screening_id if reviews else None,
                             reviews_at=[r.at for r in reviews],
                             latest_screening_at=screenings[-1].at if screenings else None,
                             thresholds=thresholds, instruments=instruments, titles=titles)
    return PersonState(hold=hold.active, crisis=crisis.to_row() if crisis else None,
                       deterioration=tuple(result["deterioration"]) if result["enforced"] else (),
                       progress_notes=_progress_notes(result, reviews), overall=result["overall"])


def recent_crisis_of(state: PersonState, now: datetime) -> RecentCrisis | None:
    """The stored latest crisis, while it is recent (safety.recent_crisis's 90 days, counted from `now`)."""
    crisis = RecentCrisis.from_row(state.crisis) if state.crisis else None
    return crisis if crisis is not None and crisis.is_recent(now) else None


def member_with(member: MemberScreening, state: PersonState, *, now: datetime) -> MemberScreening:
    """The member with their person's state, as of `now`."""
    recent = recent_crisis_of(state, now)
    return replace(member, crisis_hold=state.hold and member.screening_id is not None,
                   recent_crisis=recent.to_dict() if recent else None,
                   crisis_gate=bool(recent and recent.deep_items_wait),
                   deterioration=state.deterioration, progress_notes=state.progress_notes)


def person_member(member: MemberScreening, person: PersonHistory, *, now: datetime, thresholds: Thresholds,
                  instruments: Sequence[str], titles: Mapping[str, str]) -> MemberScreening:
    """The member with what their whole history says: the crisis hold, the recent crisis, and unreviewed
    reliable deterioration against their one baseline (person_state, then member_with)."""
    return member_with(member, person_state(person, thresholds=thresholds, instruments=instruments,
                                            titles=titles), now=now)

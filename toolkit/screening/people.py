"""What the person-level safety rules read, for some participants at once: every screening (with its stored
scores: numbers written when it was saved, never the answers scored again), the overrides to `defer`, and
the crisis reviews. Three queries whatever the number of people or the length of their histories."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from ..auth.models import Therapist
from ..extensions import db
from .models import CrisisReview, Screening, ScreeningOverride
from .safety import OverrideEvent, ReviewEvent, ScreeningEvent


@dataclass
class PersonRecord:
    """One participant's history, oldest first: screenings (as the hold sees them), their stored scores and
    methods (for progress), and crisis reviews."""

    screenings: list[ScreeningEvent] = field(default_factory=list)
    scores: dict[str, dict] = field(default_factory=dict)  # screening id -> stored scores JSON
    methods: dict[str, str] = field(default_factory=dict)  # screening id -> method
    reviews: list[ReviewEvent] = field(default_factory=list)


def records(participant_ids: Iterable[str]) -> dict[str, PersonRecord]:
    out = {pid: PersonRecord() for pid in participant_ids}
    if not out:
        return out
    ids = list(out)
    overrides: dict[str, list[OverrideEvent]] = {}
    for override in db.session.execute(
            select(ScreeningOverride.screening_id, ScreeningOverride.outcome, ScreeningOverride.at)
            .join(Screening, Screening.id == ScreeningOverride.screening_id)
            .where(Screening.participant_id.in_(ids), ScreeningOverride.outcome == "defer")
            .order_by(ScreeningOverride.at, ScreeningOverride.id)):
        overrides.setdefault(override.screening_id, []).append(OverrideEvent(outcome=override.outcome,
                                                                             at=override.at))
    for row in db.session.execute(
            select(Screening.id, Screening.participant_id, Screening.screened_at, Screening.computed_outcome,
                   Screening.method, Screening.scores)
            .where(Screening.participant_id.in_(ids)).order_by(Screening.screened_at, Screening.id)):
        person = out[row.participant_id]
        person.screenings.append(ScreeningEvent(id=row.id, at=row.screened_at, computed_outcome=row.computed_outcome,
                                                overrides=tuple(overrides.get(row.id, ()))))
        person.scores[row.id] = row.scores
        person.methods[row.id] = row.method
    for review in db.session.execute(
            select(CrisisReview.participant_id, CrisisReview.at, CrisisReview.screening_id, CrisisReview.risk_level,
                   CrisisReview.safety_plan_in_place, CrisisReview.follow_up_on, Therapist.name)
            .join(Therapist, Therapist.id == CrisisReview.by_id)
            .where(CrisisReview.participant_id.in_(ids)).order_by(CrisisReview.at, CrisisReview.id)):
        out[review.participant_id].reviews.append(ReviewEvent(
            at=review.at, risk_level=review.risk_level, screening_id=review.screening_id,
            safety_plan_in_place=review.safety_plan_in_place, follow_up_on=review.follow_up_on, by=review.name))
    return out

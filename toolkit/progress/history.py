"""What progress reads, shared by the progress endpoints and clearance's loop back: the form screenings
of some participants (oldest first), their progress reviews, the practice's re-screen rhythm, and the
evaluation of one history by the pure rules. Each loader is one query, whatever the number of people."""

from datetime import datetime

from sqlalchemy import select

from ..common.zones import aware
from ..extensions import db
from ..groups.models import GroupMember
from ..screening.form_loader import default_form
from ..screening.models import Screening
from .models import ProgressReview, RescreenRhythm
from .rules import Rhythm, Taken, default_thresholds, membership_start, person_progress, taken_from


def instruments() -> tuple[list[str], dict[str, str]]:
    form = default_form()
    return [i.code for i in form.instruments], {i.code: i.title for i in form.instruments}


def histories(participant_ids) -> dict[str, list[Taken]]:
    """Every form screening (oldest first) of these participants, in one query."""
    out: dict[str, list[Taken]] = {pid: [] for pid in participant_ids}
    if not out:
        return out
    rows = db.session.execute(
        select(Screening.participant_id, Screening.id, Screening.screened_at, Screening.scores)
        .where(Screening.participant_id.in_(list(out)), Screening.method == "form")
        .order_by(Screening.screened_at, Screening.id))
    for row in rows:
        out[row.participant_id].append(taken_from(row.id, row.screened_at, row.scores))
    return out


def reviews(participant_ids) -> dict[str, list[ProgressReview]]:
    out: dict[str, list[ProgressReview]] = {pid: [] for pid in participant_ids}
    if not out:
        return out
    for review in db.session.scalars(select(ProgressReview).where(ProgressReview.participant_id.in_(list(out)))
                                     .order_by(ProgressReview.at, ProgressReview.id)):
        out[review.participant_id].append(review)
    return out


def memberships(participant_ids) -> dict[str, datetime | None]:
    """participant id -> the moment their earliest membership (any group, ended or not) began: the baseline
    moment, which leaving and re-joining never moves. One query."""
    out: dict[str, datetime | None] = {pid: None for pid in participant_ids}
    if not out:
        return out
    for row in db.session.execute(select(GroupMember.participant_id, GroupMember.joined_on, GroupMember.joined_at)
                                  .where(GroupMember.participant_id.in_(list(out)))):
        start = membership_start(row.joined_on, row.joined_at)
        current = out[row.participant_id]
        out[row.participant_id] = start if current is None else min(current, start)
    return out


def evaluate(history: list[Taken], *, since: datetime | None, latest_screening_at: datetime | None,
             reviews: list[ProgressReview]) -> dict:
    """The person's progress (progress.rules.person_progress) with the latest review shown."""
    codes, titles = instruments()
    result = person_progress(history, since=since, reviewed=reviews[-1].screening_id if reviews else None,
                             reviews_at=[r.at for r in reviews], latest_screening_at=latest_screening_at,
                             thresholds=default_thresholds(), instruments=codes, titles=titles)
    result["review"] = present_review(reviews[-1]) if result["reviewed"] else None
    return result


def present_review(review: ProgressReview) -> dict:
    return {"id": review.id, "participant_id": review.participant_id, "reason": review.reason,
            "screening_id": review.screening_id, "by": {"id": review.by.id, "name": review.by.name},
            "at": aware(review.at)}


def rhythm_of(practice_id: str | None = None) -> Rhythm:
    """The caller's practice rhythm (tenancy scopes the query); cached for the unit of work."""
    cache = db.session.info.setdefault("rescreen_rhythm", {})
    if "value" not in cache:
        row = db.session.scalars(select(RescreenRhythm)).first()
        cache["value"] = Rhythm(every_sessions=row.every_sessions, every_days=row.every_days) if row else Rhythm()
    return cache["value"]

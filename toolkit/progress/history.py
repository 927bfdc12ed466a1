"""What progress reads, shared by the progress endpoints and clearance's loop back: the form screenings
of some participants (oldest first), their progress reviews, the practice's re-screen rhythm, and the
evaluation of one history by the pure rules. Each loader is one query, whatever the number of people."""

from datetime import date, datetime

from sqlalchemy import select

from ..common.zones import aware
from ..extensions import db
from ..screening.form_loader import default_form
from ..screening.models import Screening
from .models import ProgressReview, RescreenRhythm
from .rules import (
    DETERIORATED,
    Rhythm,
    Taken,
    default_thresholds,
    deterioration_enforced,
    deterioration_texts,
    overall,
    progress,
    taken_from,
)


def instruments() -> tuple[list[str], dict[str, str]]:
    form = default_form()
    return [i.code for i in form.instruments], {i.code: i.title for i in form.instruments}


def histories(participant_ids) -> dict[str, list[Taken]]:
    """Every form screening, typed or self-reported (oldest first), of these participants, in one query."""
    out: dict[str, list[Taken]] = {pid: [] for pid in participant_ids}
    if not out:
        return out
    rows = db.session.execute(
        select(Screening.participant_id, Screening.id, Screening.screened_at, Screening.scores)
        .where(Screening.participant_id.in_(list(out)), Screening.method.in_(("form", "self_report")))
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


def evaluate(history: list[Taken], *, joined_on: date | None, latest_screening_at: datetime | None,
              reviews: list[ProgressReview]) -> dict:
    codes, titles = instruments()
    per = progress(history, joined_on=joined_on, thresholds=default_thresholds(), instruments=codes)
    for p in per:
        p["title"] = titles.get(p["instrument"], p["instrument"])
    verdict = overall(per)
    texts = deterioration_texts(per, titles)
    enforced = deterioration_enforced(deteriorated=verdict == DETERIORATED, latest_screening_at=latest_screening_at,
                                      reviewed_at=[r.at for r in reviews])
    reviewed = verdict == DETERIORATED and not enforced
    return {"instruments": per, "overall": verdict, "deterioration": list(texts), "enforced": enforced,
            "reviewed": reviewed, "review": present_review(reviews[-1]) if reviewed else None,
            "recovered": [p["title"] for p in per if p["recovered"]]}



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

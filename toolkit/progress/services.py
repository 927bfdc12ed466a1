"""Progress: load screenings, memberships and reviews as plain rows, call the pure rules, store, flush.
Refusals are the domain errors of toolkit/errors.py. What clearance uses is in `clearance.py`; what both
read is in `history.py`."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from .. import signals
from ..audit.services import record, record_denied
from ..common.etag import tag_of
from ..common.zones import aware
from ..errors import Conflict, Forbidden, Invalid
from ..extensions import db
from ..groups.models import Group, GroupMember
from ..participants.models import Participant
from ..plans.models import SessionPlan
from ..screening.form_loader import default_form
from ..screening.models import Screening
from . import history
from .chart import ChartError, render_svg
from .history import present_review
from .models import ProgressReview, RescreenRhythm
from .rules import default_thresholds, group_summary, rescreen_reasons

REVIEW_PATH = "POST /api/v1/participants/{participant_id}/progress-reviews"
BASELINE_RULE = ("the person's one baseline across all their groups: the latest screening taken before their earliest "
                 "membership began (else the first one after it; with no membership, the first screening), until a "
                 "clinical lead's progress review makes the reviewed screening the baseline; leaving and re-joining, "
                 "or joining another group, never moves it")


# --------------------------------------------------------------------------------------------------------
# A participant
# --------------------------------------------------------------------------------------------------------


def current_programme(*, participant_id: str, group_id: str | None = None) -> dict | None:
    """The participant's current programme: with `group_id`, their current membership of that group (422 if
    none); else their current membership of a group programme (kind `group`, a series) joined most recently,
    else of any group."""
    stmt = (select(GroupMember.group_id, GroupMember.joined_on, Group.name, Group.kind)
            .join(Group, Group.id == GroupMember.group_id)
            .where(GroupMember.participant_id == participant_id, GroupMember.left_on.is_(None)))
    if group_id is not None:
        stmt = stmt.where(GroupMember.group_id == group_id)
    row = db.session.execute(stmt.order_by((Group.kind == "group").desc(), GroupMember.joined_on.desc(),
                                           GroupMember.id.desc()).limit(1)).first()
    if row is None and group_id is not None:
        raise Invalid("The participant is not a current member of that group.",
                      errors={"group_id": ["Not a current group of this participant."]})
    if row is None:
        return None
    return {"group_id": row.group_id, "group_name": row.name, "kind": row.kind, "joined_on": row.joined_on}


def participant_progress(*, participant: Participant, actor, group_id: str | None = None, audit: bool = True,
                         instruments: list[str] | None = None) -> dict:
    programme = current_programme(participant_id=participant.id, group_id=group_id)
    taken = history.histories([participant.id])[participant.id]
    latest_at = db.session.scalar(select(func.max(Screening.screened_at))
                                  .where(Screening.participant_id == participant.id))
    reviews = history.reviews([participant.id])[participant.id]
    since = history.memberships([participant.id])[participant.id]
    result = history.evaluate(taken, since=since, latest_screening_at=latest_at, reviews=reviews)
    if instruments:
        codes, _ = history.instruments()
        unknown = sorted(set(instruments) - set(codes))
        if unknown:
            raise Invalid("Unknown instrument.", errors={"instrument": [f"Unknown: {', '.join(unknown)}."]})
        result["instruments"] = [p for p in result["instruments"] if p["instrument"] in instruments]
    if audit:
        record("read", "progress", participant.id, actor=actor)
    return {
        "participant_id": participant.id, "display_name": participant.display_name, "programme": programme,
        "baseline_rule": BASELINE_RULE,
        "thresholds_version": default_thresholds().version,
        "instruments": result["instruments"], "overall": result["overall"],
        "reliable_deterioration": {"active": result["enforced"], "reviewed": result["reviewed"],
                                   "details": result["deterioration"], "review": result["review"],
                                   "review_path": REVIEW_PATH.format(participant_id=participant.id)},
        "below_caseness": result["below_caseness"], "paired": result["paired"],
        "reviews": [present_review(r) for r in reversed(reviews)],
    }


def record_review(*, participant: Participant, reason: str, actor) -> ProgressReview:
    """A clinical lead's review of a reliable deterioration: it counts until the next screening."""
    reason = (reason or "").strip()
    if not actor.clinical_lead:
        record_denied("create", "progress_review", participant.id, actor=actor)
        raise Forbidden("Only a clinical lead may record a progress review (it lets deep items back in).")
    if len(reason) < 10:
        raise Invalid("A progress review needs a written reason a colleague can follow (10 characters or more).",
                      errors={"reason": ["At least 10 characters."]})
    latest = db.session.scalars(select(Screening.id).where(Screening.participant_id == participant.id)
                                .order_by(Screening.screened_at.desc(), Screening.id).limit(1)).first()
    if latest is None:
        raise Conflict("This participant has no screening: there is no progress to review.")
    review = ProgressReview(participant_id=participant.id, reason=reason, screening_id=latest, by_id=actor.id,
                            at=datetime.now(UTC), practice_id=actor.practice_id)
    db.session.add(review)
    db.session.flush()
    record("create", "progress_review", review.id, actor=actor)
    signals.progress_review_recorded.send(actor, review=review, participant=participant)
    return review


def reviews_of(*, participant: Participant, actor) -> list[dict]:
    rows = history.reviews([participant.id])[participant.id]
    record("list", "progress_review", participant.id, actor=actor)
    return [present_review(r) for r in reversed(rows)]


# --------------------------------------------------------------------------------------------------------
# Re-screens due across the practice; the rhythm
# --------------------------------------------------------------------------------------------------------


def screenings_due(*, before: date, actor, now: datetime | None = None) -> list[dict]:
    """Participants whose next session (the first plan of one of their groups starting from now and before
    `before`) finds their screening not valid at its end, or their rhythm due. Fixed number of queries."""
    now = now or datetime.now(UTC)
    until = datetime.combine(before, datetime.min.time(), tzinfo=UTC)
    plans = list(db.session.execute(
        select(SessionPlan.id, SessionPlan.title, SessionPlan.group_id, SessionPlan.starts_at, SessionPlan.ends_at,
               SessionPlan.series_id, SessionPlan.session_number)
        .where(SessionPlan.group_id.is_not(None), SessionPlan.starts_at >= now, SessionPlan.starts_at < until)
        .order_by(SessionPlan.starts_at, SessionPlan.id)))
    first_by_group: dict[str, object] = {}
    for p in plans:
        first_by_group.setdefault(p.group_id, p)
    if not first_by_group:
        record("list", "screenings_due", None, actor=actor)
        return []
    next_session = _next_sessions(first_by_group)
    latest = _latest_screenings(list(next_session))
    rhythm = history.rhythm_of()
    starts = _series_starts_of({p.series_id for p, _ in next_session.values() if p.series_id}, rhythm)
    out = []
    for pid, (plan, m) in next_session.items():
        last = latest.get(pid)
        reasons = rescreen_reasons(session_starts_at=plan.starts_at, session_ends_at=plan.ends_at,
                                   screened_at=last.screened_at if last else None,
                                   valid_until=last.valid_until if last else None, rhythm=rhythm,
                                   series_starts=starts.get(plan.series_id, []))
        if reasons:
            out.append(_due(pid, plan, m, last, reasons))
    out.sort(key=lambda d: (d["session"]["starts_at"], d["display_name"], d["participant_id"]))
    record("list", "screenings_due", None, actor=actor)
    return out


def _next_sessions(first_by_group: dict) -> dict[str, tuple]:
    """participant id -> (their earliest next plan, their membership row), over the current members of these
    groups."""
    memberships = db.session.execute(
        select(GroupMember.participant_id, GroupMember.group_id, Participant.display_name, Group.name)
        .join(Participant, Participant.id == GroupMember.participant_id)
        .join(Group, Group.id == GroupMember.group_id)
        .where(GroupMember.group_id.in_(list(first_by_group)), GroupMember.left_on.is_(None)))
    next_session: dict[str, tuple] = {}
    for m in memberships:
        plan = first_by_group[m.group_id]
        current = next_session.get(m.participant_id)
        if current is None or (aware(plan.starts_at), plan.id) < (aware(current[0].starts_at), current[0].id):
            next_session[m.participant_id] = (plan, m)
    return next_session


def _latest_screenings(ids: list[str]) -> dict:
    """participant id -> (screened_at, valid_until) of their newest screening, in one query."""
    if not ids:
        return {}
    newest = (select(Screening.participant_id, func.max(Screening.screened_at).label("at"))
              .where(Screening.participant_id.in_(ids)).group_by(Screening.participant_id).subquery())
    rows = db.session.execute(
        select(Screening.participant_id, Screening.screened_at, Screening.valid_until)
        .join(newest, (newest.c.participant_id == Screening.participant_id) & (newest.c.at == Screening.screened_at)))
    return {row.participant_id: row for row in rows}


def _series_starts_of(series_ids: set, rhythm) -> dict[str, list[datetime]]:
    """The start of every session of these series (only needed for a rhythm of every N sessions)."""
    starts: dict[str, list[datetime]] = {sid: [] for sid in series_ids}
    if series_ids and rhythm.every_sessions:
        for row in db.session.execute(select(SessionPlan.series_id, SessionPlan.starts_at)
                                      .where(SessionPlan.series_id.in_(list(series_ids)))):
            if row.starts_at is not None:
                starts[row.series_id].append(row.starts_at)
    return starts


def _due(pid: str, plan, membership, last, reasons: list) -> dict:
    return {"participant_id": pid, "display_name": membership.display_name,
            "last_screened_at": aware(last.screened_at) if last else None,
            "valid_until": aware(last.valid_until) if last else None,
            "session": {"plan_id": plan.id, "title": plan.title, "group_id": plan.group_id,
                        "group_name": membership.name, "starts_at": aware(plan.starts_at),
                        "ends_at": aware(plan.ends_at), "series_id": plan.series_id,
                        "session_number": plan.session_number},
            "reasons": reasons}


def get_rhythm(*, actor) -> dict:
    """The rhythm and its version tag (a practice that never set one is at version 0)."""
    row = db.session.scalars(select(RescreenRhythm)).first()
    return {"every_sessions": row.every_sessions if row else None, "every_days": row.every_days if row else None,
            "etag": tag_of(f"rescreen-rhythm:{actor.practice_id}:{row.version if row else 0}")}


def set_rhythm(*, actor, changes: dict) -> dict:
    if actor.role != "admin":
        raise Forbidden("Only a practice admin may set the re-screen rhythm.")
    row = db.session.scalars(select(RescreenRhythm)).first()
    if row is None:
        row = RescreenRhythm(practice_id=actor.practice_id)
        db.session.add(row)
    for key in ("every_sessions", "every_days"):
        if key in changes:
            setattr(row, key, changes[key])
    db.session.flush()
    db.session.info.pop("rescreen_rhythm", None)
    record("update", "rescreen_rhythm", actor.practice_id, actor=actor)
    return get_rhythm(actor=actor)


# --------------------------------------------------------------------------------------------------------
# A group
# --------------------------------------------------------------------------------------------------------


def group_progress(*, group: Group, actor) -> dict:
    """The current members' change since their baseline in this group, for a supervision meeting."""
    rows = list(db.session.execute(
        select(GroupMember.participant_id, GroupMember.joined_on, Participant.display_name)
        .join(Participant, Participant.id == GroupMember.participant_id)
        .where(GroupMember.group_id == group.id, GroupMember.left_on.is_(None))
        .order_by(GroupMember.joined_at, GroupMember.id)))
    ids = [r.participant_id for r in rows]
    histories = history.histories(ids)
    reviews = history.reviews(ids)
    since = history.memberships(ids)
    latest = {}
    if ids:
        latest = dict(db.session.execute(select(Screening.participant_id, func.max(Screening.screened_at))
                                         .where(Screening.participant_id.in_(ids))
                                         .group_by(Screening.participant_id)).all())
    members = []
    for r in rows:
        result = history.evaluate(histories[r.participant_id], since=since[r.participant_id],
                                  latest_screening_at=latest.get(r.participant_id), reviews=reviews[r.participant_id])
        members.append({
            "participant_id": r.participant_id, "display_name": r.display_name, "joined_on": r.joined_on,
            "overall": result["overall"], "reliable_deterioration_active": result["enforced"],
            "below_caseness": result["below_caseness"], "paired": result["paired"],
            "instruments": [{"instrument": p["instrument"], "title": p["title"],
                             "baseline": p["baseline"]["score"] if p["baseline"] else None,
                             "latest": p["latest"]["score"], "change": p["change"],
                             "reliable_change": p["reliable_change"], "below_caseness": p["below_caseness"]}
                            for p in result["instruments"]],
        })
    record("read", "group_progress", group.id, actor=actor)
    return {"group_id": group.id, "group_name": group.name, **group_summary(members), "members": members}


def default_before(now: datetime | None = None) -> date:
    return ((now or datetime.now(UTC)) + timedelta(days=14)).date()


CATEGORICAL = ("asq", "present_crisis", "drug_use")  # yes/no screens: events on the time line, not score lines


def _verdict(p: dict) -> str:
    """One panel's verdict, e.g. "reliable deterioration: +6, threshold 6"."""
    threshold = (p["thresholds"] or {}).get("reliable_change")
    if threshold is None:
        return "no published reliable-change threshold: no verdict"
    if p["change"] is None:
        return f"one screening since baseline: no change yet (threshold {threshold})"
    words = {"deteriorated": "reliable deterioration", "improved": "reliable improvement"}.get(
        p["reliable_change"], "no reliable change")
    return f"{words}: {p['change']:+d}, threshold {threshold}"


def chart_data(result: dict) -> dict:
    """The chart's input (plain JSON) from `participant_progress`: the person and the date range (a printed
    record), each scored instrument's points, bands, baseline, verdict and reliable-change threshold, and
    the categorical screens as events."""
    form = default_form()
    out, events = [], []
    for p in result["instruments"]:
        if p["instrument"] in CATEGORICAL:
            events.append({"instrument": p["instrument"], "title": p["title"],
                           "points": [[s["at"].isoformat(), s["score"] > 0, s["band"]] for s in p["series"]]})
            continue
        bands = form.instrument(p["instrument"]).scoring.bands
        thresholds = p["thresholds"] or {}
        out.append({"instrument": p["instrument"], "title": p["title"],
                    "points": [[s["at"].isoformat(), s["score"]] for s in p["series"]],
                    "bands": [[b.min, b.max, b.label] for b in bands],
                    "max": max((b.max for b in bands), default=None),
                    "baseline": p["baseline"]["score"] if p["baseline"] else None,
                    "reliable_change": thresholds.get("reliable_change"), "verdict": _verdict(p),
                    "caseness": thresholds.get("caseness_at_least")})
    dates = sorted(s["at"] for p in result["instruments"] for s in p["series"])
    span = f", {dates[0].date().isoformat()} to {dates[-1].date().isoformat()}" if dates else ""
    return {"title": f"Progress of {result['display_name']}{span} (higher = more symptoms)",
            "instruments": out, "events": events}


def progress_svg(*, participant: Participant, actor, group_id: str | None = None,
                 instruments: list[str] | None = None) -> bytes:
    """The progress chart as SVG. ChartError when it cannot be drawn (the resource answers 503)."""
    result = participant_progress(participant=participant, actor=actor, group_id=group_id, instruments=instruments)
    try:
        return render_svg(chart_data(result))
    except OSError as err:
        raise ChartError(str(err)) from err

"""Series: create the held sessions of a programme from a template, show them, remove the future ones."""

from datetime import UTC, date, datetime

from sqlalchemy import select

from ..common.etag import etag_of
from ..common.zones import get_zone
from ..errors import Conflict, Invalid
from ..extensions import db
from ..groups.models import Group
from ..plans.models import SessionPlan
from ..plans.services import clone_plan, delete_plan
from ..signals import answers, plan_uses
from .models import Series
from .rules import SeriesRuleError, local_start, read_stored, recurrence, removable, series_dates, stored_text


def _lines(series: Series) -> dict:
    return read_stored(series.rrule)


def create_series(*, actor, group_id: str, template_id: str, first_starts_at: datetime, count: int,
                  every_weeks: int = 1, skip_dates=(), title: str | None = None) -> Series:
    """`count` held sessions cloned from the template, numbered 1.., in the group's zone (same wall-clock time
    across DST). Unknown or foreign ids in the body are a 422 naming the field."""
    group = db.session.scalars(select(Group).where(Group.id == group_id)).first()
    if group is None:
        raise Invalid("Group not found.", errors={"group_id": ["Unknown group."]})
    template = db.session.scalars(select(SessionPlan).where(SessionPlan.id == template_id)).first()
    if template is None:
        raise Invalid("Template not found.", errors={"template_id": ["Unknown plan."]})
    if template.group_id is not None:
        raise Invalid("A series is cloned from a template.",
              errors={"template_id": ["This plan belongs to a group: use a template (a plan with no group)."]})
    first_local = local_start(first_starts_at, group.timezone)
    try:
        dates = series_dates(first_local=first_local, zone=group.timezone, count=count, every_weeks=every_weeks,
                             skip_dates=skip_dates)
    except SeriesRuleError as err:
        raise Invalid(str(err), errors={err.field: [str(err)]}) from err
    rule = recurrence(first_local=first_local, zone=group.timezone, count=count, every_weeks=every_weeks,
                      skipped=dates.skipped)
    title = title or template.title
    series = Series(group_id=group.id, template_id=template.id, title=title, first_starts_at=dates.sessions[0],
                    timezone=group.timezone, count=count, every_weeks=every_weeks,
                    skip_dates=sorted(d.isoformat() for d in set(skip_dates)),
                    rrule=stored_text(rule))
    db.session.add(series)
    db.session.flush()
    for number, starts_at in enumerate(dates.sessions, start=1):
        plan = clone_plan(plan=template, options={"group_id": group.id, "starts_at": starts_at,
                                     "title": f"{title} - session {number}"})
        plan.series_id, plan.session_number = series.id, number
    db.session.flush()
    return series


def sessions_of(series: Series) -> list[SessionPlan]:
    return list(db.session.scalars(select(SessionPlan).where(SessionPlan.series_id == series.id)
                                   .order_by(SessionPlan.session_number, SessionPlan.starts_at)))


def _kept_by(plan_ids: list[str]) -> tuple[set[str], set[str]]:
    """Of these sessions, those with attendance and those with a note (the attendance and notes packages
    answer: series imports neither)."""
    if not plan_ids:
        return set(), set()
    found = answers(plan_uses, plan_ids=plan_ids)
    return set(found.get("attendance", ())), set(found.get("note", ()))


def _at(moment: datetime | None) -> datetime:
    """A series session's start or end: never None (only templates lack them)."""
    assert moment is not None
    return moment


def present(series: Series) -> dict:
    plans = sessions_of(series)
    attended, noted = _kept_by([p.id for p in plans])
    zone = get_zone(series.timezone)
    return {  # a series' sessions all have a start and an end (they are sessions of its group)
        "id": series.id, "group_id": series.group_id, "template_id": series.template_id, "title": series.title,
        "timezone": series.timezone, "first_starts_at": series.first_starts_at.astimezone(zone),
        "count": series.count, "every_weeks": series.every_weeks,
        "skip_dates": [date.fromisoformat(d) for d in series.skip_dates], **_lines(series),
        "sessions": [{"plan_id": p.id, "session_number": p.session_number, "title": p.title,
                      "starts_at": _at(p.starts_at).astimezone(zone), "ends_at": _at(p.ends_at).astimezone(zone),
                      "has_attendance": p.id in attended, "has_note": p.id in noted} for p in plans],
        "created_at": series.created_at, "updated_at": series.updated_at, "etag": etag_of(series),
    }


def rename_series(*, series: Series, title: str) -> Series:
    series.title = title
    series.updated_at = datetime.now(UTC)
    db.session.flush()
    return series


def delete_series(*, series: Series, now: datetime | None = None) -> int:
    """Remove the future sessions that have no attendance and no note (409 naming any future session that has
    them; nothing is removed then). Held sessions stay, with their series; a series left with no session goes.
    Returns how many sessions were removed."""
    now = now or datetime.now(UTC)
    plans = sessions_of(series)
    attended, noted = _kept_by([p.id for p in plans])
    blocking = [p for p in plans if _at(p.starts_at) > now and (p.id in attended or p.id in noted)]
    if blocking:
        names = ", ".join(f"session {p.session_number} ({p.title})" for p in blocking)
        raise Conflict(f"These future sessions have attendance or a note and are kept: {names}.",
              errors={"sessions": [p.id for p in blocking]})
    gone = [p for p in plans if removable(starts_at=_at(p.starts_at), now=now, has_attendance=p.id in attended,
                                          has_notes=p.id in noted)]
    for plan in gone:
        delete_plan(plan=plan)
    if len(gone) == len(plans):
        db.session.delete(series)
    else:
        series.updated_at = now
    db.session.flush()
    return len(gone)

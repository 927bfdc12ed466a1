"""Demo re-screens for the 8-week group (called from toolkit/demo.py): one member reliably improves, one
reliably deteriorates, so progress, the chart, the group view and the loop back into clearance show
something. Uses the group issue 19's demo makes when it exists, else makes a small programme of its own."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from ..extensions import db
from ..groups.models import Group, GroupMember
from ..groups.services import add_member, create_group
from ..participants.models import Participant
from ..participants.services import create_participant
from ..plans.services import create_plan
from ..screening.answers import valid_answers
from ..screening.models import Screening
from ..screening.services import current_form, submit_screening, validity
from .services import set_rhythm

GROUP_NAME = "Thursday evening inner child group"
PHQ_HIGH = {f"phq9_{i}": 2 for i in range(1, 7)}  # PHQ-9 12 (item 9, the critical one, stays 0)


def _dated(screening: Screening, at: datetime, form) -> Screening:
    screening.screened_at, screening.valid_until = at, at + validity(form)
    return screening


def _screen(person, raised, at, *, actor, form) -> Screening:
    answers = valid_answers(form.to_dict(), raised)
    screening = submit_screening(participant=person, data={"form_version": form.version, "answers": answers},
                                 actor=actor)
    return _dated(screening, at, form)


def _group(guide, people, modules):
    group = db.session.scalars(select(Group).where(Group.name == GROUP_NAME)).first()
    if group is not None:
        return group
    zone = ZoneInfo("Europe/London")
    first_day = datetime.now(zone).date() - timedelta(days=15)
    group = create_group(data={"kind": "group", "name": GROUP_NAME, "capacity": 8, "timezone": "Europe/London",
                          "starts_on": first_day, "facilitator_ids": [guide.id]})
    for person in people[4:10]:
        add_member(group=group, participant_id=person.id, joined_on=first_day)
    starts = datetime.combine(datetime.now(zone).date() + timedelta(days=6), time(18, 30), tzinfo=zone)
    slugs = ["opening-check-in", "younger-self-visualisation", "sharing-round", "closing-container"]
    create_plan(data={"title": "Week 4", "group_id": group.id, "starts_at": starts, "target_minutes": 90,
                 "items": [{"module_id": modules[s].id, "minutes": modules[s].default_minutes} for s in slugs]})
    return group


def add_progress_demo(*, admin, guide, people, modules) -> dict:
    """Re-screens for two members of the 8-week group; a re-screen rhythm of every 3 sessions."""
    form = current_form()
    group = _group(guide, people, modules)
    rows = db.session.execute(select(GroupMember.participant_id, GroupMember.joined_on)
                              .where(GroupMember.group_id == group.id, GroupMember.left_on.is_(None))
                              .order_by(GroupMember.joined_at, GroupMember.id)).all()
    joined_on = rows[0].joined_on
    entry = datetime.combine(joined_on - timedelta(days=3), time(17), tzinfo=UTC)
    week2 = datetime.combine(joined_on + timedelta(days=8), time(17), tzinfo=UTC)
    # get_one: the members were just added, so their participants exist (it raises rather than give None).
    better = db.session.get_one(Participant, rows[0].participant_id)
    # The one who deteriorates is in this group only: since version 3 a deterioration follows the person into
    # every group, and the demo retreat's printed agenda is kept as its own example.
    worse = create_participant(data={"display_name": "Rowan Weeknight", "date_of_birth": date(1987, 9, 14)},
                               actor=admin)
    add_member(group=group, participant_id=worse.id, joined_on=joined_on)
    # Improves: entered with PHQ-9 12, then 7, and the intake today scored 0 (reliable improvement, recovered).
    _screen(better, {**PHQ_HIGH, "gad7_1": 2, "gad7_2": 2, "gad7_3": 1}, entry, actor=guide, form=form)
    _screen(better, {"phq9_1": 2, "phq9_2": 2, "phq9_3": 2, "phq9_4": 1, "gad7_1": 1, "gad7_2": 1}, week2,
            actor=guide, form=form)
    # Deteriorates: GAD-7 0 at entry, then 3 and today 6 (reliable deterioration).
    _screen(worse, {}, entry, actor=guide, form=form)
    _screen(worse, {"gad7_1": 1, "gad7_2": 1, "gad7_3": 1, "phq9_1": 1}, week2, actor=guide, form=form)
    _screen(worse, {"gad7_1": 2, "gad7_2": 2, "gad7_3": 1, "gad7_4": 1, "phq9_1": 1, "phq9_2": 1},
            datetime.now(UTC), actor=guide, form=form)
    set_rhythm(actor=admin, changes={"every_sessions": 3})
    db.session.flush()
    return {"group_id": group.id, "improved": better.id, "deteriorated": worse.id}

from datetime import UTC, date, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from .. import signals
from ..auth.models import Therapist
from ..common.query import flush_delete, rowcount
from ..common.zones import get_zone
from ..errors import Conflict, Invalid, NotFound
from ..extensions import db
from ..participants.models import Participant
from ..signals import answers, group_facilitators_changed, group_uses
from .models import Group, GroupMember
from .rules import closed_to, full_message, group_problems, member_limit, on_roster, roster_on


def _facilitators(ids: list[str]) -> list[Therapist]:
    unique = list(dict.fromkeys(ids))
    found = db.session.scalars(select(Therapist).where(Therapist.id.in_(unique))).all() if unique else []
    if len(found) != len(unique):
        missing = sorted(set(unique) - {t.id for t in found})
        # An id in a body is a field of the request: 422 naming it, the same for unknown and other practices'.
        raise Invalid("Facilitator not found.", errors={"facilitator_ids": [f"Unknown therapist: {m}"
                                                                                  for m in missing]})
    return sorted(found, key=lambda t: t.name)  # the order the relationship loads them in


def _check(group: Group) -> None:
    errors = group_problems(kind=group.kind, capacity=group.capacity, starts_on=group.starts_on,
                            ends_on=group.ends_on, member_count=group.member_count or 0)
    if errors:
        raise Invalid("The group's settings are not valid.", errors=errors)


def create_group(*, data: dict) -> Group:
    facilitator_ids = data.pop("facilitator_ids", [])
    group = Group(**data, member_count=0)
    _check(group)
    group.facilitators = _facilitators(facilitator_ids)
    db.session.add(group)
    db.session.flush()
    return group


def update_group(*, group: Group, changes: dict) -> Group:
    facilitator_ids = changes.pop("facilitator_ids", None)
    for key, value in changes.items():
        setattr(group, key, value)
    _check(group)
    if facilitator_ids is not None:
        facilitators = _facilitators(facilitator_ids)
        if [t.id for t in facilitators] != [t.id for t in group.facilitators]:
            group.facilitators = facilitators
            # A facilitator who leaves stops leading its items (the plans package reacts: see plans/models.py).
            group_facilitators_changed.send(None, group_id=group.id, keep=[t.id for t in facilitators])
            group.updated_at = datetime.now(UTC)  # a facilitator change alone must move the version too
    if db.session.is_modified(group, include_collections=False):
        group.updated_at = datetime.now(UTC)
    db.session.flush()
    return group


def delete_group(*, group: Group) -> None:
    """A group with plans is not deleted (the plans package counts them; the foreign key is the backstop)."""
    plans = answers(group_uses, group_id=group.id).get("plans", 0)
    message = f"The group has {plans} plan(s): delete them or make them templates first."
    if plans:
        raise Conflict(message)
    db.session.execute(delete(GroupMember).where(GroupMember.group_id == group.id))
    db.session.delete(group)
    flush_delete(message)


def today_in(group: Group) -> date:
    return datetime.now(get_zone(group.timezone)).date()


def list_members(group: Group, *, on: date | None = None, history: bool = False) -> list[GroupMember]:
    """Current members; or the roster on a date (members whose period covers it); or every period."""
    stmt = (select(GroupMember).join(Participant, Participant.id == GroupMember.participant_id)
            .where(GroupMember.group_id == group.id).order_by(GroupMember.joined_on, GroupMember.joined_at,
                                                               GroupMember.id))
    rows = list(db.session.scalars(stmt).unique())
    if history:
        return rows
    if on is None:
        return [m for m in rows if m.left_on is None]
    keep = set(roster_on([(m.participant_id, m.joined_on, m.left_on) for m in rows], on))
    result, seen = [], set()
    for m in rows:
        if m.participant_id in keep and m.participant_id not in seen and on_roster(m.joined_on, m.left_on, on):
            result.append(m)
            seen.add(m.participant_id)
    return result


def periods_of(group_id: str) -> list[tuple[str, date, date | None]]:
    """Every membership period of a group as plain values (participant_id, joined_on, left_on)."""
    return [(row.participant_id, row.joined_on, row.left_on) for row in db.session.execute(
        select(GroupMember.participant_id, GroupMember.joined_on, GroupMember.left_on)
        .where(GroupMember.group_id == group_id)
        .order_by(GroupMember.joined_on, GroupMember.joined_at, GroupMember.id))]


def add_member(*, group: Group, participant_id: str, joined_on: date | None = None) -> GroupMember:
    """Enrol one participant (a new membership period). One conditional UPDATE takes the seat, so the kind and
    capacity limit (counting current members) hold under concurrent requests; a unique index on the open
    period refuses a double enrolment."""
    participant = db.session.scalars(select(Participant).where(Participant.id == participant_id)).first()
    if participant is None:
        raise Invalid("Participant not found.", errors={"participant_id": ["Unknown participant."]})
    if participant.archived:
        raise Conflict("The participant is archived: restore them before enrolling.")
    joined_on = joined_on or today_in(group)
    refused = closed_to(closed=group.closed, starts_on=group.starts_on, joined_on=joined_on)
    if refused:
        raise Conflict(refused)
    last_left = db.session.scalar(select(func.max(GroupMember.left_on)).where(
        GroupMember.group_id == group.id, GroupMember.participant_id == participant.id))
    if last_left is not None and joined_on < last_left:
        raise Invalid("A new period cannot start before the last one ended.",
              errors={"joined_on": [f"Must be on or after {last_left.isoformat()}."]})
    limit = member_limit(group.kind, group.capacity)
    take_seat = update(Group).where(Group.id == group.id).values(member_count=Group.member_count + 1)
    if limit is not None:
        take_seat = take_seat.where(Group.member_count < limit)
    taken = rowcount(db.session.execute(take_seat, execution_options={"synchronize_session": False}))
    if not taken:
        raise Conflict(full_message(group.kind, limit or 0))  # a limit was set: only a limited UPDATE misses
    member = GroupMember(group_id=group.id, participant_id=participant.id, joined_on=joined_on)
    db.session.add(member)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise Conflict("The participant is already a member of this group.") from None
    db.session.expire(group, ["member_count"])
    return member


def remove_member(*, group: Group, participant_id: str, left_on: date | None = None) -> GroupMember:
    """End the current membership period (the row stays: past rosters and attendance keep it)."""
    member = db.session.scalars(select(GroupMember).where(
        GroupMember.group_id == group.id, GroupMember.participant_id == participant_id,
        GroupMember.left_on.is_(None))).first()
    if member is None:
        raise NotFound("The participant is not a current member of this group.")
    left_on = left_on or today_in(group)
    if left_on < member.joined_on:
        raise Invalid("A membership cannot end before it began.",
              errors={"left_on": [f"Must be on or after {member.joined_on.isoformat()}."]})
    end = update(GroupMember).where(GroupMember.id == member.id, GroupMember.left_on.is_(None)).values(left_on=left_on)
    ended = rowcount(db.session.execute(end, execution_options={"synchronize_session": False}))
    if not ended:
        raise NotFound("The participant is not a current member of this group.")
    db.session.execute(update(Group).where(Group.id == group.id).values(member_count=Group.member_count - 1),
                       execution_options={"synchronize_session": False})
    db.session.expire(group, ["member_count"])
    db.session.refresh(member)
    signals.group_member_left.send(None, group=group, participant_id=participant_id, left_on=left_on)
    return member

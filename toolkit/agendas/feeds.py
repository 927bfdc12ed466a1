"""Calendar subscriptions: a group's sessions (every plan of the group, so each series' sessions) as one
iCalendar URL with a secret token.

The token is shown once, when it is made; only its SHA-256 is stored (a 256-bit random token needs no slow
hash), so a copy of the database cannot subscribe. Making a token again replaces the old one (rotation);
revoking deletes it. The feed is the participant view of the agenda, one event per session: titles, times,
the location and participant-safe text, never names, screenings, scripts or notes.
"""

import hashlib
import secrets
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import or_, select

from .. import signals
from ..common.zones import get_zone
from ..errors import NotFound
from ..extensions import db
from ..groups.models import Group, GroupMember
from ..groups.services import today_in
from ..plans.models import SessionPlan
from ..tenancy import set_practice
from .document import AgendaDocument
from .models import CalendarFeed, CancelledSession, MemberCalendarFeed
from .services import MAX_PLANS, build_document, with_cancellations

FEED_PATH = "/api/v1/calendar-feeds/"
PAST_DAYS = 90  # sessions that ended longer ago than this drop out of the feed
NOT_FOUND = "No calendar feed has this token (it may have been revoked or replaced)."


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def feed_of(group: Group) -> CalendarFeed:
    feed = db.session.scalars(select(CalendarFeed).where(CalendarFeed.group_id == group.id)).first()
    if feed is None:
        raise NotFound("This group has no calendar feed: make one with POST.")
    return feed


def make_token(*, group: Group, actor_id: str | None) -> tuple[CalendarFeed, str]:
    """A new secret token for the group's feed (the old one, if any, stops working). Returns the feed and
    the token, which is never stored and cannot be shown again."""
    token = secrets.token_urlsafe(32)
    feed = db.session.scalars(select(CalendarFeed).where(CalendarFeed.group_id == group.id)).first()
    if feed is None:
        feed = CalendarFeed(group_id=group.id)
        db.session.add(feed)
    else:
        feed.created_at = datetime.now(UTC)
    feed.token_hash, feed.created_by = hash_token(token), actor_id
    db.session.flush()
    return feed, token


def revoke(*, group: Group) -> None:
    db.session.delete(feed_of(group))
    db.session.flush()


def _current_member(group_id: str, participant_id: str, on: date) -> bool:
    return db.session.scalar(select(GroupMember.id).where(
        GroupMember.group_id == group_id, GroupMember.participant_id == participant_id,
        GroupMember.joined_on <= on, or_(GroupMember.left_on.is_(None), GroupMember.left_on > on))
        .limit(1)) is not None


def make_member_token(*, group: Group, participant_id: str, actor_id: str | None) -> tuple[MemberCalendarFeed, str]:
    """A member's own feed token (issue 31): it works only while they are a member, and is revoked when they
    leave. Making one again replaces the old one. NotFound when they are not a current member."""
    if not _current_member(group.id, participant_id, today_in(group)):
        raise NotFound("The participant is not a current member of this group.")
    token = secrets.token_urlsafe(32)
    feed = db.session.scalars(select(MemberCalendarFeed).where(
        MemberCalendarFeed.group_id == group.id, MemberCalendarFeed.participant_id == participant_id)).first()
    if feed is None:
        feed = MemberCalendarFeed(group_id=group.id, participant_id=participant_id)
        db.session.add(feed)
    else:
        feed.created_at = datetime.now(UTC)
    feed.token_hash, feed.created_by = hash_token(token), actor_id
    db.session.flush()
    return feed, token


def revoke_member(*, group: Group, participant_id: str) -> int:
    """Delete a member's own feed (the number of feeds revoked: 0 or 1)."""
    feeds = list(db.session.scalars(select(MemberCalendarFeed).where(
        MemberCalendarFeed.group_id == group.id, MemberCalendarFeed.participant_id == participant_id)))
    for feed in feeds:
        db.session.delete(feed)
    db.session.flush()
    return len(feeds)


@signals.group_member_left.connect
def _member_left(sender, *, group: Group, participant_id: str, **kwargs) -> None:
    """A member who leaves stops seeing the group's times and place at once."""
    revoke_member(group=group, participant_id=participant_id)


@signals.session_plan_deleted.connect
def _session_deleted(sender, *, plan_id: str, practice_id: str, group_id: str | None, title: str,
                     starts_at: datetime | None, ends_at: datetime | None, **kwargs) -> None:
    """A deleted session of a group leaves a tombstone: its calendar event is sent as cancelled from now on."""
    if group_id is None or starts_at is None:
        return
    db.session.add(CancelledSession(practice_id=practice_id, group_id=group_id, plan_id=plan_id, title=title,
                                    starts_at=starts_at, ends_at=ends_at or starts_at))
    db.session.flush()


@signals.therapist_deactivated.connect
def _end_feeds_of(sender, *, therapist, **kwargs) -> None:
    """A deactivated therapist's calendar feeds end with their logins (issue 28): the feed URLs answer 404 like
    a revoked token; an active colleague can make the group a new one."""
    for feed in db.session.scalars(select(CalendarFeed).where(CalendarFeed.created_by == therapist.id)):
        db.session.delete(feed)
    for member_feed in db.session.scalars(select(MemberCalendarFeed).where(
            MemberCalendarFeed.created_by == therapist.id)):  # members' own feeds too (issue 31)
        db.session.delete(member_feed)
    db.session.flush()


def _by_token(token: str) -> tuple[str, str, str | None]:
    """(practice id, group id, participant id or None) of a live token; NotFound otherwise, whatever the reason."""
    if not token or len(token) > 200:
        raise NotFound(NOT_FOUND)
    digest = hash_token(token)
    stmt = select(CalendarFeed).where(CalendarFeed.token_hash == digest)
    feed = db.session.scalars(stmt.execution_options(all_practices=True)).first()
    if feed is not None:
        return feed.practice_id, feed.group_id, None
    mine = select(MemberCalendarFeed).where(MemberCalendarFeed.token_hash == digest)
    member_feed = db.session.scalars(mine.execution_options(all_practices=True)).first()
    if member_feed is None:
        raise NotFound(NOT_FOUND)
    return member_feed.practice_id, member_feed.group_id, member_feed.participant_id


def feed_document(token: str, *, now: datetime | None = None) -> AgendaDocument:
    """The participant agenda of the token's group, for its calendar, with its cancelled sessions (NotFound for
    an unknown or revoked token, or a member's token after they left, the same whatever the reason). Runs
    without a caller: the feed's practice scopes everything after it."""
    practice_id, group_id, participant_id = _by_token(token)
    set_practice(db.session, practice_id)
    group = db.session.get(Group, group_id)
    assert group is not None  # a feed goes with its group (ON DELETE CASCADE)
    moment = now or datetime.now(UTC)
    # A membership's days are the group's (joined_on and left_on default to today in its zone).
    today = moment.astimezone(get_zone(group.timezone)).date()
    if participant_id is not None and not _current_member(group.id, participant_id, today):
        raise NotFound(NOT_FOUND)
    since = moment - timedelta(days=PAST_DAYS)
    plans = list(db.session.scalars(
        select(SessionPlan).where(SessionPlan.group_id == group.id, SessionPlan.ends_at >= since)
        .order_by(SessionPlan.starts_at, SessionPlan.id).limit(MAX_PLANS)))
    doc = build_document(plans=plans, group=group, practice_id=practice_id, audience="participant", paper="a4")
    return with_cancellations(doc, group, since=since)


def cancellations_document(group: Group) -> AgendaDocument:
    """Only the group's deleted sessions (participant view), which renders with METHOD:CANCEL."""
    doc = build_document(plans=[], group=group, practice_id=group.practice_id, audience="participant", paper="a4")
    return with_cancellations(doc, group)

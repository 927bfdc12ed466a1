"""Calendar subscriptions: a group's sessions (every plan of the group, so each series' sessions) as one
iCalendar URL with a secret token.

The token is shown once, when it is made; only its SHA-256 is stored (a 256-bit random token needs no slow
hash), so a copy of the database cannot subscribe. Making a token again replaces the old one (rotation);
revoking deletes it. The feed is the participant view of the agenda, one event per session: titles, times,
the location and participant-safe text, never names, screenings, scripts or notes.
"""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from .. import signals
from ..errors import NotFound
from ..extensions import db
from ..groups.models import Group
from ..plans.models import SessionPlan
from ..tenancy import set_practice
from .document import AgendaDocument
from .models import CalendarFeed
from .services import MAX_PLANS, build_document

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


@signals.therapist_deactivated.connect
def _end_feeds_of(sender, *, therapist, **kwargs) -> None:
    """A deactivated therapist's calendar feeds end with their logins (issue 28): the feed URLs answer 404 like
    a revoked token; an active colleague can make the group a new one."""
    for feed in db.session.scalars(select(CalendarFeed).where(CalendarFeed.created_by == therapist.id)):
        db.session.delete(feed)
    db.session.flush()


def feed_document(token: str, *, now: datetime | None = None) -> AgendaDocument:
    """The participant agenda of the token's group, for its calendar (NotFound for an unknown or revoked token,
    the same whatever the reason). Runs without a caller: the feed's practice scopes everything after it."""
    if not token or len(token) > 200:
        raise NotFound(NOT_FOUND)
    stmt = select(CalendarFeed).where(CalendarFeed.token_hash == hash_token(token))
    feed = db.session.scalars(stmt.execution_options(all_practices=True)).first()
    if feed is None:
        raise NotFound(NOT_FOUND)
    set_practice(db.session, feed.practice_id)
    group = db.session.get(Group, feed.group_id)
    assert group is not None  # a feed goes with its group (ON DELETE CASCADE)
    since = (now or datetime.now(UTC)) - timedelta(days=PAST_DAYS)
    plans = list(db.session.scalars(
        select(SessionPlan).where(SessionPlan.group_id == group.id, SessionPlan.ends_at >= since)
        .order_by(SessionPlan.starts_at, SessionPlan.id).limit(MAX_PLANS)))
    return build_document(plans=plans, group=group, practice_id=feed.practice_id, audience="participant",
                          paper="a4")
